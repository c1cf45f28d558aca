import { db } from "~/utils/db.server";

/** Active partner institutions with their number of active people: one query. */
export async function listInstitutionsWithCounts() {
  return db.institution.findMany({
    where: { deletedAt: null },
    orderBy: { shortName: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      description: true,
      contactEmail: true,
      website: true,
      _count: { select: { users: { where: { deactivatedAt: null } } } },
    },
  });
}
