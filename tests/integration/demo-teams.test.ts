// Demo executive teams: who sees them, tasks in every state around today, checklists, comments
// with a mention, labels, the monthly recurrence — and that the step is idempotent.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { parseMentions } from "~/modules/comments/mentions";
import { visibleTeamsWhere } from "~/modules/teams/access.server";
import { isOverdue, warsawDate } from "~/modules/tasks/deadline";
import { seedDemo, type DemoContext } from "../../prisma/seed/demo";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-accounts";
import { DEMO_MONITORING_TEAM, DEMO_PROMOTION_TEAM, DEMO_RECURRENCE_TITLE, seedTeams } from "../../prisma/seed/demo-teams";

async function visibleTeamNames(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const rows = await db.team.findMany({ where: visibleTeamsWhere(user), orderBy: { name: "asc" } });
  return rows.map((t) => t.name);
}

async function seeded(): Promise<DemoContext> {
  const result = await seedDemo();
  if (result.status !== "created") throw new Error("demo not created");
  return result.context;
}

describe("demo teams", () => {
  it("the promotion team has only BKPPT and RIG people, led by the BKPPT coordinator; FRGK and ARREKS do not see it", async () => {
    await seeded();
    const team = await db.team.findFirstOrThrow({
      where: { name: DEMO_PROMOTION_TEAM },
      include: { members: { include: { user: { include: { institution: true } } } }, workspace: true },
    });
    expect(team).toMatchObject({ kind: "TEMPORARY", status: "ACTIVE", workspace: { name: "Koncepcja promocji FST" } });
    expect(team.termEnd! > warsawDate(new Date())).toBe(true);
    expect(new Set(team.members.map((m) => m.user.institution?.shortName))).toEqual(new Set(["BKPPT", "RIG"]));
    expect(team.members.filter((m) => m.role === "LEAD").map((m) => m.user.email)).toEqual(["koordynator@bkppt.razem.test"]);
    // Members, the BKPPT and RIG coordinators and the administrator see it; nobody from FRGK or ARREKS.
    const memberEmails = new Set(team.members.map((m) => m.user.email));
    for (const account of DEMO_ACCOUNTS) {
      const names = await visibleTeamNames(account.email);
      const partner = account.institution === "BKPPT" || account.institution === "RIG";
      const sees = account.role === "ADMIN" || memberEmails.has(account.email) || (partner && account.role === "COORDINATOR");
      expect(names.includes(DEMO_PROMOTION_TEAM), account.email).toBe(sees);
      if (account.institution === "FRGK" || account.institution === "ARREKS") expect(names, account.email).not.toContain(DEMO_PROMOTION_TEAM);
    }
  });

  it("has a dozen tasks in every state, some overdue and some due today, with checklists, labels and a comment mentioning someone", async () => {
    await seeded();
    const now = new Date();
    const today = warsawDate(now);
    const team = await db.team.findFirstOrThrow({ where: { name: DEMO_PROMOTION_TEAM } });
    const tasks = await db.task.findMany({ where: { teamId: team.id }, include: { checklist: true, labels: true, comments: true } });
    expect(tasks.length).toBeGreaterThanOrEqual(12);
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(["TODO", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE"]));
    expect(tasks.filter((t) => isOverdue(t, now)).length).toBeGreaterThanOrEqual(2);
    expect(tasks.filter((t) => t.dueDate === today && !isOverdue(t, now)).length).toBeGreaterThanOrEqual(1);
    expect(tasks.some((t) => t.dueDate && t.dueDate > today)).toBe(true);
    expect(tasks.some((t) => t.dueDate && t.dueDate < today && t.status === "DONE")).toBe(true);
    expect(tasks.filter((t) => t.status === "DONE").every((t) => t.completedAt)).toBe(true);
    expect(tasks.find((t) => t.status === "BLOCKED")?.blockedReason).toBeTruthy();
    expect(tasks.filter((t) => t.checklist.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(tasks.every((t) => t.labels.length > 0)).toBe(true);
    // Numbers are the team's own, 1…n.
    expect(tasks.map((t) => t.number).sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i + 1));

    const lukasz = await db.user.findUniqueOrThrow({ where: { email: "lukasz.zak@rig.razem.test" } });
    const withMention = tasks.flatMap((t) => t.comments).find((c) => parseMentions(c.body).some((s) => s.type === "mention" && s.userId === lukasz.id));
    expect(withMention).toBeDefined();
    expect(await db.notification.count({ where: { userId: lukasz.id, kind: "task.mention" } })).toBe(1);
    // Everyone named on a task is in the team (assignees and helpers).
    const members = new Set((await db.teamMember.findMany({ where: { teamId: team.id } })).map((m) => m.userId));
    const helpers = await db.taskHelper.findMany({ where: { task: { teamId: team.id } } });
    for (const id of [...tasks.map((t) => t.assigneeId), ...helpers.map((h) => h.userId)]) if (id) expect(members.has(id)).toBe(true);
  });

  it("the periodic team is monthly, has people from all four institutions and the monthly report recurrence", async () => {
    await seeded();
    const team = await db.team.findFirstOrThrow({
      where: { name: DEMO_MONITORING_TEAM },
      include: { members: { include: { user: { include: { institution: true } } } }, recurrences: { include: { tasks: true } } },
    });
    expect(team).toMatchObject({ kind: "PERIODIC", cadence: "MONTHLY", status: "ACTIVE", termEnd: null });
    expect(new Set(team.members.map((m) => m.user.institution?.shortName))).toEqual(new Set(["BKPPT", "FRGK", "ARREKS", "RIG"]));
    expect(team.recurrences).toHaveLength(1);
    const rec = team.recurrences[0];
    expect(rec).toMatchObject({ title: DEMO_RECURRENCE_TITLE, cadence: "MONTHLY", day: 5, active: true });
    const today = warsawDate(new Date());
    // Past months are reported, the next report is open; the scheduler carries on after generatedUntil.
    expect(rec.tasks.filter((t) => t.dueDate! < today).every((t) => t.status === "DONE")).toBe(true);
    const open = rec.tasks.filter((t) => t.status !== "DONE");
    expect(open).toHaveLength(1);
    expect(open[0].dueDate! >= today).toBe(true);
    expect(rec.generatedUntil).toBe(open[0].dueDate);
    expect(rec.tasks.every((t) => t.dueDate!.endsWith("-05"))).toBe(true);
    // Every coordinator has someone of theirs in it, so all four see it, as do its members.
    const memberEmails = new Set(team.members.map((m) => m.user.email));
    for (const account of DEMO_ACCOUNTS) {
      const sees = account.role !== "MEMBER" || memberEmails.has(account.email);
      expect((await visibleTeamNames(account.email)).includes(DEMO_MONITORING_TEAM), account.email).toBe(sees);
    }
  });

  it("running the step again adds nothing", async () => {
    const ctx = await seeded();
    const counts = async () => [await db.team.count(), await db.task.count(), await db.taskComment.count(), await db.taskRecurrence.count(), await db.notification.count()];
    const before = await counts();
    await seedTeams(ctx);
    expect(await counts()).toEqual(before);
  });
});
