// The team's Kanban board through its route: what it shows (only this team's cards, in board
// order, with counts, labels, checklist progress, overdue), who gets 404, who may move which
// card (403 audited), conflicts (409), the order after moves, the blocked reason, filters,
// column limits and a fixed number of queries.
import { describe, expect, it } from "vitest";
import * as boardRoute from "~/routes/_app.zespoly.$teamId.tablica";
import type { Board, BoardCard } from "~/modules/tasks/board.server";
import { db } from "~/utils/db.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";
import { buildTask, buildTeam } from "../team-factories";

type BoardData = { teamId: string; board: Board; filters: unknown; filtered: boolean };

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** BKPPT runs a team (lead, two members, a helper); FRGK has its own team and someone outside. */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const lead = await signedIn({ institutionId: bkppt.id, name: "Magdalena Wróbel" });
  const kasia = await signedIn({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const piotr = await signedIn({ institutionId: bkppt.id, name: "Piotr Zieliński" });
  const outsider = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const colleague = await signedIn({ institutionId: bkppt.id, name: "Tomasz Nowak" });
  const team = await buildTeam(lead.user.id, {
    name: "Koncepcja promocji FST",
    members: [{ userId: lead.user.id, role: "LEAD" }, { userId: kasia.user.id }, { userId: piotr.user.id }],
  });
  const otherTeam = await buildTeam(outsider.user.id, { name: "Konsultacje społeczne", members: [{ userId: outsider.user.id, role: "LEAD" }] });
  // Colleague is in BKPPT, but in another team only.
  await buildTeam(colleague.user.id, { name: "Zespół BKPPT", members: [{ userId: colleague.user.id, role: "LEAD" }] });
  return { bkppt, frgk, lead, kasia, piotr, outsider, colleague, team, otherTeam };
}

const boardPath = (teamId: string, qs = "") => `/zespoly/${teamId}/tablica${qs ? `?${qs}` : ""}`;

async function loadBoard(cookie: string, teamId: string, qs = "") {
  return run(boardRoute.loader, makeRequest(boardPath(teamId, qs), { cookie }), { teamId });
}

async function board(cookie: string, teamId: string, qs = ""): Promise<Board> {
  const res = await loadBoard(cookie, teamId, qs);
  expect(res.status).toBe(200);
  return (res.data as BoardData).board;
}

const column = (b: Board, status: string) => b.columns.find((c) => c.status === status)!;
const numbers = (b: Board, status: string) => column(b, status).cards.map((c) => c.number);
const card = (b: Board, id: string): BoardCard => b.columns.flatMap((c) => c.cards).find((c) => c.id === id)!;

async function move(cookie: string, teamId: string, form: Record<string, string>) {
  return run(boardRoute.action, makeRequest(boardPath(teamId), { cookie, form: { intent: "move", place: "top", ...form } }), { teamId });
}

async function version(taskId: string) {
  return String((await db.task.findUniqueOrThrow({ where: { id: taskId } })).version);
}

describe("the board shows", () => {
  it("only this team's live tasks, in five columns in board order, with counts and what a card needs", async () => {
    const { lead, kasia, piotr, team, otherTeam, outsider } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { title: "Plan kampanii", assigneeId: kasia.user.id, labels: ["promocja", "FST"], dueDate: "2020-01-10", priority: "URGENT" });
    const t2 = await buildTask(team.id, lead.user.id, { title: "Ankieta", status: "IN_PROGRESS", assigneeId: piotr.user.id, dueDate: "2999-05-01", dueTime: "10:30" });
    const t3 = await buildTask(team.id, lead.user.id, { title: "Dane z GUS", status: "BLOCKED", blockedReason: "Czekamy na GUS" });
    const done = await buildTask(team.id, lead.user.id, { title: "Zrobione dawno", status: "DONE", dueDate: "2020-01-01" });
    await buildTask(team.id, lead.user.id, { title: "W koszu", deletedAt: new Date() });
    await buildTask(otherTeam.id, outsider.user.id, { title: "Cudze zadanie" });
    await db.taskChecklistItem.createMany({
      data: [
        { taskId: t1.id, text: "a", done: true, position: 1 },
        { taskId: t1.id, text: "b", done: false, position: 2 },
        { taskId: t1.id, text: "c", done: true, position: 3 },
      ],
    });
    const b = await board(lead.cookie, team.id);
    expect(b.columns.map((c) => c.status)).toEqual(["TODO", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE"]);
    expect(b.columns.map((c) => c.total)).toEqual([1, 1, 1, 0, 1]);
    expect(b.teamTotal).toBe(4);
    const titles = b.columns.flatMap((c) => c.cards.map((x) => x.title));
    expect(titles).not.toContain("W koszu");
    expect(titles).not.toContain("Cudze zadanie");
    expect(card(b, t1.id)).toMatchObject({
      number: 1,
      title: "Plan kampanii",
      priority: "URGENT",
      assignee: { id: kasia.user.id, name: "Katarzyna Wójcik" },
      dueDate: "2020-01-10",
      overdue: true,
      labels: ["FST", "promocja"],
      checklist: { done: 2, total: 3 },
      canMove: true,
    });
    expect(card(b, t2.id)).toMatchObject({ overdue: false, dueHasTime: true, checklist: { done: 0, total: 0 }, labels: [] });
    expect(card(b, t3.id)).toMatchObject({ blockedReason: "Czekamy na GUS" });
    // Done is never overdue.
    expect(card(b, done.id).overdue).toBe(false);
    // No descriptions on the board.
    expect(card(b, t1.id)).not.toHaveProperty("description");
    expect(b.people.map((p) => p.name)).toEqual(["Katarzyna Wójcik", "Magdalena Wróbel", "Piotr Zieliński"]);
    expect(b.labels).toEqual(["FST", "promocja"]);
    expect(b.canCreate).toBe(true);
  });

  it("an empty team tells what to do (lead may create, a member may not)", async () => {
    const { lead, kasia, team } = await world();
    const forLead = await board(lead.cookie, team.id);
    expect(forLead).toMatchObject({ teamTotal: 0, canCreate: true, anyMovable: true });
    const forMember = await board(kasia.cookie, team.id);
    expect(forMember).toMatchObject({ teamTotal: 0, canCreate: false, anyMovable: false });
  });
});

describe("who sees the board", () => {
  it("someone of another institution gets 404 for the board and for a move, and nothing changes", async () => {
    const { lead, kasia, outsider, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id });
    const res = await loadBoard(outsider.cookie, team.id);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.data)).not.toContain(t1.title);
    const moved = await move(outsider.cookie, team.id, { taskId: t1.id, status: "IN_PROGRESS", version: "1" });
    expect(moved.status).toBe(404);
    expect((await db.task.findUniqueOrThrow({ where: { id: t1.id } })).status).toBe("TODO");
  });

  it("a member of another team of the same institution gets 404 too; a wrong team id is 404", async () => {
    const { lead, colleague, team } = await world();
    await buildTask(team.id, lead.user.id);
    expect((await loadBoard(colleague.cookie, team.id)).status).toBe(404);
    expect((await loadBoard(lead.cookie, "nie-ma-takiego")).status).toBe(404);
  });

  it("a task of another team named in a move is 404 (not moved)", async () => {
    const { lead, outsider, team, otherTeam } = await world();
    const foreign = await buildTask(otherTeam.id, outsider.user.id);
    const res = await move(lead.cookie, team.id, { taskId: foreign.id, status: "DONE", version: "1" });
    expect(res.status).toBe(404);
    expect((await db.task.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("TODO");
  });

  it("a coordinator of a member's institution sees the board and may move any card", async () => {
    const { bkppt, lead, kasia, team } = await world();
    const coord = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR" });
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id });
    expect(card(await board(coord.cookie, team.id), t1.id).canMove).toBe(true);
    expect((await move(coord.cookie, team.id, { taskId: t1.id, status: "IN_REVIEW", version: "1" })).status).toBe(200);
  });
});

