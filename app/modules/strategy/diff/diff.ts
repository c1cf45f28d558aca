// Differences between two versions of a strategy draft, for people to read: the documents are cut
// into blocks (paragraphs, headings, list items, quotes, table rows), blocks are matched by a longest
// common subsequence over their texts (whole blocks added or removed), and blocks changed in place are
// compared word by word. Both LCS tables are bounded (O(n·m) cells, never more than MAX_CELLS): a
// block too long to compare word by word is shown whole as removed and added.
import { children, headingLevel, imageLabel, inlineText, type PmNode } from "../export/prosemirror";

export type DiffBlockType = "paragraph" | "heading" | "listItem" | "blockquote" | "tableRow" | "horizontalRule" | "image";
export type SegmentKind = "same" | "added" | "removed";
export type DiffSegment = { kind: SegmentKind; text: string };
export type DiffBlock = {
  type: DiffBlockType;
  /** Heading level (1–3) or list nesting depth (1 = top level); 0 for other blocks. */
  level: number;
  /** same: unchanged; added/removed: the whole block; changed: compared word by word. */
  status: "same" | "added" | "removed" | "changed";
  segments: DiffSegment[];
  /** The block was too long for a word-level comparison and is shown as removed + added. */
  tooLong?: boolean;
};
export type DraftDiff = { blocks: DiffBlock[]; insertions: number; deletions: number };

/** Upper bound of LCS table cells for one comparison (about 16 MB of Uint32). */
export const MAX_CELLS = 4_000_000;

type FlatBlock = { type: DiffBlockType; level: number; text: string };

function norm(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, " ").replace(/ ?\n ?/g, "\n").trim();
}

/** The document as a flat list of readable blocks. */
export function flattenBlocks(doc: PmNode): FlatBlock[] {
  const out: FlatBlock[] = [];
  const walk = (node: PmNode, ctx: { list: number; quote: boolean }) => {
    switch (node.type) {
      case "paragraph": {
        const type: DiffBlockType = ctx.list ? "listItem" : ctx.quote ? "blockquote" : "paragraph";
        out.push({ type, level: ctx.list, text: norm(inlineText(node)) });
        return;
      }
      case "heading":
        out.push({ type: "heading", level: headingLevel(node), text: norm(inlineText(node)) });
        return;
      case "bulletList":
      case "orderedList":
        for (const item of children(node)) for (const c of children(item)) walk(c, { ...ctx, list: ctx.list + 1 });
        return;
      case "blockquote":
        for (const c of children(node)) walk(c, { ...ctx, quote: true });
        return;
      case "table":
        for (const row of children(node)) out.push({ type: "tableRow", level: 0, text: children(row).map((cell) => norm(inlineText(cell)).replace(/\n/g, " ")).join(" | ") });
        return;
      case "horizontalRule":
        out.push({ type: "horizontalRule", level: 0, text: "" });
        return;
      case "image":
        out.push({ type: "image", level: 0, text: imageLabel(node) });
        return;
      default:
        for (const c of children(node)) walk(c, ctx);
    }
  };
  walk(doc, { list: 0, quote: false });
  return out;
}

type Op = { kind: SegmentKind; a?: number; b?: number };

/**
 * Edit script between a and b (indices into both) by LCS, after trimming the common head and tail.
 * Returns null when the middle part would need more than MAX_CELLS table cells.
 */
export function lcsOps<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = (x, y) => x === y): Op[] | null {
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > MAX_CELLS) return null;
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: "same", a: i, b: i });
  // table[i][j] = LCS length of a[start+i..endA) and b[start+j..endB)
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = equal(a[start + i], b[start + j]) ? table[(i + 1) * w + j + 1] + 1 : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && equal(a[start + i], b[start + j])) {
      ops.push({ kind: "same", a: start + i++, b: start + j++ });
    } else if (i < n && (j === m || table[(i + 1) * w + j] >= table[i * w + j + 1])) {
      ops.push({ kind: "removed", a: start + i++ }); // deletions read before insertions
    } else {
      ops.push({ kind: "added", b: start + j++ });
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: "same", a: endA + k, b: endB + k });
  return ops;
}

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter(Boolean);
}

