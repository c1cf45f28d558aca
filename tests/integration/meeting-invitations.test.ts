// Meeting invitations through a real SMTP server on this machine: inviting an institution (rows for
// its people, e-mails), an external guest (e-mail with an .ics that ical.js parses, Warsaw time),
// answering by the link without signing in, wrong tokens, who may invite (403 / 404), the
// signed-in invitee's own answer, cancellation e-mails and the personal calendar feed.
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { requireUser } from "~/modules/auth/session.server";
import { invitationAction, loadInvitations, sendMeetingCancellation } from "~/modules/meetings/invitations.server";
import { loadMeetingAccess } from "~/modules/meetings/access.server";
import { warsawInstant } from "~/modules/tasks/deadline";
import * as rsvpRoute from "~/routes/spotkania.odpowiedz.$token";
import * as feedRoute from "~/routes/kalendarz.$token[.]ics";
import * as prefsRoute from "~/routes/_app.profil.powiadomienia";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run, testContext } from "../http";

const inbox: ParsedMail[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => inbox.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  inbox.length = 0;
});

const to = (mail: ParsedMail) => (mail.to && "text" in mail.to ? mail.to.text : "");
const mailTo = (address: string) => inbox.find((m) => to(m).includes(address));

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

const STARTS = warsawInstant("2027-03-16", "10:00");
const ENDS = warsawInstant("2027-03-16", "12:30");

