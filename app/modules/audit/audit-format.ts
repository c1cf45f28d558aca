// How an audit row reads for people: labels for action codes, entity types and changed fields,
// and `{ field: [before, after] }` as "field: before → after". Pure: used by the page and the CSV.
import { isMessageKey, type Translate } from "~/utils/i18n";
import { warsawTimestamp } from "./audit-dates";

/** Action codes written by the app today; each has a label `audit.action.<code>`. */
export const KNOWN_ACTIONS = [
  "auth.signin",
  "auth.signin.failed",
  "auth.signin.throttled",
  "auth.signout",
  "auth.reset.request",
  "session.end",
  "session.endOthers",
  "user.setup",
  "user.profile.update",
  "user.password.change",
  "user.password.reset",
  "user.role.change",
  "user.deactivate",
  "user.reactivate",
  "institution.create",
  "institution.update",
  "institution.delete",
  "institution.restore",
  "invitation.create",
  "invitation.accept",
  "invitation.revoke",
  "invitation.resend",
  "permission.denied",
  "audit.export",
  "workspace.create",
  "workspace.update",
  "workspace.archive",
  "workspace.unarchive",
  "workspace.member.add",
  "workspace.member.role",
  "workspace.member.remove",
  "workspace.institution.add",
  "workspace.institution.role",
  "workspace.institution.remove",
  "library.folder.create",
  "library.folder.rename",
  "library.folder.move",
  "library.folder.trash",
  "library.folder.restore",
  "library.folder.purge",
  "library.document.upload",
  "library.document.version",
  "library.document.restoreVersion",
  "library.document.rename",
  "library.document.move",
  "library.document.trash",
  "library.document.restore",
  "library.document.purge",
  "comment.create",
  "comment.update",
  "comment.delete",
  "library.document.review.request",
  "library.document.review.cancel",
  "library.document.review.approve",
  "library.document.review.return",
  "library.document.lock",
  "library.document.unlock",
  "team.create",
  "team.update",
  "team.member.add",
  "team.member.role",
  "team.member.remove",
  "team.status",
  "team.trash",
  "team.restore",
  "task.create",
  "task.update",
  "task.status",
  "task.reorder",
  "task.checklist",
  "task.delete",
  "task.restore",
  "task.comment.create",
  "task.comment.update",
  "task.comment.delete",
  "task.link.add",
  "task.link.remove",
  "task.attachment.add",
  "task.attachment.upload",
  "task.attachment.remove",
  "task.export",
  "task.recurrence.create",
  "task.recurrence.update",
  "task.recurrence.pause",
  "task.recurrence.resume",
  "task.recurrence.delete",
  "idea.submit",
  "idea.rejected.bot",
  "idea.rejected.rateLimit",
  "idea.intake.create",
  "idea.intake.update",
  "idea.intake.close",
  "idea.contact.erase",
  "idea.contact.purge",
  "idea.status",
  "idea.tags",
  "idea.assign",
  "idea.merge",
  "idea.score",
  "idea.score.remove",
  "idea.comment.create",
  "idea.comment.update",
  "idea.comment.delete",
  "idea.link.add",
  "idea.link.remove",
  "idea.task.create",
  "idea.team.send",
  "idea.export",
  "user.notifications.update",
  "user.calendar.regenerate",
  "user.calendar.revoke",
  "meeting.create",
  "meeting.update",
  "meeting.cancel",
  "meeting.trash",
  "meeting.restore",
  "meeting.agenda.add",
  "meeting.agenda.update",
  "meeting.agenda.remove",
  "meeting.agenda.move",
  "meeting.attendance.save",
  "meeting.attendance.add",
  "meeting.attendance.remove",
  "meeting.minutes",
  "meeting.outcome.add",
  "meeting.outcome.remove",
  "meeting.outcome.task",
  "meeting.invite.users",
  "meeting.invite.institution",
  "meeting.invite.guest",
  "meeting.invite.remove",
  "meeting.invite.resend",
  "meeting.rsvp",
  "meeting.minutes.library",
  "strategy.create",
  "strategy.rename",
  "strategy.edit",
  "strategy.trash",
  "strategy.restore",
  "strategy.export",
  "strategy.export.save",
  "strategy.version.create",
  "strategy.version.restore",
  "strategy.review.request",
  "strategy.review.approve",
  "strategy.review.return",
  "strategy.review.cancel",
  "strategy.review.reopen",
  "strategy.comment.create",
  "strategy.comment.update",
  "strategy.comment.delete",
  "strategy.comment.resolve",
  "strategy.comment.reopen",
] as const;

