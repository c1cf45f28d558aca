// Moje zadania and the deadline calendar: my tasks across teams (and only teams I can see),
// grouped by Warsaw deadlines also across the DST changes (a fixed `now`), the helper and done
// toggles, the quick status change with the board's rules, the calendar's month range and scope,
// and a fixed number of queries for both pages.
import { describe, expect, it } from "vitest";
import * as myTasksRoute from "~/routes/_app.zadania._index";
import * as calendarRoute from "~/routes/_app.zadania.kalendarz";
import { dayName, monthGrid, monthName, shiftMonth, weekdayNames } from "~/modules/tasks/calendar";
import { loadCalendar, type Calendar } from "~/modules/tasks/calendar.server";
import { monthOf } from "~/modules/tasks/calendar";
import { myTasksQuerySchema } from "~/modules/tasks/my-tasks";
import { loadMyTasks, type MyTasks } from "~/modules/tasks/my-tasks.server";
import { db } from "~/utils/db.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";
import { buildTask, buildTeam } from "../team-factories";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** Kasia is in two teams (led by Magda); FRGK's Anna has her own team. */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const lead = await signedIn({ institutionId: bkppt.id, name: "Magdalena Wróbel" });
  const kasia = await signedIn({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const piotr = await signedIn({ institutionId: bkppt.id, name: "Piotr Zieliński" });
  const anna = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const members = [{ userId: lead.user.id, role: "LEAD" as const }, { userId: kasia.user.id }, { userId: piotr.user.id }];
  const promo = await buildTeam(lead.user.id, { name: "Koncepcja promocji FST", members });
  const consult = await buildTeam(lead.user.id, { name: "Konsultacje społeczne", members });
  const foreign = await buildTeam(anna.user.id, { name: "Zespół FRGK", members: [{ userId: anna.user.id, role: "LEAD" }] });
  return { bkppt, frgk, lead, kasia, piotr, anna, promo, consult, foreign };
}

const query = (qs = "") => myTasksQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs)));
const bucketsOf = (m: MyTasks) => Object.fromEntries(m.groups.map((g) => [g.bucket, g.tasks.map((t) => t.title)]));

