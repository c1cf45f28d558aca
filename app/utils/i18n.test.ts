import { describe, expect, it } from "vitest";
import { en, pl } from "~/locales";
import { createTranslator, localeFromAcceptLanguage, translateMessage } from "./i18n";

describe("translations", () => {
  it("have the same keys in Polish and English, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const [key, value] of Object.entries({ ...pl, ...en })) expect(value.trim(), key).not.toBe("");
  });

  it("keep the same {placeholders} in both languages", () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(pl) as (keyof typeof pl)[]) expect(vars(en[key]), key).toEqual(vars(pl[key]));
  });

  it("interpolates variables and translates validation keys with vars", () => {
    const t = createTranslator("pl");
    expect(t("dashboard.greeting", { name: "Ala" })).toBe("Dzień dobry, Ala!");
    expect(translateMessage(t, 'validation.tooLong|{"max":120}')).toBe("Tekst jest za długi (maksymalnie 120 znaków).");
    expect(translateMessage(createTranslator("en"), "validation.required")).toBe("This field is required.");
    expect(translateMessage(t, "not a key")).toBe("not a key");
  });

  it("picks the language from Accept-Language by quality", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,pl;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,pl;q=0.5,en;q=0.4")).toBe("pl");
    expect(localeFromAcceptLanguage("de,fr")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});
