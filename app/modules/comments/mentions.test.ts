import { describe, expect, it } from "vitest";
import {
  activeMentionQuery,
  cleanMentionName,
  matchPeople,
  mentionedUserIds,
  mentionsToPlainText,
  mentionToken,
  parseMentions,
  rewriteMentions,
  toEditableText,
  toStoredBody,
} from "./mentions";

const lukasz = { id: "u_lukasz1", name: "Łukasz Żak" };
const malgorzata = { id: "u_malgo2", name: "Małgorzata Kowalczyk-Wójcik" };
const anna = { id: "u_anna3", name: "Anna" };
const annaNowak = { id: "u_anna4", name: "Anna Nowak" };

describe("mention tokens", () => {
  it("parses tokens with Polish names between text, in order", () => {
    const body = `Cześć @[Łukasz Żak](u_lukasz1), zerknij z @[Małgorzata Kowalczyk-Wójcik](u_malgo2) na rozdział 3.`;
    expect(parseMentions(body)).toEqual([
      { type: "text", text: "Cześć " },
      { type: "mention", userId: "u_lukasz1", name: "Łukasz Żak" },
      { type: "text", text: ", zerknij z " },
      { type: "mention", userId: "u_malgo2", name: "Małgorzata Kowalczyk-Wójcik" },
      { type: "text", text: " na rozdział 3." },
    ]);
    expect(mentionsToPlainText(body)).toBe("Cześć @Łukasz Żak, zerknij z @Małgorzata Kowalczyk-Wójcik na rozdział 3.");
    expect(mentionedUserIds(body)).toEqual(["u_lukasz1", "u_malgo2"]);
  });

  it("treats stray @ and broken tokens as text", () => {
    for (const body of [
      "pisz na jan@example.pl",
      "sam @ w środku",
      "@",
      "@[niedomknięte(u1)",
      "@[Jan](spacja w id)",
      "@[](u1)",
      "@[Jan\nKowalski](u1)",
      "@Jan Kowalski",
    ]) {
      expect(parseMentions(body), body).toEqual([{ type: "text", text: body }]);
      expect(mentionedUserIds(body), body).toEqual([]);
    }
    expect(parseMentions("")).toEqual([]);
  });

  it("keeps markup as plain text (rendering never interprets it)", () => {
    const body = `<script>alert(1)</script> @[<b>Ala</b>](u_x)`;
    expect(parseMentions(body)).toEqual([
      { type: "text", text: "<script>alert(1)</script> " },
      { type: "mention", userId: "u_x", name: "<b>Ala</b>" },
    ]);
  });

  it("counts each person once, even when mentioned twice", () => {
    expect(mentionedUserIds(`${mentionToken(lukasz)} i znowu ${mentionToken(lukasz)}`)).toEqual(["u_lukasz1"]);
  });

  it("builds tokens that survive brackets and line breaks in names", () => {
    expect(cleanMentionName(" Jan [Janek]\nKowalski ")).toBe("Jan Janek Kowalski");
    const token = mentionToken({ id: "u1", name: "Jan ]Kowalski" });
    expect(parseMentions(token)).toEqual([{ type: "mention", userId: "u1", name: "Jan Kowalski" }]);
  });

  it("rewrites tokens to current names and drops unknown people to plain text", () => {
    const body = `@[Prezes](u_lukasz1) i @[Obcy](u_outsider)`;
    const rewritten = rewriteMentions(body, (id) => (id === lukasz.id ? lukasz : null));
    expect(rewritten).toBe("@[Łukasz Żak](u_lukasz1) i @Obcy");
    expect(mentionedUserIds(rewritten)).toEqual(["u_lukasz1"]);
  });
});

describe("editing round trip", () => {
  it("shows tokens as @Name and turns them back into the same tokens", () => {
    const body = `Uwagi: @[Łukasz Żak](u_lukasz1)\n@[Małgorzata Kowalczyk-Wójcik](u_malgo2)!`;
    const { text, mentions } = toEditableText(body);
    expect(text).toBe("Uwagi: @Łukasz Żak\n@Małgorzata Kowalczyk-Wójcik!");
    expect(mentions).toEqual([
      { id: "u_lukasz1", name: "Łukasz Żak" },
      { id: "u_malgo2", name: "Małgorzata Kowalczyk-Wójcik" },
    ]);
    expect(toStoredBody(text, mentions)).toBe(body);
  });

  it("prefers the longest name and needs a word boundary after it", () => {
    const text = "@Anna Nowak i @Anna oraz @Annabella";
    expect(toStoredBody(text, [anna, annaNowak])).toBe("@[Anna Nowak](u_anna4) i @[Anna](u_anna3) oraz @Annabella");
  });

  it("recognises typed names of known people, but not ambiguous ones unless picked", () => {
    const twin = { id: "u_twin", name: "Łukasz Żak" };
    expect(toStoredBody("hej @Łukasz Żak", [], [lukasz])).toBe("hej @[Łukasz Żak](u_lukasz1)");
    expect(toStoredBody("hej @Łukasz Żak", [], [lukasz, twin])).toBe("hej @Łukasz Żak");
    expect(toStoredBody("hej @Łukasz Żak", [twin], [lukasz, twin])).toBe("hej @[Łukasz Żak](u_twin)");
  });

  it("leaves e-mail addresses and existing tokens alone", () => {
    const text = `napisz na anna@example.pl, ${mentionToken(lukasz)}`;
    expect(toStoredBody(text, [anna, lukasz])).toBe(text);
  });
});

describe("typing a mention", () => {
  it("finds the query after an @ at the start or after a space", () => {
    expect(activeMentionQuery("@")).toEqual({ start: 0, query: "" });
    expect(activeMentionQuery("Proszę @Łuk")).toEqual({ start: 7, query: "Łuk" });
    expect(activeMentionQuery("(@ann")).toEqual({ start: 1, query: "ann" });
    expect(activeMentionQuery("do @Anna No")).toEqual({ start: 3, query: "Anna No" });
  });

  it("ignores e-mail addresses, finished lines and long runs", () => {
    expect(activeMentionQuery("jan@exa")).toBeNull();
    expect(activeMentionQuery("@Anna\nNowak")).toBeNull();
    expect(activeMentionQuery("@ Anna")).toBeNull();
    expect(activeMentionQuery("@to jest już całe zdanie")).toBeNull();
    expect(activeMentionQuery("bez małpy")).toBeNull();
  });

  it("matches people by any word, ignoring case and diacritics", () => {
    const people = [lukasz, malgorzata, anna, annaNowak];
    expect(matchPeople(people, "zak")).toEqual([lukasz]);
    expect(matchPeople(people, "LUKASZ Z")).toEqual([lukasz]);
    expect(matchPeople(people, "wojcik")).toEqual([malgorzata]);
    expect(matchPeople(people, "kowalczyk")).toEqual([malgorzata]);
    expect(matchPeople(people, "ann")).toEqual([anna, annaNowak]);
    expect(matchPeople(people, "", 2)).toEqual([lukasz, malgorzata]);
  });
});
