// A team's life: Planowany → Aktywny → Zakończony (closing report) | Rozwiązany, reopening, the
// read-only closed team, the trash; and the list: filters, counts, a fixed number of queries.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as listRoute from "~/routes/_app.zespoly._index";
import * as frameRoute from "~/routes/_app.zespoly.$teamId";
import * as overviewRoute from "~/routes/_app.zespoly.$teamId._index";
import * as settingsRoute from "~/routes/_app.zespoly.$teamId.ustawienia";
import { addDays, warsawDate } from "~/modules/tasks/deadline";
import type { TeamListItem } from "~/modules/teams/teams.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";
import { buildTask, buildTeam } from "../team-factories";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

async function setup(status: "PLANNED" | "ACTIVE" = "ACTIVE") {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const lead = await signedIn({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const member = await signedIn({ institutionId: rig.id, name: "Łukasz Żak" });
  const outsider = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const otherCoordinator = await signedIn({ institutionId: frgk.id, institutionRole: "COORDINATOR", name: "Tomasz Kaczmarek" });
  const workspace = await db.workspace.create({
    data: {
      name: "Koncepcja promocji FST",
      owningInstitutionId: bkppt.id,
      createdById: coordinator.user.id,
      institutions: { create: [{ institutionId: bkppt.id, role: "EDITOR" }, { institutionId: rig.id, role: "EDITOR" }] },
    },
  });
  const team = await buildTeam(coordinator.user.id, {
    name: "Zespół ds. promocji FST",
    status,
    workspaceId: workspace.id,
    members: [
      { userId: lead.user.id, role: "LEAD" },
      { userId: member.user.id, role: "MEMBER" },
    ],
  });
  return { bkppt, rig, frgk, coordinator, lead, member, outsider, otherCoordinator, workspace, team };
}

const p = (teamId: string) => ({ teamId });
const statusPost = (cookie: string, teamId: string, form: Record<string, string>) =>
  run(overviewRoute.action, makeRequest(`/zespoly/${teamId}`, { cookie, form: { intent: "status", ...form } }), p(teamId));

async function addDocument(workspaceId: string, createdById: string, name: string) {
  return db.document.create({ data: { workspaceId, name, nameKey: name.toLowerCase(), mimeType: "application/pdf", size: BigInt(1024), createdById } });
}

describe("lifecycle", () => {
  it("the lead starts a planned team; members are notified; audited", async () => {
    const { lead, member, team } = await setup("PLANNED");
    const res = await statusPost(lead.cookie, team.id, { status: "ACTIVE" });
    expect(res.status).toBe(302);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ status: "ACTIVE", closedAt: null, version: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "team.status", entityId: team.id } });
    expect(JSON.parse(audit.changes ?? "{}")).toEqual({ status: ["PLANNED", "ACTIVE"] });
    const notes = await db.notification.findMany({ where: { entityId: team.id, kind: "team.status" } });
    expect(notes.map((n) => [n.userId, n.title])).toEqual([[member.user.id, "teams.notify.started"]]);
  });

  it("closing as Zakończony needs the outcome; the document must come from the team's workspace library", async () => {
    const { lead, coordinator, workspace, bkppt, team } = await setup();
    const missing = await statusPost(lead.cookie, team.id, { status: "DONE", outcome: "  " });
    expect(missing).toMatchObject({ status: 400, data: { status: "DONE", errors: { outcome: "teams.validation.outcomeRequired" } } });
    const elsewhere = await db.workspace.create({ data: { name: "Strategia", owningInstitutionId: bkppt.id, createdById: coordinator.user.id, institutions: { create: { institutionId: bkppt.id, role: "EDITOR" } } } });
    const foreign = await addDocument(elsewhere.id, coordinator.user.id, "Inny raport.pdf");
    const wrongDoc = await statusPost(lead.cookie, team.id, { status: "DONE", outcome: "Koncepcja gotowa.", outcomeDocumentId: foreign.id });
    expect(wrongDoc).toMatchObject({ status: 400, data: { errors: { outcomeDocumentId: "teams.validation.outcomeDocument" } } });
    const trashed = await addDocument(workspace.id, coordinator.user.id, "Usunięty raport.pdf");
    await db.document.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    expect((await statusPost(lead.cookie, team.id, { status: "DONE", outcome: "Koncepcja gotowa.", outcomeDocumentId: trashed.id })).status).toBe(400);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ status: "ACTIVE" });

    const report = await addDocument(workspace.id, coordinator.user.id, "Raport końcowy zespołu.pdf");
    const overview = await run(overviewRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: lead.cookie }), p(team.id));
    expect((overview.data as { documentOptions: { name: string }[] }).documentOptions.map((d) => d.name)).toEqual(["Raport końcowy zespołu.pdf"]);
    const done = await statusPost(lead.cookie, team.id, { status: "DONE", outcome: "Koncepcja promocji przyjęta przez partnerów.", outcomeDocumentId: report.id });
    expect(done.status).toBe(302);
    const closed = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(closed).toMatchObject({ status: "DONE", outcome: "Koncepcja promocji przyjęta przez partnerów.", outcomeDocumentId: report.id, closedById: lead.user.id });
    expect(closed.closedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "team.status", entityId: team.id } });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ status: ["ACTIVE", "DONE"], outcomeDocumentId: [null, report.id] });
  });

  it("a closed team is read-only but fully visible to members and coordinators; the report is shown; it can be reopened", async () => {
    const { lead, member, coordinator, workspace, team } = await setup();
    const report = await addDocument(workspace.id, coordinator.user.id, "Raport końcowy.pdf");
    await buildTask(team.id, lead.user.id, { status: "DONE" });
    expect((await statusPost(coordinator.cookie, team.id, { status: "DONE", outcome: "Zrobione.", outcomeDocumentId: report.id })).status).toBe(302);

    for (const who of [lead, member, coordinator]) {
      const frame = await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: who.cookie }), p(team.id));
      expect(frame.data, who.user.name).toMatchObject({ team: { status: "DONE" }, can: { view: true, updateTeam: false, manageMembers: false, createTask: false, comment: false } });
      const overview = await run(overviewRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: who.cookie }), p(team.id));
      expect(overview.data, who.user.name).toMatchObject({
        team: { status: "DONE", outcome: "Zrobione.", closedBy: "Magdalena Wróbel" },
        outcomeDocument: { id: report.id, name: "Raport końcowy.pdf" },
        progress: { total: 1, done: 1 },
      });
    }
    // Read-only: even those who ran it cannot edit or change members until it is reopened.
    const form = { intent: "save", version: "2", name: "Po zamknięciu", mandate: "<p>Cel</p>", kind: "TEMPORARY", termStart: "2026-11-01", termEnd: "2027-03-31" };
    expect((await run(settingsRoute.action, makeRequest(`/zespoly/${team.id}/ustawienia`, { cookie: lead.cookie, form }), p(team.id))).status).toBe(403);
    expect(
      (await run(settingsRoute.action, makeRequest(`/zespoly/${team.id}/ustawienia`, { cookie: coordinator.cookie, form: { intent: "addMembers", userIds: member.user.id } }), p(team.id))).status,
    ).toBe(403);
    // A plain member cannot reopen it; the lead can.
    expect((await statusPost(member.cookie, team.id, { status: "ACTIVE" })).status).toBe(403);
    expect((await statusPost(lead.cookie, team.id, { status: "ACTIVE" })).status).toBe(302);
    const reopened = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(reopened).toMatchObject({ status: "ACTIVE", closedAt: null, closedById: null, outcome: "Zrobione." });
    // Members hear about it, the one who acted does not.
    const notes = await db.notification.findMany({ where: { entityId: team.id, title: "teams.notify.reopened" } });
    expect(notes.map((n) => n.userId)).toEqual([member.user.id]);
  });

  it("dissolving takes an optional reason; moves outside TEAM_TRANSITIONS are refused", async () => {
    const { lead, team } = await setup("PLANNED");
    expect(await statusPost(lead.cookie, team.id, { status: "DONE", outcome: "Za wcześnie" })).toMatchObject({ status: 400, data: { errors: { status: "teams.validation.transition" } } });
    expect(await statusPost(lead.cookie, team.id, { status: "PLANNED" })).toMatchObject({ status: 400, data: { errors: { status: "teams.validation.transition" } } });
    expect(await statusPost(lead.cookie, team.id, { status: "ARCHIVED" })).toMatchObject({ status: 400, data: { errors: { status: "validation.invalid" } } });
    expect((await statusPost(lead.cookie, team.id, { status: "DISSOLVED" })).status).toBe(302);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ status: "DISSOLVED", outcome: null });
    // A second click on the same move changes nothing.
    expect(await statusPost(lead.cookie, team.id, { status: "DISSOLVED" })).toMatchObject({ status: 400, data: { errors: { status: "teams.validation.transition" } } });
    expect(await db.auditLog.count({ where: { action: "team.status" } })).toBe(1);
  });
});

