// Executive teams through real requests: forming a team, who sees it (404 for everyone else),
// who may change what (audited 403), editing with optimistic concurrency, and the members.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as listRoute from "~/routes/_app.zespoly._index";
import * as newRoute from "~/routes/_app.zespoly.nowy";
import * as frameRoute from "~/routes/_app.zespoly.$teamId";
import * as overviewRoute from "~/routes/_app.zespoly.$teamId._index";
import * as settingsRoute from "~/routes/_app.zespoly.$teamId.ustawienia";
import { addDays, warsawDate } from "~/modules/tasks/deadline";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { buildTeam } from "../team-factories";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

const MANDATE = "<p>Przygotować <strong>wspólną koncepcję promocji FST</strong>.</p>";

/**
 * BKPPT and RIG work together; FRGK stays outside. The BKPPT coordinator formed the team with a
 * BKPPT lead and a RIG member.
 */
async function partnership() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const lead = await signedIn({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const member = await signedIn({ institutionId: rig.id, name: "Łukasz Żak" });
  const rigCoordinator = await signedIn({ institutionId: rig.id, institutionRole: "COORDINATOR", name: "Paweł Szymański" });
  const outsider = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const otherCoordinator = await signedIn({ institutionId: frgk.id, institutionRole: "COORDINATOR", name: "Tomasz Kaczmarek" });
  const admin = await signedIn({ isAdmin: true, name: "Administrator" });
  const team = await buildTeam(coordinator.user.id, {
    name: "Zespół ds. promocji FST",
    members: [
      { userId: lead.user.id, role: "LEAD" },
      { userId: member.user.id, role: "MEMBER" },
    ],
  });
  return { bkppt, rig, frgk, coordinator, lead, member, rigCoordinator, outsider, otherCoordinator, admin, team };
}

const p = (teamId: string) => ({ teamId });

function settingsPost(cookie: string, teamId: string, form: Record<string, string>) {
  return run(settingsRoute.action, makeRequest(`/zespoly/${teamId}/ustawienia`, { cookie, form }), p(teamId));
}

function overviewPost(cookie: string, teamId: string, form: Record<string, string>) {
  return run(overviewRoute.action, makeRequest(`/zespoly/${teamId}`, { cookie, form }), p(teamId));
}

async function teamForm(teamId: string, changes: Record<string, string> = {}) {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId } });
  return {
    intent: "save",
    version: String(team.version),
    name: team.name,
    mandate: team.mandate,
    kind: team.kind,
    cadence: team.cadence ?? "",
    termStart: team.termStart,
    termEnd: team.termEnd ?? "",
    workspaceId: team.workspaceId ?? "",
    ...changes,
  };
}

