// Administration of people through real requests: scope, invitations, roles, deactivation.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as adminIndex from "~/routes/_app.administracja._index";
import * as peopleRoute from "~/routes/_app.administracja.osoby._index";
import * as personRoute from "~/routes/_app.administracja.osoby.$id";
import * as inviteRoute from "~/routes/_app.administracja.osoby.zapros";
import * as invitationsRoute from "~/routes/_app.administracja.osoby.zaproszenia";
import { getCurrentUser } from "~/modules/auth/session.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

const outbox = () => fs.readdirSync(process.env.OUTBOX_DIR!).filter((f) => f.endsWith(".eml"));

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

async function twoInstitutions() {
  const a = await buildInstitution({ shortName: "FRGK", name: "Fundacja Rozwoju Gminy Kleszczów" });
  const b = await buildInstitution({ shortName: "RIG", name: "Regionalna Izba Gospodarcza w Bełchatowie" });
  return { a, b };
}

type PeopleData = { people: { id: string; email: string; institution: { shortName: string } | null }[]; page: { total: number } };

describe("the administration area", () => {
  it("is closed to members (403) and open to coordinators and admins with the right cards", async () => {
    const { a } = await twoInstitutions();
    const member = await signedIn({ institutionId: a.id });
    const noInstitution = await signedIn();
    const coordinator = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const admin = await signedIn({ isAdmin: true });

    expect((await run(adminIndex.loader, makeRequest("/administracja", { cookie: member.cookie }))).status).toBe(403);
    expect((await run(adminIndex.loader, makeRequest("/administracja", { cookie: noInstitution.cookie }))).status).toBe(403);
    expect((await run(peopleRoute.loader, makeRequest("/administracja/osoby", { cookie: member.cookie }))).status).toBe(403);
    expect((await run(inviteRoute.loader, makeRequest("/administracja/osoby/zapros", { cookie: member.cookie }))).status).toBe(403);
    expect((await run(invitationsRoute.loader, makeRequest("/x", { cookie: member.cookie }))).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: member.user.id } })).toBe(4);

    const c = await run(adminIndex.loader, makeRequest("/administracja", { cookie: coordinator.cookie }));
    expect(c).toMatchObject({ status: 200, data: { institutions: false, myInstitutionId: a.id, people: true, audit: false } });
    const ad = await run(adminIndex.loader, makeRequest("/administracja", { cookie: admin.cookie }));
    expect(ad).toMatchObject({ status: 200, data: { institutions: true, myInstitutionId: null, people: true, audit: true } });
  });

  it("redirects a signed-out visitor to sign in", async () => {
    const res = await run(adminIndex.loader, makeRequest("/administracja"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/logowanie?redirectTo=%2Fadministracja");
  });
});

