// The CSV export: a stream pulled batch by batch from the database, so a log of any length is
// exported in constant memory (one batch in flight; `pull` runs only when the reader wants more).
import type { Locale } from "~/locales";
import { createTranslator, type Translate } from "~/utils/i18n";
import { warsawTimestamp, warsawToday } from "./audit-dates";
import type { AuditFilter } from "./audit-filters";
import { actionLabel, entityTypeLabel, formatChanges, parseChanges, summaryText } from "./audit-format";
import { iterateAuditEntries, type AuditListEntry } from "./audit.server";
import { csvRow, UTF8_BOM } from "./csv";

export function auditCsvFilename(now: Date = new Date()): string {
  return `dziennik-zdarzen-${warsawToday(now)}.csv`;
}

function headerRow(t: Translate): string {
  return csvRow([
    t("audit.csv.time"),
    t("audit.csv.timeUtc"),
    t("audit.csv.actor"),
    t("audit.csv.actorEmail"),
    t("audit.csv.institution"),
    t("audit.csv.actionCode"),
    t("audit.csv.action"),
    t("audit.csv.entityType"),
    t("audit.csv.entityId"),
    t("audit.csv.summary"),
    t("audit.csv.changes"),
    t("audit.csv.ip"),
  ]);
}

function entryRow(t: Translate, e: AuditListEntry): string {
  return csvRow([
    warsawTimestamp(e.createdAt),
    e.createdAt.toISOString(),
    e.actor?.name ?? (e.actorId ? "" : t("audit.anonymous")),
    e.actorLabel,
    e.actorInstitution?.shortName,
    e.action,
    actionLabel(t, e.action),
    entityTypeLabel(t, e.entityType),
    e.entityId,
    summaryText(t, e.action, e.summary),
    formatChanges(t, parseChanges(e.changes)).join("; "),
    e.ip,
  ]);
}

/** UTF-8 bytes: BOM + header row, then one chunk per database batch. */
export function auditCsvStream(filter: AuditFilter, locale: Locale): ReadableStream<Uint8Array> {
  const t = createTranslator(locale);
  const encoder = new TextEncoder();
  let batches: ReturnType<typeof iterateAuditEntries> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + headerRow(t)));
      },
      async pull(controller) {
        batches ??= iterateAuditEntries(filter);
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(next.value.map((e) => entryRow(t, e)).join("")));
        } catch (error) {
          console.error("audit export failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await batches?.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