describe("forming a team", () => {
  it("a coordinator forms one with a lead and members from two institutions; it starts ACTIVE when the term has begun; audited; people notified", async () => {
    const { coordinator, lead, member } = await partnership();
    const today = warsawDate(new Date());
    const res = await run(
      newRoute.action,
      makeRequest("/zespoly/nowy", {
        cookie: coordinator.cookie,
        form: {
          name: "Zespół ds. konsultacji",
          mandate: `${MANDATE}<script>alert(1)</script>`,
          kind: "TEMPORARY",
          termStart: today,
          termEnd: addDays(today, 60),
          leadId: lead.user.id,
          memberIds: `${member.user.id},${lead.user.id}`,
        },
      }),
    );
    expect(res.status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { name: "Zespół ds. konsultacji" }, include: { members: true } });
    expect(res.headers.get("Location")).toBe(`/zespoly/${team.id}`);
    expect(team).toMatchObject({ status: "ACTIVE", kind: "TEMPORARY", cadence: null, createdById: coordinator.user.id, termStart: today });
    // Sanitised on the way in: the script is gone, the formatting stays.
    expect(team.mandate).toBe(MANDATE);
    expect(team.members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [lead.user.id, "LEAD"],
        [member.user.id, "MEMBER"],
      ].sort(),
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "team.create", entityId: team.id } });
    expect(audit).toMatchObject({ actorId: coordinator.user.id, entityType: "Team", summary: team.name });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ name: [null, team.name], status: [null, "ACTIVE"], leadId: [null, lead.user.id] });
    const notified = await db.notification.findMany({ where: { entityId: team.id, kind: "team.member.added" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([lead.user.id, member.user.id].sort());
  });

  it("a team whose term starts later is PLANNED; a periodic one keeps its cadence and may have no end", async () => {
    const { coordinator, lead } = await partnership();
    const later = addDays(warsawDate(new Date()), 14);
    const res = await run(
      newRoute.action,
      makeRequest("/zespoly/nowy", {
        cookie: coordinator.cookie,
        form: { name: "Zespół ds. monitoringu", mandate: MANDATE, kind: "PERIODIC", cadence: "MONTHLY", termStart: later, termEnd: "", leadId: lead.user.id },
      }),
    );
    expect(res.status).toBe(302);
    expect(await db.team.findFirstOrThrow({ where: { name: "Zespół ds. monitoringu" } })).toMatchObject({ status: "PLANNED", kind: "PERIODIC", cadence: "MONTHLY", termEnd: null });
  });

  it("validates next to the fields: mandate, end date of a temporary team, order of dates, cadence, lead", async () => {
    const { coordinator } = await partnership();
    const post = (form: Record<string, string>) => run(newRoute.action, makeRequest("/zespoly/nowy", { cookie: coordinator.cookie, form }));
    const empty = await post({ name: "Zespół", mandate: "<p> </p>", kind: "TEMPORARY", termStart: "2026-12-01", termEnd: "" });
    expect(empty).toMatchObject({
      status: 400,
      data: { errors: { mandate: "teams.validation.mandate", termEnd: "teams.validation.termEndRequired", leadId: "teams.validation.leadRequired" } },
    });
    const order = await post({ name: "Zespół", mandate: MANDATE, kind: "TEMPORARY", termStart: "2026-12-01", termEnd: "2026-11-01", leadId: "x" });
    expect(order).toMatchObject({ status: 400, data: { errors: { termEnd: "teams.validation.termOrder" } } });
    const hidden = await post({ name: "Zespół", mandate: "<script>tylko skrypt</script>", kind: "TEMPORARY", termStart: "2026-12-01", termEnd: "2027-01-31", leadId: "x" });
    expect(hidden).toMatchObject({ status: 400, data: { errors: { mandate: "teams.validation.mandate" } } });
    const periodic = await post({ name: "Zespół", mandate: MANDATE, kind: "PERIODIC", termStart: "2026-02-30", leadId: "x" });
    expect(periodic).toMatchObject({ status: 400, data: { errors: { cadence: "teams.validation.cadenceRequired", termStart: "teams.validation.date" } } });
    expect(await db.team.count()).toBe(1);
  });

  it("refuses deactivated people and workspaces the coordinator does not see", async () => {
    const { coordinator, lead, bkppt, frgk } = await partnership();
    const gone = await buildUser({ institutionId: bkppt.id, deactivatedAt: new Date() });
    const hidden = await db.workspace.create({ data: { name: "Cudza przestrzeń", owningInstitutionId: frgk.id, createdById: coordinator.user.id } });
    const res = await run(
      newRoute.action,
      makeRequest("/zespoly/nowy", {
        cookie: coordinator.cookie,
        form: { name: "Zespół", mandate: MANDATE, kind: "TEMPORARY", termStart: "2026-12-01", termEnd: "2027-01-31", leadId: gone.id, memberIds: lead.user.id, workspaceId: hidden.id },
      }),
    );
    expect(res).toMatchObject({ status: 400, data: { errors: { leadId: "teams.validation.personInactive", workspaceId: "teams.validation.workspace" } } });
    expect(await db.team.count()).toBe(1);
  });

  it("a plain member may not form a team (403, audited), neither page nor action", async () => {
    const { member, lead } = await partnership();
    expect((await run(newRoute.loader, makeRequest("/zespoly/nowy", { cookie: member.cookie }))).status).toBe(403);
    const res = await run(
      newRoute.action,
      makeRequest("/zespoly/nowy", { cookie: member.cookie, form: { name: "Mój zespół", mandate: MANDATE, kind: "TEMPORARY", termStart: "2026-12-01", termEnd: "2027-01-01", leadId: lead.user.id } }),
    );
    expect(res.status).toBe(403);
    expect(await db.team.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: member.user.id, summary: "team.create" } })).toBe(2);
    expect((await run(listRoute.loader, makeRequest("/zespoly", { cookie: member.cookie }))).data).toMatchObject({ canCreate: false });
  });

  it("the form offers active people grouped data and only visible, unarchived workspaces", async () => {
    const { coordinator, bkppt, frgk } = await partnership();
    await buildUser({ institutionId: bkppt.id, name: "Zenon Wyłączony", deactivatedAt: new Date() });
    const mine = await db.workspace.create({ data: { name: "Koncepcja promocji FST", owningInstitutionId: bkppt.id, createdById: coordinator.user.id, members: { create: { userId: coordinator.user.id, role: "OWNER" } } } });
    await db.workspace.create({ data: { name: "Cudza przestrzeń", owningInstitutionId: frgk.id, createdById: coordinator.user.id } });
    const res = await run(newRoute.loader, makeRequest("/zespoly/nowy", { cookie: coordinator.cookie }));
    const body = res.data as { people: { name: string; institution: { shortName: string } }[]; workspaces: { id: string }[] };
    expect(body.people.map((p) => p.name)).not.toContain("Zenon Wyłączony");
    expect(body.people.map((p) => p.institution.shortName)).toEqual([...body.people.map((p) => p.institution.shortName)].sort());
    expect(body.workspaces).toEqual([{ id: mine.id, name: "Koncepcja promocji FST" }]);
  });
});

