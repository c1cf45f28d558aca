// The team's task list and its CSV export through real requests: filters (assignee, status, label,
// due range, overdue) and sorts from URL parameters (bad ones ignored), pagination, a fixed number
// of SQL statements whatever the number of tasks, and a CSV that Excel opens with Polish letters.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as listRoute from "~/routes/_app.zespoly.$teamId.zadania._index";
import * as csvRoute from "~/routes/zespoly.$teamId.zadania[.]csv";
import { parseTaskListQuery } from "~/modules/tasks/task-list";
import { teamUrls } from "~/modules/tasks/task-urls";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run, testContext } from "../http";
import { countStatements } from "../query-count";
import { buildTask, buildTeam } from "../team-factories";

type ListData = Awaited<ReturnType<typeof listRoute.loader>>;

async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const lead = await buildUser({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const anna = await buildUser({ institutionId: bkppt.id, name: "Anna Nowak" });
  const zak = await buildUser({ institutionId: bkppt.id, name: "Łukasz Żak" });
  const stranger = await buildUser({ institutionId: frgk.id, name: "Obca Osoba" });
  const team = await buildTeam(lead.id, { name: "Zespół ds. konsultacji", members: [{ userId: lead.id, role: "LEAD" }, { userId: anna.id }, { userId: zak.id }] });
  return { lead, anna, zak, stranger, team, cookie: await loginAs(lead.id), strangerCookie: await loginAs(stranger.id) };
}

async function list(cookie: string, teamId: string, query = "") {
  const res = await run(listRoute.loader, makeRequest(`${teamUrls.tasks(teamId)}${query ? `?${query}` : ""}`, { cookie }), { teamId });
  expect(res.status).toBe(200);
  return res.data as ListData;
}

const titles = (data: ListData) => data.rows.map((r) => r.title);

async function csv(cookie: string, teamId: string, query = "") {
  try {
    return (await csvRoute.loader({ request: makeRequest(`${teamUrls.tasksCsv(teamId)}${query ? `?${query}` : ""}`, { cookie }), params: { teamId }, context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the task list", () => {
  it("filters by assignee, status (several), label, due range and overdue; bad values are ignored", async () => {
    const w = await world();
    const t = w.team.id;
    await buildTask(t, w.lead.id, { title: "Przeterminowane Anny", assigneeId: w.anna.id, dueDate: "2020-03-01", labels: ["FST"] });
    await buildTask(t, w.lead.id, { title: "Zrobione po terminie", assigneeId: w.anna.id, dueDate: "2020-03-02", status: "DONE" });
    await buildTask(t, w.lead.id, { title: "Grudniowe Łukasza", assigneeId: w.zak.id, dueDate: "2030-12-10", status: "IN_PROGRESS", labels: ["FST", "raport"] });
    await buildTask(t, w.lead.id, { title: "Styczniowe", dueDate: "2031-01-05", status: "BLOCKED" });
    await buildTask(t, w.lead.id, { title: "Bez terminu", status: "IN_REVIEW" });
    await buildTask(t, w.lead.id, { title: "W koszu", deletedAt: new Date() });

    const all = await list(w.cookie, t);
    // Default: nearest deadline first, tasks without one last; the trash is not listed.
    expect(titles(all)).toEqual(["Przeterminowane Anny", "Zrobione po terminie", "Grudniowe Łukasza", "Styczniowe", "Bez terminu"]);
    expect(all.rows.map((r) => r.overdue)).toEqual([true, false, false, false, false]);
    expect(all.filtered).toBe(false);
    expect(all.labels).toEqual(["FST", "raport"]);
    expect(all.members.map((m) => m.name)).toEqual(["Katarzyna Wójcik", "Anna Nowak", "Łukasz Żak"]);

    expect(titles(await list(w.cookie, t, `assignee=${w.anna.id}`))).toEqual(["Przeterminowane Anny", "Zrobione po terminie"]);
    expect(titles(await list(w.cookie, t, "assignee=none"))).toEqual(["Styczniowe", "Bez terminu"]);
    expect(titles(await list(w.cookie, t, "status=BLOCKED,IN_REVIEW"))).toEqual(["Styczniowe", "Bez terminu"]);
    expect(titles(await list(w.cookie, t, "status=DONE&status=IN_PROGRESS"))).toEqual(["Zrobione po terminie", "Grudniowe Łukasza"]);
    expect(titles(await list(w.cookie, t, "label=FST"))).toEqual(["Przeterminowane Anny", "Grudniowe Łukasza"]);
    // Due range in Warsaw days, both ends included; typed the wrong way round it still works.
    expect(titles(await list(w.cookie, t, "from=2030-12-10&to=2031-01-05"))).toEqual(["Grudniowe Łukasza", "Styczniowe"]);
    expect(titles(await list(w.cookie, t, "from=2031-01-05&to=2030-12-10"))).toEqual(["Grudniowe Łukasza", "Styczniowe"]);
    expect(titles(await list(w.cookie, t, "overdue=1"))).toEqual(["Przeterminowane Anny"]);
    const filtered = await list(w.cookie, t, "overdue=1&label=FST");
    expect(filtered.filtered).toBe(true);

    // Nonsense parameters are ignored, not an error page.
    const bad = await list(w.cookie, t, "status=ZLY,&assignee=%27%3B--&from=2026-02-30&to=jutro&sort=hack&dir=sideways&page=-4&overdue=tak");
    expect(titles(bad)).toEqual(titles(all));
    expect(bad.query).toMatchObject({ assignee: null, statuses: [], from: null, to: null, sort: "due", dir: "asc", page: 1, overdue: false });
  });

  it("sorts by priority (most urgent first), number and last change; pages by 50", async () => {
    const w = await world();
    const t = w.team.id;
    await buildTask(t, w.lead.id, { title: "Niski", priority: "LOW" });
    await buildTask(t, w.lead.id, { title: "Pilny", priority: "URGENT" });
    await buildTask(t, w.lead.id, { title: "Normalny", priority: "NORMAL" });
    await buildTask(t, w.lead.id, { title: "Wysoki", priority: "HIGH" });
    expect(titles(await list(w.cookie, t, "sort=priority"))).toEqual(["Pilny", "Wysoki", "Normalny", "Niski"]);
    expect(titles(await list(w.cookie, t, "sort=priority&dir=asc"))).toEqual(["Niski", "Normalny", "Wysoki", "Pilny"]);
    expect(titles(await list(w.cookie, t, "sort=number"))).toEqual(["Wysoki", "Normalny", "Pilny", "Niski"]);
    expect(titles(await list(w.cookie, t, "sort=number&dir=asc"))).toEqual(["Niski", "Pilny", "Normalny", "Wysoki"]);
    await db.task.updateMany({ where: { title: "Niski" }, data: { title: "Niski (zmieniony)" } });
    expect(titles(await list(w.cookie, t, "sort=updated"))[0]).toBe("Niski (zmieniony)");

    // 55 more NORMAL tasks: page 2 of the priority sort continues across the buckets.
    for (let i = 0; i < 55; i++) await buildTask(t, w.lead.id, { title: `Zadanie ${String(i).padStart(2, "0")}`, priority: i < 50 ? "NORMAL" : "LOW" });
    const first = await list(w.cookie, t, "sort=priority");
    const second = await list(w.cookie, t, "sort=priority&page=2");
    expect(first.rows).toHaveLength(50);
    expect(first.page).toMatchObject({ page: 1, total: 59, pageCount: 2 });
    expect(second.rows).toHaveLength(9);
    expect(first.rows.slice(0, 2).map((r) => r.title)).toEqual(["Pilny", "Wysoki"]);
    expect(second.rows.map((r) => r.priority)).toEqual([...Array(3).fill("NORMAL"), ...Array(6).fill("LOW")]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(59);
  }, 30_000);

  it("runs the same number of SQL statements for 3 tasks and for 30, in every sort", async () => {
    const w = await world();
    const t = w.team.id;
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await buildTask(t, w.lead.id, {
          assigneeId: i % 2 ? w.anna.id : w.zak.id,
          helperIds: [w.lead.id],
          labels: ["FST", `etykieta ${i}`],
          dueDate: i % 3 ? "2030-05-01" : null,
          priority: (["LOW", "NORMAL", "HIGH", "URGENT"] as const)[i % 4],
        });
      }
    };
    const queries = ["", "sort=priority", "sort=number", "sort=updated&label=FST", "overdue=1&status=TODO,IN_PROGRESS"];
    const measure = async () => {
      const out: Record<string, number> = {};
      for (const q of queries) out[q] = await countStatements(() => list(w.cookie, t, q));
      return out;
    };
    await add(4);
    const few = await measure();
    await add(30);
    const many = await measure();
    expect(many).toEqual(few);
    for (const n of Object.values(few)) expect(n).toBeLessThan(20);
  }, 60_000);

  it("is 404 for someone outside the team, and shows an empty state's data for a new team", async () => {
    const w = await world();
    expect((await run(listRoute.loader, makeRequest(teamUrls.tasks(w.team.id), { cookie: w.strangerCookie }), { teamId: w.team.id })).status).toBe(404);
    const empty = await list(w.cookie, w.team.id);
    expect(empty.rows).toEqual([]);
    expect(empty.can.createTask).toBe(true);
  });

  it("parses the query the same way for the page and the export", () => {
    const q = parseTaskListQuery(new URLSearchParams("status=DONE,TODO,DONE&overdue=on&sort=priority"));
    expect(q).toMatchObject({ statuses: ["DONE", "TODO"], overdue: true, sort: "priority", dir: "desc" });
  });
});

describe("CSV export", () => {
  it("UTF-8 with a BOM, semicolons, Polish letters, formulas neutralised, the list's filters; audited", async () => {
    const w = await world();
    const t = w.team.id;
    await buildTask(t, w.lead.id, { title: "Żółta kartka dla gęśli", assigneeId: w.zak.id, helperIds: [w.anna.id], dueDate: "2020-01-15", dueTime: "09:30", labels: ["FST"], priority: "URGENT" });
    await buildTask(t, w.lead.id, { title: "=HYPERLINK(\"http://zly.example\")", status: "BLOCKED", blockedReason: "Czekamy; na dane" });
    await buildTask(t, w.lead.id, { title: "Zrobione", status: "DONE" });
    const res = await csv(w.cookie, t);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="zadania-zespol-ds-konsultacji-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "Nr;Tytuł;Status;Powód blokady;Priorytet;Osoba odpowiedzialna;Osoby pomagające;Termin (data);Termin (godzina);Po terminie;Etykiety;Lista kontrolna (zrobione/wszystkie);Utworzono;Ostatnia zmiana;Zrobiono;Opis",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1;Żółta kartka dla gęśli;Do zrobienia;;Pilny;Łukasz Żak;Anna Nowak;2020-01-15;09:30;tak;FST;;/);
    expect(lines[2]).toContain(`2;"'=HYPERLINK(""http://zly.example"")";Zablokowane;"Czekamy; na dane";`);
    expect(lines[3]).toMatch(/^3;Zrobione;Zrobione;/);

    const filtered = await csv(w.cookie, t, "overdue=1");
    const rows = Buffer.from(await filtered.arrayBuffer()).toString("utf8").split("\r\n").filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Żółta kartka");
    const audit = await db.auditLog.findMany({ where: { action: "task.export", entityId: t } });
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit.find((a) => a.changes)?.changes ?? "{}")).toEqual({ filters: "overdue=1" });
  });

  it("is 404 for someone outside the team", async () => {
    const w = await world();
    await buildTask(w.team.id, w.lead.id, { title: "Tajne" });
    const res = await csv(w.strangerCookie, w.team.id);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Tajne");
  });
});
