// Meetings through their routes with real sessions and a real database: who may create (403 for a
// plain member), validation next to the fields, editing with a stale version (409, nothing lost),
// cancelling and the trash (organisers only), who sees what (404 for outsiders, also for the
// printable attendance list and its PDF), the agenda order, attendance with walk-ins, minutes with
// optimistic concurrency, action items turned into tasks, and the PDF's text (Polish letters).
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { db } from "~/utils/db.server";
import { warsawInstant } from "~/modules/tasks/deadline";
import * as newRoute from "~/routes/_app.spotkania.nowe";
import * as editRoute from "~/routes/_app.spotkania.$meetingId_.edytuj";
import * as pageRoute from "~/routes/_app.spotkania.$meetingId";
import * as sheetRoute from "~/routes/_app.spotkania.$meetingId_.lista-obecnosci";
import * as pdfRoute from "~/routes/spotkania.$meetingId.lista-obecnosci[.]pdf";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run, testContext } from "../http";
import { buildTeam } from "../team-factories";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/**
 * BKPPT organises, FRGK is a partner, ARREKS stays outside. A BKPPT coordinator, a plain BKPPT
 * member, FRGK people and an ARREKS member; a workspace shared by BKPPT (editor) and FRGK (viewer).
 */
async function partnership() {
  const bkppt = await buildInstitution({ shortName: "BKPPT", name: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny" });
  const frgk = await buildInstitution({ shortName: "FRGK", name: "Fundacja Rozwoju Gminy Kleszczów" });
  const arreks = await buildInstitution({ shortName: "ARREKS", name: "Agencja Rozwoju Regionalnego ARREKS" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const member = await signedIn({ institutionId: bkppt.id, name: "Łukasz Żółkiewski" });
  const frgkPerson = await signedIn({ institutionId: frgk.id, name: "Aleksandra Nowak" });
  const frgkOther = await signedIn({ institutionId: frgk.id, name: "Źdźisław Ćwikła" });
  const outsider = await signedIn({ institutionId: arreks.id, name: "Anna Lewandowska" });
  const arreksCoordinator = await signedIn({ institutionId: arreks.id, institutionRole: "COORDINATOR", name: "Tomasz Kaczmarek" });
  const workspace = await db.workspace.create({
    data: {
      name: "Strategia transformacji",
      owningInstitutionId: bkppt.id,
      createdById: coordinator.user.id,
      institutions: { create: [{ institutionId: frgk.id, role: "VIEWER" }] },
      members: { create: [{ userId: coordinator.user.id, role: "OWNER" }] },
    },
  });
  return { bkppt, frgk, arreks, coordinator, member, frgkPerson, frgkOther, outsider, arreksCoordinator, workspace };
}

type World = Awaited<ReturnType<typeof partnership>>;

function meetingForm(w: Pick<World, "bkppt">, changes: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Konsultacje społeczne: Energopolis",
    kind: "SOCIAL_CONSULTATION",
    date: "2027-03-16",
    startTime: "10:00",
    endDate: "",
    endTime: "12:30",
    place: "Kleszczów, ul. Główna 1",
    onlineUrl: "",
    organizerInstitutionId: w.bkppt.id,
    workspaceId: "",
    teamId: "",
    description: "<p>Omówienie projektu.</p>",
    ...changes,
  };
}

/** An internal BKPPT meeting: no workspace, no team, only FRGK invited as an institution. */
async function internalMeeting(w: World, data: { workspaceId?: string | null; teamId?: string | null } = {}) {
  return db.meeting.create({
    data: {
      title: "Spotkanie koordynacyjne — łączenie ścieżek",
      kind: "COORDINATION",
      startsAt: warsawInstant("2027-03-16", "10:00"),
      endsAt: warsawInstant("2027-03-16", "12:30"),
      place: "Bełchatów, sala 2",
      organizerInstitutionId: w.bkppt.id,
      createdById: w.coordinator.user.id,
      workspaceId: data.workspaceId ?? null,
      teamId: data.teamId ?? null,
      institutions: { create: [{ institutionId: w.frgk.id }] },
    },
  });
}

const mp = (meetingId: string) => ({ meetingId });

function pagePost(cookie: string, meetingId: string, form: Record<string, string>) {
  return run(pageRoute.action, makeRequest(`/spotkania/${meetingId}`, { cookie, form }), mp(meetingId));
}

function pageGet(cookie: string, meetingId: string) {
  return run(pageRoute.loader, makeRequest(`/spotkania/${meetingId}`, { cookie }), mp(meetingId));
}

function sheetGet(cookie: string, meetingId: string) {
  return run(sheetRoute.loader, makeRequest(`/spotkania/${meetingId}/lista-obecnosci`, { cookie }), mp(meetingId));
}

/** The PDF route's raw answer (binary, so not through run()). */
async function pdfGet(cookie: string, meetingId: string): Promise<Response> {
  try {
    return (await pdfRoute.loader({ request: makeRequest(`/spotkania/${meetingId}/lista-obecnosci.pdf`, { cookie }), params: mp(meetingId), context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("creating meetings", () => {
  it("a coordinator creates a meeting (audited); a plain member without a workspace/team role gets 403", async () => {
    const w = await partnership();
    const res = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.coordinator.cookie, form: meetingForm(w) }));
    expect(res.status).toBe(302);
    const meeting = await db.meeting.findFirstOrThrow({ where: { title: "Konsultacje społeczne: Energopolis" } });
    expect(res.headers.get("Location")).toBe(`/spotkania/${meeting.id}`);
    expect(meeting).toMatchObject({ kind: "SOCIAL_CONSULTATION", place: "Kleszczów, ul. Główna 1", organizerInstitutionId: w.bkppt.id, createdById: w.coordinator.user.id, version: 1 });
    expect(meeting.startsAt.toISOString()).toBe("2027-03-16T09:00:00.000Z"); // 10:00 in Warsaw (CET)
    expect(await db.auditLog.count({ where: { action: "meeting.create", entityId: meeting.id, actorId: w.coordinator.user.id } })).toBe(1);

    const denied = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.member.cookie, form: meetingForm(w, { title: "Nie wolno" }) }));
    expect(denied.status).toBe(403);
    expect(await db.meeting.count({ where: { title: "Nie wolno" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: w.member.user.id, summary: "meeting.create" } })).toBe(1);

    // A workspace VIEWER is still a plain member for creating; an EDITOR may create there.
    const viewerDenied = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.frgkPerson.cookie, form: meetingForm(w, { organizerInstitutionId: w.frgk.id, workspaceId: w.workspace.id }) }));
    expect(viewerDenied.status).toBe(403);
    await db.workspaceMember.create({ data: { workspaceId: w.workspace.id, userId: w.member.user.id, role: "EDITOR" } });
    const editor = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.member.cookie, form: meetingForm(w, { title: "Warsztaty w przestrzeni", workspaceId: w.workspace.id }) }));
    expect(editor.status).toBe(302);
  });

  it("puts validation messages next to the fields: end before start, neither place nor link, bad link", async () => {
    const w = await partnership();
    const endBefore = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.coordinator.cookie, form: meetingForm(w, { endTime: "09:30" }) }));
    expect(endBefore.status).toBe(400);
    expect(endBefore.data).toMatchObject({ errors: { endTime: "meetings.validation.endAfterStart" } });
    const nowhere = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.coordinator.cookie, form: meetingForm(w, { place: "", onlineUrl: "" }) }));
    expect(nowhere.status).toBe(400);
    expect(nowhere.data).toMatchObject({ errors: { place: "meetings.validation.placeOrLink" }, values: { title: "Konsultacje społeczne: Energopolis" } });
    const badLink = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.coordinator.cookie, form: meetingForm(w, { place: "", onlineUrl: "javascript:alert(1)" }) }));
    expect(badLink.status).toBe(400);
    expect(badLink.data).toMatchObject({ errors: { onlineUrl: "meetings.validation.url" } });
    const otherOrganiser = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.coordinator.cookie, form: meetingForm(w, { organizerInstitutionId: w.frgk.id }) }));
    expect(otherOrganiser.status).toBe(400);
    expect(otherOrganiser.data).toMatchObject({ errors: { organizerInstitutionId: "meetings.validation.organizer" } });
    // Online only is fine; the next day's end is fine too.
    const online = await run(newRoute.action, makeRequest("/spotkania/nowe", { cookie: w.coordinator.cookie, form: meetingForm(w, { place: "", onlineUrl: "https://meet.example.pl/x", endDate: "2027-03-17", endTime: "09:00" }) }));
    expect(online.status).toBe(302);
    expect(await db.meeting.count()).toBe(1);
  });
});

