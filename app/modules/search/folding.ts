// Engine-neutral text handling for search: folding stored text, turning what a person typed into
// plain terms, and marking those terms in a snippet. No database, no HTML: the page renders the
// segments as React text nodes, so nothing from a document can become markup.
import { foldText } from "~/utils/text";

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const foldCache = new Map<string, string>();

/** One code point folded like foldText ("Ż" → "z", "Ł" → "l"), or itself when folding would change the length. */
function foldCodePoint(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded !== undefined) return folded;
  const candidate = ch.normalize("NFD").replace(COMBINING_MARKS, "").replace(/ł/g, "l").replace(/Ł/g, "L").toLowerCase();
  folded = [...candidate].length === 1 ? candidate : [...ch.toLowerCase()].length === 1 ? ch.toLowerCase() : ch;
  if (foldCache.size < 4096) foldCache.set(ch, folded);
  return folded;
}

/**
 * foldText, but position-preserving: every code point becomes exactly one code point, so an
 * offset found in the folded text is the same offset in the original (for snippets). For Polish
 * (and any precomposed) text the result equals foldText's, apart from foldText's trim.
 */
export function foldAligned(text: string): string {
  return text.replace(/[^a-z0-9\s.,;:!?()"'-]/gu, foldCodePoint);
}

export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * What a person typed → folded words, at most MAX_TERMS, no duplicates. Everything that is not a
 * letter or a digit separates words, so quotes, `*`, `-`, `:`, parentheses and the like can never
 * reach the search engine's query syntax; words like "AND" or "NOT" are just words.
 */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  for (const match of foldText(q).matchAll(WORD)) {
    const term = match[0].slice(0, MAX_TERM_LENGTH);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * The prefix a word is searched by. Polish inflects word endings ("transformacja",
 * "transformacji", "transformację"), and a final vowel of a longer word is an ending more often
 * than not, so it is dropped: "transformacja" also finds "transformacji". Short words stay whole.
 */
export function searchPrefix(term: string): string {
  return term.length >= 5 && /[aeiouy]$/.test(term) ? term.slice(0, -1) : term;
}

/** queryTerms, as prefixes for matching and highlighting (no duplicates). */
export function queryPrefixes(q: string): string[] {
  return [...new Set(queryTerms(q).map(searchPrefix))];
}

/** A run of text, `mark`ed when it is (part of) a word the search matched. */
export type Segment = { text: string; mark?: true };

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}\p{M}]/u.test(ch);

/**
 * Splits `text` into segments, marking every word that starts with one of `terms` (the search
 * matches word prefixes: "zolw" marks "Żółwia"). Matching is on the folded text, so case and
 * diacritics don't matter.
 */
export function highlight(text: string, terms: string[]): Segment[] {
  if (!text) return [];
  const folded = foldAligned(text);
  // Folded and original have the same code points; work on arrays of them to keep offsets equal.
  const original = [...text];
  const foldedChars = [...folded];
  const foldedString = foldedChars.join("");
  const starts: number[] = [];
  let offset = 0;
  for (const ch of foldedChars) {
    starts.push(offset);
    offset += ch.length;
  }
  const marks: [number, number][] = [];
  for (let i = 0; i < foldedChars.length; i++) {
    if (!isWordChar(foldedChars[i]) || isWordChar(foldedChars[i - 1])) continue;
    const here = starts[i];
    if (!terms.some((t) => t && foldedString.startsWith(t, here))) continue;
    let end = i;
    while (end < foldedChars.length && isWordChar(foldedChars[end])) end++;
    marks.push([i, end]);
    i = end - 1;
  }
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [from, to] of marks) {
    if (from > cursor) segments.push({ text: original.slice(cursor, from).join("") });
    segments.push({ text: original.slice(from, to).join(""), mark: true });
    cursor = to;
  }
  if (cursor < original.length) segments.push({ text: original.slice(cursor).join("") });
  return segments;
}

/**
 * A readable excerpt: `text` is a window cut out of a longer document (`cutStart`/`cutEnd`: whether
 * it was cut there). Drops the partial words at cut edges, tidies whitespace, adds "…".
 */
export function excerpt(text: string, cutStart: boolean, cutEnd: boolean): string {
  let body = text;
  if (cutStart) body = body.replace(/^[\p{L}\p{N}\p{M}]*[^\p{L}\p{N}\p{M}]*/u, "");
  if (cutEnd) body = body.replace(/[^\p{L}\p{N}\p{M}]*[\p{L}\p{N}\p{M}]*$/u, "");
  body = body.replace(/\s+/g, " ").trim();
  if (!body) return "";
  return `${cutStart ? "… " : ""}${body}${cutEnd ? " …" : ""}`;
}
