// The document model of strategy drafts as Tiptap 3 / ProseMirror JSON (editor.getJSON(), or what the
// server derives from the Yjs state), and small pure helpers shared by the exports and the diff.

export type PmMarkType = "bold" | "italic" | "underline" | "strike" | "code" | "link";

export type PmMark = { type: PmMarkType | (string & {}); attrs?: { href?: string | null; [key: string]: unknown } };

export type PmNodeType =
  | "doc"
  | "paragraph"
  | "heading"
  | "bulletList"
  | "orderedList"
  | "listItem"
  | "blockquote"
  | "horizontalRule"
  | "hardBreak"
  | "table"
  | "tableRow"
  | "tableHeader"
  | "tableCell"
  | "image"
  | "text";

export type PmNode = {
  type: PmNodeType | (string & {});
  attrs?: {
    level?: number;
    start?: number | null;
    colspan?: number;
    rowspan?: number;
    src?: string | null;
    alt?: string | null;
    title?: string | null;
    [key: string]: unknown;
  };
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
};

/** An empty document (what a new draft holds). */
export const EMPTY_DOC: PmNode = { type: "doc", content: [] };

export function children(node: PmNode | undefined | null): PmNode[] {
  return Array.isArray(node?.content) ? node.content : [];
}

export function hasMark(node: PmNode, type: PmMarkType): boolean {
  return (node.marks ?? []).some((m) => m.type === type);
}

export function linkHref(node: PmNode): string | undefined {
  const link = (node.marks ?? []).find((m) => m.type === "link");
  const href = link?.attrs?.href;
  return typeof href === "string" && href.trim() ? href.trim() : undefined;
}

/** Only web, mail and phone links leave the document (never javascript: or data:). */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(https?:|mailto:|tel:|\/|#)/i.test(href) ? href : undefined;
}

/** Heading level clamped to 1–3 (the editor offers three). */
export function headingLevel(node: PmNode): 1 | 2 | 3 {
  const level = Number(node.attrs?.level ?? 1);
  return level <= 1 ? 1 : level >= 3 ? 3 : 2;
}

/** The first number of an ordered list (1 unless the editor says otherwise). */
export function listStart(node: PmNode): number {
  const start = Number(node.attrs?.start ?? 1);
  return Number.isFinite(start) && start >= 0 ? Math.floor(start) : 1;
}

export function imageLabel(node: PmNode): string {
  const alt = node.attrs?.alt ?? node.attrs?.title ?? "";
  return typeof alt === "string" ? alt.trim() : "";
}

/**
 * Plain text of inline content: text as is, hard breaks as "\n", images as their alt text; the
 * children of blocks joined with a space (so a table row reads "a b c").
 */
export function inlineText(node: PmNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  if (node.type === "image") return imageLabel(node);
  const parts = children(node).map(inlineText);
  const isBlockContainer = children(node).some((c) => c.type !== "text" && c.type !== "hardBreak" && c.type !== "image");
  return parts.join(isBlockContainer ? " " : "");
}

/** Plain text of a whole node, blocks on their own lines. */
export function plainText(node: PmNode): string {
  const lines: string[] = [];
  const walk = (n: PmNode) => {
    if (n.type === "paragraph" || n.type === "heading") {
      lines.push(inlineText(n));
      return;
    }
    if (n.type === "tableRow") {
      lines.push(children(n).map((c) => inlineText(c).replace(/\s+/g, " ").trim()).join(" | "));
      return;
    }
    if (n.type === "image") {
      lines.push(imageLabel(n));
      return;
    }
    children(n).forEach(walk);
  };
  walk(node);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

export type HeadingEntry = { level: 1 | 2 | 3; text: string };

/** The headings of the document in order (for a table of contents). */
export function headings(doc: PmNode): HeadingEntry[] {
  const out: HeadingEntry[] = [];
  const walk = (n: PmNode) => {
    if (n.type === "heading") {
      const text = inlineText(n).replace(/\s+/g, " ").trim();
      if (text) out.push({ level: headingLevel(n), text });
      return;
    }
    children(n).forEach(walk);
  };
  walk(doc);
  return out;
}

/** A safe file name from a draft title: "Strategia — projekt.docx" (characters file systems dislike replaced). */
export function exportFileName(title: string, extension: "docx" | "pdf" | "md"): string {
  const printable = Array.from(title, (ch) => (ch.charCodeAt(0) < 32 ? " " : ch)).join("");
  const base = printable.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 120) || "projekt";
  return `${base}.${extension}`;
}
