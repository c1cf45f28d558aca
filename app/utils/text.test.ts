import { describe, expect, it } from "vitest";
import { foldText } from "./text";

describe("foldText", () => {
  it("folds Polish letters and case", () => {
    expect(foldText("Żółw")).toBe("zolw");
    expect(foldText("  Łódź — Szkic STRATEGII ")).toBe("lodz — szkic strategii");
    expect(foldText("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ")).toBe("acelnoszz acelnoszz");
  });
});
