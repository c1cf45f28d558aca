import { describe, expect, it } from "vitest";
import { sanitizeDocumentHtml as clean } from "./sanitize-html.server";

describe("sanitizeDocumentHtml", () => {
  it("removes scripts and styles with their contents", () => {
    const out = clean('<p>Przed</p><script>alert("x")</script><style>p{color:red}</style><p>Po</p>');
    expect(out).toBe("<p>Przed</p><p>Po</p>");
  });

  it("removes event handlers, styles, classes and ids", () => {
    const out = clean('<p onclick="alert(1)" style="color:red" class="x" id="y">Tekst</p><img src="x" onerror="alert(1)"><h2 onmouseover="x()">Nagłówek</h2>');
    expect(out).toBe("<p>Tekst</p><h2>Nagłówek</h2>");
    expect(out).not.toMatch(/onerror|onclick|style|img|class|id=/);
  });

  it("keeps http(s) links with rel=noopener noreferrer and drops every other kind", () => {
    expect(clean('<p><a href="https://fst.gov.pl/x?a=1&amp;b=2" target="_blank" onclick="x()">FST</a></p>')).toBe(
      '<p><a href="https://fst.gov.pl/x?a=1&amp;b=2" rel="noopener noreferrer">FST</a></p>',
    );
    expect(clean('<p><a href="javascript:alert(1)">klik</a></p>')).toBe("<p>klik</p>");
    expect(clean('<p><a href="JaVaScRiPt:alert(1)">klik</a></p>')).toBe("<p>klik</p>");
    expect(clean('<p><a href="jav&#x09;ascript:alert(1)">klik</a></p>')).toBe("<p>klik</p>");
    expect(clean('<p><a href=" javascript:alert(1)">klik</a></p>')).toBe("<p>klik</p>");
    expect(clean('<p><a href="data:text/html,<script>alert(1)</script>">klik</a></p>')).toBe("<p>klik</p>");
    expect(clean('<p><a href="//evil.example/">klik</a></p>')).toBe("<p>klik</p>");
    expect(clean('<p><a href="#footnote-1">[1]</a></p>')).toBe("<p>[1]</p>");
    expect(clean('<p><a id="bookmark"></a>Tekst</p>')).toBe("<p>Tekst</p>");
  });

  it("keeps tables, lists, headings and emphasis", () => {
    const table =
      '<table><thead><tr><th colspan="2">Gmina</th></tr></thead><tbody><tr><td rowspan="3" style="x">Kleszczów</td><td colspan="javascript">1</td></tr></tbody></table>';
    expect(clean(table)).toBe('<table><thead><tr><th colspan="2">Gmina</th></tr></thead><tbody><tr><td rowspan="3">Kleszczów</td><td>1</td></tr></tbody></table>');
    const rich = "<h1>Tytuł</h1><p><strong>Mocno</strong>, <em>kursywa</em>, <u>podkreślenie</u><br />dalej</p><ul><li>a</li></ul><ol><li>b</li></ol>";
    expect(clean(rich)).toBe("<h1>Tytuł</h1><p><strong>Mocno</strong>, <em>kursywa</em>, <u>podkreślenie</u><br />dalej</p><ul><li>a</li></ul><ol><li>b</li></ol>");
  });

  it("keeps the text of other tags, drops frames, forms and SVG, escapes what is left", () => {
    expect(clean("<p><span>tekst</span> <sup>1</sup> <s>skreślone</s></p>")).toBe("<p>tekst 1 skreślone</p>");
    expect(clean('<iframe src="https://x"></iframe><form action="/x"><input name="a"></form><svg><script>alert(1)</script></svg><p>ok</p>')).toBe("<p>ok</p>");
    expect(clean("<p>a &lt;script&gt; b</p>")).toBe("<p>a &lt;script&gt; b</p>");
    expect(clean("<p>1 < 2 & 3 > 2</p>")).toBe("<p>1 &lt; 2 &amp; 3 &gt; 2</p>");
  });
});