describe("editing, cancelling and the trash", () => {
  it("a stale version gets 409 and overwrites nothing", async () => {
    const w = await partnership();
    const meeting = await internalMeeting(w);
    const form = (changes: Record<string, string>) => ({ ...meetingForm(w, { title: meeting.title, kind: "COORDINATION", place: "Bełchatów, sala 2" }), version: "1", ...changes });
    const first = await run(editRoute.action, makeRequest(`/spotkania/${meeting.id}/edytuj`, { cookie: w.coordinator.cookie, form: form({ title: "Pierwsza zmiana" }) }), mp(meeting.id));
    expect(first.status).toBe(302);
    const stale = await run(editRoute.action, makeRequest(`/spotkania/${meeting.id}/edytuj`, { cookie: w.coordinator.cookie, form: form({ title: "Druga zmiana (stara wersja)" }) }), mp(meeting.id));
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ errors: { _form: "meetings.conflict" } });
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored).toMatchObject({ title: "Pierwsza zmiana", version: 2 });
    expect(await db.auditLog.count({ where: { action: "meeting.update", entityId: meeting.id } })).toBe(1);
    // An invitee may look but not edit (403); an outsider doesn't learn it exists (404).
    expect((await run(editRoute.loader, makeRequest(`/spotkania/${meeting.id}/edytuj`, { cookie: w.frgkPerson.cookie }), mp(meeting.id))).status).toBe(403);
    expect((await run(editRoute.loader, makeRequest(`/spotkania/${meeting.id}/edytuj`, { cookie: w.outsider.cookie }), mp(meeting.id))).status).toBe(404);
  });

  it("only organisers cancel, trash and restore; a cancelled meeting is frozen", async () => {
    const w = await partnership();
    const meeting = await internalMeeting(w);
    expect((await pagePost(w.frgkPerson.cookie, meeting.id, { intent: "cancel" })).status).toBe(403);
    expect((await pagePost(w.outsider.cookie, meeting.id, { intent: "cancel" })).status).toBe(404);
    expect((await pagePost(w.frgkPerson.cookie, meeting.id, { intent: "trash" })).status).toBe(403);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ cancelledAt: null, deletedAt: null });

    expect((await pagePost(w.coordinator.cookie, meeting.id, { intent: "cancel" })).status).toBe(302);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).cancelledAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "meeting.cancel", entityId: meeting.id } })).toBe(1);
    // Frozen: no agenda changes after cancelling, even for the organiser.
    expect((await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaAdd", title: "Po odwołaniu" })).status).toBe(403);

    const trashed = await pagePost(w.coordinator.cookie, meeting.id, { intent: "trash" });
    expect(trashed.status).toBe(302);
    expect(trashed.headers.get("Location")).toBe("/spotkania");
    // In the trash: invisible to the invitee, still open to the organiser (to restore it).
    expect((await pageGet(w.frgkPerson.cookie, meeting.id)).status).toBe(404);
    expect((await pageGet(w.coordinator.cookie, meeting.id)).status).toBe(200);
    expect((await pagePost(w.frgkPerson.cookie, meeting.id, { intent: "restore" })).status).toBe(404);
    expect((await pagePost(w.coordinator.cookie, meeting.id, { intent: "restore" })).status).toBe(302);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).deletedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ["meeting.trash", "meeting.restore"] }, entityId: meeting.id } })).toBe(2);
  });
});

