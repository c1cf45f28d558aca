// Sample strategy drafts for the export and diff tests (real-looking Polish content).
import type { PmMark, PmNode } from "./prosemirror";

export const t = (text: string, ...marks: (PmMark["type"] | PmMark)[]): PmNode => ({
  type: "text",
  text,
  ...(marks.length ? { marks: marks.map((m) => (typeof m === "string" ? { type: m } : m)) } : {}),
});
export const p = (...content: (PmNode | string)[]): PmNode => ({ type: "paragraph", content: content.map((c) => (typeof c === "string" ? t(c) : c)) });
export const h = (level: 1 | 2 | 3, text: string): PmNode => ({ type: "heading", attrs: { level }, content: [t(text)] });
export const li = (...content: PmNode[]): PmNode => ({ type: "listItem", content });
export const ul = (...items: PmNode[]): PmNode => ({ type: "bulletList", content: items });
export const ol = (start: number, ...items: PmNode[]): PmNode => ({ type: "orderedList", attrs: { start }, content: items });
const cell = (type: "tableHeader" | "tableCell", text: string): PmNode => ({ type, attrs: { colspan: 1, rowspan: 1 }, content: [p(text)] });
export const table = (head: string[], ...rows: string[][]): PmNode => ({
  type: "table",
  content: [
    { type: "tableRow", content: head.map((c) => cell("tableHeader", c)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((c) => cell("tableCell", c)) })),
  ],
});
export const doc = (...content: PmNode[]): PmNode => ({ type: "doc", content });

export const POLISH = "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż";

export const sampleDraft = doc(
  h(1, "Cele strategiczne — wzmocnienie gospodarki"),
  p("Region ", t("Bełchatów–Kleszczów", "bold"), " przechodzi ", t("sprawiedliwą transformację", "italic"), " po zamknięciu kopalni; ", t("usunięte", "strike"), " i ", t("podkreślone", "underline"), ". Zobacz ", t("stronę FST", { type: "link", attrs: { href: "https://example.org/fst" } }), "."),
  h(2, "Kierunki działań"),
  ul(li(p("Nowe miejsca pracy w ", t("OZE", "bold")), ul(li(p("fotowoltaika")), li(p("magazyny energii")))), li(p("Szkolenia przekwalifikowujące"))),
  ol(3, li(p("Diagnoza")), li(p("Konsultacje społeczne"))),
  { type: "blockquote", content: [p("Transformacja musi być sprawiedliwa dla mieszkańców.")] },
  { type: "horizontalRule" },
  h(3, "Wskaźniki"),
  table(["Wskaźnik", "Wartość bazowa", "Cel 2030"], ["Zatrudnienie w OZE", "1 200", "4 500"], ["Emisja CO₂ (mln t)", "35", "5"]),
  p(POLISH),
  { type: "image", attrs: { src: "/biblioteka/mapa.png", alt: "Mapa regionu", title: null } },
);

const WORDS = "region transformacja energia gospodarka mieszkańcy inwestycje kopalnia elektrownia szkolenia przedsiębiorczość innowacje środowisko".split(" ");

/** A long document: `paragraphs` paragraphs of `words` words each, with a heading every 10 paragraphs. */
export function longDraft(paragraphs: number, words: number): PmNode {
  const content: PmNode[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 10 === 0) content.push(h(2, `Rozdział ${i / 10 + 1}`));
    const text = Array.from({ length: words }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(" ");
    content.push(p(`${i + 1}. ${text}.`));
  }
  return doc(...content);
}