describe("trash", () => {
  it("a coordinator moves the team to the trash: it disappears for its members; the coordinator restores it from the trash view", async () => {
    const { coordinator, lead, member, team } = await setup();
    const res = await run(settingsRoute.action, makeRequest(`/zespoly/${team.id}/ustawienia`, { cookie: coordinator.cookie, form: { intent: "trash" } }), p(team.id));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/zespoly");
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ deletedById: coordinator.user.id });
    for (const who of [lead, member, coordinator]) {
      expect((await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: who.cookie }), p(team.id))).status).toBe(404);
      expect((await run(listRoute.loader, makeRequest("/zespoly?status=all", { cookie: who.cookie }))).data).toMatchObject({ items: [] });
    }
    // Members have no trash; asking for it shows the default view.
    expect((await run(listRoute.loader, makeRequest("/zespoly?status=trash", { cookie: lead.cookie }))).data).toMatchObject({ status: "open", items: [], canTrash: false });
    const trash = await run(listRoute.loader, makeRequest("/zespoly?status=trash", { cookie: coordinator.cookie }));
    expect((trash.data as { items: TeamListItem[] }).items.map((i) => i.id)).toEqual([team.id]);

    // A member cannot restore it (404: for them it does not exist); the coordinator can.
    const restore = (cookie: string) => run(listRoute.action, makeRequest("/zespoly", { cookie, form: { intent: "restore", teamId: team.id } }));
    expect((await restore(lead.cookie)).status).toBe(404);
    const restored = await restore(coordinator.cookie);
    expect(restored.status).toBe(302);
    expect(restored.headers.get("Location")).toBe(`/zespoly/${team.id}`);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ deletedAt: null, deletedById: null });
    expect((await run(frameRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: member.cookie }), p(team.id))).status).toBe(200);
    const actions = (await db.auditLog.findMany({ where: { entityId: team.id, action: { in: ["team.trash", "team.restore"] } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["team.trash", "team.restore"]);
  });

  it("a coordinator of an unrelated institution neither sees nor restores a trashed team (404)", async () => {
    const { coordinator, otherCoordinator, team } = await setup();
    await run(settingsRoute.action, makeRequest(`/zespoly/${team.id}/ustawienia`, { cookie: coordinator.cookie, form: { intent: "trash" } }), p(team.id));
    expect((await run(listRoute.loader, makeRequest("/zespoly?status=trash", { cookie: otherCoordinator.cookie }))).data).toMatchObject({ items: [] });
    const res = await run(listRoute.action, makeRequest("/zespoly", { cookie: otherCoordinator.cookie, form: { intent: "restore", teamId: team.id } }));
    expect(res.status).toBe(404);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).not.toMatchObject({ deletedAt: null });
  });
});