describe("Moje zadania", () => {
  it("lists my open tasks from all my teams with the team's name, not others' and not other teams'", async () => {
    const { lead, kasia, piotr, anna, promo, consult, foreign } = await world();
    await buildTask(promo.id, lead.user.id, { title: "Plan kampanii", assigneeId: kasia.user.id, dueDate: "2030-01-10" });
    await buildTask(consult.id, lead.user.id, { title: "Ankieta", assigneeId: kasia.user.id, status: "IN_PROGRESS" });
    await buildTask(promo.id, lead.user.id, { title: "Piotra", assigneeId: piotr.user.id });
    await buildTask(promo.id, lead.user.id, { title: "Zrobione", assigneeId: kasia.user.id, status: "DONE" });
    await buildTask(promo.id, lead.user.id, { title: "W koszu", assigneeId: kasia.user.id, deletedAt: new Date() });
    // Assigned in a team she is not in (and cannot see): never shown.
    await buildTask(foreign.id, anna.user.id, { title: "Cudze", assigneeId: kasia.user.id });
    const res = await run(myTasksRoute.loader, makeRequest("/zadania", { cookie: kasia.cookie }));
    expect(res.status).toBe(200);
    const data = res.data as MyTasks;
    const all = data.groups.flatMap((g) => g.tasks);
    expect(all.map((t) => t.title).sort()).toEqual(["Ankieta", "Plan kampanii"]);
    expect(all.find((t) => t.title === "Ankieta")).toMatchObject({ team: { id: consult.id, name: "Konsultacje społeczne" }, canChangeStatus: true, helping: false });
    expect(data.page).toMatchObject({ total: 2, page: 1 });
    expect(data.done).toBeNull();
  });

  it("helper toggle adds tasks I help with (marked); done toggle adds recently finished ones", async () => {
    const { lead, kasia, piotr, promo } = await world();
    await buildTask(promo.id, lead.user.id, { title: "Moje", assigneeId: kasia.user.id });
    await buildTask(promo.id, lead.user.id, { title: "Pomagam", assigneeId: piotr.user.id, helperIds: [kasia.user.id] });
    const old = await buildTask(promo.id, lead.user.id, { title: "Dawno zrobione", assigneeId: kasia.user.id, status: "DONE" });
    await db.task.update({ where: { id: old.id }, data: { completedAt: new Date(Date.now() - 30 * 86_400_000) } });
    await buildTask(promo.id, lead.user.id, { title: "Świeżo zrobione", assigneeId: kasia.user.id, status: "DONE" });
    const plain = (await run(myTasksRoute.loader, makeRequest("/zadania", { cookie: kasia.cookie }))).data as MyTasks;
    expect(plain.groups.flatMap((g) => g.tasks.map((t) => t.title))).toEqual(["Moje"]);
    const both = (await run(myTasksRoute.loader, makeRequest("/zadania?pomagam=1&zrobione=1", { cookie: kasia.cookie }))).data as MyTasks;
    const open = both.groups.flatMap((g) => g.tasks);
    expect(open.map((t) => t.title).sort()).toEqual(["Moje", "Pomagam"]);
    expect(open.find((t) => t.title === "Pomagam")).toMatchObject({ helping: true, canChangeStatus: true });
    expect(both.done?.map((t) => t.title)).toEqual(["Świeżo zrobione"]);
    expect(both.query).toEqual({ helper: true, done: true });
  });

  it("tasks of a closed team are not on the to-do list", async () => {
    const { lead, kasia } = await world();
    const closed = await buildTeam(lead.user.id, { status: "DISSOLVED", members: [{ userId: lead.user.id, role: "LEAD" }, { userId: kasia.user.id }] });
    await buildTask(closed.id, lead.user.id, { title: "Zostało", assigneeId: kasia.user.id });
    const data = await loadMyTasks(kasia.user, query(), new Date());
    expect(data.groups).toEqual([]);
  });

  it("groups by Warsaw deadlines on the night the clocks go forward (Sunday 29 March 2026, 00:30 CET)", async () => {
    const { lead, kasia, promo } = await world();
    const t = (title: string, dueDate: string | null, dueTime: string | null = null) =>
      buildTask(promo.id, lead.user.id, { title, assigneeId: kasia.user.id, dueDate, dueTime });
    await t("Sobota", "2026-03-28");
    await t("Niedziela", "2026-03-29");
    await t("Niedziela 01:00", "2026-03-29", "01:00");
    await t("Poniedziałek", "2026-03-30");
    await t("Bez terminu", null);
    // 23:30 UTC on Saturday is already Sunday 00:30 in Warsaw.
    const now = new Date("2026-03-28T23:30:00Z");
    const data = await loadMyTasks(kasia.user, query(), now);
    expect(data.groups.map((g) => g.bucket)).toEqual(["overdue", "today", "later", "none"]);
    expect(bucketsOf(data)).toEqual({
      overdue: ["Sobota"],
      today: ["Niedziela 01:00", "Niedziela"],
      later: ["Poniedziałek"],
      none: ["Bez terminu"],
    });
    expect(data.groups[0].tasks[0].overdue).toBe(true);
    expect(data.groups[1].tasks[0].overdue).toBe(false);
  });

  it("groups a week: Dziś, Ten tydzień (to Sunday), Później; past times today are overdue", async () => {
    const { lead, kasia, promo } = await world();
    const t = (title: string, dueDate: string, dueTime: string | null = null) =>
      buildTask(promo.id, lead.user.id, { title, assigneeId: kasia.user.id, dueDate, dueTime });
    await t("Rano", "2026-03-25", "10:00");
    await t("Dziś", "2026-03-25");
    await t("Niedziela", "2026-03-29");
    await t("Poniedziałek", "2026-03-30");
    // Wednesday 25 March, 13:00 in Warsaw (CET).
    const data = await loadMyTasks(kasia.user, query(), new Date("2026-03-25T12:00:00Z"));
    expect(bucketsOf(data)).toEqual({ overdue: ["Rano"], today: ["Dziś"], thisWeek: ["Niedziela"], later: ["Poniedziałek"] });
  });

  it("groups on the night the clocks go back (Sunday 25 October 2026, 23:30 CET)", async () => {
    const { lead, kasia, promo } = await world();
    const t = (title: string, dueDate: string, dueTime: string | null = null) =>
      buildTask(promo.id, lead.user.id, { title, assigneeId: kasia.user.id, dueDate, dueTime });
    await t("Niedziela", "2026-10-25");
    await t("Niedziela 23:00", "2026-10-25", "23:00");
    await t("Poniedziałek", "2026-10-26");
    const data = await loadMyTasks(kasia.user, query(), new Date("2026-10-25T22:30:00Z"));
    expect(bucketsOf(data)).toEqual({ overdue: ["Niedziela 23:00"], today: ["Niedziela"], later: ["Poniedziałek"] });
  });

  it("paginates in deadline order (50 a page), groups continue on the next page", async () => {
    const { lead, kasia, promo } = await world();
    await db.task.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        teamId: promo.id,
        number: i + 1,
        title: `Zadanie ${i + 1}`,
        createdById: lead.user.id,
        assigneeId: kasia.user.id,
        ...(i < 52 ? { dueDate: "2030-01-01", dueAt: new Date(Date.UTC(2030, 0, 1) + i * 60_000) } : {}),
      })),
    });
    const first = await loadMyTasks(kasia.user, query(), new Date("2026-11-24T10:00:00Z"));
    expect(first.page).toMatchObject({ total: 55, pageCount: 2 });
    expect(first.groups.flatMap((g) => g.tasks)).toHaveLength(50);
    const second = await loadMyTasks(kasia.user, query("page=2"), new Date("2026-11-24T10:00:00Z"));
    expect(bucketsOf(second)).toEqual({ later: ["Zadanie 51", "Zadanie 52"], none: ["Zadanie 53", "Zadanie 54", "Zadanie 55"] });
  });

  it("the page costs the same number of statements for 3 and for 30 tasks (also with both toggles)", async () => {
    const { lead, kasia, piotr, promo, consult } = await world();
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await buildTask(i % 2 ? promo.id : consult.id, lead.user.id, {
          assigneeId: i % 3 ? kasia.user.id : piotr.user.id,
          helperIds: i % 3 ? [] : [kasia.user.id],
          status: i % 4 === 0 ? "DONE" : "TODO",
          dueDate: i % 5 ? `2026-12-${String((i % 28) + 1).padStart(2, "0")}` : null,
        });
      }
    };
    const measure = async (qs: string) =>
      countStatements(async () => {
        expect((await run(myTasksRoute.loader, makeRequest(`/zadania${qs}`, { cookie: kasia.cookie }))).status).toBe(200);
      });
    await add(3);
    const few = [await measure(""), await measure("?pomagam=1&zrobione=1")];
    await add(27);
    const many = [await measure(""), await measure("?pomagam=1&zrobione=1")];
    expect(many).toEqual(few);
    expect(Math.max(...few)).toBeLessThanOrEqual(15);
  });
});

