// A strategy draft as a PDF (pdfkit, A4, DejaVu Sans so every Polish letter renders in regular, bold,
// oblique and bold-oblique): the title, headings sized by level, paragraphs whose bold/italic/underline/
// strike/link parts share one line, bulleted and numbered lists with indentation, quotes with a bar,
// horizontal rules, bordered tables whose rows grow with their text and whose header row repeats on
// every page, and "Strona X z Y" with the export date in every page's footer.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { exportTexts, type ExportImage, type ExportMeta, type ExportTexts } from "./meta";
import { children, hasMark, headingLevel, imageLabel, inlineText, linkHref, listStart, safeHref, type PmNode } from "./prosemirror";

type FontFiles = Record<"Sans" | "Sans-Bold" | "Sans-Oblique" | "Sans-BoldOblique" | "Mono", Buffer>;
let fontFiles: FontFiles | undefined;

/**
 * DejaVu from the npm package, found through Node's resolver from this module, so it works in vitest
 * (source files) and in the production server bundle (node_modules stay external there).
 */
function fonts(): FontFiles {
  if (!fontFiles) {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const read = (file: string) => fs.readFileSync(path.join(dir, file));
    fontFiles = {
      Sans: read("DejaVuSans.ttf"),
      "Sans-Bold": read("DejaVuSans-Bold.ttf"),
      "Sans-Oblique": read("DejaVuSans-Oblique.ttf"),
      "Sans-BoldOblique": read("DejaVuSans-BoldOblique.ttf"),
      Mono: read("DejaVuSansMono.ttf"),
    };
  }
  return fontFiles;
}

// ——— Layout (points; A4 is 595.28 × 841.89) ———
const MARGIN = 56;
const FOOTER_SPACE = 28;
const BODY_SIZE = 10.5;
const LINE_GAP = 2;
const HEADING_SIZE = { 1: 17, 2: 14, 3: 12 } as const;
const LIST_INDENT = 18;
const QUOTE_INDENT = 16;
const CELL_PAD = 4;
const TABLE_SIZE = 9.5;
const TEXT = "#111111";
const MUTED = "#555555";
const LINK = "#0b4f9c";
const HEADER_FILL = "#dde5f0";
/** Pixels (96 dpi) to points. */
const PX = 0.75;
const IMAGE_GAP = 8;

type Run = { text: string; bold: boolean; italic: boolean; underline: boolean; strike: boolean; code: boolean; link?: string };
type Style = { bold?: boolean; italic?: boolean; size: number; color: string };
type Box = { x: number; width: number };

function fontName(bold: boolean, italic: boolean, code: boolean): keyof FontFiles {
  if (code) return "Mono";
  return bold ? (italic ? "Sans-BoldOblique" : "Sans-Bold") : italic ? "Sans-Oblique" : "Sans";
}