describe("the list", () => {
  it("filters by status, kind, 'my teams' and name, and counts done, total and overdue tasks", async () => {
    const { coordinator, lead, member, team } = await setup();
    const today = warsawDate(new Date());
    await buildTask(team.id, lead.user.id, { status: "DONE", dueDate: addDays(today, -5) });
    await buildTask(team.id, lead.user.id, { status: "IN_PROGRESS", dueDate: addDays(today, -2) });
    await buildTask(team.id, lead.user.id, { status: "TODO", dueDate: addDays(today, 3) });
    await buildTask(team.id, lead.user.id, { status: "TODO", dueDate: addDays(today, -1), deletedAt: new Date() });
    const periodic = await buildTeam(coordinator.user.id, { name: "Zespół ds. monitoringu", kind: "PERIODIC", members: [{ userId: coordinator.user.id, role: "LEAD" }] });
    await buildTeam(coordinator.user.id, { name: "Zespół ds. konsultacji", status: "DONE", members: [{ userId: member.user.id, role: "LEAD" }] });

    const list = async (cookie: string, qs = "") => (await run(listRoute.loader, makeRequest(`/zespoly${qs}`, { cookie }))).data as { items: TeamListItem[]; page: { total: number } };
    const names = async (cookie: string, qs = "") => (await list(cookie, qs)).items.map((i) => i.name);

    const open = await list(coordinator.cookie);
    expect(open.items.map((i) => i.name).sort()).toEqual(["Zespół ds. monitoringu", "Zespół ds. promocji FST"]);
    const promo = open.items.find((i) => i.id === team.id)!;
    expect(promo).toMatchObject({ leads: ["Katarzyna Wójcik"], memberCount: 2, institutions: ["BKPPT", "RIG"], tasks: { total: 3, done: 1, overdue: 1 }, mine: false });
    expect(open.items.find((i) => i.id === periodic.id)).toMatchObject({ kind: "PERIODIC", cadence: "MONTHLY", mine: true, tasks: { total: 0, done: 0, overdue: 0 } });

    expect(await names(coordinator.cookie, "?status=DONE")).toEqual(["Zespół ds. konsultacji"]);
    expect((await names(coordinator.cookie, "?status=all")).length).toBe(3);
    expect(await names(coordinator.cookie, "?kind=PERIODIC")).toEqual(["Zespół ds. monitoringu"]);
    expect(await names(coordinator.cookie, "?mine=1&status=all")).toEqual(["Zespół ds. monitoringu"]);
    expect(await names(coordinator.cookie, "?q=promocji")).toEqual(["Zespół ds. promocji FST"]);
    // Odd values fall back to the defaults instead of failing.
    expect((await run(listRoute.loader, makeRequest("/zespoly?status=zly&kind=x&page=-3&mine=tak", { cookie: coordinator.cookie }))).status).toBe(200);
    // The RIG member sees the two teams they are in, nothing else.
    expect((await names(member.cookie, "?status=all")).sort()).toEqual(["Zespół ds. konsultacji", "Zespół ds. promocji FST"]);
  });

  it("is paginated and costs the same number of SQL statements for 3 teams and for 25", async () => {
    const { coordinator, lead, member } = await setup();
    const addTeams = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const t = await buildTeam(coordinator.user.id, {
          name: `Zespół ${String(i).padStart(2, "0")}`,
          members: [
            { userId: lead.user.id, role: "LEAD" },
            { userId: member.user.id, role: "MEMBER" },
          ],
        });
        await buildTask(t.id, lead.user.id, { status: i % 2 ? "DONE" : "TODO", dueDate: "2020-01-01" });
      }
    };
    const measure = () =>
      countStatements(async () => {
        const res = await run(listRoute.loader, makeRequest("/zespoly", { cookie: coordinator.cookie }));
        expect(res.status).toBe(200);
      });
    await addTeams(2);
    const few = await measure();
    await addTeams(23);
    const many = await measure();
    expect(many).toBe(few);
    const first = (await run(listRoute.loader, makeRequest("/zespoly", { cookie: coordinator.cookie }))).data as { items: unknown[]; page: { total: number; pageCount: number } };
    expect(first.items).toHaveLength(20);
    expect(first.page).toMatchObject({ total: 26, pageCount: 2 });
    const second = (await run(listRoute.loader, makeRequest("/zespoly?page=2", { cookie: coordinator.cookie }))).data as { items: unknown[] };
    expect(second.items).toHaveLength(6);
  }, 60_000);

  it("the overview's progress counts tasks (not deleted ones) and draws open/done over time", async () => {
    const { lead, team } = await setup();
    const today = warsawDate(new Date());
    await buildTask(team.id, lead.user.id, { status: "DONE" });
    await buildTask(team.id, lead.user.id, { status: "BLOCKED", dueDate: addDays(today, -1) });
    await buildTask(team.id, lead.user.id, { status: "TODO", dueDate: today });
    await buildTask(team.id, lead.user.id, { status: "TODO", deletedAt: new Date() });
    const res = await run(overviewRoute.loader, makeRequest(`/zespoly/${team.id}`, { cookie: lead.cookie }), p(team.id));
    const progress = (res.data as { progress: { total: number; done: number; overdue: number; chart: { date: string; open: number; done: number }[] } }).progress;
    expect(progress).toMatchObject({ total: 3, done: 1, overdue: 1 });
    const last = progress.chart[progress.chart.length - 1];
    expect(last).toEqual({ date: today, open: 2, done: 1 });
    expect(progress.chart[0].date).toBe("2026-11-01");
  });
});