describe("quick status change from Moje zadania", () => {
  const post = (cookie: string, form: Record<string, string>) => run(myTasksRoute.action, makeRequest("/zadania", { cookie, form: { intent: "move", ...form } }));

  it("the assignee changes the status (audited); a stale version is 409; Zablokowane needs a reason", async () => {
    const { lead, kasia, promo } = await world();
    const t1 = await buildTask(promo.id, lead.user.id, { assigneeId: kasia.user.id });
    const ok = await post(kasia.cookie, { teamId: promo.id, taskId: t1.id, status: "IN_PROGRESS", version: "1" });
    expect(ok).toMatchObject({ status: 200, data: { ok: true } });
    expect(await db.auditLog.count({ where: { action: "task.status", entityId: t1.id, actorId: kasia.user.id } })).toBe(1);
    expect((await post(kasia.cookie, { teamId: promo.id, taskId: t1.id, status: "DONE", version: "1" })).status).toBe(409);
    const noReason = await post(kasia.cookie, { teamId: promo.id, taskId: t1.id, status: "BLOCKED", version: "2" });
    expect(noReason).toMatchObject({ status: 400, data: { errors: { blockedReason: "taskViews.move.reasonRequired" } } });
    expect((await db.task.findUniqueOrThrow({ where: { id: t1.id } })).status).toBe("IN_PROGRESS");
  });

  it("someone else's task in my team is 403 (audited); a task of a team I cannot see is 404", async () => {
    const { lead, kasia, piotr, anna, promo, foreign } = await world();
    const piotrs = await buildTask(promo.id, lead.user.id, { assigneeId: piotr.user.id });
    const forbidden = await post(kasia.cookie, { teamId: promo.id, taskId: piotrs.id, status: "DONE", version: "1" });
    expect(forbidden.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: kasia.user.id, entityId: piotrs.id } })).toBe(1);
    const annas = await buildTask(foreign.id, anna.user.id, { assigneeId: kasia.user.id });
    expect((await post(kasia.cookie, { teamId: foreign.id, taskId: annas.id, status: "DONE", version: "1" })).status).toBe(404);
    // The team id decides: a task id under the wrong team is 404 as well.
    expect((await post(kasia.cookie, { teamId: promo.id, taskId: annas.id, status: "DONE", version: "1" })).status).toBe(404);
    expect(await db.task.count({ where: { status: "DONE" } })).toBe(0);
    expect((await post(kasia.cookie, { taskId: annas.id, status: "DONE", version: "1" })).status).toBe(400);
  });
});

