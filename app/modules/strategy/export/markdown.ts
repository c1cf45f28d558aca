// A strategy draft as Markdown (GitHub-flavoured: tables, ~~strike~~). The draft's title is the only
// "#" heading; the document's own headings move one level down (H1 → "##") so the file keeps one
// top-level heading. Text is escaped so that what the author typed never turns into Markdown syntax.
import { children, hasMark, headingLevel, imageLabel, linkHref, listStart, safeHref, type PmMark, type PmNode } from "./prosemirror";

type Ctx = { inTable: boolean };

/** Backslash-escapes the characters that Markdown (CommonMark + GFM) would read as syntax. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]{}<>|~&!#]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+=])/gm, "$1\\$2") // list bullets, setext underlines at the start of a line
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2"); // "1." at the start of a line is not a list
}

function codeSpan(text: string, ctx: Ctx): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const body = /^`|`$/.test(text) || /^ .* $/.test(text) ? ` ${text} ` : text;
  return `${fence}${ctx.inTable ? body.replace(/\|/g, "\\|") : body}${fence}`;
}

function markKey(marks: PmMark[] | undefined): string {
  return (marks ?? [])
    .map((m) => (m.type === "link" ? `link:${String(m.attrs?.href ?? "")}` : m.type))
    .sort()
    .join(",");
}

/** Joins neighbouring text nodes that carry the same marks, so "**a****b**" never appears. */
function mergeTextRuns(nodes: PmNode[]): PmNode[] {
  const out: PmNode[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === "text" && prev?.type === "text" && markKey(prev.marks) === markKey(n.marks)) {
      out[out.length - 1] = { ...prev, text: (prev.text ?? "") + (n.text ?? "") };
    } else out.push(n);
  }
  return out;
}

function linkTarget(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

function imageMarkdown(node: PmNode): string {
  const src = typeof node.attrs?.src === "string" ? node.attrs.src : "";
  const title = typeof node.attrs?.title === "string" && node.attrs.title ? ` "${node.attrs.title.replace(/"/g, '\\"')}"` : "";
  return `![${escapeMarkdown(imageLabel(node))}](${linkTarget(src)}${title})`;
}

function textMarkdown(node: PmNode, ctx: Ctx): string {
  const raw = node.text ?? "";
  if (!raw) return "";
  if (hasMark(node, "code")) {
    const code = codeSpan(raw, ctx);
    const href = safeHref(linkHref(node));
    return href ? `[${code}](${linkTarget(href)})` : code;
  }
  // Delimiters must touch the text: keep surrounding spaces outside them.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw) ?? ["", "", raw, ""];
  if (!core) return raw;
  let out = escapeMarkdown(core);
  if (hasMark(node, "strike")) out = `~~${out}~~`;
  if (hasMark(node, "italic")) out = `*${out}*`;
  if (hasMark(node, "bold")) out = `**${out}**`;
  if (hasMark(node, "underline")) out = `<u>${out}</u>`;
  const href = safeHref(linkHref(node));
  if (href) out = `[${out}](${linkTarget(href)})`;
  return `${lead}${out}${trail}`;
}

function inlineMarkdown(node: PmNode, ctx: Ctx): string {
  const parts = mergeTextRuns(children(node)).map((c) => {
    if (c.type === "text") return textMarkdown(c, ctx);
    if (c.type === "hardBreak") return ctx.inTable ? "<br>" : "\\\n";
    if (c.type === "image") return imageMarkdown(c);
    return inlineMarkdown(c, ctx);
  });
  const text = parts.join("");
  // Leading spaces would make an indented code block; newlines inside a table cell would end the row.
  return ctx.inTable ? text.replace(/\n/g, " ").trim() : text.replace(/^[ \t]+/gm, "").trimEnd();
}

function indent(text: string, prefix: string, firstPrefix: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? firstPrefix + line : line ? prefix + line : line))
    .join("\n");
}

function listMarkdown(node: PmNode): string {
  const ordered = node.type === "orderedList";
  let n = listStart(node);
  return children(node)
    .map((item) => {
      const marker = ordered ? `${n++}. ` : "- ";
      const body = children(item).map(blockMarkdown).filter(Boolean).join("\n");
      return indent(body || "", " ".repeat(marker.length), marker);
    })
    .join("\n");
}

function cellMarkdown(cell: PmNode): string {
  const ctx: Ctx = { inTable: true };
  return children(cell)
    .map((b) => (b.type === "paragraph" || b.type === "heading" ? inlineMarkdown(b, ctx) : inlineMarkdown({ type: "paragraph", content: flattenInline(b) }, ctx)))
    .filter(Boolean)
    .join("<br>");
}

/** Inline nodes of any block (lists or quotes inside a cell become one line). */
function flattenInline(node: PmNode): PmNode[] {
  if (node.type === "text" || node.type === "hardBreak" || node.type === "image") return [node];
  const out: PmNode[] = [];
  for (const c of children(node)) {
    if (out.length && c.type !== "text" && c.type !== "hardBreak" && c.type !== "image") out.push({ type: "text", text: " " });
    out.push(...flattenInline(c));
  }
  return out;
}

function tableMarkdown(node: PmNode): string {
  const rows = children(node).map((row) => {
    const cells: string[] = [];
    for (const cell of children(row)) {
      cells.push(cellMarkdown(cell));
      const span = Math.max(1, Number(cell.attrs?.colspan ?? 1) || 1);
      for (let i = 1; i < span; i++) cells.push("");
    }
    return cells;
  });
  if (!rows.length) return "";
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] || " ").join(" | ")} |`;
  const [head, ...body] = rows;
  return [line(head), `|${Array.from({ length: width }, () => " --- ").join("|")}|`, ...body.map(line)].join("\n");
}

function blockMarkdown(node: PmNode): string {
  switch (node.type) {
    case "paragraph":
      return inlineMarkdown(node, { inTable: false });
    case "heading": {
      const text = inlineMarkdown(node, { inTable: false }).replace(/\\?\n/g, " ");
      return text ? `${"#".repeat(headingLevel(node) + 1)} ${text}` : "";
    }
    case "bulletList":
    case "orderedList":
      return listMarkdown(node);
    case "blockquote": {
      const body = children(node).map(blockMarkdown).filter(Boolean).join("\n\n");
      return body
        .split("\n")
        .map((l) => (l ? `> ${l}` : ">"))
        .join("\n");
    }
    case "horizontalRule":
      return "---";
    case "table":
      return tableMarkdown(node);
    case "image":
      return imageMarkdown(node);
    case "text":
    case "hardBreak":
      return inlineMarkdown({ type: "paragraph", content: [node] }, { inTable: false });
    default:
      return children(node).map(blockMarkdown).filter(Boolean).join("\n\n");
  }
}

/** The whole draft: "# Title", then the body's blocks separated by blank lines; ends with a newline. */
export function draftToMarkdown(title: string, doc: PmNode): string {
  const body = children(doc).map(blockMarkdown).filter(Boolean).join("\n\n");
  const head = `# ${escapeMarkdown(title.replace(/\s+/g, " ").trim())}`;
  return `${body ? `${head}\n\n${body}` : head}\n`;
}