describe("who may move a card", () => {
  it("a plain member cannot move someone else's card (403, audited) and sees it read-only", async () => {
    const { lead, kasia, piotr, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id });
    const b = await board(piotr.cookie, team.id);
    expect(card(b, t1.id).canMove).toBe(false);
    expect(b.anyMovable).toBe(false);
    const res = await move(piotr.cookie, team.id, { taskId: t1.id, status: "DONE", version: "1" });
    expect(res.status).toBe(403);
    expect((await db.task.findUniqueOrThrow({ where: { id: t1.id } })).status).toBe("TODO");
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: piotr.user.id, entityId: t1.id, summary: "task.changeStatus" } })).toBe(1);
  });

  it("the assignee moves their own card: status, history, audit and a notification for the others", async () => {
    const { lead, kasia, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id, title: "Plan kampanii" });
    expect(card(await board(kasia.cookie, team.id), t1.id).canMove).toBe(true);
    const res = await move(kasia.cookie, team.id, { taskId: t1.id, status: "IN_PROGRESS", version: "1" });
    expect(res).toMatchObject({ status: 200, data: { ok: true, version: 2 } });
    expect(await db.task.findUniqueOrThrow({ where: { id: t1.id } })).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "task.status", entityId: t1.id } });
    expect(audit).toMatchObject({ actorId: kasia.user.id, ip: "127.0.0.1" });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ status: ["TODO", "IN_PROGRESS"] });
    expect(await db.taskEvent.count({ where: { taskId: t1.id, kind: "status" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: lead.user.id, entityId: t1.id } })).toBe(1);
  });

  it("a helper moves the card they help with", async () => {
    const { lead, kasia, piotr, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id, helperIds: [piotr.user.id] });
    const b = await board(piotr.cookie, team.id);
    expect(card(b, t1.id)).toMatchObject({ canMove: true, mine: true });
    expect((await move(piotr.cookie, team.id, { taskId: t1.id, status: "IN_REVIEW", version: "1" })).status).toBe(200);
  });

  it("nobody moves cards of a closed team (403), the lead neither", async () => {
    const { lead, kasia } = await world();
    const closed = await buildTeam(lead.user.id, { status: "DONE", members: [{ userId: lead.user.id, role: "LEAD" }, { userId: kasia.user.id }] });
    const t1 = await buildTask(closed.id, lead.user.id, { assigneeId: kasia.user.id });
    const b = await board(lead.cookie, closed.id);
    expect(b).toMatchObject({ closed: true, anyMovable: false, canCreate: false });
    expect((await move(lead.cookie, closed.id, { taskId: t1.id, status: "DONE", version: "1" })).status).toBe(403);
  });
});

