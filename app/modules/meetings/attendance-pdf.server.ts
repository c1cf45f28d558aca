// The attendance list of a meeting as the page prints it and as a PDF (A4 portrait, DejaVu Sans so
// Polish letters render, the table header repeated on every page, "Strona 1 z 2" and the generation
// date in the footer). Callers have already checked that the user sees the meeting (requireMeeting).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Locale } from "~/locales";
import { contentDisposition } from "~/modules/library/library-http.server";
import { formatDateTime } from "~/utils/dates";
import { createTranslator, isMessageKey } from "~/utils/i18n";
import { meetingWhen } from "./invitations.server";
import { attendanceSheet } from "./meetings.server";

/** Blank numbered rows at the end of the list for people who come without an invitation. */
export const BLANK_ROWS = 5;

export type AttendanceRow = { name: string; organisation: string | null; present: boolean };
export type AttendanceList = {
  id: string;
  title: string;
  kindLabel: string;
  when: string;
  place: string | null;
  onlineUrl: string | null;
  organizer: string;
  cancelled: boolean;
  rows: AttendanceRow[];
};

/** The list in the reader's language: head of the meeting (Warsaw time) and rows sorted by name. */
export async function loadAttendanceList(meetingId: string, locale: Locale): Promise<AttendanceList> {
  const { meeting, rows } = await attendanceSheet(meetingId);
  const t = createTranslator(locale);
  const kindKey = `meetings.kind.${meeting.kind}`;
  return {
    id: meeting.id,
    title: meeting.title,
    kindLabel: isMessageKey(kindKey) ? t(kindKey) : meeting.kind,
    when: meetingWhen(meeting, locale),
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    organizer: meeting.organizerInstitution.name,
    cancelled: !!meeting.cancelledAt,
    rows,
  };
}

// ——— Fonts ———

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/**
 * DejaVu Sans from the npm package, found through Node's resolver from this module, so it works in
 * vitest (source files) and in the production bundle (build/server, node_modules stay external).
 */
function dejaVu(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fonts = { regular: fs.readFileSync(path.join(dir, "DejaVuSans.ttf")), bold: fs.readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")) };
  }
  return fonts;
}

// ——— Layout (points; A4 is 595.28 × 841.89) ———

const MARGIN = 42;
const FOOTER_SPACE = 36;
const ROW_MIN = 30; // room for a handwritten signature
const PAD = 5;
const FONT_SIZE = 10;
const HEADER_FILL = "#e6e6e6";

type Column = { key: "number" | "name" | "organisation" | "present" | "signature"; width: number; align: "left" | "center" };

function columns(contentWidth: number): Column[] {
  const fixed: Column[] = [
    { key: "number", width: 30, align: "center" },
    { key: "name", width: 142, align: "left" },
    { key: "organisation", width: 120, align: "left" },
    { key: "present", width: 72, align: "center" },
  ];
  const used = fixed.reduce((sum, c) => sum + c.width, 0);
  return [...fixed, { key: "signature", width: contentWidth - used, align: "left" }];
}

