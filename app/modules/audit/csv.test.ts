import { describe, expect, it } from "vitest";
import { en, pl } from "~/locales";
import { createTranslator } from "~/utils/i18n";
import { actionLabel, formatChanges, parseChanges, requiredLabelKeys, summaryText } from "./audit-format";
import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it("leaves plain values alone, Polish letters included", () => {
    expect(csvCell("Zażółć gęślą jaźń")).toBe("Zażółć gęślą jaźń");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes separators, quotes, line breaks, commas and edge spaces; doubles inner quotes", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('powiedział "tak"')).toBe('"powiedział ""tak"""');
    expect(csvCell("linia 1\nlinia 2")).toBe('"linia 1\nlinia 2"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell("1,5")).toBe('"1,5"');
    expect(csvCell(" spacja")).toBe('" spacja"');
    expect(csvCell('x; "y"\nz')).toBe('"x; ""y""\nz"');
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+48 123")).toBe("'+48 123");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("joins a row with semicolons and ends it with CRLF", () => {
    expect(csvRow(["a", "b;c", null, 3])).toBe('a;"b;c";;3\r\n');
  });
});

describe("audit labels and changes", () => {
  const t = createTranslator("pl");

  it("has a label in both languages for every action, group and entity type the UI offers", () => {
    for (const key of requiredLabelKeys()) {
      expect(pl, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });

  it("labels known actions and shows unknown codes raw", () => {
    expect(actionLabel(t, "auth.signin.failed")).toBe("Nieudane logowanie");
    expect(actionLabel(t, "meeting.plan")).toBe("meeting.plan");
    expect(summaryText(t, "permission.denied", "institution.update")).toBe("Zmiana danych instytucji");
    expect(summaryText(t, "permission.denied", "something.else")).toBe("something.else");
  });

  it("renders { field: [before, after] } as 'pole: przed → po'", () => {
    const json = JSON.stringify({
      shortName: ["BKPT", "BKPPT"],
      contactEmail: [null, "biuro@bkppt.pl"],
      institutionRole: ["MEMBER", "COORDINATOR"],
      deletedAt: [null, "2026-07-01T10:15:00.000Z"],
      sessionsEnded: 2,
      unknownField: [true, false],
    });
    expect(formatChanges(t, parseChanges(json))).toEqual([
      "skrót: BKPT → BKPPT",
      "e-mail kontaktowy: — → biuro@bkppt.pl",
      "rola: Członek → Koordynator",
      "w koszu od: — → 2026-07-01 12:15:00",
      "zakończone sesje: 2",
      "unknownField: tak → nie",
    ]);
    expect(parseChanges(null)).toEqual([]);
    expect(formatChanges(t, parseChanges("not json"))).toEqual(["not json"]);
  });
});
