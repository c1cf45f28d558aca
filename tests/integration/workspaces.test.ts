// Shared workspaces through real requests: creating, who sees what (404 for outsiders), membership
// of people and whole institutions, roles, the last owner, archiving, and the audit trail.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as listRoute from "~/routes/_app.przestrzenie._index";
import * as newRoute from "~/routes/_app.przestrzenie.nowa";
import * as layoutRoute from "~/routes/_app.przestrzenie.$workspaceId";
import * as overviewRoute from "~/routes/_app.przestrzenie.$workspaceId._index";
import * as settingsRoute from "~/routes/_app.przestrzenie.$workspaceId.ustawienia";
import * as membersRoute from "~/routes/_app.przestrzenie.$workspaceId.czlonkowie";
import * as dashboardRoute from "~/routes/_app.pulpit";
import { listMyWorkspaces, recentDocumentsFor } from "~/modules/workspaces/workspaces.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** Two partner institutions, a coordinator of A who owns a workspace, members of A and B. */
async function partnership() {
  const a = await buildInstitution({ shortName: "BKPPT" });
  const b = await buildInstitution({ shortName: "FRGK" });
  const owner = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const memberA = await signedIn({ institutionId: a.id, name: "Katarzyna Wójcik" });
  const memberB = await signedIn({ institutionId: b.id, name: "Anna Lewandowska" });
  const created = await run(
    newRoute.action,
    makeRequest("/przestrzenie/nowa", {
      cookie: owner.cookie,
      form: { name: "Strategia transformacji regionu", description: "Wspólny projekt strategii.", color: "blue", icon: "chart-line", owningInstitutionId: a.id },
    }),
  );
  expect(created.status).toBe(302);
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: "Strategia transformacji regionu" } });
  return { a, b, owner, memberA, memberB, workspace };
}

const p = (workspaceId: string) => ({ workspaceId });

async function membersAction(cookie: string, workspaceId: string, form: Record<string, string>) {
  return run(membersRoute.action, makeRequest(`/przestrzenie/${workspaceId}/czlonkowie`, { cookie, form }), p(workspaceId));
}

async function addDocument(workspaceId: string, createdById: string, name: string, updatedAt: Date, deleted = false) {
  return db.document.create({
    data: {
      workspaceId,
      name,
      nameKey: name.toLowerCase(),
      mimeType: "application/pdf",
      size: BigInt(1024),
      createdById,
      updatedAt,
      deletedAt: deleted ? new Date() : null,
    },
  });
}

