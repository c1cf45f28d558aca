import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, it } from "vitest";
import { draftToDocx } from "./docx.server";
import { draftToMarkdown } from "./markdown";
import { draftToPdf } from "./pdf.server";
import { EMPTY_DOC } from "./prosemirror";

it("exports an empty draft (and a blank title) in every format", async () => {
  const meta = { workspaceName: "Przestrzeń", exportedAt: new Date("2026-01-05T08:00:00Z"), status: "APPROVED" as const };
  expect(draftToMarkdown("Pusty", EMPTY_DOC)).toBe("# Pusty\n");
  const { value } = await mammoth.extractRawText({ buffer: await draftToDocx("  ", EMPTY_DOC, meta) });
  expect(value).toContain("Projekt strategii bez tytułu");
  expect(value).toContain("Status: Zatwierdzony");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await draftToPdf("Pusty", { type: "doc" }, meta))), { mergePages: true });
  expect(text).toContain("Strona 1 z 1");
  expect(text).toContain("Wyeksportowano 05.01.2026, 09:00"); // Warsaw winter time
});