describe("who sees a team", () => {
  it("a person of another institution who is not in the team gets 404 everywhere and sees nothing in the list", async () => {
    const { outsider, otherCoordinator, team, lead } = await partnership();
    for (const who of [outsider, otherCoordinator]) {
      const { cookie } = who;
      for (const [fn, path] of [
        [frameRoute.loader, `/zespoly/${team.id}`],
        [overviewRoute.loader, `/zespoly/${team.id}`],
        [settingsRoute.loader, `/zespoly/${team.id}/ustawienia`],
      ] as const) {
        expect((await run(fn, makeRequest(path, { cookie }), p(team.id))).status, path).toBe(404);
      }
      expect((await overviewPost(cookie, team.id, { intent: "status", status: "DONE", outcome: "Koniec" })).status).toBe(404);
      expect((await settingsPost(cookie, team.id, await teamForm(team.id, { name: "Przejęty zespół" }))).status).toBe(404);
      expect((await settingsPost(cookie, team.id, { intent: "addMembers", userIds: who.user.id, role: "LEAD" })).status).toBe(404);
      expect((await settingsPost(cookie, team.id, { intent: "trash" })).status).toBe(404);
      for (const status of ["open", "all", "DONE", "trash"]) {
        expect((await run(listRoute.loader, makeRequest(`/zespoly?status=${status}`, { cookie }))).data, status).toMatchObject({ items: [], page: { total: 0 } });
      }
    }
    // Same answer as for a team that does not exist.
    expect((await run(overviewRoute.loader, makeRequest("/zespoly/nie-ma", { cookie: lead.cookie }), p("nie-ma"))).status).toBe(404);
    // Nothing changed and nobody learned anything: not even a 403 in the log.
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: "Zespół ds. promocji FST", status: "ACTIVE", deletedAt: null });
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "permission.denied" } })).toBe(0);
  });

  it("members, the coordinators of members' institutions and administrators see it", async () => {
    const { lead, member, coordinator, rigCoordinator, admin, team } = await partnership();
    for (const who of [lead, member, coordinator, rigCoordinator, admin]) {
      const res = await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: who.cookie }), p(team.id));
      expect(res.status, who.user.name).toBe(200);
      const list = await run(listRoute.loader, makeRequest("/zespoly", { cookie: who.cookie }));
      expect((list.data as { items: { id: string }[] }).items.map((i) => i.id), who.user.name).toEqual([team.id]);
    }
    const frame = await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: rigCoordinator.cookie }), p(team.id));
    expect(frame.data).toMatchObject({ access: { role: null, coordinator: true }, can: { manageMembers: true }, canSettings: true, canTrash: true });
  });

  it("the overview shows mandate, term, members by institution and progress; the workspace only to those who see it", async () => {
    const { member, coordinator, bkppt, team } = await partnership();
    const ws = await db.workspace.create({ data: { name: "Koncepcja promocji FST", owningInstitutionId: bkppt.id, createdById: coordinator.user.id, institutions: { create: { institutionId: bkppt.id, role: "EDITOR" } } } });
    await db.team.update({ where: { id: team.id }, data: { workspaceId: ws.id } });
    const res = await run(overviewRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: member.cookie }), p(team.id));
    expect(res.status).toBe(200);
    const body = res.data as {
      team: { mandate: string; termEnd: string; workspaceId: string };
      workspace: unknown;
      members: { user: { institution: { shortName: string } } }[];
      progress: { total: number };
      can: { changeStatus: boolean; updateTeam: boolean };
    };
    expect(body.team).toMatchObject({ mandate: "<p>Przygotować koncepcję promocji.</p>", termEnd: "2027-03-31", workspaceId: ws.id });
    // The RIG member is not in the BKPPT workspace: the team says it works in one, without naming it.
    expect(body.workspace).toBeNull();
    expect(body.members.map((m) => m.user.institution.shortName).sort()).toEqual(["BKPPT", "RIG"]);
    expect(body.progress.total).toBe(0);
    expect(body.can).toMatchObject({ changeStatus: false, updateTeam: false });
    const lead = await run(overviewRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: coordinator.cookie }), p(team.id));
    expect((lead.data as { workspace: unknown }).workspace).toEqual({ id: ws.id, name: "Koncepcja promocji FST" });
  });
});

