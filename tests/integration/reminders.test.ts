// Deadline and team-term reminders on a controllable clock: the right UTC instants (also across
// the DST changes in Europe/Warsaw), at most once (repeated ticks, a "restarted" scheduler, racing
// ticks), catch-up after downtime without stale reminders, and who gets them.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { TestClock } from "~/modules/reminders/clock";
import { pickTaskReminder, runReminders, taskReminderSlots } from "~/modules/reminders/reminders.server";
import { startScheduler } from "~/modules/reminders/scheduler.server";
import { deadlineFrom } from "~/modules/tasks/deadline";
import { buildInstitution, buildUser } from "../factories";
import { buildTask, buildTeam } from "../team-factories";
import { countStatements } from "../query-count";

async function people() {
  const inst = await buildInstitution({ shortName: "BKPPT" });
  const other = await buildInstitution({ shortName: "RIG" });
  const lead = await buildUser({ institutionId: inst.id, name: "Magdalena Wróbel" });
  const ola = await buildUser({ institutionId: inst.id, name: "Aleksandra Nowak" });
  const helper = await buildUser({ institutionId: inst.id, name: "Michał Dąbrowski" });
  const coordinator = await buildUser({ institutionId: inst.id, institutionRole: "COORDINATOR", name: "Katarzyna Wójcik" });
  const otherCoordinator = await buildUser({ institutionId: other.id, institutionRole: "COORDINATOR", name: "Paweł Szymański" });
  const team = await buildTeam(lead.id, {
    name: "Promocja FST",
    termEnd: "2027-06-30",
    members: [{ userId: lead.id, role: "LEAD" }, { userId: ola.id }, { userId: helper.id }],
  });
  return { inst, other, lead, ola, helper, coordinator, otherCoordinator, team };
}

async function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function kindsOf(userId: string) {
  return (await notificationsOf(userId)).map((n) => `${n.title}${n.data && JSON.parse(n.data).days ? `:${JSON.parse(n.data).days}` : ""}`);
}

const TOMORROW = "notifications.kind.taskDueTomorrow";
const IN_DAYS = "notifications.kind.taskDueInDays";
const TODAY = "notifications.kind.taskDueToday";
const OVERDUE = "notifications.kind.taskOverdue";

