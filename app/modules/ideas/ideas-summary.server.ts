// The inbox summary: how many ideas per category and per status, for the ideas the person sees
// (optionally one intake period or the inbox's other filters). Two grouped statements whatever the
// number of ideas.
import type { Actor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import { IDEA_CATEGORIES, IDEA_STATUSES, type IdeaCategoryValue, type IdeaStatusValue, type InboxFilters } from "./inbox.schema";
import { inboxWhere } from "./inbox.server";

export type IdeasSummary = {
  total: number;
  byCategory: { category: IdeaCategoryValue; count: number }[];
  byStatus: { status: IdeaStatusValue; count: number }[];
};

export async function ideasSummary(actor: Actor, filters: InboxFilters): Promise<IdeasSummary> {
  const where = inboxWhere(actor, filters);
  const [categories, statuses] = await Promise.all([
    db.idea.groupBy({ by: ["category"], where, _count: { _all: true } }),
    db.idea.groupBy({ by: ["status"], where, _count: { _all: true } }),
  ]);
  const perCategory = new Map(categories.map((g) => [g.category, g._count._all]));
  const perStatus = new Map(statuses.map((g) => [g.status, g._count._all]));
  return {
    total: statuses.reduce((sum, g) => sum + g._count._all, 0),
    // Every category and status, in their fixed order, zeros included (the chart and the table agree).
    byCategory: IDEA_CATEGORIES.map((category) => ({ category, count: perCategory.get(category) ?? 0 })),
    byStatus: IDEA_STATUSES.map((status) => ({ status, count: perStatus.get(status) ?? 0 })),
  };
}