describe("moving", () => {
  it("a stale version is a conflict (409) and changes nothing", async () => {
    const { lead, kasia, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id });
    expect((await move(lead.cookie, team.id, { taskId: t1.id, status: "IN_PROGRESS", version: "1" })).status).toBe(200);
    // Kasia's board still says version 1.
    const res = await move(kasia.cookie, team.id, { taskId: t1.id, status: "DONE", version: "1" });
    expect(res).toMatchObject({ status: 409, data: { ok: false, conflict: true, error: "taskViews.move.conflict" } });
    expect(await db.task.findUniqueOrThrow({ where: { id: t1.id } })).toMatchObject({ status: "IN_PROGRESS", version: 2 });
  });

  it("keeps the order the user chose: top, after a card, bottom, within and across columns", async () => {
    const { lead, team } = await world();
    const [a, b, c] = [
      await buildTask(team.id, lead.user.id, { title: "A" }),
      await buildTask(team.id, lead.user.id, { title: "B" }),
      await buildTask(team.id, lead.user.id, { title: "C" }),
    ];
    const x = await buildTask(team.id, lead.user.id, { title: "X", status: "IN_PROGRESS" });
    expect(numbers(await board(lead.cookie, team.id), "TODO")).toEqual([1, 2, 3]);
    // C after A (within the column).
    expect((await move(lead.cookie, team.id, { taskId: c.id, status: "TODO", place: "after", afterId: a.id, version: await version(c.id) })).status).toBe(200);
    expect(numbers(await board(lead.cookie, team.id), "TODO")).toEqual([1, 3, 2]);
    // B to the top.
    expect((await move(lead.cookie, team.id, { taskId: b.id, status: "TODO", place: "top", version: await version(b.id) })).status).toBe(200);
    expect(numbers(await board(lead.cookie, team.id), "TODO")).toEqual([2, 1, 3]);
    // B to the bottom.
    expect((await move(lead.cookie, team.id, { taskId: b.id, status: "TODO", place: "bottom", version: await version(b.id) })).status).toBe(200);
    expect(numbers(await board(lead.cookie, team.id), "TODO")).toEqual([1, 3, 2]);
    // A to W toku, after X; then C to the top of W toku.
    expect((await move(lead.cookie, team.id, { taskId: a.id, status: "IN_PROGRESS", place: "after", afterId: x.id, version: await version(a.id) })).status).toBe(200);
    expect((await move(lead.cookie, team.id, { taskId: c.id, status: "IN_PROGRESS", place: "top", version: await version(c.id) })).status).toBe(200);
    const after = await board(lead.cookie, team.id);
    expect(numbers(after, "TODO")).toEqual([2]);
    expect(numbers(after, "IN_PROGRESS")).toEqual([3, 4, 1]);
    expect(column(after, "IN_PROGRESS").total).toBe(3);
    // Reordering is audited too (the status command audits status changes).
    expect(await db.auditLog.count({ where: { action: "task.reorder" } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "task.status" } })).toBe(2);
  });

  it("placing after a card that is no longer in that column is a conflict (the board changed)", async () => {
    const { lead, team } = await world();
    const a = await buildTask(team.id, lead.user.id, { title: "A" });
    const b = await buildTask(team.id, lead.user.id, { title: "B", status: "DONE" });
    const res = await move(lead.cookie, team.id, { taskId: a.id, status: "IN_PROGRESS", place: "after", afterId: b.id, version: "1" });
    expect(res.status).toBe(409);
    expect((await db.task.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("TODO");
  });

  it("Zablokowane needs a reason (400 next to the field), then keeps it; leaving the column clears it", async () => {
    const { lead, kasia, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id, { assigneeId: kasia.user.id });
    const missing = await move(kasia.cookie, team.id, { taskId: t1.id, status: "BLOCKED", version: "1", blockedReason: "  " });
    expect(missing).toMatchObject({ status: 400, data: { ok: false, errors: { blockedReason: "taskViews.move.reasonRequired" } } });
    const tooLong = await move(kasia.cookie, team.id, { taskId: t1.id, status: "BLOCKED", version: "1", blockedReason: "x".repeat(1001) });
    expect(tooLong).toMatchObject({ status: 400, data: { errors: { blockedReason: expect.stringMatching(/^validation\.tooLong/) } } });
    expect((await move(kasia.cookie, team.id, { taskId: t1.id, status: "BLOCKED", version: "1", blockedReason: "Czekamy na dane z gminy" })).status).toBe(200);
    expect(card(await board(kasia.cookie, team.id), t1.id)).toMatchObject({ status: "BLOCKED", blockedReason: "Czekamy na dane z gminy" });
    expect((await move(kasia.cookie, team.id, { taskId: t1.id, status: "IN_PROGRESS", version: "2" })).status).toBe(200);
    expect(await db.task.findUniqueOrThrow({ where: { id: t1.id } })).toMatchObject({ status: "IN_PROGRESS", blockedReason: null });
  });

  it("bad input is a 400 with keys, never a 500", async () => {
    const { lead, team } = await world();
    const t1 = await buildTask(team.id, lead.user.id);
    const badStatus = await move(lead.cookie, team.id, { taskId: t1.id, status: "LOST", version: "1" });
    expect(badStatus).toMatchObject({ status: 400, data: { errors: { status: "validation.invalid" } } });
    const badVersion = await move(lead.cookie, team.id, { taskId: t1.id, status: "DONE", version: "abc" });
    expect(badVersion).toMatchObject({ status: 400, data: { errors: { version: "validation.invalid" } } });
    const noAfter = await move(lead.cookie, team.id, { taskId: t1.id, status: "DONE", version: "1", place: "after" });
    expect(noAfter).toMatchObject({ status: 400, data: { errors: { afterId: "validation.invalid" } } });
    const noTask = await move(lead.cookie, team.id, { status: "DONE", version: "1" });
    expect(noTask).toMatchObject({ status: 400, data: { errors: { taskId: "validation.invalid" } } });
    const intent = await run(boardRoute.action, makeRequest(boardPath(team.id), { cookie: lead.cookie, form: { intent: "rename" } }), { teamId: team.id });
    expect(intent.status).toBe(400);
  });
});