describe("people lists", () => {
  it("admins filter everyone by institution, status and name/email; coordinators see only their own", async () => {
    const { a, b } = await twoInstitutions();
    const admin = await signedIn({ isAdmin: true, name: "Ewa Administratorka" });
    const coordinator = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR", name: "Katarzyna Nowak" });
    await buildUser({ institutionId: a.id, name: "Jan Kowalski", email: "jan@frgk.test" });
    await buildUser({ institutionId: a.id, name: "Zofia Dawna", deactivatedAt: new Date() });
    await buildUser({ institutionId: b.id, name: "Piotr Zieliński", email: "piotr@rig.test" });

    const all = (await run(peopleRoute.loader, makeRequest("/administracja/osoby", { cookie: admin.cookie }))).data as PeopleData;
    expect(all.page.total).toBe(4); // active only by default
    const inB = (await run(peopleRoute.loader, makeRequest(`/administracja/osoby?institution=${b.id}`, { cookie: admin.cookie }))).data as PeopleData;
    expect(inB.people.map((p) => p.email)).toEqual(["piotr@rig.test"]);
    const none = (await run(peopleRoute.loader, makeRequest("/administracja/osoby?institution=none", { cookie: admin.cookie }))).data as PeopleData;
    expect(none.people.map((p) => p.id)).toEqual([admin.user.id]);
    const gone = (await run(peopleRoute.loader, makeRequest("/administracja/osoby?status=deactivated", { cookie: admin.cookie }))).data as PeopleData;
    expect(gone.page.total).toBe(1);
    const everyone = (await run(peopleRoute.loader, makeRequest("/administracja/osoby?status=all", { cookie: admin.cookie }))).data as PeopleData;
    expect(everyone.page.total).toBe(5);
    const byEmail = (await run(peopleRoute.loader, makeRequest("/administracja/osoby?q=JAN@", { cookie: admin.cookie }))).data as PeopleData;
    expect(byEmail.people.map((p) => p.email)).toEqual(["jan@frgk.test"]);

    // The institution filter is ignored for a coordinator: their scope is fixed.
    const own = await run(peopleRoute.loader, makeRequest(`/administracja/osoby?institution=${b.id}&status=all`, { cookie: coordinator.cookie }));
    const ownData = own.data as PeopleData & { institutions: unknown };
    expect(ownData.institutions).toBeNull();
    expect(ownData.people.every((p) => p.institution?.shortName === "FRGK")).toBe(true);
    expect(ownData.page.total).toBe(3);
    expect(JSON.stringify(own.data)).not.toContain("piotr@rig.test");
  });

  it("paginates 25 per page", async () => {
    const { a } = await twoInstitutions();
    const admin = await signedIn({ isAdmin: true, name: "Aaa Admin" });
    for (let i = 0; i < 27; i++) await buildUser({ institutionId: a.id, name: `Osoba ${String(i).padStart(2, "0")}` });
    const first = (await run(peopleRoute.loader, makeRequest("/administracja/osoby", { cookie: admin.cookie }))).data as PeopleData;
    expect(first.people).toHaveLength(25);
    expect(first.page).toMatchObject({ total: 28, pageCount: 2 });
    const second = (await run(peopleRoute.loader, makeRequest("/administracja/osoby?page=2", { cookie: admin.cookie }))).data as PeopleData;
    expect(second.people).toHaveLength(3);
  });
});

