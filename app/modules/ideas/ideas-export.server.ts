// Exports of the inbox (the filters of the list apply): a CSV for spreadsheets used in Polish
// offices (UTF-8 with a BOM, `;`, formula-neutralised cells: audit/csv.ts) streamed batch by
// batch, and an XLSX workbook built without any dependency (an XLSX file is a ZIP of a few XML
// files; Node's zlib deflates and computes the CRC-32).
//
// Contact data (name, e-mail, consent) goes into an export only for the people responsible for the
// residents' personal data — those who may erase it (coordinators and administrators). Workspace
// members who handle the ideas read a resident's contact on the idea page, but do not take a bulk
// copy of everybody's (RODO: data minimisation). Erased contact data is never exported.
import zlib from "node:zlib";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale, MessageKey } from "~/locales";
import type { Actor } from "~/modules/auth/actor";
import { csvRow, UTF8_BOM, type CsvValue } from "~/modules/audit/csv";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { db } from "~/utils/db.server";
import { createTranslator, type Translate } from "~/utils/i18n";
import type { InboxFilters } from "./inbox.schema";
import { inboxWhere, scoreSummaries, type ScoreSummary } from "./inbox.server";

const exportSelect = {
  id: true,
  reference: true,
  title: true,
  description: true,
  category: true,
  status: true,
  acceptedFor: true,
  publicReason: true,
  location: true,
  submittedAt: true,
  closedAt: true,
  contactName: true,
  contactEmail: true,
  consentAt: true,
  contactErasedAt: true,
  intake: { select: { title: true } },
  assignee: { select: { name: true } },
  duplicateOf: { select: { reference: true } },
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} as const satisfies Prisma.IdeaSelect;

type ExportIdea = Prisma.IdeaGetPayload<{ select: typeof exportSelect }>;
type ExportRow = { idea: ExportIdea; score: ScoreSummary };

/** Every matching idea by reference, in batches (constant memory whatever the inbox's size). */
export async function* iterateIdeas(actor: Actor, filters: InboxFilters, batchSize = 500): AsyncGenerator<ExportRow[]> {
  const where = inboxWhere(actor, filters);
  let after = "";
  for (;;) {
    const ideas = await db.idea.findMany({
      where: { AND: [where, { reference: { gt: after } }] },
      orderBy: { reference: "asc" },
      take: batchSize,
      select: exportSelect,
    });
    if (ideas.length === 0) return;
    const scores = await scoreSummaries({ ideaId: { in: ideas.map((i) => i.id) } });
    yield ideas.map((idea) => ({ idea, score: scores.get(idea.id) ?? { impact: null, feasibility: null, count: 0 } }));
    if (ideas.length < batchSize) return;
    after = ideas[ideas.length - 1].reference;
  }
}

/** "pomysly-2026-11-24.csv": ASCII only, safe in any Content-Disposition. */
export function ideasExportFilename(ext: "csv" | "xlsx", now: Date = new Date()): string {
  return `pomysly-${warsawDate(now)}.${ext}`;
}

const stamp = (d: Date | null) => (d ? `${warsawDate(d)} ${warsawTime(d)}` : "");
const average = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

function headers(t: Translate, withContact: boolean): string[] {
  const keys: MessageKey[] = [
    "ideasInbox.export.reference",
    "ideasInbox.export.title",
    "ideasInbox.export.category",
    "ideasInbox.export.status",
    "ideasInbox.export.acceptedFor",
    "ideasInbox.export.publicReason",
    "ideasInbox.export.duplicateOf",
    "ideasInbox.export.intake",
    "ideasInbox.export.submitted",
    "ideasInbox.export.closed",
    "ideasInbox.export.location",
    "ideasInbox.export.tags",
    "ideasInbox.export.assignee",
    "ideasInbox.export.impact",
    "ideasInbox.export.feasibility",
    "ideasInbox.export.scores",
    "ideasInbox.export.comments",
    "ideasInbox.export.description",
  ];
  if (withContact) keys.push("ideasInbox.export.contactName", "ideasInbox.export.contactEmail", "ideasInbox.export.consent");
  return keys.map((k) => t(k));
}