describe("a plain member cannot do what the lead and coordinators do", () => {
  it("edit, change the status, manage members or trash: 403, audited, nothing changed", async () => {
    const { member, lead, team } = await partnership();
    expect((await run(settingsRoute.loader, makeRequest(`/zespoly/${team.id}/ustawienia`, { cookie: member.cookie }), p(team.id))).status).toBe(403);
    expect((await settingsPost(member.cookie, team.id, await teamForm(team.id, { name: "Nowa nazwa" }))).status).toBe(403);
    expect((await overviewPost(member.cookie, team.id, { intent: "status", status: "DISSOLVED" })).status).toBe(403);
    expect((await overviewPost(member.cookie, team.id, { intent: "status", status: "DONE" })).status).toBe(403);
    expect((await settingsPost(member.cookie, team.id, { intent: "addMembers", userIds: member.user.id, role: "LEAD" })).status).toBe(403);
    const leadRow = await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: lead.user.id } });
    expect((await settingsPost(member.cookie, team.id, { intent: "removeMember", id: leadRow.id })).status).toBe(403);
    expect((await settingsPost(member.cookie, team.id, { intent: "trash" })).status).toBe(403);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: "Zespół ds. promocji FST", status: "ACTIVE", deletedAt: null, version: 1 });
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(2);
    const denials = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: member.user.id }, select: { summary: true } });
    expect(denials.map((d) => d.summary).sort()).toEqual(
      ["team.settings", "team.updateTeam", "team.changeStatus", "team.changeStatus", "team.manageMembers", "team.manageMembers", "team.trash"].sort(),
    );
  });

  it("the lead edits the team and runs its lifecycle, but forming it (members) and trashing are the coordinators' job", async () => {
    const { lead, member, team } = await partnership();
    const settings = await run(settingsRoute.loader, makeRequest(`/zespoly/${team.id}/ustawienia`, { cookie: lead.cookie }), p(team.id));
    expect(settings).toMatchObject({ status: 200, data: { can: { updateTeam: true, manageMembers: false }, canTrash: false, candidates: [] } });
    expect((await settingsPost(lead.cookie, team.id, { intent: "addMembers", userIds: member.user.id, role: "LEAD" })).status).toBe(403);
    expect((await settingsPost(lead.cookie, team.id, { intent: "trash" })).status).toBe(403);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ deletedAt: null });
  });
});