describe("who sees a meeting", () => {
  it("another institution's internal meeting is 404 on the page, the attendance list and the PDF; invitees and workspace members see theirs", async () => {
    const w = await partnership();
    const internal = await internalMeeting(w);
    for (const who of [w.outsider, w.arreksCoordinator]) {
      expect((await pageGet(who.cookie, internal.id)).status).toBe(404);
      expect((await sheetGet(who.cookie, internal.id)).status).toBe(404);
      expect((await pdfGet(who.cookie, internal.id)).status).toBe(404);
    }
    // A wrong id answers the same.
    expect((await sheetGet(w.coordinator.cookie, "nie-ma-takiego")).status).toBe(404);
    // A person of the invited institution sees it, and may print the list.
    const invitee = await pageGet(w.frgkPerson.cookie, internal.id);
    expect(invitee.status).toBe(200);
    expect(invitee.data).toMatchObject({ meeting: { title: internal.title }, can: { view: true, edit: false, recordAttendance: false } });
    expect((await sheetGet(w.frgkPerson.cookie, internal.id)).status).toBe(200);
    expect((await pdfGet(w.frgkPerson.cookie, internal.id)).status).toBe(200);
    // A plain BKPPT member (not invited) doesn't see the coordinator's internal meeting either.
    expect((await pageGet(w.member.cookie, internal.id)).status).toBe(404);

    // A workspace meeting: the workspace's people see it (FRGK through its institution's role).
    const inWorkspace = await db.meeting.create({
      data: {
        title: "Przegląd dokumentów strategii",
        kind: "WORKSHOP",
        startsAt: warsawInstant("2027-04-01", "09:00"),
        endsAt: warsawInstant("2027-04-01", "11:00"),
        onlineUrl: "https://meet.example.pl/ws",
        organizerInstitutionId: w.bkppt.id,
        createdById: w.coordinator.user.id,
        workspaceId: w.workspace.id,
      },
    });
    expect((await pageGet(w.frgkOther.cookie, inWorkspace.id)).status).toBe(200);
    expect((await sheetGet(w.frgkOther.cookie, inWorkspace.id)).status).toBe(200);
    expect((await pageGet(w.outsider.cookie, inWorkspace.id)).status).toBe(404);
    await db.workspaceMember.create({ data: { workspaceId: w.workspace.id, userId: w.outsider.user.id, role: "VIEWER" } });
    expect((await pageGet(w.outsider.cookie, inWorkspace.id)).status).toBe(200);
  });
});

