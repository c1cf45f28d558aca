// A strategy draft as a Word document: a Title paragraph, the body's headings with Word's own
// Heading 1–3 styles (so the navigation pane and a table of contents see them), runs with their
// inline styles, real numbered and bulleted lists, quotes, bordered tables with a shaded header row
// that repeats on every page, and a footer "Strona X z Y" with the export date (Warsaw time).
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from "docx";
import { exportTexts, type ExportImage, type ExportMeta, type ExportTexts } from "./meta";
import { children, hasMark, headingLevel, imageLabel, linkHref, listStart, safeHref, type PmNode } from "./prosemirror";

const FONT = "Calibri";
const BULLETS = "bullets";
const HEADER_FILL = "D9E2F3";
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

type Block = Paragraph | Table;
type ListCtx = { reference: string; level: number };
type Ctx = {
  texts: ExportTexts;
  numbering: NumberingDefinition[];
  quote: boolean;
  strong?: boolean;
  list?: ListCtx;
  images: Map<string, ExportImage>;
  /** The widest a picture may be here, in pixels at 96 dpi (the text width, less indents and columns). */
  imageWidth: number;
};

// A4 less 2 cm margins leaves 17 cm of text; pictures stay within 16 cm and a page's height.
const PX_PER_CM = 96 / 2.54;
const IMAGE_MAX_WIDTH = Math.round(16 * PX_PER_CM);
const IMAGE_MAX_HEIGHT = Math.round(22 * PX_PER_CM);
const MIN_IMAGE_WIDTH = Math.round(2 * PX_PER_CM);

function imageOf(node: PmNode, ctx: Ctx): ExportImage | undefined {
  const src = node.attrs?.src;
  return typeof src === "string" ? ctx.images.get(src) : undefined;
}

/** The picture at its own size (a pixel a pixel at 96 dpi), scaled down to fit, keeping its shape. */
function imageRun(image: ExportImage, alt: string, ctx: Ctx): ImageRun {
  const scale = Math.min(1, ctx.imageWidth / image.width, IMAGE_MAX_HEIGHT / image.height);
  const transformation = { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
  const altText = { name: alt, description: alt };
  return image.type === "gif"
    ? new ImageRun({ type: "gif", data: image.data, transformation, altText })
    : image.type === "jpg"
      ? new ImageRun({ type: "jpg", data: image.data, transformation, altText })
      : new ImageRun({ type: "png", data: image.data, transformation, altText });
}

function levelIndent(level: number) {
  return { left: 720 * (level + 1), hanging: 360 };
}

function bulletLevels(): ILevelsOptions[] {
  const glyphs = ["•", "◦", "▪"];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: glyphs[level % glyphs.length],
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: levelIndent(level) } },
  }));
}

function orderedLevels(startLevel: number, start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start: level === startLevel ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: levelIndent(level) } },
  }));
}

function runs(node: PmNode, ctx: Ctx): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const c of children(node)) {
    if (c.type === "hardBreak") {
      out.push(new TextRun({ break: 1 }));
    } else if (c.type === "image") {
      const image = imageOf(c, ctx);
      if (image) out.push(imageRun(image, imageLabel(c), ctx));
      else out.push(new TextRun({ text: ctx.texts.imagePlaceholder(imageLabel(c)), italics: true, color: "595959" }));
    } else if (c.type === "text" && c.text) {
      const href = safeHref(linkHref(c));
      const run = new TextRun({
        text: c.text,
        bold: hasMark(c, "bold") || ctx.strong || undefined,
        italics: hasMark(c, "italic") || ctx.quote || undefined,
        underline: hasMark(c, "underline") || href ? {} : undefined,
        strike: hasMark(c, "strike") || undefined,
        font: hasMark(c, "code") ? "Consolas" : undefined,
        color: href ? "0563C1" : undefined,
      });
      out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
    } else if (c.content) {
      out.push(...runs(c, ctx));
    }
  }
  return out;
}

function paragraph(node: PmNode, ctx: Ctx, first: boolean): Paragraph {
  const list = ctx.list;
  return new Paragraph({
    children: runs(node, ctx),
    style: ctx.quote ? "Quote" : undefined,
    numbering: list && first ? { reference: list.reference, level: list.level } : undefined,
    indent: list && !first ? { left: 720 * (list.level + 1) } : undefined,
  });
}