describe("the deadline calendar", () => {
  it("builds Monday-first weeks covering the month, with Polish names", () => {
    const grid = monthGrid("2026-11");
    expect(grid).toMatchObject({ start: "2026-10-26", end: "2026-12-06" });
    expect(grid.weeks).toHaveLength(6);
    expect(grid.weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid("2027-02")).toMatchObject({ start: "2027-02-01", end: "2027-02-28" });
    expect(monthName("2026-11", "pl")).toBe("Listopad 2026");
    expect(monthName("2026-11", "en")).toBe("November 2026");
    expect(weekdayNames("pl")[0].long).toBe("poniedziałek");
    expect(weekdayNames("pl")[6].long).toBe("niedziela");
    expect(dayName("2026-11-24", "pl")).toBe("wtorek, 24 listopada 2026");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });

  it("queries exactly the visible weeks (Warsaw dates, across the October DST change)", async () => {
    const { lead, kasia, promo } = await world();
    const t = (title: string, dueDate: string, dueTime: string | null = null) =>
      buildTask(promo.id, lead.user.id, { title, assigneeId: kasia.user.id, dueDate, dueTime });
    await t("Przed siatką", "2026-10-25", "23:30");
    await t("Pierwszy dzień siatki", "2026-10-26", "00:00");
    await t("Środek", "2026-11-18");
    await t("Ostatni dzień siatki", "2026-12-06");
    await t("Po siatce", "2026-12-07", "00:00");
    const cal = await loadCalendar(kasia.user, { m: "2026-11", zakres: "moje" }, new Date("2026-11-24T10:00:00Z"));
    const titles = Object.values(cal.days).flat().map((e) => e.title);
    expect(titles).toEqual(["Pierwszy dzień siatki", "Środek", "Ostatni dzień siatki"]);
    expect(Object.keys(cal.days).sort()).toEqual(["2026-10-26", "2026-11-18", "2026-12-06"]);
    expect(cal).toMatchObject({ month: "2026-11", today: "2026-11-24", scope: "moje", truncated: false, count: 3 });
    expect(cal.days["2026-11-18"][0]).toMatchObject({ teamName: "Koncepcja promocji FST", overdue: true, status: "TODO" });
  });

  it("mine by default (assignee or helper), all of my teams on request, never another team's", async () => {
    const { lead, kasia, piotr, anna, promo, consult, foreign } = await world();
    await buildTask(promo.id, lead.user.id, { title: "Moje", assigneeId: kasia.user.id, dueDate: "2026-11-10" });
    await buildTask(consult.id, lead.user.id, { title: "Pomagam", assigneeId: piotr.user.id, helperIds: [kasia.user.id], dueDate: "2026-11-11" });
    await buildTask(promo.id, lead.user.id, { title: "Piotra", assigneeId: piotr.user.id, dueDate: "2026-11-12" });
    await buildTask(foreign.id, anna.user.id, { title: "Cudze", assigneeId: anna.user.id, dueDate: "2026-11-12" });
    const titles = (c: Calendar) => Object.values(c.days).flat().map((e) => e.title);
    const now = new Date("2026-11-01T10:00:00Z");
    expect(titles(await loadCalendar(kasia.user, { m: "2026-11", zakres: "moje" }, now))).toEqual(["Moje", "Pomagam"]);
    expect(titles(await loadCalendar(kasia.user, { m: "2026-11", zakres: "wszystkie" }, now))).toEqual(["Moje", "Pomagam", "Piotra"]);
    const viaRoute = await run(calendarRoute.loader, makeRequest("/zadania/kalendarz?m=2026-11&zakres=wszystkie", { cookie: kasia.cookie }));
    expect(viaRoute.status).toBe(200);
    expect(titles(viaRoute.data as Calendar)).toEqual(["Moje", "Pomagam", "Piotra"]);
    const annas = await run(calendarRoute.loader, makeRequest("/zadania/kalendarz?m=2026-11&zakres=wszystkie", { cookie: anna.cookie }));
    expect(titles(annas.data as Calendar)).toEqual(["Cudze"]);
  });

  it("a missing or broken ?m shows the current month; a broken scope shows mine", async () => {
    const { kasia } = await world();
    for (const qs of ["", "?m=2026-13", "?m=abc", "?zakres=wszystko"]) {
      const res = await run(calendarRoute.loader, makeRequest(`/zadania/kalendarz${qs}`, { cookie: kasia.cookie }));
      expect(res.status, qs).toBe(200);
      expect(res.data, qs).toMatchObject({ month: monthOf(new Date()), scope: "moje" });
    }
  });

  it("costs the same number of statements for 3 and for 30 deadlines", async () => {
    const { lead, kasia, promo, consult } = await world();
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await buildTask(i % 2 ? promo.id : consult.id, lead.user.id, { assigneeId: kasia.user.id, dueDate: `2026-11-${String((i % 28) + 1).padStart(2, "0")}` });
      }
    };
    const measure = async () =>
      countStatements(async () => {
        for (const scope of ["moje", "wszystkie"]) {
          expect((await run(calendarRoute.loader, makeRequest(`/zadania/kalendarz?m=2026-11&zakres=${scope}`, { cookie: kasia.cookie }))).status).toBe(200);
        }
      });
    await add(3);
    const few = await measure();
    await add(27);
    expect(await measure()).toBe(few);
  });
});
