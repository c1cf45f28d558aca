// The personal calendar feed (/kalendarz/<token>.ics): parsed with a real iCalendar parser
// (ical.js), who sees which deadlines, and the secret address (wrong, regenerated, revoked → 404).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as feedRoute from "~/routes/kalendarz.$token[.]ics";
import * as prefsRoute from "~/routes/_app.profil.powiadomienia";
import { buildCalendar, calendarFeedForToken, escapeText, foldLine } from "~/modules/reminders/ics.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { buildTask, buildTeam } from "../team-factories";
import { makeRequest, run } from "../http";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** Generates the person's feed address through the preferences page and returns its token. */
async function newFeedToken(cookie: string): Promise<string> {
  const res = await run(prefsRoute.action, makeRequest("/profil/powiadomienia", { cookie, form: { intent: "regenerateCalendar" } }));
  expect(res.status).toBe(200);
  const url = (res.data as { calendarUrl: string }).calendarUrl;
  const match = /^http:\/\/razem\.test\/kalendarz\/([\w-]+)\.ics$/.exec(url);
  expect(match, url).not.toBeNull();
  return match![1];
}

async function fetchFeed(token: string) {
  return run(feedRoute.loader, makeRequest(`/kalendarz/${token}.ics`), { token });
}

type ParsedEvent = { uid: string; summary: string; description: string; url: string; allDay: boolean; start: Date; startDate: string; end: Date };

function parseFeed(body: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: String(vevent.getFirstPropertyValue("url")),
      allDay: event.startDate.isDate,
      start: event.startDate.toJSDate(),
      startDate: event.startDate.toString().slice(0, 10),
      end: event.endDate.toJSDate(),
    };
  });
}

/** Two institutions; team "Promocja" with a lead, the assignee and a helper; another team elsewhere. */
async function setting() {
  const a = await buildInstitution({ shortName: "BKPPT" });
  const b = await buildInstitution({ shortName: "FRGK" });
  const lead = await signedIn({ institutionId: a.id, name: "Magdalena Wróbel" });
  const ola = await signedIn({ institutionId: a.id, name: "Aleksandra Nowak" });
  const helper = await signedIn({ institutionId: a.id, name: "Michał Dąbrowski" });
  const outsider = await signedIn({ institutionId: b.id, name: "Anna Lewandowska" });
  const team = await buildTeam(lead.user.id, {
    name: "Promocja FST, Kleszczów; etap 2",
    members: [{ userId: lead.user.id, role: "LEAD" }, { userId: ola.user.id }, { userId: helper.user.id }],
  });
  const other = await buildTeam(outsider.user.id, { name: "Zespół FRGK", members: [{ userId: outsider.user.id, role: "LEAD" }] });
  return { a, b, lead, ola, helper, outsider, team, other };
}