describe("creating a workspace", () => {
  it("a coordinator creates one, becomes its OWNER and lands on the members page; audited", async () => {
    const { a, owner, workspace } = await partnership();
    expect(workspace).toMatchObject({ color: "blue", icon: "chart-line", owningInstitutionId: a.id, createdById: owner.user.id, archivedAt: null });
    expect(await db.workspaceMember.findMany({ where: { workspaceId: workspace.id } })).toMatchObject([{ userId: owner.user.id, role: "OWNER" }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "workspace.create", entityId: workspace.id } });
    expect(audit).toMatchObject({ actorId: owner.user.id, entityType: "Workspace", summary: workspace.name, ip: "127.0.0.1" });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ name: [null, workspace.name], owningInstitutionId: [null, a.id] });
  });

  it("redirects to the new workspace's members page", async () => {
    const a = await buildInstitution();
    const { cookie } = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const res = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie, form: { name: "Konsultacje społeczne", owningInstitutionId: a.id } }));
    const ws = await db.workspace.findFirstOrThrow();
    expect(res.headers.get("Location")).toBe(`/przestrzenie/${ws.id}/czlonkowie`);
    expect(ws).toMatchObject({ color: "teal", icon: "folders", description: "" });
  });

  it("a member may not create (403, audited), neither page nor action", async () => {
    const a = await buildInstitution();
    const { user, cookie } = await signedIn({ institutionId: a.id });
    expect((await run(newRoute.loader, makeRequest("/przestrzenie/nowa", { cookie }))).status).toBe(403);
    const res = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie, form: { name: "Koncepcja promocji FST", owningInstitutionId: a.id } }));
    expect(res.status).toBe(403);
    expect(await db.workspace.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: user.id, summary: "workspace.create" } })).toBe(2);
    const list = await run(listRoute.loader, makeRequest("/przestrzenie", { cookie }));
    expect(list.data).toMatchObject({ canCreate: false, items: [] });
  });

  it("validates: name required, a coordinator only for their own institution", async () => {
    const a = await buildInstitution();
    const b = await buildInstitution();
    const { cookie } = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const empty = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie, form: { name: " ", owningInstitutionId: a.id } }));
    expect(empty).toMatchObject({ status: 400, data: { errors: { name: expect.stringMatching(/^validation\.tooShort/) } } });
    const colour = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie, form: { name: "Tęczowa", color: "rainbow", owningInstitutionId: a.id } }));
    expect(colour).toMatchObject({ status: 400, data: { errors: { color: "validation.invalid" } } });
    const other = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie, form: { name: "Cudza przestrzeń", owningInstitutionId: b.id } }));
    expect(other).toMatchObject({ status: 400, data: { errors: { owningInstitutionId: "workspaces.form.owningInstitutionOwn" } } });
    expect(await db.workspace.count()).toBe(0);
  });

  it("an administrator creates for any institution", async () => {
    const b = await buildInstitution();
    const { user, cookie } = await signedIn({ isAdmin: true });
    const res = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie, form: { name: "Koncepcja promocji FST", owningInstitutionId: b.id } }));
    expect(res.status).toBe(302);
    expect(await db.workspace.findFirstOrThrow()).toMatchObject({ owningInstitutionId: b.id, createdById: user.id });
  });
});

