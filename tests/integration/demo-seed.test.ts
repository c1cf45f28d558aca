// `npm run demo` on a freshly migrated database: the partnership, its people, and the promise
// that it never touches a database that already has users.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { DEMO_AUDIT_ACTION, formatLoginTable, seedDemo, seedInstitutions, seedPeople } from "../../prisma/seed/demo";
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_PASSWORD, demoEmail } from "../../prisma/seed/demo-accounts";
import { buildUser } from "../factories";

const SHORTS = ["ARREKS", "BKPPT", "FRGK", "RIG"];

describe("demo accounts list", () => {
  it("derives every member's address from the name, without Polish diacritics", () => {
    expect(demoEmail("Łukasz Żak", "rig.razem.test")).toBe("lukasz.zak@rig.razem.test");
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role === "MEMBER")) {
      const domain = DEMO_INSTITUTIONS.find((i) => i.shortName === account.institution)!.domain;
      expect(account.email).toBe(demoEmail(account.name, domain));
      expect(account.email).toMatch(/^[a-z]+\.[a-z]+@[a-z]+\.razem\.test$/);
    }
  });

  it("matches the login table in the README", () => {
    const roles = { ADMIN: "administrator", COORDINATOR: "coordinator", MEMBER: "member" } as const;
    const readme = fs.readFileSync("README.md", "utf8");
    const rows = readme.split("\n").filter((line) => /^\| \S+@\S*razem\.test \|/.test(line));
    expect(rows).toEqual(DEMO_ACCOUNTS.map((a) => `| ${a.email} | ${a.name} | ${a.institution ?? "—"} | ${roles[a.role]} |`));
    expect(readme).toContain(`**\`${DEMO_PASSWORD}\`**`);
  });

  it("lists each login once in the printed table", () => {
    const table = formatLoginTable();
    for (const account of DEMO_ACCOUNTS) expect(table).toContain(account.email);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(DEMO_ACCOUNTS.length);
  });
});

describe("demo seed", () => {
  it("creates the four institutions with their full names and contact data", async () => {
    const result = await seedDemo();
    expect(result.status).toBe("created");
    const institutions = await db.institution.findMany({ orderBy: { shortName: "asc" } });
    expect(institutions.map((i) => i.shortName)).toEqual(SHORTS);
    const names = Object.fromEntries(institutions.map((i) => [i.shortName, i.name]));
    expect(names).toEqual({
      BKPPT: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny Sp. z o.o.",
      FRGK: "Fundacja Rozwoju Gminy Kleszczów",
      ARREKS: "Agencja Rozwoju Regionalnego ARREKS S.A.",
      RIG: "Regionalna Izba Gospodarcza w Bełchatowie",
    });
    for (const i of institutions) {
      expect(i.description.length).toBeGreaterThan(50);
      expect(i.contactEmail).toMatch(/@[a-z]+\.razem\.test$/);
      expect(i.deletedAt).toBeNull();
    }
  });

  it("makes the administrator an admin outside every institution", async () => {
    await seedDemo();
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@razem.test" } });
    expect(admin.isAdmin).toBe(true);
    expect(admin.institutionId).toBeNull();
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
  });

  it("gives each institution its coordinator and two or three members", async () => {
    await seedDemo();
    for (const short of SHORTS) {
      const institution = await db.institution.findUniqueOrThrow({ where: { shortName: short } });
      const coordinator = await db.user.findUniqueOrThrow({ where: { email: `koordynator@${short.toLowerCase()}.razem.test` } });
      expect(coordinator.institutionId).toBe(institution.id);
      expect(coordinator.institutionRole).toBe("COORDINATOR");
      expect(coordinator.isAdmin).toBe(false);
      expect(await db.user.count({ where: { institutionId: institution.id, institutionRole: "COORDINATOR" } })).toBe(1);
      const members = await db.user.findMany({ where: { institutionId: institution.id, institutionRole: "MEMBER" } });
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(3);
      for (const m of members) expect(m.email.endsWith(`@${short.toLowerCase()}.razem.test`)).toBe(true);
    }
    // The database holds exactly the documented list, nothing more.
    const emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email).sort();
    expect(emails).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });

  it("signs everyone in with the demo password", async () => {
    await seedDemo();
    const users = await db.user.findMany();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    // One hash reused for all accounts: verifying it once per distinct hash is enough.
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(users[0].passwordHash, "zle-haslo-123")).toBe(false);
  });

  it("records a demo.seed audit entry for every institution and person", async () => {
    await seedDemo();
    const entries = await db.auditLog.findMany({ where: { action: DEMO_AUDIT_ACTION } });
    expect(entries.filter((e) => e.entityType === "Institution")).toHaveLength(4);
    expect(entries.filter((e) => e.entityType === "User")).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it("does nothing the second time, nor on a database that already has users", async () => {
    expect((await seedDemo()).status).toBe("created");
    const counts = async () => [await db.institution.count(), await db.user.count(), await db.auditLog.count()];
    const before = await counts();
    expect(await seedDemo()).toEqual({ status: "skipped", users: DEMO_ACCOUNTS.length });
    expect(await counts()).toEqual(before);

    // The steps themselves are idempotent too, for later demo content that reuses them.
    const hash = await hashPassword(DEMO_PASSWORD);
    const institutions = await seedInstitutions();
    await seedPeople(institutions, hash);
    expect(await counts()).toEqual(before);
  });

  it("leaves a real installation alone", async () => {
    await buildUser({ email: "ewa@razem.test", isAdmin: true });
    expect(await seedDemo()).toEqual({ status: "skipped", users: 1 });
    expect(await db.institution.count()).toBe(0);
    expect(await db.user.count()).toBe(1);
  });
});