function collectRuns(node: PmNode, texts: ExportTexts): Run[] {
  const out: Run[] = [];
  for (const c of children(node)) {
    if (c.type === "text" && c.text) {
      out.push({
        text: c.text,
        bold: hasMark(c, "bold"),
        italic: hasMark(c, "italic"),
        underline: hasMark(c, "underline"),
        strike: hasMark(c, "strike"),
        code: hasMark(c, "code"),
        link: safeHref(linkHref(c)),
      });
    } else if (c.type === "hardBreak") {
      out.push({ text: "\n", bold: false, italic: false, underline: false, strike: false, code: false });
    } else if (c.type === "image") {
      out.push({ text: texts.imagePlaceholder(imageLabel(c)), bold: false, italic: true, underline: false, strike: false, code: false });
    } else if (c.content) out.push(...collectRuns(c, texts));
  }
  return out;
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly texts: ExportTexts;
  readonly images: Map<string, ExportImage>;
  readonly left = MARGIN;
  readonly width: number;

  constructor(doc: PDFKit.PDFDocument, texts: ExportTexts, images: Map<string, ExportImage> = new Map()) {
    this.doc = doc;
    this.texts = texts;
    this.images = images;
    this.width = doc.page.width - 2 * MARGIN;
  }

  get maxY(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.maxY) this.doc.addPage();
  }

  /** Writes runs as one flowing paragraph: each run in its own font, all on shared lines. */
  runs(runs: Run[], box: Box, style: Style, y?: number) {
    const doc = this.doc;
    const parts = runs.filter((r) => r.text);
    if (!parts.length) {
      doc.font("Sans").fontSize(style.size).text(" ", box.x, y, { width: box.width, lineGap: LINE_GAP });
      return;
    }
    parts.forEach((r, i) => {
      doc
        .font(fontName(r.bold || !!style.bold, r.italic || !!style.italic, r.code))
        .fontSize(style.size)
        .fillColor(r.link ? LINK : style.color);
      const options: PDFKit.Mixins.TextOptions = {
        width: box.width,
        lineGap: LINE_GAP,
        continued: i < parts.length - 1,
        underline: r.underline || !!r.link,
        strike: r.strike,
        link: r.link ?? null,
      } as PDFKit.Mixins.TextOptions;
      if (i === 0) doc.text(r.text, box.x, y, options);
      else doc.text(r.text, options);
    });
    doc.fillColor(TEXT);
  }

  paragraph(node: PmNode, box: Box, style: Style) {
    this.ensure(this.doc.font("Sans").fontSize(style.size).currentLineHeight(true) + LINE_GAP);
    this.runs(collectRuns(node, this.texts), box, style);
    this.doc.moveDown(0.45);
  }

  heading(node: PmNode, box: Box) {
    const level = headingLevel(node);
    const size = HEADING_SIZE[level];
    const doc = this.doc;
    doc.moveDown(level === 1 ? 0.8 : 0.5);
    // Keep a heading with at least two lines of what follows.
    this.ensure(size * 1.4 + BODY_SIZE * 3);
    if (doc.y < doc.page.margins.top + 1) doc.y = doc.page.margins.top;
    this.runs(collectRuns(node, this.texts), box, { bold: true, size, color: level === 1 ? "#1f3864" : "#2f5496" });
    doc.moveDown(0.3);
  }

  list(node: PmNode, box: Box, style: Style) {
    const ordered = node.type === "orderedList";
    let n = listStart(node);
    const doc = this.doc;
    for (const item of children(node)) {
      const marker = ordered ? `${n++}.` : "•";
      doc.font("Sans").fontSize(style.size);
      const markerWidth = Math.max(LIST_INDENT, doc.widthOfString(marker) + 6);
      const inner: Box = { x: box.x + markerWidth, width: box.width - markerWidth };
      this.ensure(doc.currentLineHeight(true) + LINE_GAP);
      const y = doc.y;
      doc.fillColor(style.color).text(marker, box.x, y, { width: markerWidth, lineBreak: false });
      doc.y = y;
      const blocks = children(item);
      if (!blocks.length) doc.moveDown(1);
      blocks.forEach((b, i) => {
        if (i === 0 && b.type === "paragraph") {
          this.runs(collectRuns(b, this.texts), inner, style, y);
          doc.moveDown(0.25);
        } else this.block(b, inner, style);
      });
    }
    doc.moveDown(0.2);
  }

  quote(node: PmNode, box: Box, style: Style) {
    const doc = this.doc;
    const startPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    const startY = doc.y;
    const inner: Box = { x: box.x + QUOTE_INDENT, width: box.width - QUOTE_INDENT };
    for (const b of children(node)) this.block(b, inner, { ...style, italic: true, color: MUTED });
    const endPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    const endY = doc.y;
    // The bar on the left, on every page the quote runs over.
    for (let page = startPage; page <= endPage; page++) {
      doc.switchToPage(page);
      const top = page === startPage ? startY : doc.page.margins.top;
      const bottom = page === endPage ? endY - 4 : this.maxY;
      doc.save().moveTo(box.x + 4, top).lineTo(box.x + 4, bottom).lineWidth(2.5).strokeColor("#a6a6a6").stroke().restore();
    }
    doc.switchToPage(endPage);
    doc.y = endY;
  }

  /**
   * A picture on its own, centred, at its own size (96 dpi) or scaled down to the column and the
   * page; on the next page when it doesn't fit here. False when it can't be drawn (not in the map,
   * a GIF, which pdfkit can't embed): the caller prints the placeholder.
   */
  image(node: PmNode, box: Box): boolean {
    const src = node.attrs?.src;
    const image = typeof src === "string" ? this.images.get(src) : undefined;
    if (!image || image.type === "gif") return false;
    const doc = this.doc;
    const maxHeight = this.maxY - doc.page.margins.top - 2 * IMAGE_GAP;
    const scale = Math.min(PX, box.width / image.width, maxHeight / image.height);
    const height = image.height * scale;
    this.ensure(height + 2 * IMAGE_GAP);
    const y = doc.y + IMAGE_GAP;
    try {
      doc.image(image.data, box.x, y, { fit: [box.width, height], align: "center" });
    } catch {
      return false; // a file pdfkit can't decode after all
    }
    doc.x = box.x;
    doc.y = y + height + IMAGE_GAP;
    return true;
  }

  rule(box: Box) {
    const doc = this.doc;
    this.ensure(16);
    const y = doc.y + 6;
    doc.save().moveTo(box.x, y).lineTo(box.x + box.width, y).lineWidth(0.8).strokeColor("#999999").stroke().restore();
    doc.y = y + 10;
  }

  table(node: PmNode, box: Box) {
    const doc = this.doc;
    const rows = children(node).filter((r) => children(r).length);
    if (!rows.length) return;
    const span = (cell: PmNode) => Math.max(1, Number(cell.attrs?.colspan ?? 1) || 1);
    const columns = Math.max(...rows.map((r) => children(r).reduce((sum, c) => sum + span(c), 0)));
    const colWidth = box.width / columns;
    const header = children(rows[0]).every((c) => c.type === "tableHeader") ? rows[0] : undefined;

    type Cell = { x: number; width: number; runs: Run[]; plain: string; header: boolean };
    const layout = (row: PmNode): Cell[] => {
      let col = 0;
      return children(row).map((cell) => {
        const cellRuns: Run[] = [];
        children(cell).forEach((b, i) => {
          if (i > 0) cellRuns.push({ text: "\n", bold: false, italic: false, underline: false, strike: false, code: false });
          cellRuns.push(...collectRuns(b.type === "paragraph" || b.type === "heading" ? b : { type: "paragraph", content: [{ type: "text", text: inlineText(b) }] }, this.texts));
        });
        const width = Math.min(span(cell), columns - col) * colWidth;
        const out = { x: box.x + col * colWidth, width, runs: cellRuns, plain: cellRuns.map((r) => r.text).join(""), header: cell.type === "tableHeader" };
        col += span(cell);
        return out;
      });
    };
    // Heights are measured in the bold face (the widest), so a row always holds its text.
    const heightOf = (cells: Cell[]) => {
      doc.font("Sans-Bold").fontSize(TABLE_SIZE);
      return Math.max(...cells.map((c) => doc.heightOfString(c.plain || " ", { width: c.width - 2 * CELL_PAD, lineGap: LINE_GAP }) + 2 * CELL_PAD));
    };
    const draw = (cells: Cell[], height: number) => {
      const y = doc.y;
      for (const c of cells) {
        if (c.header) doc.save().rect(c.x, y, c.width, height).fillColor(HEADER_FILL).fill().restore();
        doc.save().rect(c.x, y, c.width, height).lineWidth(0.6).strokeColor("#666666").stroke().restore();
        // Writing inside the row must never open a page by itself.
        const savedBottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        this.runs(c.runs, { x: c.x + CELL_PAD, width: c.width - 2 * CELL_PAD }, { bold: c.header, size: TABLE_SIZE, color: TEXT }, y + CELL_PAD);
        doc.page.margins.bottom = savedBottom;
      }
      doc.x = box.x;
      doc.y = y + height;
    };

    const headerCells = header ? layout(header) : undefined;
    const headerHeight = headerCells ? heightOf(headerCells) : 0;
    const body = header ? rows.slice(1) : rows;
    doc.moveDown(0.3);
    const firstHeight = body.length ? heightOf(layout(body[0])) : 0;
    this.ensure(headerHeight + firstHeight);
    if (headerCells) draw(headerCells, headerHeight);
    for (const row of body) {
      const cells = layout(row);
      const height = heightOf(cells);
      if (doc.y + height > this.maxY && doc.y > doc.page.margins.top + headerHeight + 1) {
        doc.addPage();
        if (headerCells) draw(headerCells, headerHeight); // the header again on the new page
      }
      draw(cells, height);
    }
    doc.moveDown(0.6);
  }

  block(node: PmNode, box: Box, style: Style) {
    switch (node.type) {
      case "paragraph":
        return this.paragraph(node, box, style);
      case "heading":
        return this.heading(node, box);
      case "bulletList":
      case "orderedList":
        return this.list(node, box, style);
      case "blockquote":
        return this.quote(node, box, style);
      case "horizontalRule":
        return this.rule(box);
      case "table":
        return this.table(node, box);
      case "image":
        if (this.image(node, box)) return;
        return this.paragraph({ type: "paragraph", content: [node] }, box, style);
      case "text":
      case "hardBreak":
        return this.paragraph({ type: "paragraph", content: [node] }, box, style);
      default:
        for (const c of children(node)) this.block(c, box, style);
    }
  }

  footers() {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the margin must not open a new page
      const y = doc.page.height - MARGIN + 6;
      const page = this.texts.pageParts.map((p) => (typeof p === "string" ? p : p.field === "page" ? String(i - range.start + 1) : String(range.count))).join("");
      doc.font("Sans").fontSize(8).fillColor(MUTED);
      doc.text(this.texts.exported, this.left, y, { width: this.width / 2, lineBreak: false });
      doc.text(page, this.left + this.width / 2, y, { width: this.width / 2, align: "right", lineBreak: false });
      doc.page.margins.bottom = saved;
    }
  }
}

