// Reading the ideas inbox. Every query is scoped by ideasInboxWhere(actor) (access.server.ts), so
// the list never holds an idea the person may not see. A page costs a fixed number of SQL
// statements whatever the number of ideas (tests/integration/ideas-inbox.test.ts counts them):
// the averages and score counts come from one groupBy over the page, the comment count from a
// filtered relation count in the page query.
//
// Text search is a plain `contains` (SQLite LIKE): case-insensitive for ASCII letters only, so
// "Opera" finds "opera" but "Łódź" does not find "łódź".
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/modules/auth/actor";
import { pageArgs, pageInfo, type PageInfo } from "~/modules/admin/pagination";
import { db } from "~/utils/db.server";
import { handledIntakesWhere, ideasInboxWhere } from "./access.server";
import { INBOX_PAGE_SIZE, UNASSIGNED, type InboxFilters, type InboxQuery } from "./inbox.schema";

/** The `where` of the person's ideas matching the filters. */
export function inboxWhere(actor: Actor, f: InboxFilters): Prisma.IdeaWhereInput {
  const and: Prisma.IdeaWhereInput[] = [ideasInboxWhere(actor)];
  if (f.intake) and.push({ intakeId: f.intake });
  if (f.status) and.push({ status: f.status });
  if (f.category) and.push({ category: f.category });
  if (f.tag) and.push({ tags: { some: { tag: f.tag } } });
  if (f.assignee === UNASSIGNED) and.push({ assigneeId: null });
  else if (f.assignee) and.push({ assigneeId: f.assignee });
  if (f.q) and.push({ OR: [{ title: { contains: f.q } }, { description: { contains: f.q } }, { reference: { contains: f.q } }] });
  return { AND: and };
}

export const inboxRowSelect = {
  id: true,
  reference: true,
  title: true,
  category: true,
  status: true,
  acceptedFor: true,
  submittedAt: true,
  intake: { select: { id: true, title: true } },
  assignee: { select: { id: true, name: true } },
  duplicateOf: { select: { id: true, reference: true } },
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} as const satisfies Prisma.IdeaSelect;

type RowBase = Prisma.IdeaGetPayload<{ select: typeof inboxRowSelect }>;

export type ScoreSummary = { impact: number | null; feasibility: number | null; count: number };

export type InboxRow = Omit<RowBase, "_count" | "tags"> & { tags: string[]; comments: number; score: ScoreSummary };

const NO_SCORE: ScoreSummary = { impact: null, feasibility: null, count: 0 };

/** Averages and counts of scores per idea, in one grouped statement. */
export async function scoreSummaries(where: Prisma.IdeaScoreWhereInput): Promise<Map<string, ScoreSummary>> {
  const groups = await db.ideaScore.groupBy({
    by: ["ideaId"],
    where,
    _avg: { impact: true, feasibility: true },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.ideaId, { impact: g._avg.impact, feasibility: g._avg.feasibility, count: g._count._all }]));
}

/** One number to sort by: the mean of the two averages (unscored ideas have none). */
export function overallScore(s: ScoreSummary): number | null {
  if (!s.count || s.impact === null || s.feasibility === null) return null;
  return (s.impact + s.feasibility) / 2;
}

function toRow(r: RowBase, scores: Map<string, ScoreSummary>): InboxRow {
  const { _count, tags, ...rest } = r;
  return { ...rest, tags: tags.map((t) => t.tag), comments: _count.comments, score: scores.get(r.id) ?? NO_SCORE };
}

/**
 * One page of the inbox, 25 a page. Newest/oldest: a count, the page, one groupBy of the page's
 * scores (3 statements). By average score (the average is not a column, so SQL cannot order by it
 * portably): the matching ids, one groupBy of all their scores, then the page's rows (3
 * statements); the ids of an inbox of even a few thousand ideas are small.
 */
export async function listInbox(actor: Actor, query: InboxQuery): Promise<{ rows: InboxRow[]; page: PageInfo }> {
  const where = inboxWhere(actor, query);
  if (query.sort !== "score") {
    const dir = query.sort === "oldest" ? "asc" : "desc";
    const [total, rows] = await Promise.all([
      db.idea.count({ where }),
      db.idea.findMany({
        where,
        orderBy: [{ submittedAt: dir }, { reference: dir }],
        ...pageArgs(query.page, INBOX_PAGE_SIZE),
        select: inboxRowSelect,
      }),
    ]);
    const scores = await scoreSummaries({ ideaId: { in: rows.map((r) => r.id) } });
    return { rows: rows.map((r) => toRow(r, scores)), page: pageInfo(query.page, total, INBOX_PAGE_SIZE) };
  }
  const [all, scores] = await Promise.all([
    db.idea.findMany({ where, select: { id: true, submittedAt: true } }),
    scoreSummaries({ idea: where }),
  ]);
  const ranked = all
    .map((r) => ({ id: r.id, at: r.submittedAt.getTime(), score: overallScore(scores.get(r.id) ?? NO_SCORE) }))
    .sort((a, b) => {
      if (a.score !== b.score) {
        if (a.score === null) return 1;
        if (b.score === null) return -1;
        return b.score - a.score;
      }
      return b.at - a.at;
    });
  const { skip, take } = pageArgs(query.page, INBOX_PAGE_SIZE);
  const ids = ranked.slice(skip, skip + take).map((r) => r.id);
  const rows = await db.idea.findMany({ where: { id: { in: ids } }, select: inboxRowSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: ids
      .map((id) => byId.get(id))
      .filter((r): r is RowBase => !!r)
      .map((r) => toRow(r, scores)),
    page: pageInfo(query.page, all.length, INBOX_PAGE_SIZE),
  };
}

/** Bound on the tags offered in the filter. */
export const TAG_OPTIONS_LIMIT = 300;

/** What the filters offer: the intake periods, the tags in use, the people ideas are assigned to. Three statements. */
export async function inboxFilterOptions(actor: Actor) {
  const visible = ideasInboxWhere(actor);
  const [intakes, tags, assignees] = await Promise.all([
    db.ideaIntake.findMany({ where: handledIntakesWhere(actor), orderBy: { opensAt: "desc" }, select: { id: true, title: true } }),
    db.ideaTag.findMany({ where: { idea: visible }, distinct: ["tag"], orderBy: { tag: "asc" }, take: TAG_OPTIONS_LIMIT, select: { tag: true } }),
    db.user.findMany({ where: { ideasAssigned: { some: visible } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { intakes, tags: tags.map((t) => t.tag), assignees };
}
