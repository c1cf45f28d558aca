// Builders for test data, written through Prisma into the per-file database.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession } from "~/modules/auth/session.server";
import type { InstitutionRole } from "~/generated/prisma/enums";

export const TEST_PASSWORD = "poprawne-haslo-123";
let passwordHash: Promise<string> | undefined;
const uid = () => crypto.randomBytes(4).toString("hex");

export async function buildInstitution(overrides: Partial<{ name: string; shortName: string; description: string }> = {}) {
  const short = overrides.shortName ?? `INST${uid().toUpperCase()}`;
  return db.institution.create({
    data: { name: overrides.name ?? `Instytucja ${short}`, shortName: short, description: overrides.description ?? "" },
  });
}

export async function buildUser(
  overrides: Partial<{
    email: string;
    name: string;
    isAdmin: boolean;
    institutionId: string | null;
    institutionRole: InstitutionRole;
    deactivatedAt: Date | null;
    locale: "pl" | "en";
  }> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? `osoba-${uid()}@razem.test`,
      name: overrides.name ?? "Anna Testowa",
      passwordHash: await passwordHash,
      isAdmin: overrides.isAdmin ?? false,
      institutionId: overrides.institutionId ?? null,
      institutionRole: overrides.institutionRole ?? "MEMBER",
      deactivatedAt: overrides.deactivatedAt ?? null,
      locale: overrides.locale ?? "pl",
    },
  });
}

/** A Cookie header for a real session of this user. */
export async function loginAs(userId: string): Promise<string> {
  const setCookie = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  return setCookie.split(";")[0];
}
