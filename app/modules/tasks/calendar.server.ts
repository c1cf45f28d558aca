// The deadline calendar: tasks due in the visible weeks of one month, mine (assignee or helper)
// or all of my teams'. Queries the deadline instant range (indexed `dueAt`), which is exactly the
// Warsaw calendar dates of the grid; at most CALENDAR_MAX entries, a fixed number of queries.
import type { Prisma } from "~/generated/prisma/client";
import type { TaskPriority, TaskStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/auth/actor";
import { visibleTasksWhere } from "~/modules/teams/access.server";
import { db } from "~/utils/db.server";
import { CALENDAR_MAX, monthGrid, monthOf, type CalendarQuery, type CalendarScope } from "./calendar";
import { addDays, isOverdue, warsawDate, warsawInstant } from "./deadline";
import { myPartWhere } from "./my-tasks.server";

export type CalendarEntry = {
  id: string;
  teamId: string;
  teamName: string;
  number: number;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string;
  dueAt: Date;
  dueHasTime: boolean;
  overdue: boolean;
};

export type Calendar = {
  month: string;
  today: string;
  scope: CalendarScope;
  weeks: string[][];
  /** Entries by Warsaw date (YYYY-MM-DD), in deadline order. */
  days: Record<string, CalendarEntry[]>;
  count: number;
  truncated: boolean;
};

export async function loadCalendar(actor: Actor, query: CalendarQuery, now: Date): Promise<Calendar> {
  const month = query.m ?? monthOf(now);
  const { start, end, weeks } = monthGrid(month);
  const from = warsawInstant(start);
  const to = warsawInstant(addDays(end, 1));
  const where: Prisma.TaskWhereInput = {
    AND: [visibleTasksWhere(actor), { dueAt: { gte: from, lt: to } }, ...(query.zakres === "moje" ? [myPartWhere(actor, true)] : [])],
  };
  const rows = await db.task.findMany({
    where,
    orderBy: [{ dueAt: "asc" }, { number: "asc" }, { id: "asc" }],
    take: CALENDAR_MAX + 1,
    select: {
      id: true,
      teamId: true,
      number: true,
      title: true,
      status: true,
      priority: true,
      dueAt: true,
      dueDate: true,
      dueHasTime: true,
      team: { select: { name: true } },
    },
  });
  const truncated = rows.length > CALENDAR_MAX;
  const days: Record<string, CalendarEntry[]> = {};
  for (const r of rows.slice(0, CALENDAR_MAX)) {
    if (!r.dueAt || !r.dueDate) continue;
    (days[r.dueDate] ??= []).push({
      id: r.id,
      teamId: r.teamId,
      teamName: r.team.name,
      number: r.number,
      title: r.title,
      status: r.status,
      priority: r.priority,
      dueDate: r.dueDate,
      dueAt: r.dueAt,
      dueHasTime: r.dueHasTime,
      overdue: isOverdue(r, now),
    });
  }
  return { month, today: warsawDate(now), scope: query.zakres, weeks, days, count: Math.min(rows.length, CALENDAR_MAX), truncated };
}
