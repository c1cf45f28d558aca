// @mentions in comment bodies. Stored as `@[Imię Nazwisko](userId)` tokens, shown as
// "@Imię Nazwisko". Pure (no React, no database): used by the server, the form and the tests.
import { foldText } from "~/utils/text";

export type MentionPerson = { id: string; name: string };

export type BodySegment = { type: "text"; text: string } | { type: "mention"; userId: string; name: string };

const ID = "[A-Za-z0-9_-]{1,64}";
const NAME = "[^\\[\\]\\r\\n]{1,200}";
/** One stored token; a fresh RegExp per use, so no shared `lastIndex` state. */
const tokenPattern = () => new RegExp(`@\\[(${NAME})\\]\\((${ID})\\)`, "g");

/** A name as it may appear inside a token: no brackets or line breaks, single spaces. */
export function cleanMentionName(name: string): string {
  return name
    .replace(/[[\]\r\n]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

export function mentionToken(person: MentionPerson): string {
  return `@[${cleanMentionName(person.name) || "?"}](${person.id})`;
}

/** The body as text and mention segments, in order; anything that is not a valid token is text. */
export function parseMentions(body: string): BodySegment[] {
  const out: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(tokenPattern())) {
    const at = match.index ?? 0;
    if (at > last) out.push({ type: "text", text: body.slice(last, at) });
    out.push({ type: "mention", name: match[1].trim(), userId: match[2] });
    last = at + match[0].length;
  }
  if (last < body.length) out.push({ type: "text", text: body.slice(last) });
  // Adjacent text pieces never occur (tokens separate them), so this is the final shape.
  return out;
}

/** Distinct ids of the people mentioned, in order of first mention. */
export function mentionedUserIds(body: string): string[] {
  const ids: string[] = [];
  for (const segment of parseMentions(body)) if (segment.type === "mention" && !ids.includes(segment.userId)) ids.push(segment.userId);
  return ids;
}

/** What a reader sees: tokens become "@Imię Nazwisko". */
export function mentionsToPlainText(body: string): string {
  return parseMentions(body)
    .map((s) => (s.type === "text" ? s.text : `@${s.name}`))
    .join("");
}

/**
 * Rewrites every token with `resolve(id, name)`: a person (the token is written again with their
 * current name) or null (the mention becomes plain "@Name" text). The server uses it so a token
 * can neither fake a name nor point at someone who may not see the workspace.
 */
export function rewriteMentions(body: string, resolve: (userId: string, name: string) => MentionPerson | null): string {
  return parseMentions(body)
    .map((s) => {
      if (s.type === "text") return s.text;
      const person = resolve(s.userId, s.name);
      return person ? mentionToken(person) : `@${s.name}`;
    })
    .join("");
}

/** For editing in a textarea: tokens shown as "@Name", plus who they were. */
export function toEditableText(body: string): { text: string; mentions: MentionPerson[] } {
  const mentions: MentionPerson[] = [];
  const text = parseMentions(body)
    .map((s) => {
      if (s.type === "text") return s.text;
      if (!mentions.some((m) => m.id === s.userId)) mentions.push({ id: s.userId, name: s.name });
      return `@${s.name}`;
    })
    .join("");
  return { text, mentions };
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Back from the textarea to the stored form: "@Name" of a known person becomes their token.
 * `picked` (chosen from the suggestions, or already in the comment) wins over `people`; a name
 * shared by two people in `people` and never picked stays plain text rather than guessing.
 * Longer names first, so "@Anna Nowak" is not taken for "@Anna". Existing tokens are kept.
 */
export function toStoredBody(text: string, picked: MentionPerson[], people: MentionPerson[] = []): string {
  const byName = new Map<string, string | null>();
  for (const p of people) {
    const name = cleanMentionName(p.name);
    if (!name) continue;
    byName.set(name, byName.has(name) && byName.get(name) !== p.id ? null : p.id);
  }
  for (const p of picked) {
    const name = cleanMentionName(p.name);
    if (name) byName.set(name, p.id);
  }
  const names = [...byName.entries()].filter(([, id]) => id !== null).map(([name]) => name);
  if (names.length === 0) return text;
  names.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`@(${names.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  // Only the text between existing tokens is rewritten.
  return parseMentions(text)
    .map((s) =>
      s.type === "mention"
        ? mentionToken({ id: s.userId, name: s.name })
        : s.text.replace(pattern, (whole, name: string) => {
            const id = byName.get(name);
            return id ? mentionToken({ id, name }) : whole;
          }),
    )
    .join("");
}

/**
 * The mention being typed just before the caret ("…napisz do @Ann|"): where its "@" is and what
 * follows it. The "@" must start the text or follow a space or an opening bracket (so e-mail
 * addresses do not trigger it); the query is at most 40 characters and two words' worth of spaces.
 */
export function activeMentionQuery(textBeforeCaret: string): { start: number; query: string } | null {
  const at = textBeforeCaret.lastIndexOf("@");
  if (at < 0) return null;
  const before = at === 0 ? "" : textBeforeCaret[at - 1];
  if (before !== "" && !/[\s([{„"'«]/.test(before)) return null;
  const query = textBeforeCaret.slice(at + 1);
  if (query.length > 40 || /[\r\n@[\]()]/.test(query) || /^\s/.test(query)) return null;
  if ((query.match(/ /g) ?? []).length > 2) return null;
  return { start: at, query };
}

/** People whose name (or any word of it, hyphenated parts included) starts with the query, diacritics ignored. */
export function matchPeople<T extends MentionPerson>(people: T[], query: string, limit = 8): T[] {
  const q = foldText(query);
  if (!q) return people.slice(0, limit);
  const out: T[] = [];
  for (const person of people) {
    const name = foldText(person.name);
    if (name.startsWith(q) || name.split(/[\s-]+/).some((word) => word.startsWith(q))) out.push(person);
    if (out.length >= limit) break;
  }
  return out;
}
