// Who may do what with a meeting. Pure: the same answers drive loaders, actions and the UI.
// Visibility itself (who sees the meeting at all) lives in access.server.ts; once a meeting is
// visible, the organisers run it and everybody else may only look at it (and answer their invitation).
import type { Actor } from "~/modules/auth/actor";

/**
 * The actor's standing in one meeting, resolved by access.server.ts:
 * - `organizer`: the creator, a coordinator of the organiser institution, an administrator,
 *   an OWNER/EDITOR of the meeting's workspace or the lead of its team;
 * - `invited`: invited personally or as a person of an invited institution;
 * - `cancelled`: the meeting was called off (read-only except for the trash).
 */
export type MeetingAccess = { organizer: boolean; invited: boolean; cancelled?: boolean };

export type MeetingAction =
  | "view"
  | "edit"
  | "manageAgenda"
  | "invite"
  | "recordAttendance"
  | "editMinutes"
  | "manageOutcomes"
  | "cancel"
  | "delete";

export const MEETING_ACTIONS: MeetingAction[] = [
  "view",
  "edit",
  "manageAgenda",
  "invite",
  "recordAttendance",
  "editMinutes",
  "manageOutcomes",
  "cancel",
  "delete",
];

/** `access` exists only for visible meetings, so viewing is always allowed. */
export function canMeeting(_actor: Actor, action: MeetingAction, access: MeetingAccess): boolean {
  if (action === "view") return true;
  if (!access.organizer) return false;
  // Moving to the trash (and back) stays possible after a cancellation; everything else is frozen.
  if (action === "delete") return true;
  return !access.cancelled;
}

export function allowedMeetingActions(actor: Actor, access: MeetingAccess): Record<MeetingAction, boolean> {
  return Object.fromEntries(MEETING_ACTIONS.map((a) => [a, canMeeting(actor, a, access)])) as Record<MeetingAction, boolean>;
}

/**
 * Who may open the "Nowe spotkanie" form: coordinators and administrators always; other people only
 * for a workspace where they are OWNER/EDITOR or a team they lead (checked again at create).
 */
export function canCreateMeeting(actor: Actor, scope?: { workspaceRole?: string | null; teamRole?: string | null }): boolean {
  if (actor.isAdmin || actor.institutionRole === "COORDINATOR") return true;
  if (!scope) return false;
  return scope.workspaceRole === "OWNER" || scope.workspaceRole === "EDITOR" || scope.teamRole === "LEAD";
}
