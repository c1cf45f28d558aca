// "A list page costs a fixed number of queries": the same page with few and many rows.
import { describe, expect, it } from "vitest";
import * as peopleIndex from "~/routes/_app.administracja.osoby._index";
import * as institutionsIndex from "~/routes/_app.administracja.instytucje._index";
import * as auditRoute from "~/routes/_app.administracja.dziennik";
import * as dashboard from "~/routes/_app.pulpit";
import { recordAudit } from "~/modules/audit/audit.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

async function addRows(n: number) {
  for (let i = 0; i < n; i++) {
    const inst = await buildInstitution();
    await buildUser({ institutionId: inst.id });
    await recordAudit({ actor: null, action: "test.event", entityType: "Test", summary: `#${i}` });
  }
}

describe("list pages", () => {
  it("run the same number of statements for 3 rows and for 30", async () => {
    const admin = await buildUser({ isAdmin: true });
    const cookie = await loginAs(admin.id);
    const pages = [
      ["/administracja/osoby", peopleIndex.loader],
      ["/administracja/instytucje", institutionsIndex.loader],
      ["/administracja/dziennik", auditRoute.loader],
      ["/pulpit", dashboard.loader],
    ] as const;
    const measure = async () => {
      const out: Record<string, number> = {};
      for (const [path, loader] of pages) {
        out[path] = await countStatements(async () => {
          const res = await run(loader, makeRequest(path, { cookie }));
          expect(res.status, path).toBe(200);
        });
      }
      return out;
    };
    await addRows(3);
    const few = await measure();
    await addRows(27);
    const many = await measure();
    expect(many).toEqual(few);
    for (const n of Object.values(few)) expect(n).toBeGreaterThan(0);
  }, 60_000);
});
