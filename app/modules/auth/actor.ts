import type { InstitutionRole } from "~/generated/prisma/enums";

/** What every policy needs to know about who is acting. Pure data: usable on client and server. */
export type Actor = {
  id: string;
  isAdmin: boolean;
  institutionId: string | null;
  institutionRole: InstitutionRole;
};

export function isCoordinatorOf(actor: Actor, institutionId: string | null | undefined): boolean {
  return !!institutionId && actor.institutionId === institutionId && actor.institutionRole === "COORDINATOR";
}