/** BKPPT organises; FRGK and ARREKS are partners; a coordinator, a member of each. */
async function setting() {
  const bkppt = await buildInstitution({ shortName: "BKPPT", name: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny" });
  const frgk = await buildInstitution({ shortName: "FRGK", name: "Fundacja Rozwoju Gminy Kleszczów" });
  const arreks = await buildInstitution({ shortName: "ARREKS", name: "Agencja Rozwoju Regionalnego ARREKS" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel", email: "koordynator@razem.test" });
  const frgkA = await signedIn({ institutionId: frgk.id, name: "Aleksandra Nowak", email: "ola@razem.test" });
  const frgkB = await signedIn({ institutionId: frgk.id, name: "John Smith", email: "john@razem.test", locale: "en" });
  await buildUser({ institutionId: frgk.id, name: "Były pracownik", email: "byly@razem.test", deactivatedAt: new Date() });
  const outsider = await signedIn({ institutionId: arreks.id, name: "Anna Lewandowska", email: "anna@razem.test" });
  const meeting = await db.meeting.create({
    data: {
      title: "Konsultacje: strategia transformacji; etap 2",
      kind: "SOCIAL_CONSULTATION",
      startsAt: STARTS,
      endsAt: ENDS,
      place: "Kleszczów, ul. Główna 1",
      onlineUrl: "https://meet.example.pl/abc",
      organizerInstitutionId: bkppt.id,
      createdById: coordinator.user.id,
      description: "<p>Omówienie <strong>projektu</strong> strategii.</p>",
      agenda: { create: [{ position: 1, title: "Powitanie", startTime: "10:00" }, { position: 2, title: "Prezentacja projektu", startTime: "10:15", ownerName: "dr Jan Kowalski" }] },
    },
  });
  return { bkppt, frgk, arreks, coordinator, frgkA, frgkB, outsider, meeting };
}

/** Posts an intent to the meeting page the way its action hands it to invitationAction. */
async function act(cookie: string, meetingId: string, form: Record<string, string>) {
  const request = makeRequest(`/spotkania/${meetingId}`, { cookie, form });
  const user = await requireUser(request);
  const fd = await request.clone().formData();
  return run(() => invitationAction({ request, context: testContext }, fd, { user, meetingId }), request);
}

function tokenFrom(mail: ParsedMail, answer = "tak"): string {
  const match = new RegExp(`http://razem\\.test/spotkania/odpowiedz/([\\w-]+)\\?odp=${answer}`).exec(mail.text ?? "");
  expect(match, mail.text).not.toBeNull();
  return match![1];
}

function icsOf(mail: ParsedMail): string {
  const att = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(att, "an .ics attachment").toBeDefined();
  return att!.content.toString("utf8");
}

function parseIcs(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const vevents = calendar.getAllSubcomponents("vevent");
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

describe("meeting invitations", () => {
  it("inviting an institution creates rows for its active people and e-mails each in their language", async () => {
    const { coordinator, frgk, frgkA, frgkB, meeting } = await setting();
    const res = await act(coordinator.cookie, meeting.id, { intent: "inviteInstitution", institutionId: frgk.id });
    expect(res.status).toBe(302);
    expect(await db.meetingInstitution.count({ where: { meetingId: meeting.id, institutionId: frgk.id } })).toBe(1);
    const rows = await db.meetingInvitation.findMany({ where: { meetingId: meeting.id }, orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.userId).sort()).toEqual([frgkA.user.id, frgkB.user.id].sort());
    for (const r of rows) {
      expect(r.viaInstitutionId).toBe(frgk.id);
      expect(r.rsvpTokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.emailedAt).not.toBeNull();
    }
    expect(inbox).toHaveLength(2);
    const pl = mailTo("ola@razem.test")!;
    expect(pl.subject).toBe("Zaproszenie: Konsultacje: strategia transformacji; etap 2 (wtorek, 16 marca 2027, 10:00–12:30)");
    expect(pl.text).toContain("Dzień dobry, Aleksandra Nowak!");
    expect(pl.text).toContain("Kleszczów, ul. Główna 1");
    expect(pl.text).toContain("1. 10:00 Powitanie");
    expect(pl.text).toContain("2. 10:15 Prezentacja projektu — dr Jan Kowalski");
    expect(pl.text).toMatch(/odp=tak[\s\S]*odp=nie[\s\S]*odp=moze/);
    expect(pl.text).toContain(`http://razem.test/spotkania/${meeting.id}`);
    const en = mailTo("john@razem.test")!;
    expect(en.subject).toMatch(/^Invitation: /);
    expect(en.text).toContain("Hello John Smith,");
    // Audited.
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "meeting.invite.institution" } });
    expect(audit).toMatchObject({ actorId: coordinator.user.id, entityId: meeting.id });
    // Inviting it again is refused next to the field.
    const again = await act(coordinator.cookie, meeting.id, { intent: "inviteInstitution", institutionId: frgk.id });
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ errors: { institutionId: "meetingInvitations.error.institutionExists" } });
  });

  it("a guest gets an e-mail with an .ics invitation (Warsaw time) and answers by the link without signing in", async () => {
    const { coordinator, meeting } = await setting();
    const res = await act(coordinator.cookie, meeting.id, { intent: "inviteGuest", guestName: "Jan Gość", guestEmail: "Gosc@Example.PL" });
    expect(res.status).toBe(302);
    const mail = mailTo("gosc@example.pl")!;
    expect(mail).toBeDefined();
    expect(mail.text).toContain("Dzień dobry, Jan Gość!");
    // Guests have no account: no link into the app.
    expect(mail.text).not.toContain(`/spotkania/${meeting.id}`);

    const ics = icsOf(mail);
    expect(ics).toContain("METHOD:REQUEST");
    const { calendar, events, vevents } = parseIcs(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event.uid).toBe(`meeting-${meeting.id}@razem.test`);
    expect(event.summary).toBe("Konsultacje: strategia transformacji; etap 2");
    expect(event.location).toBe("Kleszczów, ul. Główna 1 — https://meet.example.pl/abc");
    expect(vevents[0].getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Warsaw");
    expect(event.startDate.toString()).toBe("2027-03-16T10:00:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-16T09:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-16T11:30:00.000Z");
    expect(event.description).toContain("Omówienie projektu strategii.");
    expect(event.description).toContain("2. 10:15 Prezentacja projektu — dr Jan Kowalski");
    expect(String(vevents[0].getFirstPropertyValue("organizer"))).toBe("mailto:razem@localhost");
    expect(String(vevents[0].getFirstPropertyValue("attendee"))).toBe("mailto:gosc@example.pl");
    expect(vevents[0].getFirstPropertyValue("sequence")).toBe(1);

    // The link: GET shows the meeting with "tak" pre-selected; POST records it, no session needed.
    const token = tokenFrom(mail, "tak");
    const page = await run(rsvpRoute.loader, makeRequest(`/spotkania/odpowiedz/${token}?odp=tak`), { token });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ selected: "YES", view: { state: "open", name: "Jan Gość", rsvp: "PENDING", meeting: { title: meeting.title } } });
    const answered = await run(rsvpRoute.action, makeRequest(`/spotkania/odpowiedz/${token}?odp=tak`, { form: { answer: "YES" } }), { token });
    expect(answered.status).toBe(200);
    expect(answered.data).toMatchObject({ saved: "YES" });
    const row = await db.meetingInvitation.findFirstOrThrow({ where: { meetingId: meeting.id, guestEmail: "gosc@example.pl" } });
    expect(row.rsvp).toBe("YES");
    expect(row.rsvpAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "meeting.rsvp" } });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "gosc@example.pl", entityId: row.id });

    // The same address twice is refused; the organiser's list shows the answer and counts.
    const dup = await act(coordinator.cookie, meeting.id, { intent: "inviteGuest", guestName: "Jan", guestEmail: "gosc@example.pl" });
    expect(dup.status).toBe(409);
    expect(dup.data).toMatchObject({ errors: { guestEmail: "meetingInvitations.error.guestExists" } });
    const { access } = await loadMeetingAccess(coordinator.user, meeting.id);
    const list = await loadInvitations(meeting.id, access, coordinator.user);
    expect(list.counts).toEqual({ YES: 1, NO: 0, MAYBE: 0, PENDING: 0 });
    expect(list.invitations[0]).toMatchObject({ guest: true, name: "Jan Gość", rsvp: "YES" });
    expect(list.institutionChoices.length).toBeGreaterThan(0);
  });

  it("an unknown token is 404; an invalid answer stays on the page; a cancelled meeting says so", async () => {
    const { coordinator, meeting } = await setting();
    for (const token of ["zly-token-1234567890", "x"]) {
      expect((await run(rsvpRoute.loader, makeRequest(`/spotkania/odpowiedz/${token}`), { token })).status).toBe(404);
      expect((await run(rsvpRoute.action, makeRequest(`/spotkania/odpowiedz/${token}`, { form: { answer: "YES" } }), { token })).status).toBe(404);
    }
    await act(coordinator.cookie, meeting.id, { intent: "inviteGuest", guestName: "Jan Gość", guestEmail: "gosc@example.pl" });
    const token = tokenFrom(inbox[0], "nie");
    const bad = await run(rsvpRoute.action, makeRequest(`/spotkania/odpowiedz/${token}`, { form: { answer: "BYC-MOZE" } }), { token });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { answer: "meetingInvitations.validation.answer" } });

    await db.meeting.update({ where: { id: meeting.id }, data: { cancelledAt: new Date(), version: { increment: 1 } } });
    inbox.length = 0;
    expect(await sendMeetingCancellation(meeting.id)).toEqual({ sent: 1, failed: 0 });
    const cancel = inbox[0];
    expect(cancel.subject).toMatch(/^Odwołane: /);
    const { calendar, events } = parseIcs(icsOf(cancel));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0].uid).toBe(`meeting-${meeting.id}@razem.test`);
    expect(events[0].sequence).toBe(2);

    const page = await run(rsvpRoute.loader, makeRequest(`/spotkania/odpowiedz/${token}`), { token });
    expect(page.data).toMatchObject({ view: { state: "cancelled" } });
    const late = await run(rsvpRoute.action, makeRequest(`/spotkania/odpowiedz/${token}`, { form: { answer: "YES" } }), { token });
    expect(late.status).toBe(409);
    expect((await db.meetingInvitation.findFirstOrThrow({ where: { meetingId: meeting.id } })).rsvp).toBe("PENDING");
  });

  it("a plain invitee cannot invite (403, audited) but answers for themselves; an outsider gets 404", async () => {
    const { coordinator, frgkA, outsider, meeting } = await setting();
    await act(coordinator.cookie, meeting.id, { intent: "inviteUsers", userIds: frgkA.user.id });
    expect(inbox.map(to)).toEqual(["ola@razem.test"]);
    expect(await db.meetingInvitation.count({ where: { meetingId: meeting.id, userId: frgkA.user.id, viaInstitutionId: null } })).toBe(1);

    const denied = await act(frgkA.cookie, meeting.id, { intent: "inviteGuest", guestName: "X", guestEmail: "x@example.pl" });
    expect(denied.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: frgkA.user.id, summary: "meeting.invite" } })).toBe(1);
    expect(await db.meetingInvitation.count({ where: { meetingId: meeting.id, guestEmail: "x@example.pl" } })).toBe(0);

    const answered = await act(frgkA.cookie, meeting.id, { intent: "rsvp", answer: "MAYBE" });
    expect(answered.status).toBe(302);
    expect((await db.meetingInvitation.findFirstOrThrow({ where: { meetingId: meeting.id, userId: frgkA.user.id } })).rsvp).toBe("MAYBE");

    const forms: Record<string, string>[] = [
      { intent: "inviteUsers", userIds: outsider.user.id },
      { intent: "inviteGuest", guestName: "X", guestEmail: "x@example.pl" },
      { intent: "inviteRemove", invitationId: "x" },
      { intent: "inviteResend", invitationId: "x" },
      { intent: "rsvp", answer: "YES" },
    ];
    for (const form of forms) {
      expect((await act(outsider.cookie, meeting.id, form)).status, form.intent).toBe(404);
    }
  });

  it("resend gives a fresh link (the old one stops working); remove deletes the invitation", async () => {
    const { coordinator, meeting } = await setting();
    await act(coordinator.cookie, meeting.id, { intent: "inviteGuest", guestName: "Jan Gość", guestEmail: "gosc@example.pl" });
    const oldToken = tokenFrom(inbox[0]);
    const row = await db.meetingInvitation.findFirstOrThrow({ where: { meetingId: meeting.id } });
    inbox.length = 0;
    expect((await act(coordinator.cookie, meeting.id, { intent: "inviteResend", invitationId: row.id })).status).toBe(302);
    const newToken = tokenFrom(inbox[0]);
    expect(newToken).not.toBe(oldToken);
    expect((await run(rsvpRoute.loader, makeRequest(`/spotkania/odpowiedz/${oldToken}`), { token: oldToken })).status).toBe(404);
    expect((await run(rsvpRoute.loader, makeRequest(`/spotkania/odpowiedz/${newToken}`), { token: newToken })).status).toBe(200);

    expect((await act(coordinator.cookie, meeting.id, { intent: "inviteRemove", invitationId: row.id })).status).toBe(302);
    expect(await db.meetingInvitation.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: { in: ["meeting.invite.guest", "meeting.invite.resend", "meeting.invite.remove"] } } })).toBe(3);
  });

  it("the personal calendar feed shows the meeting to an invited person, not to an outsider", async () => {
    const { coordinator, frgk, frgkA, outsider, meeting } = await setting();
    await act(coordinator.cookie, meeting.id, { intent: "inviteInstitution", institutionId: frgk.id });

    async function feed(cookie: string) {
      const res = await run(prefsRoute.action, makeRequest("/profil/powiadomienia", { cookie, form: { intent: "regenerateCalendar" } }));
      const token = /\/kalendarz\/([\w-]+)\.ics$/.exec((res.data as { calendarUrl: string }).calendarUrl)![1];
      const body = await run(feedRoute.loader, makeRequest(`/kalendarz/${token}.ics`), { token });
      expect(body.status).toBe(200);
      return parseIcs(body.data as string).events;
    }
    const mine = await feed(frgkA.cookie);
    expect(mine).toHaveLength(1);
    expect(mine[0].uid).toBe(`meeting-${meeting.id}@razem.test`);
    expect(mine[0].startDate.toJSDate().toISOString()).toBe(STARTS.toISOString());
    expect(mine[0].endDate.toJSDate().toISOString()).toBe(ENDS.toISOString());
    expect(await feed(outsider.cookie)).toHaveLength(0);

    // A cancelled meeting stays in the feed as CANCELLED so calendars drop it.
    await db.meeting.update({ where: { id: meeting.id }, data: { cancelledAt: new Date() } });
    const after = await feed(frgkA.cookie);
    expect(after[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});
