// Anchors of comments in a strategy draft: a commented range is two Yjs relative positions (start,
// end), encoded with Y.encodeRelativePosition and sent as base64. Relative positions follow the text
// through everyone's edits, so a comment stays on "its" words while others type around them.
// Pure (no server imports): used by the server (checks, demo seeding), the browser editor and tests.
import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { COLLAB_FIELD } from "./collab-shared";

export type CommentAnchor = { anchorStart: string; anchorEnd: string };

/** Upper bound of an encoded anchor (a relative position is a few dozen bytes). */
export const ANCHOR_MAX = 512;

export function encodeRelative(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** The relative position of a base64 string, or null when it is not one. */
export function decodeRelative(
  value: string | null | undefined
): Y.RelativePosition | null {
  if (
    !value ||
    value.length > ANCHOR_MAX ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(value)
  )
    return null;
  try {
    return Y.decodeRelativePosition(fromBase64(value));
  } catch {
    return null;
  }
}

/** Bytes for the database (StrategyDraftComment.anchorStart/anchorEnd), or null when invalid. */
export function anchorBytes(value: string): Uint8Array<ArrayBuffer> | null {
  const position = decodeRelative(value);
  return position ? new Uint8Array(Y.encodeRelativePosition(position)) : null;
}

export function anchorFromBytes(
  bytes: Uint8Array | null | undefined
): string | null {
  return bytes && bytes.length > 0 ? toBase64(new Uint8Array(bytes)) : null;
}

/**
 * A range of a Y.XmlText as an anchor: the start sticks to the first character of the range
 * (text typed just before it stays outside), the end to the last one (text typed just after it
 * stays outside too).
 */
export function anchorOfTextRange(
  text: Y.XmlText,
  start: number,
  end: number
): CommentAnchor {
  return {
    anchorStart: encodeRelative(
      Y.createRelativePositionFromTypeIndex(text, start, 0)
    ),
    anchorEnd: encodeRelative(
      Y.createRelativePositionFromTypeIndex(text, end, -1)
    ),
  };
}

/** The plain text of a Y.XmlText: formatting ignored, embeds as one placeholder character (their Yjs length). */
export function plainTextOfXmlText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === "string" ? op.insert : "\uFFFC"))
    .join("");
}

/** Every Y.XmlText of the body (one per paragraph, heading, cell paragraph…), in document order. */
export function bodyTexts(ydoc: Y.Doc, field = COLLAB_FIELD): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(ydoc.getXmlFragment(field));
  return out;
}

/**
 * The anchor of the `occurrence`-th (0-based) appearance of `quote` inside one block of the body,
 * or null when there is no such appearance. Demo seeding uses it to put comments on real words.
 */
export function anchorForText(
  ydoc: Y.Doc,
  quote: string,
  occurrence = 0
): CommentAnchor | null {
  if (!quote) return null;
  let seen = 0;
  for (const text of bodyTexts(ydoc)) {
    const plain = plainTextOfXmlText(text);
    let from = plain.indexOf(quote);
    while (from >= 0) {
      if (seen === occurrence)
        return anchorOfTextRange(text, from, from + quote.length);
      seen++;
      from = plain.indexOf(quote, from + 1);
    }
  }
  return null;
}

/**
 * The text an anchor covers now (within one block), or null when it cannot be resolved (the text
 * was deleted, the range now spans blocks, or the anchor belongs to another document).
 */
export function textOfAnchor(
  ydoc: Y.Doc,
  anchor: CommentAnchor
): string | null {
  const start = decodeRelative(anchor.anchorStart);
  const end = decodeRelative(anchor.anchorEnd);
  if (!start || !end) return null;
  const a = Y.createAbsolutePositionFromRelativePosition(start, ydoc);
  const b = Y.createAbsolutePositionFromRelativePosition(end, ydoc);
  if (
    !a ||
    !b ||
    a.type !== b.type ||
    !(a.type instanceof Y.XmlText) ||
    a.index >= b.index
  )
    return null;
  return plainTextOfXmlText(a.type).slice(a.index, b.index);
}

/**
 * Re-anchors a relative position produced by the editor (y-tiptap attaches every position to the
 * character before it) so that a range's start sticks to its first character. Positions that are
 * not inside a text are returned as they are.
 */
export function withAssociation(
  ydoc: Y.Doc,
  position: Y.RelativePosition,
  assoc: 0 | -1
): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return position;
  return Y.createRelativePositionFromTypeIndex(
    absolute.type,
    absolute.index,
    assoc
  );
}