describe("running a meeting", () => {
  it("keeps the agenda in order when items are added, moved and removed", async () => {
    const w = await partnership();
    const meeting = await internalMeeting(w);
    for (const title of ["Powitanie", "Prezentacja projektu", "Dyskusja", "Podsumowanie"]) expect((await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaAdd", title })).status).toBe(302);
    const order = async () => (await db.meetingAgendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } })).map((i) => i.title);
    const idOf = async (title: string) => (await db.meetingAgendaItem.findFirstOrThrow({ where: { meetingId: meeting.id, title } })).id;
    expect(await order()).toEqual(["Powitanie", "Prezentacja projektu", "Dyskusja", "Podsumowanie"]);
    await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaUp", itemId: await idOf("Dyskusja") });
    expect(await order()).toEqual(["Powitanie", "Dyskusja", "Prezentacja projektu", "Podsumowanie"]);
    await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaDown", itemId: await idOf("Powitanie") });
    expect(await order()).toEqual(["Dyskusja", "Powitanie", "Prezentacja projektu", "Podsumowanie"]);
    // Moving the first item up changes nothing.
    await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaUp", itemId: await idOf("Dyskusja") });
    expect(await order()).toEqual(["Dyskusja", "Powitanie", "Prezentacja projektu", "Podsumowanie"]);
    expect((await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaRemove", itemId: await idOf("Powitanie") })).status).toBe(302);
    expect(await order()).toEqual(["Dyskusja", "Prezentacja projektu", "Podsumowanie"]);
    // An item can be added again after removals and lands last.
    await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaAdd", title: "Wolne wnioski", startTime: "12:00", durationMinutes: "15" });
    expect(await order()).toEqual(["Dyskusja", "Prezentacja projektu", "Podsumowanie", "Wolne wnioski"]);
    // Bad input: messages next to the fields; an invitee may not touch the agenda.
    const bad = await pagePost(w.coordinator.cookie, meeting.id, { intent: "agendaAdd", title: "", startTime: "25:99", durationMinutes: "-5" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ intent: "agendaAdd", errors: { title: "validation.required", startTime: "meetings.validation.time", durationMinutes: "meetings.validation.duration" } });
    expect((await pagePost(w.frgkPerson.cookie, meeting.id, { intent: "agendaAdd", title: "Ja też" })).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: { startsWith: "meeting.agenda." }, entityId: meeting.id } })).toBe(8);
  });

  it("records attendance and walk-ins; the printable list shows them sorted, with blank rows", async () => {
    const w = await partnership();
    const meeting = await internalMeeting(w);
    const invA = await db.meetingInvitation.create({ data: { meetingId: meeting.id, userId: w.frgkPerson.user.id, viaInstitutionId: w.frgk.id, invitedById: w.coordinator.user.id } });
    const invB = await db.meetingInvitation.create({ data: { meetingId: meeting.id, userId: w.frgkOther.user.id, viaInstitutionId: w.frgk.id, invitedById: w.coordinator.user.id } });
    await db.meetingInvitation.create({ data: { meetingId: meeting.id, guestName: "Jan Gość", guestEmail: "gosc@example.pl", invitedById: w.coordinator.user.id } });

    const form = new URLSearchParams([["intent", "attendanceSave"], ["present", invA.id]]);
    const saved = await run(pageRoute.action, new Request(`http://razem.test/spotkania/${meeting.id}`, { method: "POST", headers: { Cookie: w.coordinator.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: form }), mp(meeting.id));
    expect(saved.status).toBe(302);
    expect(await db.meetingAttendance.findMany({ where: { meetingId: meeting.id }, select: { invitationId: true, present: true, name: true, organisation: true } })).toEqual([
      { invitationId: invA.id, present: true, name: "Aleksandra Nowak", organisation: "FRGK" },
    ]);
    expect((await pagePost(w.coordinator.cookie, meeting.id, { intent: "walkInAdd", name: "Żaneta Ślęzak", organisation: "Urząd Gminy Kleszczów" })).status).toBe(302);
    const noName = await pagePost(w.coordinator.cookie, meeting.id, { intent: "walkInAdd", name: "  ", organisation: "" });
    expect(noName.status).toBe(400);
    expect(noName.data).toMatchObject({ intent: "walkInAdd", errors: { name: "validation.required" } });
    // An invitee may not record attendance.
    expect((await pagePost(w.frgkPerson.cookie, meeting.id, { intent: "walkInAdd", name: "Ktoś" })).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: { in: ["meeting.attendance.save", "meeting.attendance.add"] }, entityId: meeting.id } })).toBe(2);

    const sheet = await sheetGet(w.frgkPerson.cookie, meeting.id);
    expect(sheet.status).toBe(200);
    const { list, blankRows } = sheet.data as { list: { title: string; when: string; place: string; organizer: string; kindLabel: string; rows: { name: string; organisation: string | null; present: boolean }[] }; blankRows: number };
    expect(list).toMatchObject({ title: meeting.title, kindLabel: "Spotkanie koordynacyjne", place: "Bełchatów, sala 2", organizer: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny" });
    expect(list.when).toBe("wtorek, 16 marca 2027, 10:00–12:30");
    expect(list.rows).toEqual([
      { name: "Aleksandra Nowak", organisation: "FRGK", present: true },
      { name: "Jan Gość", organisation: null, present: false },
      // Polish alphabetical order: … z, ź, ż.
      { name: "Źdźisław Ćwikła", organisation: "FRGK", present: false },
      { name: "Żaneta Ślęzak", organisation: "Urząd Gminy Kleszczów", present: true },
    ]);
    expect(blankRows).toBe(5);

    // Unticking someone keeps their row, now absent.
    const untick = new URLSearchParams([["intent", "attendanceSave"], ["present", invB.id]]);
    await run(pageRoute.action, new Request(`http://razem.test/spotkania/${meeting.id}`, { method: "POST", headers: { Cookie: w.coordinator.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: untick }), mp(meeting.id));
    const after = (await sheetGet(w.coordinator.cookie, meeting.id)).data as typeof sheet.data & { list: { rows: { name: string; present: boolean }[] } };
    expect(after.list.rows.map((r) => [r.name, r.present])).toEqual([
      ["Aleksandra Nowak", false],
      ["Jan Gość", false],
      ["Źdźisław Ćwikła", true],
      ["Żaneta Ślęzak", true],
    ]);
  });

  it("saving the minutes from a stale version answers 409 and keeps the newer text", async () => {
    const w = await partnership();
    const meeting = await internalMeeting(w);
    const first = await pagePost(w.coordinator.cookie, meeting.id, { intent: "minutesSave", minutes: "<p>Ustalono harmonogram.</p><script>alert(1)</script>", version: "1" });
    expect(first.status).toBe(302);
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored.minutes).toContain("Ustalono harmonogram.");
    expect(stored.minutes).not.toContain("<script");
    expect(stored.version).toBe(2);
    const stale = await pagePost(w.coordinator.cookie, meeting.id, { intent: "minutesSave", minutes: "<p>Starsza wersja</p>", version: "1" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: "minutesSave", errors: { _form: "meetings.conflict" } });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).minutes).toContain("Ustalono harmonogram.");
    expect(await db.auditLog.count({ where: { action: "meeting.minutes", entityId: meeting.id } })).toBe(1);
    expect((await pagePost(w.frgkPerson.cookie, meeting.id, { intent: "minutesSave", minutes: "<p>x</p>", version: "2" })).status).toBe(403);
  });

  it("turns an action item into a task where the actor may create tasks; 403 / 404 elsewhere", async () => {
    const w = await partnership();
    const lead = await signedIn({ institutionId: w.frgk.id, name: "Katarzyna Wójcik" });
    const helper = await signedIn({ institutionId: w.bkppt.id, name: "Paweł Szymański" });
    const own = await buildTeam(w.coordinator.user.id, { name: "Zespół ds. promocji FST", members: [{ userId: lead.user.id, role: "LEAD" }, { userId: helper.user.id }] });
    const memberOnly = await buildTeam(w.coordinator.user.id, { name: "Zespół ds. naboru", members: [{ userId: lead.user.id, role: "MEMBER" }] });
    const hidden = await buildTeam(w.arreksCoordinator.user.id, { name: "Zespół ARREKS", members: [{ userId: w.outsider.user.id, role: "LEAD" }] });
    // The lead's own team meeting: the lead runs it.
    const meeting = await internalMeeting(w, { teamId: own.id });
    expect((await pagePost(lead.cookie, meeting.id, { intent: "outcomeAdd", kind: "DECISION", text: "Przyjęto harmonogram promocji." })).status).toBe(302);
    expect((await pagePost(lead.cookie, meeting.id, { intent: "outcomeAdd", kind: "ACTION", text: "Przygotować ulotkę o FST dla mieszkańców" })).status).toBe(302);
    const decision = await db.meetingOutcome.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "DECISION" } });
    const action = await db.meetingOutcome.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "ACTION" } });

    const forbidden = await pagePost(lead.cookie, meeting.id, { intent: "outcomeTask", outcomeId: action.id, teamId: memberOnly.id, assigneeId: "", dueDate: "" });
    expect(forbidden.status).toBe(403);
    const invisible = await pagePost(lead.cookie, meeting.id, { intent: "outcomeTask", outcomeId: action.id, teamId: hidden.id, assigneeId: "", dueDate: "" });
    expect(invisible.status).toBe(404);
    // A decision is not an action item.
    expect((await pagePost(lead.cookie, meeting.id, { intent: "outcomeTask", outcomeId: decision.id, teamId: own.id, assigneeId: "", dueDate: "" })).status).toBe(404);
    expect(await db.task.count()).toBe(0);

    const made = await pagePost(lead.cookie, meeting.id, { intent: "outcomeTask", outcomeId: action.id, teamId: own.id, assigneeId: helper.user.id, dueDate: "2027-04-30" });
    expect(made.status).toBe(302);
    const task = await db.task.findFirstOrThrow({ where: { teamId: own.id } });
    expect(task).toMatchObject({ title: "Przygotować ulotkę o FST dla mieszkańców", assigneeId: helper.user.id, dueDate: "2027-04-30", createdById: lead.user.id });
    expect(task.description).toContain(`<a href="http://razem.test/spotkania/${meeting.id}"`);
    expect(made.headers.get("Location")).toContain(own.id);
    expect((await db.meetingOutcome.findUniqueOrThrow({ where: { id: action.id } })).taskId).toBe(task.id);
    expect(await db.auditLog.count({ where: { action: "meeting.outcome.task", entityId: meeting.id } })).toBe(1);
    // Only once.
    const again = await pagePost(lead.cookie, meeting.id, { intent: "outcomeTask", outcomeId: action.id, teamId: own.id, assigneeId: "", dueDate: "" });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ errors: { _form: "meetings.outcomes.alreadyTask" } });
    expect(await db.task.count()).toBe(1);
  });
});