describe("editing a team", () => {
  it("the lead saves name, mandate, term and cadence; audited with what changed; the version goes up", async () => {
    const { lead, team } = await partnership();
    const res = await settingsPost(
      lead.cookie,
      team.id,
      await teamForm(team.id, { name: "Zespół ds. promocji i komunikacji FST", kind: "PERIODIC", cadence: "QUARTERLY", termEnd: "", mandate: "<p>Nowy <em>mandat</em></p><iframe src=x></iframe>" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/zespoly/${team.id}/ustawienia`);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({
      name: "Zespół ds. promocji i komunikacji FST",
      kind: "PERIODIC",
      cadence: "QUARTERLY",
      termEnd: null,
      mandate: "<p>Nowy <em>mandat</em></p>",
      version: 2,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "team.update", entityId: team.id } });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({
      name: ["Zespół ds. promocji FST", "Zespół ds. promocji i komunikacji FST"],
      kind: ["TEMPORARY", "PERIODIC"],
      cadence: [null, "QUARTERLY"],
      termEnd: ["2027-03-31", null],
      mandate: ["…", "…"],
    });
  });

  it("refuses a save started from an older version (409, a clear message, nothing written)", async () => {
    const { lead, coordinator, team } = await partnership();
    const stale = await teamForm(team.id, { name: "Wersja lidera" });
    expect((await settingsPost(coordinator.cookie, team.id, await teamForm(team.id, { name: "Wersja koordynatora" }))).status).toBe(302);
    const res = await settingsPost(lead.cookie, team.id, stale);
    expect(res).toMatchObject({ status: 409, data: { errors: { _form: "teams.form.conflict" } } });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: "Wersja koordynatora", version: 2 });
    expect(await db.auditLog.count({ where: { action: "team.update" } })).toBe(1);
  });

  it("validates next to the fields and never answers 500 for odd input", async () => {
    const { lead, team } = await partnership();
    const res = await settingsPost(lead.cookie, team.id, await teamForm(team.id, { name: "", kind: "FOREVER", termStart: "jutro", version: "abc" }));
    expect(res).toMatchObject({ status: 400, data: { errors: { name: expect.stringMatching(/^validation\.tooShort/), kind: "validation.invalid", termStart: "teams.validation.date", version: "validation.invalid" } } });
    const unknown = await settingsPost(lead.cookie, team.id, { intent: "nonsense" });
    expect(unknown).toMatchObject({ status: 400, data: { errors: { _form: "validation.invalid" } } });
  });

  it("only offers and accepts workspaces the editor can see (keeping the current one is fine)", async () => {
    const { lead, coordinator, bkppt, frgk, team } = await partnership();
    const theirs = await db.workspace.create({ data: { name: "Konsultacje społeczne", owningInstitutionId: frgk.id, createdById: coordinator.user.id } });
    const refused = await settingsPost(lead.cookie, team.id, await teamForm(team.id, { workspaceId: theirs.id }));
    expect(refused).toMatchObject({ status: 400, data: { errors: { workspaceId: "teams.validation.workspace" } } });
    const ours = await db.workspace.create({ data: { name: "Strategia", owningInstitutionId: bkppt.id, createdById: coordinator.user.id, institutions: { create: { institutionId: bkppt.id, role: "EDITOR" } } } });
    expect((await settingsPost(lead.cookie, team.id, await teamForm(team.id, { workspaceId: ours.id }))).status).toBe(302);
    // An administrator set a workspace the lead does not see: the lead can still save other fields.
    await db.team.update({ where: { id: team.id }, data: { workspaceId: theirs.id } });
    expect((await settingsPost(lead.cookie, team.id, await teamForm(team.id, { name: "Zespół ds. promocji FST 2027" }))).status).toBe(302);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ workspaceId: theirs.id, name: "Zespół ds. promocji FST 2027" });
  });
});

describe("members", () => {
  it("a coordinator adds people from any institution (notified), changes roles and removes them; audited", async () => {
    const { coordinator, lead, member, outsider, team } = await partnership();
    const added = await settingsPost(coordinator.cookie, team.id, { intent: "addMembers", userIds: outsider.user.id, role: "MEMBER" });
    expect(added.status).toBe(302);
    const row = await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: outsider.user.id } });
    expect(row.role).toBe("MEMBER");
    expect(await db.notification.count({ where: { userId: outsider.user.id, kind: "team.member.added", entityId: team.id } })).toBe(1);
    // Now a member, the FRGK person sees the team.
    expect((await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: outsider.cookie }), p(team.id))).status).toBe(200);

    expect((await settingsPost(coordinator.cookie, team.id, { intent: "changeRole", id: row.id, role: "LEAD" })).status).toBe(302);
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ role: "LEAD" });
    const memberRow = await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: member.user.id } });
    expect((await settingsPost(coordinator.cookie, team.id, { intent: "removeMember", id: memberRow.id })).status).toBe(302);
    expect((await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: member.cookie }), p(team.id))).status).toBe(404);

    const actions = (await db.auditLog.findMany({ where: { entityId: team.id, action: { startsWith: "team.member" } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["team.member.add", "team.member.role", "team.member.remove"]);
    const again = await settingsPost(coordinator.cookie, team.id, { intent: "addMembers", userIds: lead.user.id, role: "MEMBER" });
    expect(again).toMatchObject({ status: 400, data: { errors: { userIds: "teams.members.alreadyMember" } } });
  });

  it("protects the last lead: neither demoted nor removed", async () => {
    const { coordinator, lead, team } = await partnership();
    const row = await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: lead.user.id } });
    expect(await settingsPost(coordinator.cookie, team.id, { intent: "changeRole", id: row.id, role: "MEMBER" })).toMatchObject({
      status: 400,
      data: { errors: { _form: "teams.members.lastLead" } },
    });
    expect(await settingsPost(coordinator.cookie, team.id, { intent: "removeMember", id: row.id })).toMatchObject({
      status: 400,
      data: { errors: { _form: "teams.members.lastLead" } },
    });
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ role: "LEAD" });
  });

  it("refuses deactivated people, empty picks, and rows of another team (404)", async () => {
    const { coordinator, bkppt, team } = await partnership();
    const gone = await buildUser({ institutionId: bkppt.id, deactivatedAt: new Date() });
    expect(await settingsPost(coordinator.cookie, team.id, { intent: "addMembers", userIds: gone.id, role: "MEMBER" })).toMatchObject({
      status: 400,
      data: { errors: { userIds: "teams.validation.personInactive" } },
    });
    expect(await settingsPost(coordinator.cookie, team.id, { intent: "addMembers", userIds: "", role: "MEMBER" })).toMatchObject({
      status: 400,
      data: { errors: { userIds: "teams.members.pickPeople" } },
    });
    const other = await buildTeam(coordinator.user.id, { name: "Inny zespół", members: [{ userId: gone.id, role: "LEAD" }] });
    const foreignRow = await db.teamMember.findFirstOrThrow({ where: { teamId: other.id } });
    expect((await settingsPost(coordinator.cookie, team.id, { intent: "removeMember", id: foreignRow.id })).status).toBe(404);
    expect(await db.teamMember.count({ where: { teamId: other.id } })).toBe(1);
  });
});