function pushSegment(segments: DiffSegment[], kind: SegmentKind, text: string) {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/** Word-level comparison of two texts; null when they are too long to compare. */
export function diffWords(oldText: string, newText: string): DiffSegment[] | null {
  const a = tokens(oldText);
  const b = tokens(newText);
  const ops = lcsOps(a, b);
  if (!ops) return null;
  const segments: DiffSegment[] = [];
  for (const op of ops) pushSegment(segments, op.kind, op.kind === "added" ? b[op.b!] : a[op.a!]);
  return segments;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/\s+/).filter(Boolean));
}

/** Share of words two texts have in common (0–1), to decide whether a block was edited or replaced. */
function similarity(x: string, y: string): number {
  const a = words(x);
  const b = words(y);
  if (!a.size && !b.size) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.max(a.size, b.size);
}

const PAIR_THRESHOLD = 0.4;

function wholeBlock(block: FlatBlock, kind: "added" | "removed"): DiffBlock {
  return { type: block.type, level: block.level, status: kind, segments: block.text ? [{ kind, text: block.text }] : [{ kind, text: "" }] };
}

/** Pairs the removed and added blocks of one changed stretch (same type, similar words, in order). */
function resolveStretch(removed: FlatBlock[], added: FlatBlock[], out: DiffBlock[]) {
  let j = 0;
  for (const r of removed) {
    // Find the next added block of the same type that is similar enough.
    let match = -1;
    for (let k = j; k < added.length; k++) {
      if (added[k].type === r.type && similarity(r.text, added[k].text) >= PAIR_THRESHOLD) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      out.push(wholeBlock(r, "removed"));
      continue;
    }
    for (; j < match; j++) out.push(wholeBlock(added[j], "added"));
    const a = added[j++];
    const segments = diffWords(r.text, a.text);
    if (segments) out.push({ type: a.type, level: a.level, status: "changed", segments });
    else out.push({ ...wholeBlock(r, "removed"), tooLong: true }, { ...wholeBlock(a, "added"), tooLong: true });
  }
  for (; j < added.length; j++) out.push(wholeBlock(added[j], "added"));
}

/** Compares two versions of a draft (ProseMirror JSON): the old one first. */
export function diffDrafts(oldDoc: PmNode, newDoc: PmNode): DraftDiff {
  const a = flattenBlocks(oldDoc);
  const b = flattenBlocks(newDoc);
  const same = (x: FlatBlock, y: FlatBlock) => x.type === y.type && x.level === y.level && x.text === y.text;
  const ops = lcsOps(a, b, same) ?? [...a.map((_, i): Op => ({ kind: "removed", a: i })), ...b.map((_, i): Op => ({ kind: "added", b: i }))];

  const blocks: DiffBlock[] = [];
  let removed: FlatBlock[] = [];
  let added: FlatBlock[] = [];
  const flush = () => {
    if (removed.length || added.length) resolveStretch(removed, added, blocks);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.kind === "same") {
      flush();
      const block = b[op.b!];
      blocks.push({ type: block.type, level: block.level, status: "same", segments: [{ kind: "same", text: block.text }] });
    } else if (op.kind === "removed") removed.push(a[op.a!]);
    else added.push(b[op.b!]);
  }
  flush();

  let insertions = 0;
  let deletions = 0;
  for (const block of blocks) {
    for (const s of block.segments) {
      if (s.kind === "added") insertions++;
      else if (s.kind === "removed") deletions++;
    }
  }
  return { blocks, insertions, deletions };
}

/** Whether the two versions differ at all. */
export function hasChanges(diff: DraftDiff): boolean {
  return diff.insertions + diff.deletions > 0;
}