describe("the attendance list as a PDF", () => {
  it("is an A4 attachment with the title, Polish names, blank rows, page numbers and safe headers", async () => {
    const w = await partnership();
    const meeting = await db.meeting.create({
      data: {
        title: "Zażółć gęślą jaźń — warsztaty Energopolis",
        kind: "WORKSHOP",
        startsAt: warsawInstant("2027-03-16", "10:00"),
        endsAt: warsawInstant("2027-03-16", "12:30"),
        place: "Łódź, ul. Piotrkowska 1",
        organizerInstitutionId: w.bkppt.id,
        createdById: w.coordinator.user.id,
        institutions: { create: [{ institutionId: w.frgk.id }] },
        attendance: {
          create: [
            { name: "Żaneta Ślęzak", organisation: "Urząd Gminy Kleszczów", present: true, recordedById: w.coordinator.user.id },
            { name: "Łukasz Ćwięk", organisation: "Spółdzielnia „Źródło”", present: true, recordedById: w.coordinator.user.id },
          ],
        },
      },
    });
    const res = await pdfGet(w.frgkPerson.cookie, meeting.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const disposition = res.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe("Lista obecności – Zażółć gęślą jaźń — warsztaty Energopolis.pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await getDocumentProxy(bytes);
    expect(pdf.numPages).toBe(1);
    const { text } = await extractText(pdf, { mergePages: true });
    for (const s of ["Lista obecności", "Zażółć gęślą jaźń — warsztaty Energopolis", "Żaneta Ślęzak", "Łukasz Ćwięk", "Spółdzielnia „Źródło”", "Łódź, ul. Piotrkowska 1", "wtorek, 16 marca 2027, 10:00–12:30", "Imię i nazwisko", "Podpis", "Strona 1 z 1", "Wygenerowano w Razem"])
      expect(text).toContain(s);
    // Two people plus five blank rows, numbered.
    expect(text).toMatch(/7\./);
    expect(text).not.toMatch(/8\./);
  });

  it("repeats the table header on every page of a long list and numbers the pages", async () => {
    const w = await partnership();
    const meeting = await internalMeeting(w);
    await db.meetingAttendance.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({ meetingId: meeting.id, name: `Uczestnik ${String(i + 1).padStart(2, "0")} Żółć`, organisation: "RIG", present: i % 2 === 0, recordedById: w.coordinator.user.id })),
    });
    const res = await pdfGet(w.coordinator.cookie, meeting.id);
    expect(res.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    expect(pdf.numPages).toBeGreaterThanOrEqual(2);
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = text as string[];
    pages.forEach((page, i) => {
      expect(page).toContain("Imię i nazwisko");
      expect(page).toContain("Podpis");
      expect(page).toContain(`Strona ${i + 1} z ${pages.length}`);
    });
    expect(pages.join("\n")).toContain("Uczestnik 40 Żółć");
    expect(pages.join("\n")).toContain("45.");
  });
});