describe("calendar feed", () => {
  it("is valid iCalendar with all-day and timed deadlines, DST-correct, folded and escaped", async () => {
    const { ola, helper, team, lead } = await setting();
    const allDay = await buildTask(team.id, lead.user.id, { title: "Raport, etap 1; wersja robocza", assigneeId: ola.user.id, dueDate: "2026-03-30" });
    const timed = await buildTask(team.id, lead.user.id, { title: "Spotkanie z ARREKS", assigneeId: ola.user.id, dueDate: "2026-10-26", dueTime: "10:00" });
    const summer = await buildTask(team.id, lead.user.id, { title: "Przed zmianą czasu", assigneeId: helper.user.id, helperIds: [ola.user.id], dueDate: "2026-03-29", dueTime: "14:30" });
    const long = await buildTask(team.id, lead.user.id, {
      title: "Zażółć gęślą jaźń — bardzo długi tytuł zadania, który na pewno przekroczy siedemdziesiąt pięć bajtów w jednej linii",
      assigneeId: ola.user.id,
      dueDate: "2026-04-15",
    });
    await buildTask(team.id, lead.user.id, { title: "Zrobione", assigneeId: ola.user.id, dueDate: "2026-04-01", status: "DONE" });
    await buildTask(team.id, lead.user.id, { title: "W koszu", assigneeId: ola.user.id, dueDate: "2026-04-02", deletedAt: new Date() });
    await buildTask(team.id, lead.user.id, { title: "Bez terminu", assigneeId: ola.user.id });
    await buildTask(team.id, lead.user.id, { title: "Cudze", assigneeId: helper.user.id, dueDate: "2026-04-03" });

    const token = await newFeedToken(ola.cookie);
    const body = (await calendarFeedForToken(token, new Date("2026-03-20T12:00:00Z")))!;
    expect(body).not.toBeNull();

    // RFC 5545 §3.1: CRLF everywhere, no line longer than 75 octets.
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of body.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    expect(body).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw");

    const events = parseFeed(body);
    expect(events.map((e) => e.summary).sort()).toEqual(
      ["Termin: Raport, etap 1; wersja robocza", "Termin: Spotkanie z ARREKS", "Termin: Przed zmianą czasu", `Termin: ${long.title}`].sort(),
    );
    const byUid = new Map(events.map((e) => [e.uid, e]));

    const day = byUid.get(`task-${allDay.id}@razem.test`)!;
    expect(day.allDay).toBe(true);
    expect(day.startDate).toBe("2026-03-30");
    expect(day.description).toContain("Promocja FST, Kleszczów; etap 2");
    expect(day.url).toBe(`http://razem.test/zespoly/${team.id}/zadania/${allDay.id}`);
    expect(body).toContain("DTSTART;VALUE=DATE:20260330");
    expect(body).toContain("DTEND;VALUE=DATE:20260331");
    expect(body).toContain("SUMMARY:Termin: Raport\\, etap 1\\; wersja robocza");

    // 26 October 2026 is winter time again (UTC+1): 10:00 Warsaw = 09:00 UTC.
    const autumn = byUid.get(`task-${timed.id}@razem.test`)!;
    expect(autumn.allDay).toBe(false);
    expect(autumn.start.toISOString()).toBe("2026-10-26T09:00:00.000Z");
    expect(autumn.start.getTime()).toBe(timed.dueAt!.getTime());
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(30 * 60_000);
    // 29 March 2026 14:30 is already summer time (UTC+2).
    expect(byUid.get(`task-${summer.id}@razem.test`)!.start.toISOString()).toBe("2026-03-29T12:30:00.000Z");
    expect(body).toContain("DTSTART;TZID=Europe/Warsaw:20260329T143000");

    // The long Polish title survives folding intact.
    expect(byUid.get(`task-${long.id}@razem.test`)!.summary).toBe(`Termin: ${long.title}`);
  });

  it("is served as text/calendar, private, through the secret address; a wrong token is 404", async () => {
    const { ola, team, lead } = await setting();
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await buildTask(team.id, lead.user.id, { title: "Sprawozdanie", assigneeId: ola.user.id, dueDate: soon });
    const token = await newFeedToken(ola.cookie);
    const res = await fetchFeed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toMatch(/^private/);
    expect(parseFeed(String(res.data)).map((e) => e.summary)).toEqual(["Termin: Sprawozdanie"]);

    // Only the hash is stored.
    const stored = await db.notificationSetting.findUniqueOrThrow({ where: { userId: ola.user.id } });
    expect(stored.calendarTokenHash).not.toBe(token);
    expect(stored.calendarTokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await fetchFeed(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).status).toBe(404);
    expect((await fetchFeed("nie-ma-takiego")).status).toBe(404);
    expect((await fetchFeed("")).status).toBe(404);
    expect((await run(feedRoute.loader, makeRequest("/kalendarz/x.ics"), {})).status).toBe(404);
  });

  it("regenerating revokes the old address; turning it off revokes it too (audited)", async () => {
    const { ola } = await setting();
    const first = await newFeedToken(ola.cookie);
    expect((await fetchFeed(first)).status).toBe(200);
    const second = await newFeedToken(ola.cookie);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    const revoked = await run(prefsRoute.action, makeRequest("/profil/powiadomienia", { cookie: ola.cookie, form: { intent: "revokeCalendar" } }));
    expect(revoked.status).toBe(302);
    expect((await fetchFeed(second)).status).toBe(404);
    const page = await run(prefsRoute.loader, makeRequest("/profil/powiadomienia", { cookie: ola.cookie }));
    expect(page.data).toMatchObject({ preferences: { calendarActive: false } });

    const audit = await db.auditLog.findMany({ where: { actorId: ola.user.id, action: { startsWith: "user.calendar." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.calendar.regenerate", "user.calendar.regenerate", "user.calendar.revoke"]);
    // The secret never lands in the audit log.
    for (const row of audit) expect(`${row.summary} ${row.changes ?? ""}`).not.toContain(first);
  });

  it("shows nothing of teams the person is not in (another team, another institution), nor after leaving", async () => {
    const { ola, outsider, team, other, lead } = await setting();
    const when = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const mine = await buildTask(team.id, lead.user.id, { title: "Zadanie zespołu Promocja", assigneeId: ola.user.id, dueDate: when });
    await buildTask(other.id, outsider.user.id, { title: "Zadanie zespołu FRGK", assigneeId: outsider.user.id, dueDate: when });

    const outsiderToken = await newFeedToken(outsider.cookie);
    const outsiderFeed = String((await fetchFeed(outsiderToken)).data);
    expect(parseFeed(outsiderFeed).map((e) => e.summary)).toEqual(["Termin: Zadanie zespołu FRGK"]);
    expect(outsiderFeed).not.toContain(mine.id);
    expect(outsiderFeed).not.toContain("Promocja");

    // Ola leaves the team: the task stays assigned to her, but the team is no longer hers to see.
    const olaToken = await newFeedToken(ola.cookie);
    expect(parseFeed(String((await fetchFeed(olaToken)).data))).toHaveLength(1);
    await db.teamMember.deleteMany({ where: { teamId: team.id, userId: ola.user.id } });
    expect(parseFeed(String((await fetchFeed(olaToken)).data))).toHaveLength(0);

    // A closed team's deadlines leave the calendar; a deactivated account's address stops working.
    await db.teamMember.create({ data: { teamId: team.id, userId: ola.user.id } });
    await db.team.update({ where: { id: team.id }, data: { status: "DONE" } });
    expect(parseFeed(String((await fetchFeed(olaToken)).data))).toHaveLength(0);
    await db.user.update({ where: { id: ola.user.id }, data: { deactivatedAt: new Date() } });
    expect((await fetchFeed(olaToken)).status).toBe(404);
  });

  it("escapes TEXT and folds at 75 octets without splitting characters", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    const folded = foldLine(`SUMMARY:${"ż".repeat(60)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(`SUMMARY:${"ż".repeat(60)}`);
    // An empty calendar is still a valid one.
    const empty = buildCalendar({ name: "Razem", events: [], now: new Date("2026-01-01T00:00:00Z") });
    expect(new ICAL.Component(ICAL.parse(empty)).name).toBe("vcalendar");
  });
});