function cells(t: Translate, { idea, score }: ExportRow, withContact: boolean): CsvValue[] {
  const out: CsvValue[] = [
    idea.reference,
    idea.title,
    t(`ideasInbox.category.${idea.category}` as MessageKey),
    t(`ideasInbox.status.${idea.status}` as MessageKey),
    idea.acceptedFor === "STRATEGY" || idea.acceptedFor === "PROJECT" ? t(`ideasInbox.acceptedFor.${idea.acceptedFor}` as MessageKey) : "",
    idea.publicReason ?? "",
    idea.duplicateOf?.reference ?? "",
    idea.intake.title,
    stamp(idea.submittedAt),
    stamp(idea.closedAt),
    idea.location ?? "",
    idea.tags.map((x) => x.tag).join(", "),
    idea.assignee?.name ?? "",
    average(score.impact),
    average(score.feasibility),
    score.count,
    idea._count.comments,
    idea.description.replace(/\s+/g, " ").trim(),
  ];
  if (withContact) {
    const erased = !!idea.contactErasedAt;
    out.push(erased ? "" : (idea.contactName ?? ""), erased ? "" : (idea.contactEmail ?? ""), erased ? "" : stamp(idea.consentAt));
  }
  return out;
}

/** Fractions with the reader's decimal separator: Excel on Polish Windows reads "4,5" as a number, "4.5" as text. */
function csvNumber(value: CsvValue, locale: Locale): CsvValue {
  return typeof value === "number" && !Number.isInteger(value) && locale === "pl" ? String(value).replace(".", ",") : value;
}

/** UTF-8 bytes: BOM + header, then one chunk per database batch (pulled only as the reader wants more). */
export function ideasCsvStream(actor: Actor, filters: InboxFilters, locale: Locale, withContact: boolean): ReadableStream<Uint8Array> {
  const t = createTranslator(locale);
  const encoder = new TextEncoder();
  let batches: ReturnType<typeof iterateIdeas> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvRow(headers(t, withContact))));
      },
      async pull(controller) {
        batches ??= iterateIdeas(actor, filters);
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(next.value.map((row) => csvRow(cells(t, row, withContact).map((v) => csvNumber(v, locale)))).join("")));
        } catch (error) {
          console.error("ideas export failed", error);
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

// ——— XLSX ———

/** Bound on the rows of a workbook (it is built in memory). */
export const XLSX_MAX_ROWS = 20_000;

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry at all
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xmlText(value: string): string {
  return value.replace(XML_INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A1-style column name: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function sheetXml(rows: CsvValue[][]): string {
  const body = rows
    .map((row, r) => {
      const cellsXml = row
        .map((value, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          const style = r === 0 ? ' s="1"' : "";
          if (value === null || value === undefined || value === "") return "";
          // Text is always an inline string: a spreadsheet never runs it as a formula.
          if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cellsXml}</row>`;
    })
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetData>${body}</sheetData></worksheet>`
  );
}

function workbookFiles(sheetName: string, rows: CsvValue[][]): { name: string; data: string }[] {
  return [
    {
      name: "[Content_Types].xml",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    },
    {
      name: "_rels/.rels",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        "</Relationships>",
    },
    {
      name: "xl/workbook.xml",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${xmlText(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        "</Relationships>",
    },
    {
      name: "xl/styles.xml",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        "</styleSheet>",
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml(rows) },
  ];
}

/** MS-DOS date and time of a ZIP entry. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A ZIP archive (deflated entries, UTF-8 names) of the given files. */
export function zip(files: { name: string; data: string | Uint8Array }[], now: Date = new Date()): Buffer {
  const { time, date } = dosDateTime(now);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const raw = typeof file.data === "string" ? Buffer.from(file.data, "utf8") : Buffer.from(file.data);
    const packed = zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw);
    const name = Buffer.from(file.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The workbook of the matching ideas (one sheet, a bold frozen header row). */
export async function ideasXlsx(actor: Actor, filters: InboxFilters, locale: Locale, withContact: boolean): Promise<Buffer> {
  const t = createTranslator(locale);
  const rows: CsvValue[][] = [headers(t, withContact)];
  for await (const batch of iterateIdeas(actor, filters)) {
    for (const row of batch) rows.push(cells(t, row, withContact));
    if (rows.length > XLSX_MAX_ROWS) break;
  }
  return zip(workbookFiles(t("ideasInbox.export.sheet"), rows.slice(0, XLSX_MAX_ROWS + 1)));
}
