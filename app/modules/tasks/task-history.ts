// A task's history (TaskEvent rows) as readable lines: "zmiana statusu: Do zrobienia → W toku".
// Pure: the page renders them in the reader's language; people named in a change (assignee,
// helpers) come as a map of ids to names loaded once for the whole list.
import type { Locale, MessageKey } from "~/locales";
import { formatDate } from "~/utils/dates";
import { warsawTime } from "./deadline";
import type { Translate } from "~/utils/i18n";

export type HistoryEvent = { kind: string; changes: string | null };

type Json = Record<string, unknown>;

function parse(changes: string | null): Json {
  if (!changes) return {};
  try {
    const v: unknown = JSON.parse(changes);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
  } catch {
    return {};
  }
}

const pair = (v: unknown): [unknown, unknown] | null => (Array.isArray(v) && v.length === 2 ? [v[0], v[1]] : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Every user id a list of events names (assignees and helpers before and after). */
export function peopleInEvents(events: HistoryEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.kind !== "updated") continue;
    const c = parse(e.changes);
    for (const v of pair(c.assigneeId) ?? []) if (typeof v === "string") ids.add(v);
    for (const side of pair(c.helpers) ?? []) if (Array.isArray(side)) for (const id of side) if (typeof id === "string") ids.add(id);
  }
  return [...ids];
}

const STATUS_KEYS: Record<string, MessageKey> = {
  TODO: "tasks.status.TODO",
  IN_PROGRESS: "tasks.status.IN_PROGRESS",
  BLOCKED: "tasks.status.BLOCKED",
  IN_REVIEW: "tasks.status.IN_REVIEW",
  DONE: "tasks.status.DONE",
};
const PRIORITY_KEYS: Record<string, MessageKey> = {
  LOW: "tasks.priority.LOW",
  NORMAL: "tasks.priority.NORMAL",
  HIGH: "tasks.priority.HIGH",
  URGENT: "tasks.priority.URGENT",
};
const LINK_KEYS: Record<string, MessageKey> = {
  BLOCKS: "tasks.links.kind.BLOCKS",
  BLOCKED_BY: "tasks.links.kind.BLOCKED_BY",
  RELATES: "tasks.links.kind.RELATES",
};

/**
 * A stored deadline as the person typed it: a date-only deadline is kept as the last millisecond
 * of its Warsaw day (deadline.ts), a deadline with a time on a whole minute.
 */
export function formatDeadline(iso: unknown, locale: Locale): string | null {
  if (typeof iso !== "string" && !(iso instanceof Date)) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return formatDue(d, d.getUTCMilliseconds() !== 999, locale);
}

/** "15 grudnia 2026" or, with a time, "15 grudnia 2026, 14:30" (Warsaw). */
export function formatDue(value: Date | string, withTime: boolean, locale: Locale): string {
  const d = new Date(value);
  return withTime ? `${formatDate(d, locale)}, ${warsawTime(d)}` : formatDate(d, locale);
}

/** The lines describing one event, in the reader's language. */
export function describeEvent(t: Translate, locale: Locale, event: HistoryEvent, names: Record<string, string>): string[] {
  const c = parse(event.changes);
  const none = t("tasks.history.none");
  const person = (v: unknown) => (typeof v === "string" ? (names[v] ?? t("tasks.history.unknownPerson")) : none);
  const list = (v: unknown, map: (x: unknown) => string = (x) => String(x)) => (Array.isArray(v) && v.length ? v.map(map).join(", ") : none);
  const quoted = (v: unknown) => (typeof v === "string" && v ? `„${v}”` : none);
  switch (event.kind) {
    case "created":
      return [t("tasks.history.created")];
    case "deleted":
      return [t("tasks.history.deleted")];
    case "restored":
      return [t("tasks.history.restored")];
    case "status": {
      const s = pair(c.status);
      const lines = [t("tasks.history.status", { from: s ? t(STATUS_KEYS[String(s[0])] ?? "tasks.history.none") : none, to: s ? t(STATUS_KEYS[String(s[1])] ?? "tasks.history.none") : none })];
      const reason = pair(c.blockedReason);
      if (reason && typeof reason[1] === "string") lines.push(t("tasks.history.blockedReason", { reason: reason[1] }));
      return lines;
    }
    case "updated": {
      const lines: string[] = [];
      for (const [field, value] of Object.entries(c)) {
        const p = pair(value);
        if (!p) continue;
        switch (field) {
          case "title":
            lines.push(t("tasks.history.titleChange", { from: quoted(p[0]), to: quoted(p[1]) }));
            break;
          case "description":
            lines.push(t("tasks.history.description"));
            break;
          case "assigneeId":
            lines.push(t("tasks.history.assignee", { from: person(p[0]), to: person(p[1]) }));
            break;
          case "priority":
            lines.push(t("tasks.history.priority", { from: t(PRIORITY_KEYS[String(p[0])] ?? "tasks.history.none"), to: t(PRIORITY_KEYS[String(p[1])] ?? "tasks.history.none") }));
            break;
          case "dueAt":
            lines.push(t("tasks.history.due", { from: formatDeadline(p[0], locale) ?? none, to: formatDeadline(p[1], locale) ?? none }));
            break;
          case "helpers":
            lines.push(t("tasks.history.helpers", { from: list(p[0], person), to: list(p[1], person) }));
            break;
          case "labels":
            lines.push(t("tasks.history.labels", { from: list(p[0]), to: list(p[1]) }));
            break;
          // dueDate / dueHasTime change together with dueAt, which already says it all.
        }
      }
      return lines.length ? lines : [t("tasks.history.updated")];
    }
    case "checklist": {
      if (str(c.added)) return [t("tasks.history.checklistAdded", { item: str(c.added)! })];
      if (str(c.removed)) return [t("tasks.history.checklistRemoved", { item: str(c.removed)! })];
      const done = pair(c.done);
      if (done && str(c.item)) return [t(done[1] ? "tasks.history.checklistDone" : "tasks.history.checklistUndone", { item: str(c.item)! })];
      return [t("tasks.history.updated")];
    }
    case "comment":
      return [t(c.deleted ? "tasks.history.commentDeleted" : c.edited ? "tasks.history.commentEdited" : "tasks.history.commentAdded")];
    case "link": {
      const detail = (c.added ?? c.removed) as { kind?: unknown; task?: unknown } | undefined;
      const kind = t(LINK_KEYS[String(detail?.kind)] ?? "tasks.links.kind.RELATES");
      const task = String(detail?.task ?? "");
      return [t(c.added ? "tasks.history.linkAdded" : "tasks.history.linkRemoved", { kind, task })];
    }
    case "attachment":
      return [t(c.added ? "tasks.history.attachmentAdded" : "tasks.history.attachmentRemoved", { name: String(c.added ?? c.removed ?? "") })];
    default:
      return [t("tasks.history.updated")];
  }
}
