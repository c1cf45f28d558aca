// `npm run demo`: fills an EMPTY database with the demo partnership (see demo-accounts.ts for
// who is who). It never touches a database that already has users: a demo must not mix with
// real accounts. Each step returns what it created so later steps (workspaces, teams, tasks,
// meetings, ideas — added by later issues) can build on it.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Institution, User } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { seedWorkspaces, type DemoWorkspaces } from "./demo-workspaces";
import { seedDocuments } from "./demo-documents";
import { seedTeams } from "./demo-teams";
import { seedIdeas } from "./demo-ideas";
import { seedMeetings } from "./demo-meetings";
import { seedStrategyDraft } from "./demo-strategy";
import {
  DEMO_ACCOUNTS,
  DEMO_INSTITUTIONS,
  DEMO_PASSWORD,
  type DemoAccount,
  type DemoInstitutionShort,
} from "./demo-accounts";

type Client = Tx | typeof db;

/** Audit action of every row the demo writes: easy to tell demo data from real activity. */
export const DEMO_AUDIT_ACTION = "demo.seed";

export type DemoInstitutions = Record<DemoInstitutionShort, Institution>;

export type DemoPeople = {
  admin: User;
  coordinators: Record<DemoInstitutionShort, User>;
  members: Record<DemoInstitutionShort, User[]>;
  byEmail: Record<string, User>;
};

/** What the demo created so far; later steps read it and add their own keys. */
export type DemoContext = { institutions: DemoInstitutions; people: DemoPeople; workspaces?: DemoWorkspaces };

/** The four signatories. Idempotent: an institution with the same short name is reused. */
export async function seedInstitutions(client: Client = db): Promise<DemoInstitutions> {
  const out = {} as DemoInstitutions;
  for (const { domain: _domain, ...data } of DEMO_INSTITUTIONS) {
    const existing = await client.institution.findUnique({ where: { shortName: data.shortName } });
    if (existing) {
      out[data.shortName] = existing;
      continue;
    }
    const created = await client.institution.create({ data });
    await recordAudit(
      {
        actor: null,
        action: DEMO_AUDIT_ACTION,
        entityType: "Institution",
        entityId: created.id,
        summary: `${created.shortName} — ${created.name}`,
      },
      client,
    );
    out[data.shortName] = created;
  }
  return out;
}

/**
 * The administrator, a coordinator and members for each institution, all with one password
 * hash (argon2 is slow on purpose; hashing fifteen times would only slow the demo down).
 * Idempotent: an account with the same email is reused as it is.
 */
export async function seedPeople(institutions: DemoInstitutions, passwordHash: string, client: Client = db): Promise<DemoPeople> {
  const byEmail: Record<string, User> = {};
  for (const account of DEMO_ACCOUNTS) byEmail[account.email] = await upsertAccount(account, institutions, passwordHash, client);

  const coordinators = {} as DemoPeople["coordinators"];
  const members = {} as DemoPeople["members"];
  for (const { shortName } of DEMO_INSTITUTIONS) {
    const of = DEMO_ACCOUNTS.filter((a) => a.institution === shortName);
    coordinators[shortName] = byEmail[of.find((a) => a.role === "COORDINATOR")!.email];
    members[shortName] = of.filter((a) => a.role === "MEMBER").map((a) => byEmail[a.email]);
  }
  const admin = byEmail[DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!.email];
  return { admin, coordinators, members, byEmail };
}

async function upsertAccount(account: DemoAccount, institutions: DemoInstitutions, passwordHash: string, client: Client): Promise<User> {
  const existing = await client.user.findUnique({ where: { email: account.email } });
  if (existing) return existing;
  const institution = account.institution ? institutions[account.institution] : null;
  const user = await client.user.create({
    data: {
      email: account.email,
      name: account.name,
      passwordHash,
      isAdmin: account.role === "ADMIN",
      institutionId: institution?.id ?? null,
      institutionRole: account.role === "COORDINATOR" ? "COORDINATOR" : "MEMBER",
      locale: "pl",
    },
  });
  await recordAudit(
    {
      actor: null,
      action: DEMO_AUDIT_ACTION,
      entityType: "User",
      entityId: user.id,
      summary: `${user.email} (${account.role}${institution ? `, ${institution.shortName}` : ""})`,
    },
    client,
  );
  return user;
}

export type DemoResult = { status: "created"; context: DemoContext } | { status: "skipped"; users: number };

/** Runs every demo step in one transaction, or does nothing if any user already exists. */
export async function seedDemo(): Promise<DemoResult> {
  const users = await db.user.count();
  if (users > 0) return { status: "skipped", users };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const context = await db.$transaction(
    async (tx) => {
      // Checked again inside the transaction: someone may have finished /konfiguracja meanwhile.
      if ((await tx.user.count()) > 0) return null;
      const institutions = await seedInstitutions(tx);
      const people = await seedPeople(institutions, passwordHash, tx);
      const ctx: DemoContext = { institutions, people };
      ctx.workspaces = await seedWorkspaces(institutions, people, tx);
      await seedDocuments(ctx.workspaces, people, tx);
      await seedTeams(ctx, tx);
      await seedIdeas(ctx, tx);
      await seedMeetings(ctx, tx);
      await seedStrategyDraft(ctx, tx);
      // Later issues add their steps here, each taking what it needs and `tx`, returning what it made.
      return ctx;
    },
    { timeout: 60_000 },
  );
  if (!context) return { status: "skipped", users: await db.user.count() };
  return { status: "created", context };
}

/** Plain fixed-width table: readable in any terminal and easy to paste into a chat. */
export function formatLoginTable(accounts: readonly DemoAccount[] = DEMO_ACCOUNTS): string {
  const header = ["Email", "Name", "Institution", "Role"];
  const rows = accounts.map((a) => [a.email, a.name, a.institution ?? "—", a.role]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

async function main() {
  const where = process.env.DATABASE_URL || "file:./data/razem.db";
  const result = await seedDemo();
  if (result.status === "skipped") {
    console.log(
      [
        `ℹ The database (${where}) already has ${result.users} user(s): demo data was NOT added.`,
        "  The demo only fills an empty database, so it never mixes with real accounts.",
        "  For a fresh demo, stop the app and run with an unused file, e.g.",
        "  DATABASE_URL=file:./data/demo.db npm run demo && DATABASE_URL=file:./data/demo.db npm start",
      ].join("\n"),
    );
    return;
  }
  const { institutions, people } = result.context;
  console.log(`✔ demo data added to ${where}`);
  console.log(
    `  ${Object.keys(institutions).length} institutions, ${Object.keys(people.byEmail).length} people, ` +
      `${Object.keys(result.context.workspaces ?? {}).length} workspaces\n`,
  );
  console.log(formatLoginTable());
  console.log(`\nPassword for every account: ${DEMO_PASSWORD}`);
}

const invokedDirectly = !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main()
    .then(() => db.$disconnect())
    .catch(async (error) => {
      console.error(error);
      await db.$disconnect().catch(() => undefined);
      process.exit(1);
    });
}
