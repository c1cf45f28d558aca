import { describe, expect, it } from "vitest";
import { FILE_TYPES, kindOfMime } from "./file-types";
import { documentFilterWhere, hasFilters, mimeTypesOf, NO_FILTERS, TYPE_FILTERS } from "./library-filters";
import { parseFolderFilters } from "./library.schema";

const parse = (qs: string) => parseFolderFilters(new URLSearchParams(qs));

describe("folder filters", () => {
  it("every accepted file type falls in exactly one type group", () => {
    for (const [ext, type] of Object.entries(FILE_TYPES)) {
      const groups = TYPE_FILTERS.filter((g) => g !== "other" && mimeTypesOf(g).includes(type.mime));
      expect(groups, ext).toEqual([kindOfMime(type.mime)]);
    }
    expect(mimeTypesOf("word").sort()).toEqual([FILE_TYPES.doc.mime, FILE_TYPES.docx.mime, FILE_TYPES.odt.mime].sort());
    expect(mimeTypesOf("image")).toHaveLength(4); // jpg and jpeg share image/jpeg
  });

  it("builds the Prisma condition: a MIME list, 'other' as none of the known ones, author and status", () => {
    expect(documentFilterWhere(NO_FILTERS)).toEqual({});
    expect(documentFilterWhere({ type: "pdf", author: null, status: null })).toEqual({ mimeType: { in: ["application/pdf"] } });
    const other = documentFilterWhere({ type: "other", author: "u1", status: "APPROVED" });
    expect(other).toMatchObject({ createdById: "u1", status: "APPROVED" });
    expect((other.mimeType as { notIn: string[] }).notIn).toContain("application/zip");
    expect((other.mimeType as { notIn: string[] }).notIn).toContain("text/csv");
  });

  it("reads the URL: known values only, anything else is no filter", () => {
    expect(parse("typ=text&autor=ck1abc_-Z&status=IN_REVIEW")).toEqual({ type: "text", author: "ck1abc_-Z", status: "IN_REVIEW" });
    expect(parse("")).toEqual(NO_FILTERS);
    expect(parse("typ=exe&autor=a%20b&status=draft")).toEqual(NO_FILTERS);
    expect(parse("typ=&autor=&status=")).toEqual(NO_FILTERS);
    expect(parse(`autor=${"a".repeat(65)}`)).toEqual(NO_FILTERS);
    expect(parse("typ=image&typ=pdf")).toMatchObject({ type: "image" });
    expect(hasFilters(parse("status=APPROVED"))).toBe(true);
    expect(hasFilters(parse("sort=name&page=2"))).toBe(false);
  });
});
