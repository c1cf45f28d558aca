// Managing the recurring tasks of a periodic team through real requests: the lead creates a rule and
// the next 60 days' tasks appear at once (month ends clamped, never twice); who may see and change
// the rules (403 audited, 404 outside, 404 for temporary teams, read-only when closed); field errors;
// edit, pause, resume and delete, each audited.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import * as frameRoute from "~/routes/_app.zespoly.$teamId";
import * as route from "~/routes/_app.zespoly.$teamId.cykliczne";
import { generateRecurringTasks } from "~/modules/reminders/recurrences.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { buildTeam } from "../team-factories";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** A monthly reporting team of BKPPT and RIG; FRGK stays outside. */
async function setup(team: Parameters<typeof buildTeam>[1] = {}) {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const lead = await signedIn({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const member = await signedIn({ institutionId: rig.id, name: "Łukasz Żak" });
  const rigCoordinator = await signedIn({ institutionId: rig.id, institutionRole: "COORDINATOR", name: "Paweł Szymański" });
  const outsider = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const admin = await signedIn({ isAdmin: true, name: "Administrator" });
  const periodic = await buildTeam(coordinator.user.id, {
    name: "Zespół ds. sprawozdawczości",
    kind: "PERIODIC",
    cadence: "MONTHLY",
    termStart: "2026-12-01",
    termEnd: null,
    members: [
      { userId: lead.user.id, role: "LEAD" },
      { userId: member.user.id, role: "MEMBER" },
    ],
    ...team,
  });
  return { coordinator, lead, member, rigCoordinator, outsider, admin, team: periodic };
}

const url = (teamId: string) => `/zespoly/${teamId}/cykliczne`;
const get = (cookie: string, teamId: string, query = "") => run(route.loader, makeRequest(`${url(teamId)}${query}`, { cookie }), { teamId });
const post = (cookie: string, teamId: string, form: Record<string, string>) => run(route.action, makeRequest(url(teamId), { cookie, form }), { teamId });

type Loaded = Awaited<ReturnType<typeof route.loader>>;

function report(assigneeId: string, changes: Record<string, string> = {}) {
  return {
    intent: "create",
    title: "Raport miesięczny",
    description: "<p>Stan prac zespołu.</p><script>alert(1)</script>",
    assigneeId,
    priority: "HIGH",
    cadence: "MONTHLY",
    day: "31",
    startDate: "31.01.2027",
    ...changes,
  };
}

const tasksOf = (recurrenceId: string) => db.task.findMany({ where: { recurrenceId }, orderBy: { dueDate: "asc" } });

beforeEach(() => {
  // Only Date is faked: timers, the database and sessions work as usual, at a known "now".
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2027-01-15T09:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("recurring tasks of a periodic team", () => {
  it("the lead creates a monthly rule on day 31: the next 60 days' tasks appear at once, clamped, never twice; audited", async () => {
    const { lead, member, team } = await setup();
    const res = await post(lead.cookie, team.id, report(member.user.id));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(url(team.id));

    const rec = await db.taskRecurrence.findFirstOrThrow({ where: { teamId: team.id } });
    expect(rec).toMatchObject({
      title: "Raport miesięczny",
      description: "<p>Stan prac zespołu.</p>",
      assigneeId: member.user.id,
      priority: "HIGH",
      cadence: "MONTHLY",
      day: 31,
      startDate: "2027-01-31",
      active: true,
      createdById: lead.user.id,
    });
    // 15 January + 60 days = 16 March: 31 January and 28 February (clamped), not yet 31 March.
    let tasks = await tasksOf(rec.id);
    expect(tasks.map((t) => t.dueDate)).toEqual(["2027-01-31", "2027-02-28"]);
    expect(tasks[0]).toMatchObject({ title: "Raport miesięczny", assigneeId: member.user.id, priority: "HIGH", status: "TODO", teamId: team.id, createdById: lead.user.id });

    // The scheduler's next runs add nothing.
    expect((await generateRecurringTasks(new Date())).created).toBe(0);
    expect((await generateRecurringTasks(new Date())).created).toBe(0);
    expect(await tasksOf(rec.id)).toHaveLength(2);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "task.recurrence.create", entityId: rec.id } });
    expect(audit).toMatchObject({ actorId: lead.user.id, entityType: "TaskRecurrence", summary: "Raport miesięczny" });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ teamId: team.id, cadence: [null, "MONTHLY"], day: [null, 31], startDate: [null, "2027-01-31"] });

    // The list: the rule, the assignee and the next dates (two on the board, one still to come).
    const page = await get(lead.cookie, team.id);
    expect(page.status).toBe(200);
    const data = page.data as Loaded;
    expect(data.canEdit).toBe(true);
    expect(data.rows).toHaveLength(1);
    expect(data.rows[0]).toMatchObject({ cadence: "MONTHLY", day: 31, active: true, assigneeName: "Łukasz Żak", taskCount: 2 });
    expect(data.rows[0].upcoming).toEqual([
      { date: "2027-01-31", task: { id: tasks[0].id, number: tasks[0].number } },
      { date: "2027-02-28", task: { id: tasks[1].id, number: tasks[1].number } },
      { date: "2027-03-31", task: null },
    ]);

    // A month later the horizon has moved: 31 March appears, once.
    vi.setSystemTime(new Date("2027-02-15T09:00:00Z"));
    await generateRecurringTasks(new Date());
    await generateRecurringTasks(new Date());
    tasks = await tasksOf(rec.id);
    expect(tasks.map((t) => t.dueDate)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
  });

  it("weekly and quarterly rules; editing the rhythm generates the new dates at once, audited; an unchanged save writes nothing", async () => {
    const { coordinator, lead, member, team } = await setup();
    // The coordinator of a member (the lead's institution) manages them too.
    const weekly = await post(coordinator.cookie, team.id, report(lead.user.id, { title: "Notatka tygodniowa", cadence: "WEEKLY", day: "1", startDate: "2027-01-15", priority: "NORMAL" }));
    expect(weekly.status).toBe(302);
    const rec = await db.taskRecurrence.findFirstOrThrow({ where: { teamId: team.id, title: "Notatka tygodniowa" } });
    const mondays = (await tasksOf(rec.id)).map((t) => t.dueDate);
    expect(mondays[0]).toBe("2027-01-18");
    expect(mondays).toHaveLength(9); // 18 January … 15 March
    expect(mondays.every((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1)).toBe(true);

    const quarterly = await post(lead.cookie, team.id, report(member.user.id, { title: "Sprawozdanie kwartalne", cadence: "QUARTERLY", day: "15", startDate: "2027-02-01" }));
    expect(quarterly.status).toBe(302);
    const q = await db.taskRecurrence.findFirstOrThrow({ where: { teamId: team.id, title: "Sprawozdanie kwartalne" } });
    expect((await tasksOf(q.id)).map((t) => t.dueDate)).toEqual(["2027-02-15"]);
    const qRow = ((await get(lead.cookie, team.id)).data as Loaded).rows.find((r) => r.id === q.id)!;
    expect(qRow.upcoming.map((u) => u.date)).toEqual(["2027-02-15", "2027-05-15", "2027-08-15"]);

    // From Mondays to Fridays: the Fridays of the next 60 days appear; the Mondays stay.
    const form = { intent: "update", id: rec.id, title: "Notatka tygodniowa", description: "", assigneeId: lead.user.id, priority: "NORMAL", cadence: "WEEKLY", day: "5", startDate: "15.01.2027" };
    const edited = await post(lead.cookie, team.id, form);
    expect(edited.status).toBe(302);
    const after = await tasksOf(rec.id);
    expect(after.filter((t) => new Date(`${t.dueDate}T12:00:00Z`).getUTCDay() === 5).map((t) => t.dueDate)[0]).toBe("2027-01-15");
    expect(after).toHaveLength(9 + 9); // 15 January … 12 March
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "task.recurrence.update", entityId: rec.id } });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ day: [1, 5] });

    const again = await post(lead.cookie, team.id, form);
    expect(again.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "task.recurrence.update", entityId: rec.id } })).toBe(1);
    expect(await tasksOf(rec.id)).toHaveLength(18);

    // The edit form opens with the rule's values.
    const page = (await get(lead.cookie, team.id, `?edytuj=${rec.id}`)).data as Loaded;
    expect(page.editing).toMatchObject({ id: rec.id, values: { cadence: "WEEKLY", day: "5", startDate: "2027-01-15" } });
  });

  it("a plain member gets 403 (audited), someone outside 404, and a temporary team has no such page", async () => {
    const { coordinator, lead, member, rigCoordinator, outsider, admin, team } = await setup();
    const denied = await get(member.cookie, team.id);
    expect(denied.status).toBe(403);
    expect(await db.auditLog.findFirst({ where: { action: "permission.denied", actorId: member.user.id, entityId: team.id } })).toMatchObject({ summary: "team.createTask" });
    expect((await post(member.cookie, team.id, report(member.user.id))).status).toBe(403);
    expect(await db.taskRecurrence.count()).toBe(0);

    expect((await get(outsider.cookie, team.id)).status).toBe(404);
    expect((await post(outsider.cookie, team.id, report(member.user.id))).status).toBe(404);

    for (const who of [lead, coordinator, rigCoordinator, admin]) expect((await get(who.cookie, team.id)).status).toBe(200);

    // The tab is in the frame for the people who manage them, not for the others.
    const frame = async (cookie: string, teamId: string) => ((await run(frameRoute.loader, makeRequest(`/zespoly/${teamId}`, { cookie }), { teamId })).data as { canRecurrences: boolean }).canRecurrences;
    expect(await frame(lead.cookie, team.id)).toBe(true);
    expect(await frame(member.cookie, team.id)).toBe(false);

    const temporary = await buildTeam(coordinator.user.id, { kind: "TEMPORARY", members: [{ userId: lead.user.id, role: "LEAD" }] });
    expect((await get(lead.cookie, temporary.id)).status).toBe(404);
    expect((await get(admin.cookie, temporary.id)).status).toBe(404);
    expect((await post(lead.cookie, temporary.id, report(lead.user.id))).status).toBe(404);
    expect(await frame(lead.cookie, temporary.id)).toBe(false);
  });

  it("a closed team's rules are read-only", async () => {
    const { lead, member, team } = await setup({ status: "DONE" });
    const rec = await db.taskRecurrence.create({
      data: { teamId: team.id, title: "Raport", assigneeId: member.user.id, cadence: "MONTHLY", day: 5, startDate: "2027-01-05", createdById: lead.user.id },
    });
    const page = await get(lead.cookie, team.id);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ canEdit: false, members: [] });
    // Nothing will be generated for a closed team: no dates "to come".
    expect((page.data as Loaded).rows[0].upcoming).toEqual([]);
    expect((await post(lead.cookie, team.id, { intent: "pause", id: rec.id })).status).toBe(403);
    expect((await db.taskRecurrence.findUniqueOrThrow({ where: { id: rec.id } })).active).toBe(true);
    expect((await get(member.cookie, team.id)).status).toBe(403);
  });

  it("refuses invalid input with field errors: day 0, weekday 8, an assignee outside the team, no title, a bad date", async () => {
    const { lead, outsider, team } = await setup();
    const dayZero = await post(lead.cookie, team.id, report("", { day: "0" }));
    expect(dayZero).toMatchObject({ status: 400, data: { intent: "create", errors: { day: "recurrences.validation.monthDay" } } });
    const weekday = await post(lead.cookie, team.id, report("", { cadence: "WEEKLY", day: "8" }));
    expect(weekday).toMatchObject({ status: 400, data: { errors: { day: "recurrences.validation.weekday" } } });
    const noDay = await post(lead.cookie, team.id, report("", { day: "" }));
    expect(noDay).toMatchObject({ status: 400, data: { errors: { day: "recurrences.validation.dayRequired" } } });
    const stranger = await post(lead.cookie, team.id, report(outsider.user.id));
    expect(stranger).toMatchObject({ status: 400, data: { errors: { assigneeId: "recurrences.validation.notMember" } } });
    const empty = await post(lead.cookie, team.id, report("", { title: "  ", startDate: "31.02.2027", cadence: "DAILY" }));
    expect(empty).toMatchObject({ status: 400, data: { errors: { title: "validation.required", startDate: "recurrences.validation.date", cadence: "recurrences.validation.cadence" } } });
    // What was typed comes back for the form.
    expect((empty.data as { values: Record<string, string> }).values.title).toBe("  ");
    expect(await db.taskRecurrence.count()).toBe(0);
    expect(await db.task.count()).toBe(0);

    const ended = await buildTeam(lead.user.id, { kind: "PERIODIC", termEnd: "2027-03-31", members: [{ userId: lead.user.id, role: "LEAD" }] });
    const late = await post(lead.cookie, ended.id, report("", { startDate: "2027-04-30" }));
    expect(late).toMatchObject({ status: 400, data: { errors: { startDate: "recurrences.validation.afterTerm" } } });

    const unknown = await post(lead.cookie, team.id, { intent: "pause", id: "nie-ma-takiego" });
    expect(unknown).toMatchObject({ status: 404, data: { errors: { _form: "recurrences.gone" } } });
    expect((await post(lead.cookie, team.id, { intent: "explode" })).status).toBe(400);
  });

  it("pausing stops generation, resuming carries on from today, deleting keeps the tasks made; each audited", async () => {
    const { lead, member, team } = await setup();
    await post(lead.cookie, team.id, report(member.user.id, { day: "20", startDate: "2027-01-20" }));
    const rec = await db.taskRecurrence.findFirstOrThrow({ where: { teamId: team.id } });
    expect((await tasksOf(rec.id)).map((t) => t.dueDate)).toEqual(["2027-01-20", "2027-02-20"]);

    const paused = await post(lead.cookie, team.id, { intent: "pause", id: rec.id });
    expect(paused.status).toBe(302);
    expect((await db.taskRecurrence.findUniqueOrThrow({ where: { id: rec.id } })).active).toBe(false);
    expect(await db.auditLog.count({ where: { action: "task.recurrence.pause", entityId: rec.id, actorId: lead.user.id } })).toBe(1);
    // Pausing twice changes nothing more.
    await post(lead.cookie, team.id, { intent: "pause", id: rec.id });
    expect(await db.auditLog.count({ where: { action: "task.recurrence.pause", entityId: rec.id } })).toBe(1);

    // Two months pass: nothing is generated while paused.
    vi.setSystemTime(new Date("2027-03-25T09:00:00Z"));
    const cookie = await loginAs(lead.user.id); // the first session has expired meanwhile
    await generateRecurringTasks(new Date());
    expect(await tasksOf(rec.id)).toHaveLength(2);
    const row = ((await get(cookie, team.id)).data as Loaded).rows[0];
    expect(row).toMatchObject({ active: false, upcoming: [] });

    // Resumed: from today on (20 April, 20 May), not the missed 20 March.
    const resumed = await post(cookie, team.id, { intent: "resume", id: rec.id });
    expect(resumed.status).toBe(302);
    expect((await tasksOf(rec.id)).map((t) => t.dueDate)).toEqual(["2027-01-20", "2027-02-20", "2027-04-20", "2027-05-20"]);
    expect(await db.auditLog.count({ where: { action: "task.recurrence.resume", entityId: rec.id } })).toBe(1);

    const taskIds = (await tasksOf(rec.id)).map((t) => t.id);
    const deleted = await post(cookie, team.id, { intent: "delete", id: rec.id });
    expect(deleted.status).toBe(302);
    expect(await db.taskRecurrence.count({ where: { id: rec.id } })).toBe(0);
    const kept = await db.task.findMany({ where: { id: { in: taskIds } } });
    expect(kept).toHaveLength(4);
    expect(kept.every((t) => t.recurrenceId === null && t.deletedAt === null)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "task.recurrence.delete", entityId: rec.id } });
    expect(audit).toMatchObject({ entityType: "TaskRecurrence", summary: "Raport miesięczny" });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ tasksKept: 4, active: [true, false] });
    await generateRecurringTasks(new Date("2027-05-01T09:00:00Z"));
    expect(await db.task.count({ where: { teamId: team.id } })).toBe(4);
  });
});