/** Renders the list; resolves with the whole file (a list is small, a few pages at most). */
export function renderAttendancePdf(list: AttendanceList, locale: Locale, now: Date = new Date()): Promise<Buffer> {
  const t = createTranslator(locale);
  const { regular, bold } = dejaVu();
  const doc = new PDFDocument({
    size: "A4",
    layout: "portrait",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: locale,
    info: { Title: `${t("meetingAttendance.heading")} — ${list.title}`, Creator: "Razem", Producer: "Razem" },
    font: regular as unknown as string, // pdfkit accepts the font data; never falls back to Helvetica
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("Sans", regular);
  doc.registerFont("Sans-Bold", bold);

  const left = MARGIN;
  const contentWidth = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  const cols = columns(contentWidth);

  // Head of the first page.
  doc.font("Sans-Bold").fontSize(16).fillColor("#000").text(t("meetingAttendance.heading"), left, MARGIN, { width: contentWidth });
  doc.font("Sans-Bold").fontSize(13).text(list.title, { width: contentWidth });
  doc.moveDown(0.4);
  const detail = (label: string, value: string) => {
    doc.font("Sans-Bold").fontSize(FONT_SIZE).text(`${label}: `, { continued: true, width: contentWidth });
    doc.font("Sans").text(value, { width: contentWidth });
  };
  detail(t("meetingAttendance.kind"), list.kindLabel);
  detail(t("meetingAttendance.when"), list.when);
  if (list.place) detail(t("meetingAttendance.place"), list.place);
  if (list.onlineUrl) detail(t("meetingAttendance.online"), list.onlineUrl);
  detail(t("meetingAttendance.organizer"), list.organizer);
  if (list.cancelled) doc.font("Sans-Bold").text(t("meetingAttendance.cancelled"), { width: contentWidth });
  doc.moveDown(0.8);

  const cellText = (text: string, x: number, y: number, col: Column, font: "Sans" | "Sans-Bold") =>
    doc.font(font).fontSize(FONT_SIZE).fillColor("#000").text(text, x + PAD, y + PAD, { width: col.width - 2 * PAD, align: col.align });

  const rowHeight = (cells: string[], font: "Sans" | "Sans-Bold", min: number) => {
    doc.font(font).fontSize(FONT_SIZE);
    return Math.max(min, ...cells.map((c, i) => doc.heightOfString(c || " ", { width: cols[i].width - 2 * PAD }) + 2 * PAD));
  };

  const drawRow = (cells: string[], y: number, h: number, font: "Sans" | "Sans-Bold", fill?: string) => {
    let x = left;
    for (const [i, col] of cols.entries()) {
      if (fill) doc.rect(x, y, col.width, h).fillColor(fill).fill();
      doc.rect(x, y, col.width, h).lineWidth(0.7).strokeColor("#000").stroke();
      if (cells[i]) cellText(cells[i], x, y, col, font);
      x += col.width;
    }
  };

  const headerCells = cols.map((c) => t(`meetingAttendance.col.${c.key}`));
  const headerHeight = rowHeight(headerCells, "Sans-Bold", 22);
  let y = doc.y;
  const drawHeader = () => {
    drawRow(headerCells, y, headerHeight, "Sans-Bold", HEADER_FILL);
    y += headerHeight;
  };
  drawHeader();

  const body: string[][] = [
    ...list.rows.map((r, i) => [`${i + 1}.`, r.name, r.organisation ?? "", r.present ? t("meetingAttendance.present") : t("meetingAttendance.absent"), ""]),
    ...Array.from({ length: BLANK_ROWS }, (_, i) => [`${list.rows.length + i + 1}.`, "", "", "", ""]),
  ];
  for (const cells of body) {
    const h = rowHeight(cells, "Sans", ROW_MIN);
    if (y + h > bottom()) {
      doc.addPage();
      // Continuation pages: a running title, then the table header again.
      doc.font("Sans").fontSize(9).fillColor("#000").text(`${t("meetingAttendance.heading")} — ${list.title}`, left, MARGIN, { width: contentWidth, lineBreak: false, ellipsis: true });
      y = MARGIN + 18;
      drawHeader();
    }
    drawRow(cells, y, h, "Sans");
    y += h;
  }

  // Footer on every page: generation date on the left, "Strona n z N" on the right.
  const generated = t("meetingAttendance.pdf.generated", { date: formatDateTime(now, locale) });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not open a new page
    const fy = doc.page.height - MARGIN - 12;
    doc.font("Sans").fontSize(8).fillColor("#000");
    doc.text(generated, left, fy, { width: contentWidth / 2, lineBreak: false });
    doc.text(t("meetingAttendance.pdf.page", { page: i - range.start + 1, pages: range.count }), left + contentWidth / 2, fy, { width: contentWidth / 2, align: "right", lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}

/** "Lista obecności – Konsultacje.pdf" (characters file systems dislike are replaced). */
export function attendanceFileName(list: AttendanceList, locale: Locale): string {
  const t = createTranslator(locale);
  const title = list.title.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
  return `${t("meetingAttendance.pdf.fileName", { title })}.pdf`;
}

/** The HTTP answer: an attachment that is never cached or sniffed. */
export function attendancePdfResponse(body: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
