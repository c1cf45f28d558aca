// Recurring tasks of periodic teams (e.g. "Raport miesięczny" on the last day of every month),
// generated GENERATE_AHEAD_DAYS ahead so they show on boards, in Moje zadania and in calendars.
//
// - Only active recurrences of PERIODIC teams that are PLANNED or ACTIVE (not deleted).
// - Due dates from the later of `startDate`, the day after `generatedUntil` and today, up to today
//   + 60 days and never after the team's `termEnd` (extending the term later resumes generation).
//   Dates already in the past are not created (after downtime of more than 60 days they are lost).
// - MONTHLY/QUARTERLY: day `day` of the month, clamped to the month's length (31 → 28/29 in
//   February, 30 in April); QUARTERLY every third month counted from `startDate`'s month.
//   WEEKLY: ISO weekday `day` (1 = Monday) every week.
// - Idempotent: `generatedUntil` moves forward in the same transaction as the new tasks, and a date
//   that already has a task of this recurrence (even one moved to the trash) is never created again.
// - The task: the recurrence's title, description, priority, assignee (only while an active member of
//   the team), a date-only deadline, `createdById` = the recurrence's creator, the team's next
//   number, the end of "Do zrobienia". History and audit say it was generated; no "assigned"
//   notification (the deadline reminders come in time).
import { recordAudit } from "~/modules/audit/audit.server";
import { addDays, deadlineFrom, isoWeekday, warsawDate } from "~/modules/tasks/deadline";
import { recordTaskEvent } from "~/modules/tasks/tasks.server";
import { db } from "~/utils/db.server";

export const GENERATE_AHEAD_DAYS = 60;
/** Who the audit log names for generated tasks (no person did it). */
export const RECURRENCE_ACTOR_LABEL = "Razem — zadanie cykliczne";

export type RecurrenceRule = { cadence: string; day: number; startDate: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Due dates of the rule within [from, to] (YYYY-MM-DD, inclusive), never before `startDate`. */
export function occurrences(rule: RecurrenceRule, from: string, to: string): string[] {
  const start = rule.startDate > from ? rule.startDate : from;
  if (start > to) return [];
  const out: string[] = [];
  if (rule.cadence === "WEEKLY") {
    const weekday = Math.min(7, Math.max(1, rule.day));
    let date = addDays(start, (weekday - isoWeekday(start) + 7) % 7);
    while (date <= to) {
      out.push(date);
      date = addDays(date, 7);
    }
    return out;
  }
  const step = rule.cadence === "QUARTERLY" ? 3 : 1;
  let [year, month] = rule.startDate.split("-").map(Number);
  const day = Math.min(31, Math.max(1, rule.day));
  for (;;) {
    const date = ymd(year, month, Math.min(day, daysInMonth(year, month)));
    if (date > to) break;
    if (date >= start) out.push(date);
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

export type RecurrenceRun = { created: number };

export async function generateRecurringTasks(now: Date): Promise<RecurrenceRun> {
  const today = warsawDate(now);
  const horizon = addDays(today, GENERATE_AHEAD_DAYS);
  const recurrences = await db.taskRecurrence.findMany({
    where: {
      active: true,
      team: { deletedAt: null, kind: "PERIODIC", status: { in: ["PLANNED", "ACTIVE"] } },
      OR: [{ generatedUntil: null }, { generatedUntil: { lt: horizon } }],
    },
    select: {
      id: true,
      teamId: true,
      title: true,
      description: true,
      assigneeId: true,
      priority: true,
      cadence: true,
      day: true,
      startDate: true,
      generatedUntil: true,
      createdById: true,
      team: { select: { termEnd: true, members: { where: { user: { deactivatedAt: null } }, select: { userId: true } } } },
    },
  });
  let created = 0;
  for (const rec of recurrences) {
    const after = rec.generatedUntil ? addDays(rec.generatedUntil, 1) : rec.startDate;
    const from = [after, today, rec.startDate].sort().at(-1)!;
    const until = rec.team.termEnd && rec.team.termEnd < horizon ? rec.team.termEnd : horizon;
    const dates = occurrences(rec, from, until);
    // Up to the term's end only: if the term is extended later, generation carries on from there.
    const generatedUntil = rec.generatedUntil && rec.generatedUntil > until ? rec.generatedUntil : until;
    if (dates.length === 0 && generatedUntil === rec.generatedUntil) continue;
    const assigneeId = rec.assigneeId && rec.team.members.some((m) => m.userId === rec.assigneeId) ? rec.assigneeId : null;
    created += await db.$transaction(async (tx) => {
      // Moving generatedUntil is the claim: a concurrent run that read the same value changes nothing.
      const claimed = await tx.taskRecurrence.updateMany({ where: { id: rec.id, generatedUntil: rec.generatedUntil }, data: { generatedUntil } });
      if (claimed.count === 0 || dates.length === 0) return 0;
      const existing = await tx.task.findMany({ where: { recurrenceId: rec.id, dueDate: { in: dates } }, select: { dueDate: true } });
      const missing = dates.filter((d) => !existing.some((e) => e.dueDate === d));
      if (missing.length === 0) return 0;
      const last = await tx.task.findFirst({ where: { teamId: rec.teamId }, orderBy: { number: "desc" }, select: { number: true } });
      const bottom = await tx.task.findFirst({ where: { teamId: rec.teamId, status: "TODO", deletedAt: null }, orderBy: { position: "desc" }, select: { position: true } });
      let number = last?.number ?? 0;
      let position = bottom?.position ?? 0;
      for (const dueDate of missing) {
        number += 1;
        position += 1024;
        const deadline = deadlineFrom(dueDate);
        const task = await tx.task.create({
          data: {
            teamId: rec.teamId,
            number,
            title: rec.title,
            description: rec.description,
            priority: rec.priority,
            assigneeId,
            dueAt: deadline.dueAt,
            dueDate: deadline.dueDate,
            dueHasTime: false,
            position,
            recurrenceId: rec.id,
            createdById: rec.createdById,
          },
          select: { id: true },
        });
        await recordTaskEvent(tx, task.id, null, "created", { title: rec.title, recurrenceId: rec.id, dueDate });
        await recordAudit(
          {
            actor: null,
            actorLabel: RECURRENCE_ACTOR_LABEL,
            action: "task.create",
            entityType: "Task",
            entityId: task.id,
            summary: `#${number} ${rec.title}`,
            changes: { teamId: rec.teamId, recurrenceId: rec.id, dueDate },
          },
          tx,
        );
      }
      return missing.length;
    });
  }
  return { created };
}
