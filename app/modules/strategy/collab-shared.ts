// Shared by the browser editor and the co-editing server (pure, no server imports).

/** The WebSocket path on our own HTTP server (server.ts routes upgrades here). */
export const COLLAB_PATH = "/collab";

/** The Y.XmlFragment that holds the body: the client's Collaboration `field` and the server's reader. */
export const COLLAB_FIELD = "body";

const PREFIX = "strategy:";

export function draftDocumentName(draftId: string): string {
  return `${PREFIX}${draftId}`;
}

/** The draft id of a document name, or null for any other name. */
export function draftIdFromDocumentName(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

/** A stable, readable caret colour per person (dark enough for white text, ≥ 4.5:1). */
const CARET_COLOURS = ["#1864ab", "#a61e4d", "#1b5e20", "#862e9c", "#c92a2a", "#0b7285", "#5f3dc4", "#9c3600", "#364fc7", "#087f5b"];
export function caretColour(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[h % CARET_COLOURS.length];
}

type PmNode = { type?: string; text?: string; content?: PmNode[] };

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "tableCell", "tableHeader", "codeBlock", "horizontalRule"]);

/** Plain text of ProseMirror JSON: blocks on their own lines (for search and the word count). */
export function plainTextOf(node: PmNode): string {
  const out: string[] = [];
  const walk = (n: PmNode) => {
    if (n.type === "text" && n.text) out.push(n.text);
    else if (n.type === "hardBreak") out.push("\n");
    for (const c of n.content ?? []) walk(c);
    if (n.type && BLOCKS.has(n.type)) out.push("\n");
  };
  walk(node);
  return out.join("").replace(/\n{2,}/g, "\n").trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