/** Families offered as "all of …" in the action filter; the URL value ends with a dot (prefix match). */
export const ACTION_GROUPS = ["auth", "session", "user", "institution", "invitation", "workspace", "library", "comment", "team", "task", "meeting", "strategy", "idea", "permission", "audit"] as const;

export const KNOWN_ENTITY_TYPES = ["User", "Session", "Institution", "Invitation", "AuditLog", "Workspace", "Folder", "Document", "DocumentComment", "Team", "Task", "TaskComment", "TaskRecurrence", "Idea", "IdeaIntake", "Meeting", "MeetingInvitation", "StrategyDraft"] as const;

function label(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** Human-readable action ("Nieudane logowanie"), the raw code when the app does not know it. */
export function actionLabel(t: Translate, code: string): string {
  return label(t, `audit.action.${code}`, code);
}

export function actionGroupLabel(t: Translate, group: string): string {
  return label(t, `audit.group.${group}`, `${group}.*`);
}

export function entityTypeLabel(t: Translate, type: string): string {
  return label(t, `audit.entity.${type}`, type);
}

export function fieldLabel(t: Translate, field: string): string {
  return label(t, `audit.field.${field}`, field);
}

/**
 * The summary as shown: a denial stores the attempted action code there, which reads better
 * as its label ("Odmowa dostępu — Zmiana danych instytucji").
 */
export function summaryText(t: Translate, action: string, summary: string): string {
  if (action === "permission.denied" && summary && isMessageKey(`audit.action.${summary}`)) return actionLabel(t, summary);
  return summary;
}

export type ChangeItem =
  | { kind: "diff"; field: string; before: unknown; after: unknown }
  | { kind: "value"; field: string; value: unknown };

/** `changes` JSON as a list: `[before, after]` pairs become diffs, anything else a plain detail. */
export function parseChanges(json: string | null | undefined): ChangeItem[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [{ kind: "value", field: "", value: json }];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [{ kind: "value", field: "", value: parsed }];
  return Object.entries(parsed as Record<string, unknown>).map(([field, v]) =>
    Array.isArray(v) && v.length === 2 ? { kind: "diff", field, before: v[0], after: v[1] } : { kind: "value", field, value: v },
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const EMPTY_VALUE = "—";

/** One value of a change, readable: dates in Warsaw time, roles and languages translated. */
export function formatChangeValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return EMPTY_VALUE;
  if (typeof value === "boolean") return t(value ? "audit.value.yes" : "audit.value.no");
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return warsawTimestamp(value);
    if (field === "institutionRole" || field === "role") return label(t, `role.${value}`, value);
    if (field === "locale") return label(t, `lang.${value}`, value);
    return value;
  }
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** "pole: przed → po" / "pole: wartość", one string per item. */
export function formatChanges(t: Translate, items: ChangeItem[]): string[] {
  return items.map((item) => {
    const name = item.field ? `${fieldLabel(t, item.field)}: ` : "";
    return item.kind === "diff"
      ? `${name}${formatChangeValue(t, item.field, item.before)} → ${formatChangeValue(t, item.field, item.after)}`
      : `${name}${formatChangeValue(t, item.field, item.value)}`;
  });
}

/** Label keys the UI depends on; the tests check each one exists in the dictionaries. */
export function requiredLabelKeys(): string[] {
  return [
    ...KNOWN_ACTIONS.map((a) => `audit.action.${a}`),
    ...ACTION_GROUPS.map((g) => `audit.group.${g}`),
    ...KNOWN_ENTITY_TYPES.map((e) => `audit.entity.${e}`),
  ];
}
