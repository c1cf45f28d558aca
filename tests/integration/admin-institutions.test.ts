// Administration of institutions through real requests: create, edit, trash, restore, audit.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as listRoute from "~/routes/_app.administracja.instytucje._index";
import * as newRoute from "~/routes/_app.administracja.instytucje.nowa";
import * as editRoute from "~/routes/_app.administracja.instytucje.$id";
import * as trashRoute from "~/routes/_app.administracja.instytucje.kosz";
import { listInstitutionsWithCounts } from "~/modules/institutions/institutions.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

const validForm = {
  name: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny Sp. z o.o.",
  shortName: "BKPPT",
  description: "Park przemysłowo-technologiczny.",
  contactEmail: "Biuro@BKPPT.example.pl",
  contactPhone: "+48 44 123 45 67",
  address: "ul. Przemysłowa 1, 97-400 Bełchatów",
  website: "https://bkppt.example.pl",
  logoUrl: "",
};

const changesOf = (row: { changes: string | null }) => JSON.parse(row.changes ?? "{}") as Record<string, [unknown, unknown]>;

describe("administration of institutions", () => {
  it("admin creates, edits, deletes and restores an institution, each with an audit entry", async () => {
    const { user: admin, cookie } = await signedIn({ isAdmin: true });

    const created = await run(newRoute.action, makeRequest("/administracja/instytucje/nowa", { cookie, form: validForm }));
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/administracja/instytucje");
    const inst = await db.institution.findUniqueOrThrow({ where: { shortName: "BKPPT" } });
    expect(inst).toMatchObject({ contactEmail: "biuro@bkppt.example.pl", logoUrl: null, deletedAt: null });

    const form = { ...validForm, intent: "save", description: "Nowy opis parku.", logoUrl: "https://bkppt.example.pl/logo.png" };
    const edited = await run(editRoute.action, makeRequest(`/administracja/instytucje/${inst.id}`, { cookie, form }), { id: inst.id });
    expect(edited.status).toBe(302);
    expect(await db.institution.findUniqueOrThrow({ where: { id: inst.id } })).toMatchObject({ description: "Nowy opis parku." });

    const list = await run(listRoute.loader, makeRequest("/administracja/instytucje", { cookie }));
    expect(list.data).toMatchObject({ rows: [{ id: inst.id, canEdit: true, canDelete: true }] });

    const deleted = await run(listRoute.action, makeRequest("/administracja/instytucje?index", { cookie, form: { intent: "delete", id: inst.id } }));
    expect(deleted.status).toBe(302);
    expect((await db.institution.findUniqueOrThrow({ where: { id: inst.id } })).deletedAt).toBeInstanceOf(Date);
    expect((await run(listRoute.loader, makeRequest("/administracja/instytucje", { cookie }))).data).toMatchObject({ rows: [] });
    expect((await run(editRoute.loader, makeRequest(`/administracja/instytucje/${inst.id}`, { cookie }), { id: inst.id })).status).toBe(404);
    expect(await listInstitutionsWithCounts()).toEqual([]);

    const trash = await run(trashRoute.loader, makeRequest("/administracja/instytucje/kosz", { cookie }));
    expect(trash.data).toMatchObject({ rows: [{ id: inst.id, shortName: "BKPPT", canRestore: true }] });
    const restored = await run(trashRoute.action, makeRequest("/administracja/instytucje/kosz", { cookie, form: { intent: "restore", id: inst.id } }));
    expect(restored.status).toBe(302);
    expect((await db.institution.findUniqueOrThrow({ where: { id: inst.id } })).deletedAt).toBeNull();

    const audit = await db.auditLog.findMany({ where: { entityType: "Institution", entityId: inst.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["institution.create", "institution.update", "institution.delete", "institution.restore"]);
    for (const row of audit) expect(row).toMatchObject({ actorId: admin.id, ip: "127.0.0.1" });
    expect(changesOf(audit[0])).toMatchObject({ shortName: [null, "BKPPT"], name: [null, validForm.name] });
    expect(changesOf(audit[1])).toEqual({
      description: ["Park przemysłowo-technologiczny.", "Nowy opis parku."],
      logoUrl: [null, "https://bkppt.example.pl/logo.png"],
    });
    expect(changesOf(audit[2]).deletedAt[0]).toBeNull();
    expect(changesOf(audit[3]).deletedAt[1]).toBeNull();
  });

  it("an unchanged save writes no audit entry", async () => {
    const { cookie } = await signedIn({ isAdmin: true });
    await run(newRoute.action, makeRequest("/administracja/instytucje/nowa", { cookie, form: validForm }));
    const inst = await db.institution.findUniqueOrThrow({ where: { shortName: "BKPPT" } });
    const again = await run(editRoute.action, makeRequest(`/x`, { cookie, form: { ...validForm, intent: "save" } }), { id: inst.id });
    expect(again.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "institution.update" } })).toBe(0);
  });

  it("a taken short name is a 400 with the field's error key, on create and on edit (trash included)", async () => {
    const { cookie } = await signedIn({ isAdmin: true });
    await buildInstitution({ shortName: "RIG" });
    const other = await buildInstitution({ shortName: "FRGK" });
    await db.institution.create({ data: { name: "Usunięta", shortName: "OLD", deletedAt: new Date() } });

    const dup = await run(newRoute.action, makeRequest("/administracja/instytucje/nowa", { cookie, form: { ...validForm, shortName: "RIG" } }));
    expect(dup.status).toBe(400);
    expect(dup.data).toMatchObject({ errors: { shortName: "admin.institution.shortNameTaken" } });

    const dupTrash = await run(newRoute.action, makeRequest("/administracja/instytucje/nowa", { cookie, form: { ...validForm, shortName: "OLD" } }));
    expect(dupTrash.status).toBe(400);
    expect(dupTrash.data).toMatchObject({ errors: { shortName: "admin.institution.shortNameTaken" } });

    const rename = await run(editRoute.action, makeRequest("/x", { cookie, form: { ...validForm, shortName: "RIG", intent: "save" } }), { id: other.id });
    expect(rename.status).toBe(400);
    expect(rename.data).toMatchObject({ errors: { shortName: "admin.institution.shortNameTaken" } });
    expect(await db.institution.count({ where: { shortName: "RIG" } })).toBe(1);
  });

  it("bad input gives 400 with translation keys, never 500", async () => {
    const { cookie } = await signedIn({ isAdmin: true });
    const bad = await run(
      newRoute.action,
      makeRequest("/administracja/instytucje/nowa", {
        cookie,
        form: { name: "", shortName: "<b>!", contactEmail: "nie-email", contactPhone: "abc", website: "javascript:alert(1)", logoUrl: "ftp://x.pl/a.png", description: "x".repeat(2001) },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      errors: {
        name: expect.stringMatching(/^validation\.tooShort/),
        shortName: "admin.institution.shortNameFormat",
        contactEmail: "validation.email",
        contactPhone: "admin.institution.phoneFormat",
        website: "validation.url",
        logoUrl: "validation.url",
        description: expect.stringMatching(/^validation\.tooLong/),
      },
    });
    const empty = await run(newRoute.action, makeRequest("/administracja/instytucje/nowa", { cookie, form: {} }));
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { name: "validation.required", shortName: "validation.required" } });
    const unknownIntent = await run(listRoute.action, makeRequest("/administracja/instytucje?index", { cookie, form: { intent: "explode" } }));
    expect(unknownIntent.status).toBe(400);
    const missing = await run(trashRoute.action, makeRequest("/x", { cookie, form: { intent: "restore", id: "nope" } }));
    expect(missing.status).toBe(404);
    expect(await db.institution.count()).toBe(0);
  });

  it("a coordinator edits only their own institution's profile and cannot create, delete or restore", async () => {
    const a = await buildInstitution({ shortName: "ARREKS" });
    const b = await buildInstitution({ shortName: "RIG" });
    const { user: coordinator, cookie } = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });

    expect((await run(editRoute.loader, makeRequest("/x", { cookie }), { id: a.id })).status).toBe(200);
    const form = { ...validForm, name: a.name, shortName: "ARREKS", intent: "save" };
    const saved = await run(editRoute.action, makeRequest("/x", { cookie, form }), { id: a.id });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/administracja");

    expect((await run(editRoute.loader, makeRequest("/x", { cookie }), { id: b.id })).status).toBe(403);
    expect((await run(editRoute.action, makeRequest("/x", { cookie, form: { ...form, shortName: "RIG" } }), { id: b.id })).status).toBe(403);
    expect((await run(editRoute.action, makeRequest("/x", { cookie, form: { intent: "delete" } }), { id: a.id })).status).toBe(403);
    expect((await run(newRoute.loader, makeRequest("/x", { cookie }))).status).toBe(403);
    expect((await run(newRoute.action, makeRequest("/x", { cookie, form: { ...validForm, shortName: "NEW" } }))).status).toBe(403);
    expect((await run(trashRoute.loader, makeRequest("/x", { cookie }))).status).toBe(403);

    const list = await run(listRoute.loader, makeRequest("/administracja/instytucje", { cookie }));
    expect(list.data).toMatchObject({
      canCreate: false,
      rows: [
        { shortName: "ARREKS", canEdit: true, canDelete: false },
        { shortName: "RIG", canEdit: false, canDelete: false },
      ],
    });
    expect(await db.institution.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ shortName: "RIG", deletedAt: null });
    const denials = await db.auditLog.count({ where: { action: "permission.denied", actorId: coordinator.id } });
    expect(denials).toBeGreaterThanOrEqual(6);
  });

  it("a member cannot open the institutions administration", async () => {
    const a = await buildInstitution();
    const { cookie } = await signedIn({ institutionId: a.id });
    expect((await run(listRoute.loader, makeRequest("/administracja/instytucje", { cookie }))).status).toBe(403);
    expect((await run(editRoute.loader, makeRequest("/x", { cookie }), { id: a.id })).status).toBe(403);
  });

  it("the list searches and paginates 25 per page", async () => {
    const { cookie } = await signedIn({ isAdmin: true });
    for (let i = 0; i < 30; i++) await buildInstitution({ shortName: `P${String(i).padStart(2, "0")}`, name: i % 2 ? `Fundacja ${i}` : `Spółka ${i}` });
    const first = (await run(listRoute.loader, makeRequest("/administracja/instytucje", { cookie }))).data as { rows: unknown[]; page: unknown };
    expect(first.rows).toHaveLength(25);
    expect(first.page).toEqual({ page: 1, pageSize: 25, total: 30, pageCount: 2 });
    const second = (await run(listRoute.loader, makeRequest("/administracja/instytucje?page=2", { cookie }))).data as { rows: { shortName: string }[] };
    expect(second.rows.map((r) => r.shortName)).toEqual(["P25", "P26", "P27", "P28", "P29"]);
    const search = (await run(listRoute.loader, makeRequest("/administracja/instytucje?q=Fundacja", { cookie }))).data as { rows: unknown[]; page: { total: number } };
    expect(search.page.total).toBe(15);
    const odd = await run(listRoute.loader, makeRequest("/administracja/instytucje?page=abc", { cookie }));
    expect(odd.status).toBe(200);
  });
});
