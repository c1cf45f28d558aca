// The audit log's filters live in the URL (a GET form), shared by the page and the CSV export.
// Unknown or malformed values are dropped rather than trusted; bad dates are reported.
import { parseDay, warsawDayRange } from "./audit-dates";

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 100_000;

export type AuditFilter = {
  actorId?: string;
  institutionId?: string;
  entityType?: string;
  /** Exact action code. */
  action?: string;
  /** Action family, e.g. "auth." for every sign-in event. */
  actionPrefix?: string;
  /** Inclusive lower bound (UTC instant). */
  from?: Date;
  /** Exclusive upper bound (UTC instant). */
  to?: Date;
};

/** The raw form values, as the form shows them back. */
export type AuditQueryValues = {
  actor: string;
  institution: string;
  type: string;
  action: string;
  from: string;
  to: string;
};

export type AuditQuery = {
  values: AuditQueryValues;
  filter: AuditFilter;
  page: number;
  /** Message keys per field (translated by the page). */
  errors: Partial<Record<"from" | "to", string>>;
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ENTITY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const ACTION = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/;

function pick(params: URLSearchParams, name: string, pattern: RegExp): string {
  const value = params.get(name)?.trim() ?? "";
  return pattern.test(value) ? value : "";
}

export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const values: AuditQueryValues = {
    actor: pick(params, "actor", ID),
    institution: pick(params, "institution", ID),
    type: pick(params, "type", ENTITY),
    action: pick(params, "action", ACTION),
    from: params.get("from")?.trim().slice(0, 20) ?? "",
    to: params.get("to")?.trim().slice(0, 20) ?? "",
  };
  const errors: AuditQuery["errors"] = {};
  const fromDay = parseDay(values.from);
  const toDay = parseDay(values.to);
  if (values.from && !fromDay) errors.from = "validation.invalid";
  if (values.to && !toDay) errors.to = "validation.invalid";
  if (fromDay && toDay && values.to < values.from) errors.to = "audit.filter.rangeInvalid";
  const range = warsawDayRange(fromDay, toDay);
  const pageNumber = Number(params.get("page"));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  const filter: AuditFilter = {
    actorId: values.actor || undefined,
    institutionId: values.institution || undefined,
    entityType: values.type || undefined,
    action: values.action && !values.action.endsWith(".") ? values.action : undefined,
    actionPrefix: values.action.endsWith(".") ? values.action : undefined,
    from: range.from,
    to: range.to,
  };
  return { values, filter, page, errors };
}

/** `?actor=…&from=…` without empty values (and without page 1): for links that keep the filters. */
export function auditSearch(values: Partial<AuditQueryValues>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** The active filters, for the export's own audit entry. */
export function activeFilters(values: AuditQueryValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v));
}
