import { renderToStaticMarkup } from "react-dom/server";
import { MantineProvider } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/utils/i18n";
import { doc, p } from "../export/fixtures";
import { diffDrafts } from "./diff";
import { DraftDiffContent, diffSummary } from "./DraftDiffView";

const t = createTranslator("pl");
const render = (before: ReturnType<typeof doc>, after: ReturnType<typeof doc>, onlyChanges = false) =>
  renderToStaticMarkup(
    <MantineProvider>
      <DraftDiffContent diff={diffDrafts(before, after)} t={t} locale="pl" onlyChanges={onlyChanges} />
    </MantineProvider>,
  );

describe("DraftDiffView", () => {
  it("announces insertions and deletions with hidden prefixes, not colour alone", () => {
    const html = render(doc(p("Region przechodzi transformację."), p("Stary akapit.")), doc(p("Region szybko przechodzi transformację.")));
    expect(html).toMatch(/<ins[^>]*><span[^>]*>Dodano: <\/span>szybko <\/ins>/);
    expect(html).toMatch(/<del[^>]*><span[^>]*>Usunięto: <\/span>Stary akapit.<\/del>/);
    expect(html).toContain("1 wstawienie, 1 usunięcie");
    expect(html).toContain("Legenda");
    expect(html).toContain("tekst dodany (podkreślony, zielone tło)");
  });

  it("says when there is nothing to show and hides unchanged paragraphs on request", () => {
    expect(render(doc(p("A")), doc(p("A")))).toContain("Wersje są identyczne");
    const html = render(doc(p("A"), p("B"), p("C")), doc(p("A"), p("B"), p("C"), p("D")), true);
    expect(html).toContain("Pominięto niezmienione akapity: 3");
    expect(html).not.toContain(">A<");
  });

  it("uses Polish plural forms in the summary", () => {
    expect(diffSummary(t, "pl", { insertions: 2, deletions: 5 })).toBe("2 wstawienia, 5 usunięć");
    expect(diffSummary(t, "pl", { insertions: 22, deletions: 12 })).toBe("22 wstawienia, 12 usunięć");
    expect(diffSummary(createTranslator("en"), "en", { insertions: 1, deletions: 3 })).toBe("1 insertion, 3 deletions");
  });
});
