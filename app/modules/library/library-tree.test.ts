import { describe, expect, it } from "vitest";
import { descendantIds, folderOptions, folderPath } from "./library-tree";

const folders = [
  { id: "a", name: "Analizy", parentId: null },
  { id: "b", name: "Źródła", parentId: "a" },
  { id: "c", name: "2026", parentId: "b" },
  { id: "d", name: "Protokoły", parentId: null },
  { id: "e", name: "ankiety", parentId: "a" },
];

describe("folder tree", () => {
  it("builds the path from the root", () => {
    expect(folderPath(folders, "c").map((f) => f.name)).toEqual(["Analizy", "Źródła", "2026"]);
    expect(folderPath(folders, null)).toEqual([]);
  });
  it("finds every descendant", () => {
    expect([...descendantIds(folders, "a")].sort()).toEqual(["b", "c", "e"]);
    expect(descendantIds(folders, "c").size).toBe(0);
  });
  it("survives a cycle in bad data", () => {
    const cyclic = [
      { id: "x", name: "X", parentId: "y" },
      { id: "y", name: "Y", parentId: "x" },
    ];
    expect(folderPath(cyclic, "x").length).toBe(2);
    expect([...descendantIds(cyclic, "x")]).toEqual(["y"]);
  });
  it("lists move targets as paths, in Polish alphabetical order", () => {
    expect(folderOptions(folders).map((o) => o.label)).toEqual(["Analizy", "Analizy / ankiety", "Analizy / Źródła", "Analizy / Źródła / 2026", "Protokoły"]);
  });
});
