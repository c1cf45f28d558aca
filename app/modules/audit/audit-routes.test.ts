// The audit log through real requests: /administracja/dziennik and /administracja/dziennik.csv.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as pageRoute from "~/routes/_app.administracja.dziennik";
import * as csvRoute from "~/routes/_app.administracja.dziennik[.]csv";
import { buildInstitution, buildUser, loginAs } from "../../../tests/factories";
import { makeRequest, run, testContext } from "../../../tests/http";
import { AUDIT_PAGE_SIZE } from "./audit-filters";
import { recordAudit } from "./audit.server";

type PageData = Awaited<ReturnType<typeof pageRoute.loader>>;

let admin: Awaited<ReturnType<typeof buildUser>>;
let coordinator: Awaited<ReturnType<typeof buildUser>>;
let member: Awaited<ReturnType<typeof buildUser>>;
let bkppt: Awaited<ReturnType<typeof buildInstitution>>;
let adminCookie: string;

beforeEach(async () => {
  bkppt = await buildInstitution({ shortName: "BKPPT", name: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny" });
  admin = await buildUser({ name: "Ewa Administratorka", email: "ewa@razem.test", isAdmin: true });
  coordinator = await buildUser({ name: "Jan Koordynator", institutionId: bkppt.id, institutionRole: "COORDINATOR" });
  member = await buildUser({ name: "Zofia Członkini", email: "zofia@bkppt.test", institutionId: bkppt.id });
  adminCookie = await loginAs(admin.id);
});

async function browse(query = "", cookie = adminCookie) {
  const res = await run(pageRoute.loader, makeRequest(`/administracja/dziennik${query}`, { cookie }));
  return { ...res, page: res.data as PageData };
}

/** Calls the CSV loader directly: the body must be read as bytes (Response.text() drops the BOM). */
async function exportCsv(query = "", cookie = adminCookie) {
  const request = makeRequest(`/administracja/dziennik.csv${query}`, { cookie });
  const res = (await csvRoute.loader({ request, params: {}, context: testContext } as LoaderFunctionArgs)) as Response;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { res, bytes, text, lines: text.slice(1).split("\r\n").filter(Boolean) };
}

async function at(iso: string, entry: Parameters<typeof recordAudit>[0]) {
  await recordAudit(entry);
  const row = await db.auditLog.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  await db.auditLog.update({ where: { id: row.id }, data: { createdAt: new Date(iso) } });
  return row.id;
}

describe("browsing the audit log", () => {
  it("shows an admin the entries written with recordAudit, newest first, with names and institutions", async () => {
    await at("2026-05-04T08:00:00Z", { actor: null, action: "auth.signin.failed", entityType: "Session", summary: "ktos@zly.test", ip: "10.0.0.9" });
    await at("2026-05-04T09:00:00Z", {
      actor: member,
      action: "institution.update",
      entityType: "Institution",
      entityId: bkppt.id,
      summary: "BKPPT",
      changes: { contactEmail: [null, "biuro@bkppt.pl"] },
      ip: "10.0.0.1",
    });
    const { status, page } = await browse();
    expect(status).toBe(200);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.action)).toEqual(["institution.update", "auth.signin.failed"]);
    expect(page.rows[0]).toMatchObject({
      actorName: "Zofia Członkini",
      actorLabel: "zofia@bkppt.test",
      institutionShortName: "BKPPT",
      entityType: "Institution",
      entityId: bkppt.id,
      ip: "10.0.0.1",
      createdAt: "2026-05-04T09:00:00.000Z",
    });
    expect(JSON.parse(page.rows[0].changes!)).toEqual({ contactEmail: [null, "biuro@bkppt.pl"] });
    expect(page.rows[1]).toMatchObject({ actorId: null, actorName: null, summary: "ktos@zly.test" });
    // Choices for the filter selects come with the page.
    expect(page.options.actors.map((a) => a.email)).toEqual(expect.arrayContaining(["ewa@razem.test", "zofia@bkppt.test"]));
    expect(page.options.institutions.map((i) => i.shortName)).toEqual(["BKPPT"]);
  });

  it("narrows by person, institution, entity type and action (exact or family)", async () => {
    await recordAudit({ actor: member, action: "auth.signin", entityType: "Session", entityId: member.id });
    await recordAudit({ actor: member, action: "auth.signin.failed", entityType: "Session" });
    await recordAudit({ actor: coordinator, action: "institution.update", entityType: "Institution", entityId: bkppt.id });
    await recordAudit({ actor: admin, action: "institution.create", entityType: "Institution", entityId: bkppt.id });

    const byActor = await browse(`?actor=${member.id}`);
    expect(byActor.page.rows.map((r) => r.actorId)).toEqual([member.id, member.id]);

    const byInstitution = await browse(`?institution=${bkppt.id}`);
    expect(byInstitution.page.total).toBe(3); // the admin has no institution

    const byType = await browse("?type=Institution");
    expect(byType.page.rows.map((r) => r.action).sort()).toEqual(["institution.create", "institution.update"]);

    expect((await browse("?action=auth.signin")).page.rows.map((r) => r.action)).toEqual(["auth.signin"]);
    expect((await browse("?action=auth.")).page.total).toBe(2);

    const combined = await browse(`?type=Institution&actor=${coordinator.id}`);
    expect(combined.page.rows.map((r) => r.action)).toEqual(["institution.update"]);
    expect(combined.page.values).toMatchObject({ type: "Institution", actor: coordinator.id });
  });

  it("filters by whole days in Warsaw time, DST included", async () => {
    // 29 March 2026: clocks go forward, the Warsaw day is 28 Mar 23:00Z – 29 Mar 22:00Z.
    await at("2026-03-28T22:59:59Z", { actor: admin, action: "a.before", entityType: "User" });
    await at("2026-03-28T23:00:00Z", { actor: admin, action: "a.first", entityType: "User" });
    await at("2026-03-29T21:59:59Z", { actor: admin, action: "a.last", entityType: "User" });
    await at("2026-03-29T22:00:00Z", { actor: admin, action: "a.after", entityType: "User" });

    const day = await browse("?from=2026-03-29&to=2026-03-29");
    expect(day.page.rows.map((r) => r.action)).toEqual(["a.last", "a.first"]);
    expect((await browse("?from=2026-03-30")).page.rows.map((r) => r.action)).toEqual(["a.after"]);
    expect((await browse("?to=2026-03-28")).page.rows.map((r) => r.action)).toEqual(["a.before"]);

    const bad = await browse("?from=2026-02-31");
    expect(bad.status).toBe(200);
    expect(bad.page.errors.from).toBe("validation.invalid");
  });

  it("pages by 50 without gaps or repeats", async () => {
    const base = Date.parse("2026-06-01T10:00:00Z");
    await db.auditLog.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        action: "user.profile.update",
        entityType: "User",
        actorId: member.id,
        actorLabel: member.email,
        summary: `#${i}`,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const one = await browse();
    const two = await browse("?page=2");
    const three = await browse("?page=3");
    expect(one.page.pageCount).toBe(3);
    expect([one, two, three].map((p) => p.page.rows.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20]);
    expect(one.page.rows[0].summary).toBe("#119");
    expect(three.page.rows.at(-1)!.summary).toBe("#0");
    const all = [one, two, three].flatMap((p) => p.page.rows.map((r) => r.id));
    expect(new Set(all).size).toBe(120);
    expect((await browse("?page=9")).page.rows).toEqual([]);
  });

  it("is closed to coordinators and members (403), and the denial is logged", async () => {
    for (const user of [coordinator, member]) {
      const res = await browse("", await loginAs(user.id));
      expect(res.status).toBe(403);
    }
    const denials = await db.auditLog.findMany({ where: { action: "permission.denied" }, orderBy: { createdAt: "asc" } });
    expect(denials.map((d) => [d.actorId, d.entityType, d.summary])).toEqual([
      [coordinator.id, "AuditLog", "audit.browse"],
      [member.id, "AuditLog", "audit.browse"],
    ]);
  });

  it("sends signed-out visitors to the sign-in page", async () => {
    const res = await run(pageRoute.loader, makeRequest("/administracja/dziennik?type=User"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/logowanie?redirectTo=${encodeURIComponent("/administracja/dziennik?type=User")}`);
  });
});

describe("CSV export", () => {
  it("is UTF-8 with BOM, semicolon-separated, quoted properly, with Polish letters intact", async () => {
    await at("2026-01-15T10:30:00Z", {
      actor: member,
      action: "institution.update",
      entityType: "Institution",
      entityId: bkppt.id,
      summary: 'Zażółć; "gęślą"\njaźń',
      changes: { name: ["Stara", "Nowa"] },
      ip: "10.1.1.1",
    });
    const { res, bytes, text, lines } = await exportCsv();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="dziennik-zdarzen-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith("\uFEFFCzas (Europe/Warsaw);Czas (UTC);Osoba;E-mail;Instytucja;Kod zdarzenia;Zdarzenie;")).toBe(true);
    expect(text).toContain(
      `2026-01-15 11:30:00;2026-01-15T10:30:00.000Z;Zofia Członkini;zofia@bkppt.test;BKPPT;institution.update;Zmiana danych instytucji;Instytucja;${bkppt.id};"Zażółć; ""gęślą""\njaźń";nazwa: Stara → Nowa;10.1.1.1\r\n`,
    );
    // Header, the export's own entry (written before streaming, so it is the newest), the entry.
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(lines[1]).toContain(";audit.export;Eksport dziennika zdarzeń;");
  });

  it("respects the filters and records who exported what", async () => {
    await recordAudit({ actor: member, action: "auth.signin", entityType: "Session", entityId: member.id });
    await recordAudit({ actor: coordinator, action: "institution.update", entityType: "Institution", entityId: bkppt.id, summary: "BKPPT" });
    await recordAudit({ actor: null, action: "auth.signin.failed", entityType: "Session", summary: "=cmd|' /C calc'!A0" });

    const { lines } = await exportCsv("?type=Institution");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Jan Koordynator");

    const failed = await exportCsv("?action=auth.signin.failed");
    expect(failed.lines).toHaveLength(2);
    expect(failed.lines[1]).toContain("System / anonim");
    expect(failed.lines[1]).toContain(";'=cmd|' /C calc'!A0;");

    const exports = await db.auditLog.findMany({ where: { action: "audit.export" }, orderBy: { createdAt: "asc" } });
    expect(exports).toHaveLength(2);
    expect(exports[0]).toMatchObject({ actorId: admin.id, entityType: "AuditLog", ip: "127.0.0.1" });
    expect(JSON.parse(exports[0].changes!)).toEqual({ type: "Institution" });
  });

  it("streams a log longer than one batch without losing or repeating rows", async () => {
    const base = Date.parse("2026-06-01T10:00:00Z");
    await db.auditLog.createMany({
      data: Array.from({ length: 1234 }, (_, i) => ({
        action: "user.profile.update",
        entityType: "User",
        summary: `#${i}`,
        // Pairs share a timestamp: the cursor must order ties by id.
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    const { lines } = await exportCsv("?type=User");
    expect(lines).toHaveLength(1 + 1234);
    const summaries = new Set(lines.slice(1).map((l) => l.split(";")[9]));
    expect(summaries.size).toBe(1234);
  });

  it("refuses a malformed date instead of exporting everything", async () => {
    const res = await run(csvRoute.loader, makeRequest("/administracja/dziennik.csv?to=2026-99-01", { cookie: adminCookie }));
    expect(res.status).toBe(400);
  });

  it("is closed to coordinators and members (403), and the denial is logged", async () => {
    for (const user of [coordinator, member]) {
      const res = await run(csvRoute.loader, makeRequest("/administracja/dziennik.csv", { cookie: await loginAs(user.id) }));
      expect(res.status).toBe(403);
    }
    const rows = await db.auditLog.findMany({ where: { action: { in: ["permission.denied", "audit.export"] } } });
    expect(rows.map((d) => [d.action, d.actorId, d.summary]).sort()).toEqual(
      [
        ["permission.denied", coordinator.id, "audit.export"],
        ["permission.denied", member.id, "audit.export"],
      ].sort(),
    );
  });
});