describe("visibility", () => {
  it("someone who is not a member gets 404 everywhere and never sees the workspace in lists or counts", async () => {
    const { memberB, owner, workspace } = await partnership();
    await addDocument(workspace.id, owner.user.id, "Projekt strategii.pdf", new Date());
    const { cookie } = memberB;
    const id = workspace.id;
    for (const [fn, path] of [
      [layoutRoute.loader, `/przestrzenie/${id}`],
      [overviewRoute.loader, `/przestrzenie/${id}`],
      [settingsRoute.loader, `/przestrzenie/${id}/ustawienia`],
      [membersRoute.loader, `/przestrzenie/${id}/czlonkowie`],
    ] as const) {
      expect((await run(fn, makeRequest(path, { cookie }), p(id))).status, path).toBe(404);
    }
    expect((await membersAction(cookie, id, { intent: "addMember", userId: memberB.user.id, role: "OWNER" })).status).toBe(404);
    const settingsPost = await run(settingsRoute.action, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie, form: { intent: "archive" } }), p(id));
    expect(settingsPost.status).toBe(404);
    // Same answer as for an id that does not exist.
    expect((await run(overviewRoute.loader, makeRequest("/przestrzenie/nie-ma", { cookie }), p("nie-ma"))).status).toBe(404);

    expect((await run(listRoute.loader, makeRequest("/przestrzenie", { cookie }))).data).toMatchObject({ items: [], page: { total: 0 } });
    expect((await run(listRoute.loader, makeRequest("/przestrzenie?status=archived", { cookie }))).data).toMatchObject({ items: [], page: { total: 0 } });
    const dashboard = await run(dashboardRoute.loader, makeRequest("/pulpit", { cookie }));
    expect(dashboard.data).toMatchObject({ workspaces: { items: [], total: 0 }, documents: [] });
    // Nothing changed and nobody learned anything: the outsider's attempts are not even 403s.
    expect(await db.workspaceMember.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "permission.denied" } })).toBe(0);

    // The owner sees it all.
    const mine = await run(listRoute.loader, makeRequest("/przestrzenie", { cookie: owner.cookie }));
    expect(mine.data).toMatchObject({ canCreate: true, page: { total: 1 }, items: [{ id, myRole: "OWNER", counts: { documents: 1 } }] });
  });

  it("an administrator sees every workspace without being a member", async () => {
    const { workspace } = await partnership();
    const { cookie } = await signedIn({ isAdmin: true });
    const list = await run(listRoute.loader, makeRequest("/przestrzenie", { cookie }));
    expect(list.data).toMatchObject({ items: [{ id: workspace.id, myRole: null }] });
    const layout = await run(layoutRoute.loader, makeRequest(`/przestrzenie/${workspace.id}`, { cookie }), p(workspace.id));
    expect(layout.data).toMatchObject({ role: "OWNER", adminAccess: true, can: { manageMembers: true } });
  });

  it("adding an institution gives its people access, including someone who joins it later", async () => {
    const { b, owner, memberB, workspace } = await partnership();
    const res = await membersAction(owner.cookie, workspace.id, { intent: "addInstitution", institutionId: b.id, role: "EDITOR" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/przestrzenie/${workspace.id}/czlonkowie`);

    const layout = await run(layoutRoute.loader, makeRequest(`/przestrzenie/${workspace.id}`, { cookie: memberB.cookie }), p(workspace.id));
    expect(layout.data).toMatchObject({ role: "EDITOR", adminAccess: false, can: { view: true, addContent: true, manageMembers: false } });

    const newcomer = await signedIn({ institutionId: b.id, name: "Grzegorz Sikora" });
    const overview = await run(overviewRoute.loader, makeRequest(`/przestrzenie/${workspace.id}`, { cookie: newcomer.cookie }), p(workspace.id));
    expect(overview.status).toBe(200);
    expect(overview.data).toMatchObject({ members: { institutions: [{ role: "EDITOR", institution: { shortName: "FRGK" } }] } });
    const list = await run(listRoute.loader, makeRequest("/przestrzenie", { cookie: newcomer.cookie }));
    // Owner (A, direct) + two people of B.
    expect(list.data).toMatchObject({ items: [{ id: workspace.id, myRole: "EDITOR", institutions: [{ shortName: "FRGK" }], counts: { institutions: 1, people: 3 } }] });

    // An institution in the trash grants nothing until restored.
    await db.institution.update({ where: { id: b.id }, data: { deletedAt: new Date() } });
    expect((await run(overviewRoute.loader, makeRequest(`/przestrzenie/${workspace.id}`, { cookie: newcomer.cookie }), p(workspace.id))).status).toBe(404);
    expect((await listMyWorkspaces(newcomer.user, { status: "active", q: "", page: 1 })).page.total).toBe(0);
  });

  it("the stronger of a person's own role and their institution's role applies", async () => {
    const { a, owner, memberA, workspace } = await partnership();
    await membersAction(owner.cookie, workspace.id, { intent: "addInstitution", institutionId: a.id, role: "VIEWER" });
    await membersAction(owner.cookie, workspace.id, { intent: "addMember", userId: memberA.user.id, role: "EDITOR" });
    const layout = await run(layoutRoute.loader, makeRequest(`/przestrzenie/${workspace.id}`, { cookie: memberA.cookie }), p(workspace.id));
    expect(layout.data).toMatchObject({ role: "EDITOR" });
  });

  it("searches and filters the list by name and archive state", async () => {
    const { owner, workspace } = await partnership();
    const hit = await run(listRoute.loader, makeRequest("/przestrzenie?q=transformacji", { cookie: owner.cookie }));
    expect(hit.data).toMatchObject({ q: "transformacji", items: [{ id: workspace.id }] });
    const miss = await run(listRoute.loader, makeRequest("/przestrzenie?q=pomysły", { cookie: owner.cookie }));
    expect(miss.data).toMatchObject({ items: [], page: { total: 0 } });
    const odd = await run(listRoute.loader, makeRequest("/przestrzenie?status=kosz&page=-3", { cookie: owner.cookie }));
    expect(odd.data).toMatchObject({ status: "active", page: { page: 1 }, items: [{ id: workspace.id }] });
  });
});

describe("roles and membership", () => {
  it("a VIEWER reads but cannot change settings or members (403, audited)", async () => {
    const { owner, memberB, workspace } = await partnership();
    await membersAction(owner.cookie, workspace.id, { intent: "addMember", userId: memberB.user.id, role: "VIEWER" });
    const { cookie } = memberB;
    const id = workspace.id;

    const members = await run(membersRoute.loader, makeRequest(`/przestrzenie/${id}/czlonkowie`, { cookie }), p(id));
    expect(members.data).toMatchObject({ canManage: false, candidates: { people: [], institutions: [] } });
    expect((await run(settingsRoute.loader, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie }), p(id))).status).toBe(403);
    const save = await run(settingsRoute.action, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie, form: { intent: "save", name: "Przejęta", owningInstitutionId: workspace.owningInstitutionId } }), p(id));
    expect(save.status).toBe(403);
    expect((await run(settingsRoute.action, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie, form: { intent: "archive" } }), p(id))).status).toBe(403);
    expect((await membersAction(cookie, id, { intent: "changeMemberRole", id: "x", role: "OWNER" })).status).toBe(403);
    expect((await membersAction(cookie, id, { intent: "addMember", userId: memberB.user.id, role: "OWNER" })).status).toBe(403);

    expect(await db.workspace.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: workspace.name, archivedAt: null });
    expect(await db.workspaceMember.findFirstOrThrow({ where: { userId: memberB.user.id } })).toMatchObject({ role: "VIEWER" });
    const denied = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: memberB.user.id }, select: { summary: true, entityId: true } });
    expect(denied.map((d) => d.summary).sort()).toEqual(["workspace.archive", "workspace.manageMembers", "workspace.manageMembers", "workspace.updateSettings", "workspace.updateSettings"]);
    expect(denied.every((d) => d.entityId === id)).toBe(true);
  });

  it("the owner adds, re-roles and removes people and institutions; each change is audited", async () => {
    const { b, owner, memberB, workspace } = await partnership();
    const id = workspace.id;
    const before = await run(membersRoute.loader, makeRequest(`/przestrzenie/${id}/czlonkowie`, { cookie: owner.cookie }), p(id));
    expect(before.data).toMatchObject({ canManage: true, truncated: false });
    const candidates = (before.data as { candidates: { people: { id: string }[]; institutions: { id: string }[] } }).candidates;
    expect(candidates.people.map((x) => x.id)).toContain(memberB.user.id);
    expect(candidates.people.map((x) => x.id)).not.toContain(owner.user.id);
    expect(candidates.institutions.map((x) => x.id)).toContain(b.id);

    expect((await membersAction(owner.cookie, id, { intent: "addMember", userId: memberB.user.id, role: "VIEWER" })).status).toBe(302);
    const again = await membersAction(owner.cookie, id, { intent: "addMember", userId: memberB.user.id, role: "EDITOR" });
    expect(again).toMatchObject({ status: 400, data: { intent: "addMember", errors: { userId: "workspaces.members.alreadyMember" } } });
    const member = await db.workspaceMember.findFirstOrThrow({ where: { userId: memberB.user.id } });
    expect((await membersAction(owner.cookie, id, { intent: "changeMemberRole", id: member.id, role: "EDITOR" })).status).toBe(302);
    expect((await membersAction(owner.cookie, id, { intent: "changeMemberRole", id: member.id, role: "EDITOR" })).status).toBe(302); // unchanged: no entry
    expect((await membersAction(owner.cookie, id, { intent: "removeMember", id: member.id })).status).toBe(302);

    expect((await membersAction(owner.cookie, id, { intent: "addInstitution", institutionId: b.id, role: "VIEWER" })).status).toBe(302);
    const row = await db.workspaceInstitution.findFirstOrThrow({ where: { workspaceId: id } });
    expect((await membersAction(owner.cookie, id, { intent: "changeInstitutionRole", id: row.id, role: "EDITOR" })).status).toBe(302);
    expect((await membersAction(owner.cookie, id, { intent: "removeInstitution", id: row.id })).status).toBe(302);
    expect(await db.workspaceInstitution.count()).toBe(0);
    expect((await run(layoutRoute.loader, makeRequest(`/przestrzenie/${id}`, { cookie: memberB.cookie }), p(id))).status).toBe(404);

    // Bad input: unknown role, unknown person, deactivated person, a row of another workspace.
    expect(await membersAction(owner.cookie, id, { intent: "addMember", userId: memberB.user.id, role: "ADMIN" })).toMatchObject({ status: 400, data: { errors: { role: "validation.invalid" } } });
    expect(await membersAction(owner.cookie, id, { intent: "addMember", userId: "nikt", role: "EDITOR" })).toMatchObject({ status: 400, data: { errors: { userId: "workspaces.members.personMissing" } } });
    const gone = await buildUser({ institutionId: b.id, deactivatedAt: new Date() });
    expect(await membersAction(owner.cookie, id, { intent: "addMember", userId: gone.id, role: "EDITOR" })).toMatchObject({ status: 400, data: { errors: { userId: "workspaces.members.personMissing" } } });
    expect((await membersAction(owner.cookie, id, { intent: "removeMember", id: "cudzy" })).status).toBe(404);
    expect(await membersAction(owner.cookie, id, { intent: "toString" })).toMatchObject({ status: 400, data: { errors: { _form: "validation.invalid" } } });

    const audit = await db.auditLog.findMany({ where: { entityType: "Workspace", entityId: id, action: { startsWith: "workspace." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((x) => x.action)).toEqual([
      "workspace.create",
      "workspace.member.add",
      "workspace.member.role",
      "workspace.member.remove",
      "workspace.institution.add",
      "workspace.institution.role",
      "workspace.institution.remove",
    ]);
    expect(audit.every((x) => x.actorId === owner.user.id)).toBe(true);
    expect(JSON.parse(audit[2].changes ?? "{}")).toEqual({ role: ["VIEWER", "EDITOR"] });
    expect(audit[4].summary).toBe("FRGK");

    // The overview tells the story in the reader's terms.
    const overview = await run(overviewRoute.loader, makeRequest(`/przestrzenie/${id}`, { cookie: owner.cookie }), p(id));
    const activity = (overview.data as { activity: { kind: string; subject: string }[] }).activity;
    expect(activity[0]).toMatchObject({ kind: "workspace.institution.remove", subject: "FRGK" });
    expect(activity.map((x) => x.kind)).toContain("workspace.create");
  });

  it("the last OWNER cannot be removed or demoted; with another owner it can", async () => {
    const { a, owner, workspace } = await partnership();
    const id = workspace.id;
    const me = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: id, userId: owner.user.id } });
    const remove = await membersAction(owner.cookie, id, { intent: "removeMember", id: me.id });
    expect(remove).toMatchObject({ status: 400, data: { errors: { _form: "workspaces.members.lastOwner" } } });
    const demote = await membersAction(owner.cookie, id, { intent: "changeMemberRole", id: me.id, role: "EDITOR" });
    expect(demote).toMatchObject({ status: 400, data: { errors: { _form: "workspaces.members.lastOwner" } } });
    expect(await db.workspaceMember.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ role: "OWNER" });

    // An institution can be the other owner; then the person may step down.
    await membersAction(owner.cookie, id, { intent: "addInstitution", institutionId: a.id, role: "OWNER" });
    const inst = await db.workspaceInstitution.findFirstOrThrow({ where: { workspaceId: id } });
    expect((await membersAction(owner.cookie, id, { intent: "changeMemberRole", id: me.id, role: "VIEWER" })).status).toBe(302);
    // …and now the institution is the last owner.
    const dropInst = await membersAction(owner.cookie, id, { intent: "removeInstitution", id: inst.id });
    expect(dropInst).toMatchObject({ status: 400, data: { errors: { _form: "workspaces.members.lastOwner" } } });
    const demoteInst = await membersAction(owner.cookie, id, { intent: "changeInstitutionRole", id: inst.id, role: "EDITOR" });
    expect(demoteInst).toMatchObject({ status: 400, data: { errors: { _form: "workspaces.members.lastOwner" } } });
    expect(await db.auditLog.count({ where: { action: { in: ["workspace.member.remove", "workspace.institution.remove"] } } })).toBe(0);
  });
});

describe("settings and archive", () => {
  it("the owner edits settings (audited, no entry when nothing changed)", async () => {
    const { owner, workspace } = await partnership();
    const id = workspace.id;
    const page = await run(settingsRoute.loader, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie: owner.cookie }), p(id));
    expect(page.data).toMatchObject({ values: { name: workspace.name, color: "blue" } });
    const form = { intent: "save", name: "Strategia transformacji 2030", description: workspace.description, color: "green", icon: "leaf", owningInstitutionId: workspace.owningInstitutionId };
    const res = await run(settingsRoute.action, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie: owner.cookie, form }), p(id));
    expect(res.status).toBe(302);
    expect(await db.workspace.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Strategia transformacji 2030", color: "green", icon: "leaf" });
    await run(settingsRoute.action, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie: owner.cookie, form }), p(id));
    const updates = await db.auditLog.findMany({ where: { action: "workspace.update", entityId: id } });
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0].changes ?? "{}")).toEqual({
      name: ["Strategia transformacji regionu", "Strategia transformacji 2030"],
      color: ["blue", "green"],
      icon: ["chart-line", "leaf"],
    });
    const bad = await run(settingsRoute.action, makeRequest(`/przestrzenie/${id}/ustawienia`, { cookie: owner.cookie, form: { ...form, owningInstitutionId: "" } }), p(id));
    expect(bad).toMatchObject({ status: 400, data: { errors: { owningInstitutionId: "workspaces.form.owningInstitutionMissing" } } });
  });

  it("archiving makes the workspace read-only until it is unarchived", async () => {
    const { b, owner, memberB, workspace } = await partnership();
    const id = workspace.id;
    await membersAction(owner.cookie, id, { intent: "addInstitution", institutionId: b.id, role: "EDITOR" });
    const url = `/przestrzenie/${id}/ustawienia`;
    expect((await run(settingsRoute.action, makeRequest(url, { cookie: owner.cookie, form: { intent: "archive" } }), p(id))).status).toBe(302);
    expect((await db.workspace.findUniqueOrThrow({ where: { id } })).archivedAt).toBeInstanceOf(Date);

    const editor = await run(layoutRoute.loader, makeRequest(`/przestrzenie/${id}`, { cookie: memberB.cookie }), p(id));
    expect(editor.data).toMatchObject({ archived: true, role: "EDITOR", can: { view: true, addContent: false, editContent: false, comment: false } });
    const ownerView = await run(layoutRoute.loader, makeRequest(`/przestrzenie/${id}`, { cookie: owner.cookie }), p(id));
    expect(ownerView.data).toMatchObject({ can: { addContent: false, archive: true, updateSettings: true } });

    // Out of the active list, into the archived one; gone from the dashboard's "my workspaces".
    expect((await run(listRoute.loader, makeRequest("/przestrzenie", { cookie: memberB.cookie }))).data).toMatchObject({ items: [] });
    expect((await run(listRoute.loader, makeRequest("/przestrzenie?status=archived", { cookie: memberB.cookie }))).data).toMatchObject({ items: [{ id }] });
    expect((await run(dashboardRoute.loader, makeRequest("/pulpit", { cookie: memberB.cookie }))).data).toMatchObject({ workspaces: { total: 0 } });

    // Archiving twice changes nothing; unarchiving brings it back.
    await run(settingsRoute.action, makeRequest(url, { cookie: owner.cookie, form: { intent: "archive" } }), p(id));
    expect((await run(settingsRoute.action, makeRequest(url, { cookie: owner.cookie, form: { intent: "unarchive" } }), p(id))).status).toBe(302);
    const after = await run(layoutRoute.loader, makeRequest(`/przestrzenie/${id}`, { cookie: memberB.cookie }), p(id));
    expect(after.data).toMatchObject({ archived: false, can: { addContent: true } });
    const audit = await db.auditLog.findMany({ where: { entityId: id, action: { in: ["workspace.archive", "workspace.unarchive"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((x) => x.action)).toEqual(["workspace.archive", "workspace.unarchive"]);
  });
});

describe("documents on the overview and the dashboard", () => {
  it("shows the most recently changed documents the reader may see, never deleted ones", async () => {
    const { a, owner, memberA, memberB, workspace } = await partnership();
    const base = Date.parse("2026-03-01T10:00:00Z");
    for (let i = 1; i <= 7; i++) await addDocument(workspace.id, owner.user.id, `Dokument ${i}`, new Date(base + i * 60_000));
    await addDocument(workspace.id, owner.user.id, "Usunięty", new Date(base + 60 * 60_000), true);

    const other = await run(newRoute.action, makeRequest("/przestrzenie/nowa", { cookie: owner.cookie, form: { name: "Koncepcja promocji FST", owningInstitutionId: a.id } }));
    expect(other.status).toBe(302);
    const promo = await db.workspace.findFirstOrThrow({ where: { name: "Koncepcja promocji FST" } });
    await addDocument(promo.id, owner.user.id, "Plan promocji", new Date(base + 30 * 60_000));

    const overview = await run(overviewRoute.loader, makeRequest(`/przestrzenie/${workspace.id}`, { cookie: owner.cookie }), p(workspace.id));
    expect((overview.data as { documents: { name: string }[] }).documents.map((d) => d.name)).toEqual(["Dokument 7", "Dokument 6", "Dokument 5", "Dokument 4", "Dokument 3"]);

    const dashboard = await run(dashboardRoute.loader, makeRequest("/pulpit", { cookie: owner.cookie }));
    const docs = (dashboard.data as { documents: { name: string; workspace: { name: string } }[] }).documents;
    expect(docs).toHaveLength(8);
    expect(docs[0]).toMatchObject({ name: "Plan promocji", workspace: { name: "Koncepcja promocji FST" } });
    expect(docs.map((d) => d.name)).not.toContain("Usunięty");
    expect(dashboard.data).toMatchObject({ workspaces: { total: 2 }, canCreateWorkspace: true });

    // A member of A added to one workspace only sees that one's documents.
    await membersAction(owner.cookie, promo.id, { intent: "addMember", userId: memberA.user.id, role: "VIEWER" });
    expect((await recentDocumentsFor(memberA.user)).map((d) => d.name)).toEqual(["Plan promocji"]);
    expect(await recentDocumentsFor(memberB.user)).toEqual([]);
  });
});

describe("cost of the list", () => {
  it("the list and the dashboard run the same number of statements for 2 and for 10 workspaces", async () => {
    const a = await buildInstitution();
    const b = await buildInstitution();
    const { user, cookie } = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const addWorkspaces = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const person = await buildUser({ institutionId: b.id });
        const ws = await db.workspace.create({
          data: {
            name: `Przestrzeń ${i}`,
            owningInstitutionId: a.id,
            createdById: user.id,
            members: { create: [{ userId: user.id, role: "OWNER" }, { userId: person.id, role: "VIEWER" }] },
            institutions: { create: [{ institutionId: a.id, role: "EDITOR" }, { institutionId: b.id, role: "VIEWER" }] },
          },
        });
        await addDocument(ws.id, user.id, `Dokument ${i}`, new Date());
      }
    };
    const measure = async () => ({
      list: await countStatements(() => run(listRoute.loader, makeRequest("/przestrzenie", { cookie }))),
      dashboard: await countStatements(() => run(dashboardRoute.loader, makeRequest("/pulpit", { cookie }))),
    });
    await addWorkspaces(2);
    const few = await measure();
    await addWorkspaces(8);
    const many = await measure();
    expect(many).toEqual(few);
    const list = await listMyWorkspaces(user, { status: "active", q: "", page: 1 });
    // Everyone of A and B, each once: the coordinator, plus 10 people of B.
    expect(list.items[0].counts).toEqual({ institutions: 2, people: 11, documents: 1 });
  }, 60_000);
});