function listBlocks(node: PmNode, ctx: Ctx): Block[] {
  const level = ctx.list ? Math.min(ctx.list.level + 1, 8) : 0;
  let reference = BULLETS;
  if (node.type === "orderedList") {
    reference = `numbers-${ctx.numbering.length + 1}`;
    ctx.numbering.push({ reference, levels: orderedLevels(level, listStart(node)) });
  }
  const out: Block[] = [];
  for (const item of children(node)) {
    const itemCtx: Ctx = { ...ctx, list: { reference, level }, imageWidth: Math.max(MIN_IMAGE_WIDTH, ctx.imageWidth - 48) };
    let first = true;
    for (const b of children(item)) {
      if (b.type === "paragraph") {
        out.push(paragraph(b, itemCtx, first));
        first = false;
      } else {
        if (first) {
          out.push(paragraph({ type: "paragraph" }, itemCtx, true)); // the item's number before a nested list
          first = false;
        }
        out.push(...blocks(b, itemCtx));
      }
    }
    if (first) out.push(paragraph({ type: "paragraph" }, itemCtx, true));
  }
  return out;
}

function tableBlock(node: PmNode, ctx: Ctx): Table {
  const columns = Math.max(1, ...children(node).map((row) => children(row).length));
  const cellCtx: Ctx = { ...ctx, quote: false, list: undefined, imageWidth: Math.max(MIN_IMAGE_WIDTH, Math.floor(ctx.imageWidth / columns) - 16) };
  const rows = children(node).map((row, rowIndex) => {
    const header = rowIndex === 0 && children(row).some((c) => c.type === "tableHeader");
    return new TableRow({
      tableHeader: header, // repeated at the top of every page
      children: children(row).map((cell) => {
        const isHeader = cell.type === "tableHeader";
        const body = children(cell).flatMap((b) => blocks(b, { ...cellCtx, strong: isHeader }));
        return new TableCell({
          children: body.length ? body : [new Paragraph({})],
          columnSpan: Math.max(1, Number(cell.attrs?.colspan ?? 1) || 1),
          rowSpan: Math.max(1, Number(cell.attrs?.rowspan ?? 1) || 1),
          shading: isHeader ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: "auto" } : undefined,
          margins: { top: 60, bottom: 60, left: 100, right: 100 },
        });
      }),
    });
  });
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function blocks(node: PmNode, ctx: Ctx): Block[] {
  switch (node.type) {
    case "paragraph":
      return [paragraph(node, ctx, true)];
    case "heading":
      return [new Paragraph({ heading: HEADINGS[headingLevel(node)], children: runs(node, { ...ctx, quote: false }) })];
    case "bulletList":
    case "orderedList":
      return listBlocks(node, ctx);
    case "blockquote":
      return children(node).flatMap((b) => blocks(b, { ...ctx, quote: true, imageWidth: Math.max(MIN_IMAGE_WIDTH, ctx.imageWidth - 96) }));
    case "horizontalRule":
      return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } } })];
    case "table":
      return [tableBlock(node, ctx), new Paragraph({})];
    case "image":
      return [
        new Paragraph({
          alignment: imageOf(node, ctx) ? AlignmentType.CENTER : undefined,
          spacing: imageOf(node, ctx) ? { before: 120, after: 120 } : undefined,
          children: runs({ type: "paragraph", content: [node] }, ctx),
        }),
      ];
    case "text":
    case "hardBreak":
      return [paragraph({ type: "paragraph", content: [node] }, ctx, true)];
    default:
      return children(node).flatMap((b) => blocks(b, ctx));
  }
}

function footer(texts: ExportTexts): Footer {
  const pageRuns = texts.pageParts.map((part) =>
    typeof part === "string" ? new TextRun({ text: part, size: 16 }) : new TextRun({ children: [part.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], size: 16 }),
  );
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: `${texts.exported} · `, size: 16, color: "595959" }), ...pageRuns],
      }),
    ],
  });
}

/** The draft as a .docx file (callers have checked that the user may read the draft). */
export async function draftToDocx(title: string, doc: PmNode, meta: ExportMeta): Promise<Buffer> {
  const texts = exportTexts(title, meta);
  const ctx: Ctx = { texts, numbering: [], quote: false, images: meta.images ?? new Map(), imageWidth: IMAGE_MAX_WIDTH };
  const body = children(doc).flatMap((b) => blocks(b, ctx));
  const language = { value: texts.locale === "en" ? "en-GB" : "pl-PL" };
  const document = new Document({
    title: texts.title,
    subject: meta.workspaceName,
    creator: "Razem",
    description: texts.metaLine,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language } },
        title: { run: { font: FONT, size: 48, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: "2F5496" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: "2F5496" }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, color: "404040" },
          paragraph: { indent: { left: 720, right: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: "A6A6A6", space: 8 } } },
        },
      ],
    },
    numbering: { config: [{ reference: BULLETS, levels: bulletLevels() }, ...ctx.numbering] },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: footer(texts) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(texts.title)] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: texts.metaLine, size: 18, color: "595959" })] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
