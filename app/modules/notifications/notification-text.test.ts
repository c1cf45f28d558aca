import { describe, expect, it } from "vitest";
import { createTranslator } from "~/utils/i18n";
import { badgeText, bellLabel, notificationTitle, safeAppPath } from "./notification-text";

describe("notification texts", () => {
  const pl = createTranslator("pl");
  const en = createTranslator("en");

  it("labels the bell with Polish plural forms", () => {
    expect(bellLabel(pl, "pl", 0)).toBe("Powiadomienia, brak nieprzeczytanych");
    expect(bellLabel(pl, "pl", 1)).toBe("Powiadomienia, 1 nieprzeczytane");
    expect(bellLabel(pl, "pl", 3)).toBe("Powiadomienia, 3 nieprzeczytane");
    expect(bellLabel(pl, "pl", 5)).toBe("Powiadomienia, 5 nieprzeczytanych");
    expect(bellLabel(pl, "pl", 22)).toBe("Powiadomienia, 22 nieprzeczytane");
    expect(bellLabel(en, "en", 1)).toBe("Notifications, 1 unread");
    expect(bellLabel(en, "en", 7)).toBe("Notifications, 7 unread");
  });

  it("translates key titles with their data and shows other titles as they are", () => {
    const mention = { title: "notifications.kind.mention", data: { name: "Łukasz Żak", document: "Strategia.pdf" } };
    expect(notificationTitle(pl, mention)).toBe("Łukasz Żak wspomina o Tobie w komentarzu do pliku „Strategia.pdf”");
    expect(notificationTitle(en, mention)).toBe("Łukasz Żak mentioned you in a comment on “Strategia.pdf”");
    expect(notificationTitle(pl, { title: "Gotowy tekst", data: {} })).toBe("Gotowy tekst");
  });

  it("caps the badge and keeps links inside the app", () => {
    expect(badgeText(7)).toBe("7");
    expect(badgeText(120)).toBe("99+");
    expect(safeAppPath("/przestrzenie/a/biblioteka/plik/b#komentarz-c")).toBe("/przestrzenie/a/biblioteka/plik/b#komentarz-c");
    expect(safeAppPath("//evil.example")).toBe("/powiadomienia");
    expect(safeAppPath("https://evil.example")).toBe("/powiadomienia");
    expect(safeAppPath("/\\evil.example")).toBe("/powiadomienia");
  });
});
