// Builders for teams and tasks, written through Prisma into the per-file database.
import { db } from "~/utils/db.server";
import { deadlineFrom } from "~/modules/tasks/deadline";
import type { TaskPriority, TaskStatus, TeamKind, TeamRole, TeamStatus } from "~/generated/prisma/enums";

export async function buildTeam(
  createdById: string,
  overrides: Partial<{
    name: string;
    kind: TeamKind;
    status: TeamStatus;
    termStart: string;
    termEnd: string | null;
    cadence: string | null;
    workspaceId: string | null;
    members: { userId: string; role?: TeamRole }[];
  }> = {},
) {
  const kind = overrides.kind ?? "TEMPORARY";
  return db.team.create({
    data: {
      name: overrides.name ?? "Zespół testowy",
      mandate: "<p>Przygotować koncepcję promocji.</p>",
      kind,
      cadence: overrides.cadence ?? (kind === "PERIODIC" ? "MONTHLY" : null),
      status: overrides.status ?? "ACTIVE",
      termStart: overrides.termStart ?? "2026-11-01",
      termEnd: overrides.termEnd === undefined ? "2027-03-31" : overrides.termEnd,
      workspaceId: overrides.workspaceId ?? null,
      createdById,
      members: { create: (overrides.members ?? []).map((m) => ({ userId: m.userId, role: m.role ?? "MEMBER" })) },
    },
  });
}

let counter = 0;

export async function buildTask(
  teamId: string,
  createdById: string,
  overrides: Partial<{
    title: string;
    status: TaskStatus;
    priority: TaskPriority;
    assigneeId: string | null;
    helperIds: string[];
    dueDate: string | null;
    dueTime: string | null;
    labels: string[];
    position: number;
    blockedReason: string | null;
    deletedAt: Date | null;
  }> = {},
) {
  const last = await db.task.findFirst({ where: { teamId }, orderBy: { number: "desc" }, select: { number: true } });
  const deadline = overrides.dueDate ? deadlineFrom(overrides.dueDate, overrides.dueTime) : null;
  counter += 1;
  return db.task.create({
    data: {
      teamId,
      number: (last?.number ?? 0) + 1,
      title: overrides.title ?? `Zadanie ${counter}`,
      status: overrides.status ?? "TODO",
      blockedReason: overrides.blockedReason ?? (overrides.status === "BLOCKED" ? "Czekamy na dane" : null),
      priority: overrides.priority ?? "NORMAL",
      assigneeId: overrides.assigneeId ?? null,
      dueAt: deadline?.dueAt ?? null,
      dueDate: deadline?.dueDate ?? null,
      dueHasTime: deadline?.dueHasTime ?? false,
      position: overrides.position ?? counter * 1024,
      createdById,
      completedAt: overrides.status === "DONE" ? new Date() : null,
      deletedAt: overrides.deletedAt ?? null,
      helpers: { create: (overrides.helperIds ?? []).map((userId) => ({ userId })) },
      labels: { create: (overrides.labels ?? []).map((label) => ({ label })) },
    },
  });
}
