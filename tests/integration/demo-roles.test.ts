// Each demo login, signed in for real with the demo password, sees only what its role allows.
import { describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/logowanie";
import * as adminIndex from "~/routes/_app.administracja._index";
import * as peopleIndex from "~/routes/_app.administracja.osoby._index";
import * as newInstitution from "~/routes/_app.administracja.instytucje.nowa";
import * as auditRoute from "~/routes/_app.administracja.dziennik";
import { seedDemo } from "../../prisma/seed/demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { makeRequest, run } from "../http";

async function signInAs(email: string): Promise<string> {
  const res = await run(loginRoute.action, makeRequest("/logowanie", { form: { email, password: DEMO_PASSWORD } }));
  expect(res.status, email).toBe(302);
  return res.headers.getSetCookie().find((c) => c.startsWith("razem_session="))!.split(";")[0];
}

const expected = {
  ADMIN: { admin: 200, newInstitution: 200, audit: 200, people: 200 },
  COORDINATOR: { admin: 200, newInstitution: 403, audit: 403, people: 200 },
  MEMBER: { admin: 403, newInstitution: 403, audit: 403, people: 403 },
} as const;

describe("demo logins by role", () => {
  it("open exactly the administration pages their role allows, and coordinators see only their own people", async () => {
    await seedDemo();
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signInAs(account.email);
      const statuses = {
        admin: (await run(adminIndex.loader, makeRequest("/administracja", { cookie }))).status,
        newInstitution: (await run(newInstitution.loader, makeRequest("/administracja/instytucje/nowa", { cookie }))).status,
        audit: (await run(auditRoute.loader, makeRequest("/administracja/dziennik", { cookie }))).status,
        people: (await run(peopleIndex.loader, makeRequest("/administracja/osoby", { cookie }))).status,
      };
      expect(statuses, account.email).toEqual(expected[account.role]);
      if (account.role === "COORDINATOR") {
        const page = await run(peopleIndex.loader, makeRequest("/administracja/osoby?status=all", { cookie }));
        const body = JSON.stringify(page.data);
        const own = DEMO_ACCOUNTS.filter((a) => a.institution === account.institution);
        const others = DEMO_ACCOUNTS.filter((a) => a.institution !== account.institution);
        for (const a of own) expect(body, `${account.email} sees ${a.email}`).toContain(a.email);
        for (const a of others) expect(body, `${account.email} must not see ${a.email}`).not.toContain(a.email);
      }
    }
  }, 60_000);
});