/** The draft as a PDF file (callers have checked that the user may read the draft). */
export function draftToPdf(title: string, doc: PmNode, meta: ExportMeta): Promise<Buffer> {
  const texts = exportTexts(title, meta);
  const files = fonts();
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: texts.locale === "en" ? "en-GB" : "pl-PL",
    displayTitle: true,
    info: { Title: texts.title, Subject: texts.t("strategyExport.pdf.subject", { workspace: meta.workspaceName }), Creator: "Razem", Producer: "Razem", CreationDate: meta.exportedAt },
    font: files.Sans as unknown as string, // pdfkit accepts font data; never falls back to Helvetica
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  for (const [name, data] of Object.entries(files)) pdf.registerFont(name, data);

  const writer = new PdfWriter(pdf, texts, meta.images);
  const box: Box = { x: writer.left, width: writer.width };
  pdf.font("Sans-Bold").fontSize(22).fillColor("#1f3864").text(texts.title, box.x, MARGIN, { width: box.width });
  pdf.moveDown(0.2);
  pdf.font("Sans").fontSize(9).fillColor(MUTED).text(texts.metaLine, { width: box.width });
  pdf.moveDown(1);
  for (const node of children(doc)) writer.block(node, box, { size: BODY_SIZE, color: TEXT });
  writer.footers();
  pdf.end();
  return done;
}
