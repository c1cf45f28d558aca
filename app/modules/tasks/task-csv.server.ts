// The CSV export of a team's tasks: UTF-8 with a BOM and `;` separators (Excel on Polish Windows
// opens it as a table with Polish letters), formula-neutralised cells (audit/csv.ts), pulled from
// the database batch by batch so a team of any size is exported in constant memory.
import type { Locale } from "~/locales";
import { csvRow, UTF8_BOM } from "~/modules/audit/csv";
import { createTranslator, type Translate } from "~/utils/i18n";
import { isOverdue, warsawDate, warsawTime } from "./deadline";
import { iterateTeamTasks, type TaskCsvRow } from "./task-list.server";
import type { TaskFilters } from "./task-list";
import type { MessageKey } from "~/locales";

/** "zadania-zespol-promocji-2026-11-24.csv": ASCII only, safe in any Content-Disposition. */
export function tasksCsvFilename(teamName: string, now: Date = new Date()): string {
  const slug = teamName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[łŁ]/g, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `zadania-${slug || "zespol"}-${warsawDate(now)}.csv`;
}

/** Rich text as one line of plain text. */
function plainText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li)>|<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

const stamp = (d: Date | null) => (d ? `${warsawDate(d)} ${warsawTime(d)}` : "");

function header(t: Translate): string {
  return csvRow([
    t("tasks.csv.number"),
    t("tasks.csv.title"),
    t("tasks.csv.status"),
    t("tasks.csv.blockedReason"),
    t("tasks.csv.priority"),
    t("tasks.csv.assignee"),
    t("tasks.csv.helpers"),
    t("tasks.csv.dueDate"),
    t("tasks.csv.dueTime"),
    t("tasks.csv.overdue"),
    t("tasks.csv.labels"),
    t("tasks.csv.checklist"),
    t("tasks.csv.created"),
    t("tasks.csv.updated"),
    t("tasks.csv.completed"),
    t("tasks.csv.description"),
  ]);
}

function row(t: Translate, task: TaskCsvRow, now: Date): string {
  const done = task.checklist.filter((c) => c.done).length;
  return csvRow([
    task.number,
    task.title,
    t(`tasks.status.${task.status}` as MessageKey),
    task.blockedReason ?? "",
    t(`tasks.priority.${task.priority}` as MessageKey),
    task.assignee?.name ?? "",
    task.helpers.map((h) => h.user.name).join(", "),
    task.dueDate ?? "",
    task.dueAt && task.dueHasTime ? warsawTime(task.dueAt) : "",
    t(isOverdue(task, now) ? "tasks.csv.yes" : "tasks.csv.no"),
    task.labels.map((l) => l.label).join(", "),
    task.checklist.length ? `${done}/${task.checklist.length}` : "",
    stamp(task.createdAt),
    stamp(task.updatedAt),
    stamp(task.completedAt),
    plainText(task.description),
  ]);
}

/** UTF-8 bytes: BOM + header, then one chunk per database batch (pulled only as the reader wants more). */
export function tasksCsvStream(teamId: string, filters: TaskFilters, locale: Locale, now: Date = new Date()): ReadableStream<Uint8Array> {
  const t = createTranslator(locale);
  const encoder = new TextEncoder();
  let batches: ReturnType<typeof iterateTeamTasks> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + header(t)));
      },
      async pull(controller) {
        batches ??= iterateTeamTasks(teamId, filters, now);
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(next.value.map((task) => row(t, task, now)).join("")));
        } catch (error) {
          console.error("tasks export failed", error);
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