describe("filters and limits", () => {
  it("by assignee, without assignee, by label and 'tylko moje' (helper included); counts follow the filter", async () => {
    const { lead, kasia, piotr, team } = await world();
    const k = await buildTask(team.id, lead.user.id, { title: "Kasi", assigneeId: kasia.user.id, labels: ["ankieta"] });
    const p = await buildTask(team.id, lead.user.id, { title: "Piotra", assigneeId: piotr.user.id, helperIds: [kasia.user.id], status: "IN_REVIEW" });
    const n = await buildTask(team.id, lead.user.id, { title: "Niczyje", labels: ["ankieta"] });
    const ids = (b: Board) => b.columns.flatMap((c) => c.cards.map((x) => x.id)).sort();
    expect(ids(await board(lead.cookie, team.id, `osoba=${kasia.user.id}`))).toEqual([k.id]);
    expect(ids(await board(lead.cookie, team.id, "osoba=brak"))).toEqual([n.id]);
    expect(ids(await board(lead.cookie, team.id, "etykieta=ankieta"))).toEqual([k.id, n.id].sort());
    const mine = await board(kasia.cookie, team.id, "moje=1");
    expect(ids(mine)).toEqual([k.id, p.id].sort());
    expect(mine.columns.map((c) => c.total)).toEqual([1, 0, 0, 1, 0]);
    const res = await loadBoard(kasia.cookie, team.id, "moje=1&etykieta=ankieta");
    expect(res.data).toMatchObject({ filtered: true, filters: { mine: true, label: "ankieta", assignee: null } });
    // Junk in the URL falls back to defaults.
    expect((await loadBoard(kasia.cookie, team.id, `n_TODO=abc&etykieta=${"x".repeat(500)}`)).status).toBe(200);
  });

  it("a column shows its first 100 cards by position and more on request", async () => {
    const { lead, team } = await world();
    await db.task.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({ teamId: team.id, number: i + 1, title: `Zadanie ${i + 1}`, createdById: lead.user.id, position: (i + 1) * 1024 })),
    });
    const first = await board(lead.cookie, team.id);
    expect(column(first, "TODO")).toMatchObject({ total: 130, limit: 100 });
    expect(numbers(first, "TODO")).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const more = await board(lead.cookie, team.id, "n_TODO=200");
    expect(column(more, "TODO").cards).toHaveLength(130);
  });
});

describe("query count", () => {
  it("the board costs the same number of statements for 3 tasks and for 40 (labels, checklists, helpers)", async () => {
    const { lead, kasia, piotr, team } = await world();
    const statuses = ["TODO", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE"] as const;
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const t = await buildTask(team.id, lead.user.id, {
          status: statuses[i % 5],
          assigneeId: i % 2 ? kasia.user.id : piotr.user.id,
          helperIds: i % 3 ? [] : [i % 2 ? piotr.user.id : kasia.user.id],
          labels: [`etykieta ${i % 4}`],
          dueDate: "2026-12-01",
        });
        await db.taskChecklistItem.create({ data: { taskId: t.id, text: "punkt", done: i % 2 === 0 } });
      }
    };
    const measure = () =>
      countStatements(async () => {
        expect((await loadBoard(kasia.cookie, team.id)).status).toBe(200);
      });
    await add(3);
    const few = await measure();
    await add(37);
    const many = await measure();
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(25);
  });
});