describe("invitations", () => {
  it("a coordinator invites into their own institution: an email is written to the outbox", async () => {
    const { a } = await twoInstitutions();
    const { cookie } = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const page = await run(inviteRoute.loader, makeRequest("/administracja/osoby/zapros", { cookie }));
    expect(page.data).toMatchObject({ institutions: [{ id: a.id }], fixedInstitutionId: a.id });

    const form = { email: "Nowa.Osoba@FRGK.test", name: "Nowa Osoba", institutionId: a.id, role: "MEMBER" };
    const res = await run(inviteRoute.action, makeRequest("/administracja/osoby/zapros", { cookie, form }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/administracja/osoby/zaproszenia");
    expect(await db.invitation.findFirst({ where: { email: "nowa.osoba@frgk.test" } })).toMatchObject({ institutionId: a.id, role: "MEMBER", name: "Nowa Osoba" });
    const files = outbox();
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(`${process.env.OUTBOX_DIR}/${files[0]}`, "utf8");
    expect(eml).toContain("nowa.osoba@frgk.test");
  });

  it("a coordinator cannot invite into another institution (403, nothing sent)", async () => {
    const { a, b } = await twoInstitutions();
    const { user, cookie } = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const form = { email: "intruz@rig.test", institutionId: b.id, role: "COORDINATOR" };
    const res = await run(inviteRoute.action, makeRequest("/administracja/osoby/zapros", { cookie, form }));
    expect(res.status).toBe(403);
    expect(await db.invitation.count()).toBe(0);
    expect(outbox()).toHaveLength(0);
    expect(await db.auditLog.findFirst({ where: { action: "permission.denied", actorId: user.id } })).toMatchObject({ entityId: b.id, ip: "127.0.0.1" });
  });

  it("bad input and a taken address are 400s with field error keys", async () => {
    const { a } = await twoInstitutions();
    const { cookie } = await signedIn({ isAdmin: true });
    const existing = await buildUser({ institutionId: a.id });
    const bad = await run(inviteRoute.action, makeRequest("/x", { cookie, form: { email: "nie-email", institutionId: "", role: "BOSS" } }));
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { email: "validation.email", institutionId: "validation.required", role: "validation.invalid" } });
    const taken = await run(inviteRoute.action, makeRequest("/x", { cookie, form: { email: existing.email, institutionId: a.id, role: "MEMBER" } }));
    expect(taken.status).toBe(400);
    expect(taken.data).toMatchObject({ errors: { email: "admin.invite.emailTaken" } });
    const gone = await run(inviteRoute.action, makeRequest("/x", { cookie, form: { email: "x@y.test", institutionId: "missing", role: "MEMBER" } }));
    expect(gone.status).toBe(400);
    expect(gone.data).toMatchObject({ errors: { institutionId: "admin.invite.institutionMissing" } });
  });

  it("lists pending invitations in scope; resend replaces the link, revoke cancels it", async () => {
    const { a, b } = await twoInstitutions();
    const coordA = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const coordB = await signedIn({ institutionId: b.id, institutionRole: "COORDINATOR" });
    await run(inviteRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { email: "ala@frgk.test", institutionId: a.id, role: "MEMBER" } }));
    await run(inviteRoute.action, makeRequest("/x", { cookie: coordB.cookie, form: { email: "bob@rig.test", institutionId: b.id, role: "MEMBER" } }));
    const first = await db.invitation.findFirstOrThrow({ where: { email: "ala@frgk.test" } });

    const list = await run(invitationsRoute.loader, makeRequest("/administracja/osoby/zaproszenia", { cookie: coordA.cookie }));
    expect(list.data).toMatchObject({ invitations: [{ id: first.id, email: "ala@frgk.test", expired: false }], page: { total: 1 } });
    expect(JSON.stringify(list.data)).not.toContain("bob@rig.test");

    // Someone else's invitation does not exist for this coordinator.
    const foreign = await db.invitation.findFirstOrThrow({ where: { email: "bob@rig.test" } });
    expect((await run(invitationsRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "revoke", id: foreign.id } }))).status).toBe(404);
    expect((await run(invitationsRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "resend", id: foreign.id } }))).status).toBe(404);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull();

    const resent = await run(invitationsRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "resend", id: first.id } }));
    expect(resent.status).toBe(302);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).toBeInstanceOf(Date);
    const second = await db.invitation.findFirstOrThrow({ where: { email: "ala@frgk.test", revokedAt: null } });
    expect(second.id).not.toBe(first.id);
    expect(outbox()).toHaveLength(3);

    const revoked = await run(invitationsRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "revoke", id: second.id } }));
    expect(revoked.status).toBe(302);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: second.id } })).revokedAt).toBeInstanceOf(Date);
    const after = await run(invitationsRoute.loader, makeRequest("/x", { cookie: coordA.cookie }));
    expect(after.data).toMatchObject({ invitations: [], page: { total: 0 } });
    const actions = (await db.auditLog.findMany({ where: { entityType: "Invitation" }, orderBy: { createdAt: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["invitation.create", "invitation.create", "invitation.create", "invitation.revoke"]);
  });
});

