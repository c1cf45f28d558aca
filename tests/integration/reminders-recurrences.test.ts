// Recurring tasks of periodic teams: generated 60 days ahead, exactly once (repeated runs, a fresh
// scheduler, a task moved to the trash), with month-end clamping and the team's next numbers.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { TestClock } from "~/modules/reminders/clock";
import { generateRecurringTasks, occurrences, RECURRENCE_ACTOR_LABEL } from "~/modules/reminders/recurrences.server";
import { startScheduler } from "~/modules/reminders/scheduler.server";
import { buildInstitution, buildUser } from "../factories";
import { buildTask, buildTeam } from "../team-factories";

async function periodicTeam(overrides: Parameters<typeof buildTeam>[1] = {}) {
  const inst = await buildInstitution();
  const coordinator = await buildUser({ institutionId: inst.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const ola = await buildUser({ institutionId: inst.id, name: "Aleksandra Nowak" });
  const team = await buildTeam(coordinator.id, {
    name: "Zespół ds. sprawozdawczości",
    kind: "PERIODIC",
    cadence: "MONTHLY",
    termStart: "2026-12-01",
    termEnd: null,
    members: [{ userId: coordinator.id, role: "LEAD" }, { userId: ola.id }],
    ...overrides,
  });
  return { inst, coordinator, ola, team };
}

async function monthly(teamId: string, createdById: string, assigneeId: string | null, day = 31, startDate = "2027-01-31") {
  return db.taskRecurrence.create({
    data: { teamId, title: "Raport miesięczny", description: "<p>Stan prac zespołu.</p>", assigneeId, priority: "HIGH", cadence: "MONTHLY", day, startDate, createdById },
  });
}

const tasksOf = (recurrenceId: string) => db.task.findMany({ where: { recurrenceId }, orderBy: { dueDate: "asc" } });

describe("recurring tasks", () => {
  it("are generated up to 60 days ahead, exactly once, with the last day of February clamped", async () => {
    const { coordinator, ola, team } = await periodicTeam();
    await buildTask(team.id, coordinator.id, { title: "Zadanie ręczne" }); // #1
    const rec = await monthly(team.id, coordinator.id, ola.id);

    const clock = new TestClock("2027-01-15T09:00:00Z");
    expect(await generateRecurringTasks(clock.now())).toEqual({ created: 2 });
    let tasks = await tasksOf(rec.id);
    expect(tasks.map((t) => t.dueDate)).toEqual(["2027-01-31", "2027-02-28"]);
    expect(tasks.map((t) => t.number)).toEqual([2, 3]);
    expect(tasks[0]).toMatchObject({
      title: "Raport miesięczny",
      description: "<p>Stan prac zespołu.</p>",
      priority: "HIGH",
      status: "TODO",
      assigneeId: ola.id,
      createdById: coordinator.id,
      dueHasTime: false,
      teamId: team.id,
    });
    // Date-only deadline: the end of the Warsaw day.
    expect(tasks[0].dueAt!.toISOString()).toBe("2027-01-31T22:59:59.999Z");
    expect((await db.taskRecurrence.findUniqueOrThrow({ where: { id: rec.id } })).generatedUntil).toBe("2027-03-16");

    // Again, and from a fresh scheduler ("after a restart"): nothing new.
    expect(await generateRecurringTasks(clock.now())).toEqual({ created: 0 });
    const scheduler = startScheduler({ clock, autoStart: false, log: () => undefined });
    await scheduler.tick();
    await scheduler.stop();
    expect(await tasksOf(rec.id)).toHaveLength(2);

    // A month later the horizon moves: March 31 appears.
    clock.set("2027-02-15T09:00:00Z");
    expect(await generateRecurringTasks(clock.now())).toEqual({ created: 1 });
    tasks = await tasksOf(rec.id);
    expect(tasks.map((t) => [t.dueDate, t.number])).toEqual([["2027-01-31", 2], ["2027-02-28", 3], ["2027-03-31", 4]]);

    // History and audit say it was generated, by no person.
    const events = await db.taskEvent.findMany({ where: { taskId: tasks[0].id } });
    expect(events).toMatchObject([{ kind: "created", actorId: null }]);
    const audit = await db.auditLog.findMany({ where: { action: "task.create", entityId: { in: tasks.map((t) => t.id) } } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorId === null && a.actorLabel === RECURRENCE_ACTOR_LABEL)).toBe(true);
  });

  it("never recreates a generated task that was moved to the trash, nor one generated concurrently", async () => {
    const { coordinator, ola, team } = await periodicTeam();
    const rec = await monthly(team.id, coordinator.id, ola.id, 10, "2027-02-10");
    const now = new Date("2027-01-20T09:00:00Z");
    const [a, b] = await Promise.all([generateRecurringTasks(now), generateRecurringTasks(now)]);
    expect(a.created + b.created).toBe(2); // 10 February and 10 March
    const [first] = await tasksOf(rec.id);
    await db.task.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    await db.taskRecurrence.update({ where: { id: rec.id }, data: { generatedUntil: null } });
    expect(await generateRecurringTasks(now)).toEqual({ created: 0 });
    expect(await tasksOf(rec.id)).toHaveLength(2);
  });

  it("only for active recurrences of periodic teams that are planned or active, within the term", async () => {
    const { coordinator, ola, team } = await periodicTeam({ termEnd: "2027-02-15" });
    const rec = await monthly(team.id, coordinator.id, ola.id, 1, "2027-01-01");
    const paused = await monthly(team.id, coordinator.id, ola.id, 5, "2027-01-05");
    await db.taskRecurrence.update({ where: { id: paused.id }, data: { active: false } });
    const temporary = await periodicTeam({ kind: "TEMPORARY", termEnd: "2027-12-31" });
    const recTemporary = await monthly(temporary.team.id, temporary.coordinator.id, null, 1, "2027-01-01");
    const done = await periodicTeam({ status: "DONE" });
    const recDone = await monthly(done.team.id, done.coordinator.id, null, 1, "2027-01-01");

    await generateRecurringTasks(new Date("2026-12-20T09:00:00Z"));
    expect((await tasksOf(rec.id)).map((t) => t.dueDate)).toEqual(["2027-01-01", "2027-02-01"]); // not 1 March: after the term
    expect(await tasksOf(paused.id)).toHaveLength(0);
    expect(await tasksOf(recTemporary.id)).toHaveLength(0);
    expect(await tasksOf(recDone.id)).toHaveLength(0);

    // The term is extended: generation carries on.
    await db.team.update({ where: { id: team.id }, data: { termEnd: "2027-06-30" } });
    await generateRecurringTasks(new Date("2027-01-10T09:00:00Z"));
    expect((await tasksOf(rec.id)).map((t) => t.dueDate)).toEqual(["2027-01-01", "2027-02-01", "2027-03-01"]);
  });

  it("leave the task unassigned when the recurrence's assignee has left the team", async () => {
    const { coordinator, ola, team } = await periodicTeam();
    const rec = await monthly(team.id, coordinator.id, ola.id, 15, "2027-01-15");
    await db.teamMember.deleteMany({ where: { teamId: team.id, userId: ola.id } });
    await generateRecurringTasks(new Date("2027-01-01T09:00:00Z"));
    const tasks = await tasksOf(rec.id);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.assigneeId === null)).toBe(true);
  });

  it("compute due dates for monthly (clamped, leap years), quarterly and weekly rules", () => {
    const m = { cadence: "MONTHLY", day: 31, startDate: "2027-11-30" };
    expect(occurrences(m, "2027-11-01", "2028-04-30")).toEqual(["2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"]);
    expect(occurrences({ cadence: "QUARTERLY", day: 30, startDate: "2026-11-30" }, "2026-12-01", "2027-12-31")).toEqual(["2027-02-28", "2027-05-30", "2027-08-30", "2027-11-30"]);
    // Every Friday (ISO 5) from 1 January 2027 (a Friday).
    expect(occurrences({ cadence: "WEEKLY", day: 5, startDate: "2027-01-01" }, "2027-01-02", "2027-01-31")).toEqual(["2027-01-08", "2027-01-15", "2027-01-22", "2027-01-29"]);
    expect(occurrences(m, "2028-05-01", "2028-04-30")).toEqual([]);
  });
});
