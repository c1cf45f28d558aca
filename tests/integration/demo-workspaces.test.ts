import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { seedDemo } from "../../prisma/seed/demo";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-accounts";

async function visibleNames(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const rows = await db.workspace.findMany({ where: visibleWorkspacesWhere(user), orderBy: { name: "asc" } });
  return rows.map((w) => w.name);
}

describe("demo workspaces", () => {
  it("show the promotion concept only to BKPPT and RIG people (and the administrator)", async () => {
    await seedDemo();
    for (const account of DEMO_ACCOUNTS) {
      const names = await visibleNames(account.email);
      expect(names, account.email).toContain("Strategia transformacji regionu");
      const seesPromotion = account.role === "ADMIN" || account.institution === "BKPPT" || account.institution === "RIG";
      expect(names.includes("Koncepcja promocji FST"), account.email).toBe(seesPromotion);
    }
    const strategy = await db.workspace.findFirstOrThrow({ where: { name: "Strategia transformacji regionu" }, include: { institutions: true, folders: true } });
    expect(strategy.institutions).toHaveLength(4);
    expect(strategy.folders.map((f) => f.name)).toContain("Projekty strategii");
  });
});

describe("demo documents", () => {
  it("puts real files with versions in the libraries, one approved and one in review", async () => {
    await seedDemo();
    const docs = await db.document.findMany({ include: { versions: { orderBy: { number: "asc" } } } });
    expect(docs.length).toBeGreaterThanOrEqual(4);
    const draft = docs.find((d) => d.name === "Strategia transformacji — projekt.docx")!;
    expect(draft.status).toBe("IN_REVIEW");
    expect(draft.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(draft.currentVersion).toBe(3);
    expect(docs.some((d) => d.status === "APPROVED" && d.mimeType === "application/pdf")).toBe(true);
    const reviews = await db.documentReview.findMany({ include: { reviewers: true } });
    expect(reviews.find((r) => r.documentId === draft.id && r.outcome === null)?.reviewers).toHaveLength(2);
    expect(reviews.some((r) => r.outcome === "APPROVED" && r.decidedById)).toBe(true);
    const { getFileStore } = await import("~/modules/storage/storage.server");
    const pdf = docs.find((d) => d.mimeType === "application/pdf")!;
    const stream = await getFileStore().open(pdf.versions[0].storageKey);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