describe("deadline reminders", () => {
  it("fire at 09:00 Warsaw N days before, 08:00 on the day and right after the deadline — across the spring DST change", async () => {
    const { lead, ola, team } = await people();
    // Due Monday 30 March 2026; Warsaw moves to summer time on Sunday 29 March at 02:00.
    const task = await buildTask(team.id, lead.id, { title: "Raport kwartalny", assigneeId: ola.id, dueDate: "2026-03-30" });
    const clock = new TestClock("2026-03-27T07:59:59Z"); // 08:59:59 CET
    const scheduler = startScheduler({ clock, autoStart: false });

    await scheduler.tick();
    expect(await kindsOf(ola.id)).toEqual([]);
    clock.set("2026-03-27T08:00:00Z"); // 09:00 CET
    await scheduler.tick();
    expect(await kindsOf(ola.id)).toEqual([`${IN_DAYS}:3`]);

    clock.set("2026-03-29T06:59:59Z"); // 08:59:59 CEST — winter time would have fired an hour ago
    await scheduler.tick();
    expect(await kindsOf(ola.id)).toHaveLength(1);
    clock.set("2026-03-29T07:00:00Z"); // 09:00 CEST
    await scheduler.tick();
    expect(await kindsOf(ola.id)).toEqual([`${IN_DAYS}:3`, `${TOMORROW}:1`]);

    clock.set("2026-03-30T05:59:59Z");
    await scheduler.tick();
    expect(await kindsOf(ola.id)).toHaveLength(2);
    clock.set("2026-03-30T06:00:00Z"); // 08:00 CEST
    await scheduler.tick();
    expect((await kindsOf(ola.id)).at(-1)).toBe(TODAY);

    clock.set("2026-03-30T21:59:59Z"); // 23:59:59 CEST, still the due date
    await scheduler.tick();
    expect(await kindsOf(ola.id)).toHaveLength(3);
    clock.set("2026-03-30T22:00:00Z"); // 00:00 on 31 March
    await scheduler.tick();
    expect((await kindsOf(ola.id)).at(-1)).toBe(OVERDUE);

    // Every one at most once, whatever happens next.
    await scheduler.tick();
    clock.advance({ days: 2 });
    await scheduler.tick();
    await scheduler.stop();
    const rows = await notificationsOf(ola.id);
    expect(rows).toHaveLength(4);
    expect(rows.every((n) => n.url === `/zespoly/${team.id}/zadania/${task.id}` && n.entityId === task.id)).toBe(true);
    expect(JSON.parse(rows[1].data!)).toMatchObject({ task: "Raport kwartalny", date: "30 marca 2026", days: 1 });
    expect(await db.reminderLog.count({ where: { userId: ola.id } })).toBe(4);
  });

  it("use winter time after the autumn DST change (task due 26 October 2026)", async () => {
    const { lead, ola, team } = await people();
    await buildTask(team.id, lead.id, { assigneeId: ola.id, dueDate: "2026-10-26" });
    // "3 days": Friday 23 October 09:00 CEST = 07:00 UTC.
    expect((await runReminders(new Date("2026-10-23T06:59:59Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-10-23T07:00:00Z"))).sent).toBe(1);
    // "1 day": Sunday 25 October — clocks went back at 03:00 — 09:00 CET = 08:00 UTC.
    expect((await runReminders(new Date("2026-10-25T07:00:00Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-10-25T07:59:59Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-10-25T08:00:00Z"))).sent).toBe(1);
    // Due today: 08:00 CET = 07:00 UTC; overdue: midnight = 23:00 UTC.
    expect((await runReminders(new Date("2026-10-26T06:59:59Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-10-26T07:00:00Z"))).sent).toBe(1);
    expect((await runReminders(new Date("2026-10-26T22:59:59Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-10-26T23:00:00Z"))).sent).toBe(1);
    expect(await kindsOf(ola.id)).toEqual([`${IN_DAYS}:3`, `${TOMORROW}:1`, TODAY, OVERDUE]);
  });

  it("timed deadlines: overdue right after the time; an early-morning deadline gets 'today' at midnight", async () => {
    const { lead, ola, team } = await people();
    await buildTask(team.id, lead.id, { title: "Wysłać wniosek", assigneeId: ola.id, dueDate: "2026-05-20", dueTime: "10:00" });
    await buildTask(team.id, lead.id, { title: "Poranny termin", assigneeId: ola.id, dueDate: "2026-06-10", dueTime: "07:30" });
    await runReminders(new Date("2026-05-20T06:00:00Z")); // 08:00 CEST
    expect(await kindsOf(ola.id)).toEqual([TODAY]);
    expect((await runReminders(new Date("2026-05-20T08:00:00Z"))).sent).toBe(0); // exactly 10:00 CEST: not yet past
    expect((await runReminders(new Date("2026-05-20T08:00:01Z"))).sent).toBe(1);
    expect((await notificationsOf(ola.id)).at(-1)!.title).toBe(OVERDUE);

    await runReminders(new Date("2026-06-09T21:59:00Z")); // 23:59 CEST the day before (tomorrow's reminder went at 09:00)
    const before = (await kindsOf(ola.id)).length;
    await runReminders(new Date("2026-06-09T22:00:00Z")); // 00:00 CEST on the day
    expect((await kindsOf(ola.id)).length).toBe(before + 1);
    expect((await notificationsOf(ola.id)).at(-1)!.title).toBe(TODAY);
  });

  it("go to the assignee and helpers who are still active members; not for done, trashed or closed-team tasks", async () => {
    const { lead, ola, helper, team, inst } = await people();
    const gone = await buildUser({ institutionId: inst.id, name: "Była członkini" });
    const inactive = await buildUser({ institutionId: inst.id, name: "Konto wyłączone", deactivatedAt: new Date() });
    await db.teamMember.create({ data: { teamId: team.id, userId: inactive.id } });
    await buildTask(team.id, lead.id, { title: "Wspólne", assigneeId: ola.id, helperIds: [helper.id, gone.id, inactive.id], dueDate: "2026-04-15" });
    await buildTask(team.id, lead.id, { title: "Zrobione", assigneeId: ola.id, dueDate: "2026-04-15", status: "DONE" });
    await buildTask(team.id, lead.id, { title: "W koszu", assigneeId: ola.id, dueDate: "2026-04-15", deletedAt: new Date() });
    const closed = await buildTeam(lead.id, { status: "DONE", members: [{ userId: ola.id }] });
    await buildTask(closed.id, lead.id, { title: "Zespół zamknięty", assigneeId: ola.id, dueDate: "2026-04-15" });

    expect((await runReminders(new Date("2026-04-14T07:00:00Z"))).sent).toBe(2);
    expect(await kindsOf(ola.id)).toEqual([`${TOMORROW}:1`]);
    expect(await kindsOf(helper.id)).toEqual([`${TOMORROW}:1`]);
    expect(await kindsOf(gone.id)).toEqual([]);
    expect(await kindsOf(inactive.id)).toEqual([]);
    expect(await kindsOf(lead.id)).toEqual([]);
    expect(JSON.parse((await notificationsOf(ola.id))[0].data!).task).toBe("Wspólne");
  });

  it("follow each person's chosen days", async () => {
    const { lead, ola, helper, team } = await people();
    await db.notificationSetting.create({ data: { userId: ola.id, reminderDays: "7" } });
    await db.notificationSetting.create({ data: { userId: helper.id, reminderDays: "" } });
    await buildTask(team.id, lead.id, { assigneeId: ola.id, helperIds: [helper.id], dueDate: "2026-04-20" });
    for (const day of ["2026-04-13", "2026-04-14", "2026-04-17", "2026-04-19", "2026-04-20"]) await runReminders(new Date(`${day}T07:30:00Z`));
    expect(await kindsOf(ola.id)).toEqual([`${IN_DAYS}:7`, TODAY]);
    expect(await kindsOf(helper.id)).toEqual([TODAY]);
  });

  it("are never sent twice: repeated ticks, a fresh scheduler after a restart, racing ticks", async () => {
    const { lead, ola, helper, team } = await people();
    await buildTask(team.id, lead.id, { assigneeId: ola.id, helperIds: [helper.id], dueDate: "2026-09-10" });
    const clock = new TestClock("2026-09-09T07:05:00Z");
    const first = startScheduler({ clock, autoStart: false });
    await first.tick();
    await first.tick();
    await first.stop();
    const restarted = startScheduler({ clock: clock.advance({ minutes: 1 }), autoStart: false });
    await restarted.tick();
    await restarted.stop();
    expect(await kindsOf(ola.id)).toEqual([`${TOMORROW}:1`]);

    // Two ticks at the same instant, both reading the log before either writes.
    clock.set("2026-09-10T06:00:00Z");
    const [a, b] = await Promise.all([runReminders(clock.now()), runReminders(clock.now())]);
    expect(a.sent + b.sent).toBe(2); // "today" for Ola and for the helper, once each
    expect(await kindsOf(ola.id)).toEqual([`${TOMORROW}:1`, TODAY]);
    expect(await kindsOf(helper.id)).toEqual([`${TOMORROW}:1`, TODAY]);
  });

  it("catch up after downtime, skipping reminders a more urgent one covers", async () => {
    const { lead, ola, helper, team } = await people();
    await db.notificationSetting.create({ data: { userId: helper.id, reminderDays: "7" } });
    await buildTask(team.id, lead.id, { title: "Po przerwie", assigneeId: ola.id, helperIds: [helper.id], dueDate: "2026-05-15" });
    // The server was down from 10 May until 14 May 10:00 (after the "tomorrow" moment).
    await runReminders(new Date("2026-05-14T08:00:00Z"));
    // Ola (3,1): only "tomorrow", not the missed "in 3 days".
    expect(await kindsOf(ola.id)).toEqual([`${TOMORROW}:1`]);
    // The helper (7 only): the missed 7-day reminder comes late, saying what is true now.
    expect(await kindsOf(helper.id)).toEqual([`${TOMORROW}:1`]);
    expect(await db.reminderLog.count({ where: { userId: helper.id, key: { startsWith: "task.dueSoon:7:" } } })).toBe(1);

    // Down over a whole deadline: only "overdue" comes, once.
    await buildTask(team.id, lead.id, { title: "Przegapione", assigneeId: ola.id, dueDate: "2026-05-16" });
    await runReminders(new Date("2026-05-18T09:00:00Z"));
    const last = (await notificationsOf(ola.id)).filter((n) => JSON.parse(n.data!).task === "Przegapione");
    expect(last.map((n) => n.title)).toEqual([OVERDUE]);

    // A deadline long past when the scheduler first sees it: no flood of old "overdue".
    await buildTask(team.id, lead.id, { title: "Stare", assigneeId: ola.id, dueDate: "2026-04-01" });
    await runReminders(new Date("2026-05-18T09:01:00Z"));
    expect((await notificationsOf(ola.id)).some((n) => JSON.parse(n.data!).task === "Stare")).toBe(false);
  });

  it("a task created late gets only the reminders still ahead; a moved deadline is reminded again", async () => {
    const { lead, ola, team } = await people();
    // Created at 08:00 the day before its deadline: the 3-day moment has passed, "tomorrow" has not.
    const task = await buildTask(team.id, lead.id, { assigneeId: ola.id, dueDate: "2026-07-02" });
    expect((await runReminders(new Date("2026-07-01T06:00:00Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-07-01T07:00:00Z"))).sent).toBe(1);
    expect(await kindsOf(ola.id)).toEqual([`${TOMORROW}:1`]);

    // The lead moves the deadline a week later: the new deadline has its own reminders.
    await db.task.update({ where: { id: task.id }, data: deadlineFrom("2026-07-09") });
    expect((await runReminders(new Date("2026-07-06T07:00:00Z"))).sent).toBe(1);
    expect((await runReminders(new Date("2026-07-08T07:00:00Z"))).sent).toBe(1);
    expect(await kindsOf(ola.id)).toEqual([`${TOMORROW}:1`, `${IN_DAYS}:3`, `${TOMORROW}:1`]);
  });

  it("the late 3-day reminder of a person without a 1-day one says the real number of days", () => {
    const d = deadlineFrom("2026-05-15");
    const slots = taskReminderSlots(d, [3]);
    const late = pickTaskReminder(slots, d, new Date("2026-05-13T10:00:00Z"));
    expect(late).toMatchObject({ kind: "task.dueSoon", days: 3, daysLeft: 2 });
    // With a 1-day reminder configured, the same moment sends nothing (the 1-day one will).
    expect(pickTaskReminder(taskReminderSlots(d, [3, 1]), d, new Date("2026-05-14T06:00:00Z"))).toBeNull();
  });

  it("find what is due in a fixed number of queries, however many tasks", async () => {
    const { lead, ola, helper, team, otherCoordinator } = await people();
    await buildTask(team.id, lead.id, { assigneeId: ola.id, dueDate: "2026-08-20" });
    await buildTeam(lead.id, { termEnd: "2026-08-25", members: [{ userId: lead.id, role: "LEAD" }] });
    const now = new Date("2026-08-19T08:00:00Z");
    await runReminders(now);
    const small = await countStatements(() => runReminders(now));
    for (let i = 0; i < 15; i++) await buildTask(team.id, lead.id, { assigneeId: i % 2 ? ola.id : helper.id, helperIds: [lead.id], dueDate: "2026-08-20" });
    for (let i = 0; i < 3; i++) {
      const other = await buildTeam(otherCoordinator.id, { termEnd: "2026-08-25", members: [{ userId: lead.id, role: "LEAD" }, { userId: otherCoordinator.id }] });
      await buildTask(other.id, lead.id, { assigneeId: lead.id, helperIds: [otherCoordinator.id], dueDate: "2026-08-20" });
    }
    await runReminders(now); // sends the new ones (one small transaction each)
    const large = await countStatements(() => runReminders(now));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(12);
  });
});

