// Who may do what with institutions and their people. Pure functions, shared with the UI
// (to hide buttons) and enforced on the server by `authorize`. Tested as a table.
import { isCoordinatorOf, type Actor } from "~/modules/auth/actor";

export type InstitutionAction =
  | "view"
  | "create"
  | "update"
  | "delete"
  | "restore"
  | "viewPeople"
  | "invitePeople";

export type InstitutionResource = { id: string } | null;

export function canInstitution(actor: Actor, action: InstitutionAction, institution: InstitutionResource): boolean {
  switch (action) {
    case "view":
      // The partners are visible to everyone signed in: it is one partnership.
      return true;
    case "create":
    case "delete":
    case "restore":
      return actor.isAdmin;
    case "update":
    case "viewPeople":
    case "invitePeople":
      return actor.isAdmin || isCoordinatorOf(actor, institution?.id);
  }
}

export type PersonAction = "changeRole" | "deactivate" | "reactivate" | "resendInvitation";

export type PersonResource = { id: string; institutionId: string | null; isAdmin: boolean };

export function canPerson(actor: Actor, action: PersonAction, person: PersonResource): boolean {
  if (actor.isAdmin) {
    // Admins manage everyone but themselves, so the platform never locks itself out.
    return action === "resendInvitation" || person.id !== actor.id;
  }
  if (!isCoordinatorOf(actor, person.institutionId)) return false;
  // Coordinators manage their own institution's people, never admins, never themselves.
  if (person.isAdmin || person.id === actor.id) return false;
  return true;
}

/** The admin area is open to admins (everything) and coordinators (their people). */
export function canOpenAdministration(actor: Actor): boolean {
  return actor.isAdmin || actor.institutionRole === "COORDINATOR";
}