describe("managing a person", () => {
  it("deactivation ends every session at once, in one step with its audit entry; reactivation restores sign-in", async () => {
    const { a } = await twoInstitutions();
    const admin = await signedIn({ isAdmin: true });
    const target = await buildUser({ institutionId: a.id, name: "Jan Kowalski" });
    const phone = await loginAs(target.id);
    const laptop = await loginAs(target.id);
    expect(await getCurrentUser(makeRequest("/", { cookie: phone }))).not.toBeNull();

    const res = await run(personRoute.action, makeRequest(`/administracja/osoby/${target.id}`, { cookie: admin.cookie, form: { intent: "deactivate" } }), { id: target.id });
    expect(res.status).toBe(302);
    expect(await db.session.count({ where: { userId: target.id } })).toBe(0);
    expect(await getCurrentUser(makeRequest("/", { cookie: phone }))).toBeNull();
    expect(await getCurrentUser(makeRequest("/", { cookie: laptop }))).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeInstanceOf(Date);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.deactivate" } });
    expect(entry).toMatchObject({ actorId: admin.user.id, entityId: target.id, ip: "127.0.0.1" });
    expect(JSON.parse(entry.changes!)).toMatchObject({ deactivatedAt: [null, expect.any(String)], sessionsEnded: 2 });

    const page = await run(personRoute.loader, makeRequest("/x", { cookie: admin.cookie }), { id: target.id });
    expect(page.data).toMatchObject({ person: { sessions: 0 }, can: { reactivate: true } });

    const back = await run(personRoute.action, makeRequest("/x", { cookie: admin.cookie, form: { intent: "reactivate" } }), { id: target.id });
    expect(back.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.reactivate", entityId: target.id } })).toBe(1);
  });

  it("a coordinator cannot see or deactivate a person of another institution: 404 and nothing leaks", async () => {
    const { a, b } = await twoInstitutions();
    const coordA = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const other = await buildUser({ institutionId: b.id, name: "Piotr Tajny", email: "piotr.tajny@rig.test" });
    await loginAs(other.id);

    const page = await run(personRoute.loader, makeRequest(`/administracja/osoby/${other.id}`, { cookie: coordA.cookie }), { id: other.id });
    expect(page.status).toBe(404);
    const res = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "deactivate" } }), { id: other.id });
    expect(res.status).toBe(404);
    const role = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "role", role: "COORDINATOR" } }), { id: other.id });
    expect(role.status).toBe(404);
    for (const body of [page.data, res.data, role.data]) {
      expect(JSON.stringify(body)).not.toMatch(/Piotr|tajny|RIG/i);
    }
    const unknown = await run(personRoute.loader, makeRequest("/x", { cookie: coordA.cookie }), { id: "does-not-exist" });
    expect(unknown.status).toBe(404);
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ deactivatedAt: null, institutionRole: "MEMBER" });
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1);
  });

  it("a coordinator changes roles in their institution, but not an admin's nor their own (403)", async () => {
    const { a } = await twoInstitutions();
    const coordA = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
    const member = await buildUser({ institutionId: a.id });
    const adminInA = await buildUser({ institutionId: a.id, isAdmin: true });

    const ok = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "role", role: "COORDINATOR" } }), { id: member.id });
    expect(ok.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).institutionRole).toBe("COORDINATOR");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.role.change", entityId: member.id } });
    expect(JSON.parse(entry.changes!)).toEqual({ institutionRole: ["MEMBER", "COORDINATOR"] });

    const view = await run(personRoute.loader, makeRequest("/x", { cookie: coordA.cookie }), { id: adminInA.id });
    expect(view.data).toMatchObject({ can: { changeRole: false, deactivate: false, reactivate: false } });
    const denied = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "deactivate" } }), { id: adminInA.id });
    expect(denied.status).toBe(403);
    const self = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "role", role: "MEMBER" } }), { id: coordA.user.id });
    expect(self.status).toBe(403);
    expect(await db.user.findUniqueOrThrow({ where: { id: adminInA.id } })).toMatchObject({ deactivatedAt: null });

    const bad = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: { intent: "role", role: "ADMIN" } }), { id: member.id });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { role: "validation.invalid" } });
    const noIntent = await run(personRoute.action, makeRequest("/x", { cookie: coordA.cookie, form: {} }), { id: member.id });
    expect(noIntent.status).toBe(400);
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await signedIn({ isAdmin: true });
    const res = await run(personRoute.action, makeRequest("/x", { cookie: admin.cookie, form: { intent: "deactivate" } }), { id: admin.user.id });
    expect(res.status).toBe(403);
    expect(await getCurrentUser(makeRequest("/", { cookie: admin.cookie }))).not.toBeNull();
  });
});