describe("team term ending", () => {
  it("reminds the leads and the members' coordinators 7 days and 1 day before the end, once each", async () => {
    const { lead, ola, coordinator, otherCoordinator, team } = await people();
    await db.team.update({ where: { id: team.id }, data: { termEnd: "2026-12-10" } });
    const planned = await buildTeam(lead.id, { status: "PLANNED", termEnd: "2026-12-10", members: [{ userId: lead.id, role: "LEAD" }] });

    expect((await runReminders(new Date("2026-12-03T07:59:59Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-12-03T08:00:00Z"))).sent).toBe(2); // 09:00 CET
    expect((await runReminders(new Date("2026-12-05T08:00:00Z"))).sent).toBe(0);
    expect((await runReminders(new Date("2026-12-09T08:00:00Z"))).sent).toBe(2);
    expect((await runReminders(new Date("2026-12-11T08:00:00Z"))).sent).toBe(0);

    for (const user of [lead, coordinator]) {
      const rows = await notificationsOf(user.id);
      expect(rows.map((n) => n.title)).toEqual(["notifications.kind.teamTermEnding", "notifications.kind.teamTermEnding"]);
      expect(rows.every((n) => n.entityId === team.id && n.url === `/zespoly/${team.id}`)).toBe(true);
      expect(JSON.parse(rows[0].data!)).toMatchObject({ team: "Promocja FST", date: "10 grudnia 2026", days: 7 });
    }
    expect(await notificationsOf(ola.id)).toEqual([]);
    expect(await notificationsOf(otherCoordinator.id)).toEqual([]);
    expect(await db.notification.count({ where: { entityId: planned.id } })).toBe(0);
  });

  it("after downtime over the 7-day moment sends it late, but not once the 1-day one is due", async () => {
    const { lead, team } = await people();
    await db.team.update({ where: { id: team.id }, data: { termEnd: "2026-12-10" } });
    // Lead and coordinator each.
    expect((await runReminders(new Date("2026-12-06T12:00:00Z"))).sent).toBe(2);
    const other = await buildTeam(lead.id, { name: "Drugi", termEnd: "2026-12-10", members: [{ userId: lead.id, role: "LEAD" }] });
    // The 1-day reminder for both teams; no late 7-day one for "Drugi".
    expect((await runReminders(new Date("2026-12-09T12:00:00Z"))).sent).toBe(4);
    expect(await db.reminderLog.count({ where: { key: { startsWith: `team.termEnding:7:${other.id}` } } })).toBe(0);
  });
});
