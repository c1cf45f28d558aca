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
