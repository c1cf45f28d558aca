// Page time of a team board holding 2,000 tasks (not part of `npm test`: it takes a while).
//   npx tsx scripts/measure-board.ts        → median/p95 of the board loader, filters, "show more", a move
// Uses its own temporary database and calls the real route loader/action with a real session.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "razem-measure-"));
process.env.DATABASE_URL = `file:${path.join(dir, "m.db")}`;
process.env.STORAGE_DIR = path.join(dir, "files");
execFileSync("node", ["scripts/prepare-db.mjs"], { stdio: "ignore", env: process.env });

const { db } = await import("~/utils/db.server");
const { createSession } = await import("~/modules/auth/session.server");
const { deadlineFrom, addDays } = await import("~/modules/tasks/deadline");
const boardRoute = await import("~/routes/_app.zespoly.$teamId.tablica");

const TASKS = 2_000;
const PEOPLE = 20;
const STATUSES = ["TODO", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE"] as const;
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

const inst = await db.institution.create({ data: { name: "Instytucja pomiarowa", shortName: "POM" } });
const people: { id: string }[] = [];
for (let i = 0; i < PEOPLE; i++) {
  people.push(await db.user.create({ data: { email: `osoba${i}@razem.test`, name: `Osoba ${String(i).padStart(2, "0")}`, institutionId: inst.id } }));
}
const lead = people[0];
const team = await db.team.create({
  data: {
    name: "Zespół pomiarowy",
    kind: "TEMPORARY",
    status: "ACTIVE",
    termStart: "2026-01-01",
    termEnd: "2027-12-31",
    createdById: lead.id,
    members: { create: people.map((p, i) => ({ userId: p.id, role: i === 0 ? "LEAD" : "MEMBER" })) },
  },
});

const t0 = Date.now();
const description = "<p>" + "Opis zadania, którego tablica nie wysyła. ".repeat(40) + "</p>";
for (let start = 0; start < TASKS; start += 500) {
  const rows = Array.from({ length: 500 }, (_, k) => {
    const n = start + k;
    const due = n % 3 === 0 ? null : deadlineFrom(addDays("2026-06-01", (n % 400) - 100), n % 7 === 0 ? "12:00" : null);
    return {
      teamId: team.id,
      number: n + 1,
      title: `Zadanie ${n + 1}: przygotować materiał ${n % 13}`,
      description,
      status: STATUSES[n % 5],
      blockedReason: STATUSES[n % 5] === "BLOCKED" ? "Czekamy na dane" : null,
      priority: PRIORITIES[n % 4],
      assigneeId: n % 10 === 0 ? null : people[n % PEOPLE].id,
      dueAt: due?.dueAt ?? null,
      dueDate: due?.dueDate ?? null,
      dueHasTime: due?.dueHasTime ?? false,
      position: (n + 1) * 1024,
      createdById: lead.id,
    };
  });
  await db.task.createMany({ data: rows });
}
const tasks = await db.task.findMany({ where: { teamId: team.id }, select: { id: true, number: true }, orderBy: { number: "asc" } });
const labels = tasks.flatMap((t) => (t.number % 2 ? [{ taskId: t.id, label: `etykieta ${t.number % 8}` }] : []).concat(t.number % 5 === 0 ? [{ taskId: t.id, label: "FST" }] : []));
await db.taskLabel.createMany({ data: labels });
const checklist = tasks.flatMap((t) => (t.number % 3 === 0 ? Array.from({ length: 4 }, (_, i) => ({ taskId: t.id, text: `Punkt ${i + 1}`, done: i < t.number % 4, position: i })) : []));
await db.taskChecklistItem.createMany({ data: checklist });
await db.taskHelper.createMany({ data: tasks.filter((t) => t.number % 4 === 0).map((t) => ({ taskId: t.id, userId: people[(t.number + 1) % PEOPLE].id })) });
console.log(`inserted ${TASKS} tasks (${labels.length} labels, ${checklist.length} checklist items) in ${Date.now() - t0} ms`);

const cookieOf = async (userId: string) => (await createSession(userId, { ip: "127.0.0.1", userAgent: "measure" })).split(";")[0];
const leadCookie = await cookieOf(lead.id);
const memberCookie = await cookieOf(people[3].id);
const context = { cspNonce: "", clientIp: "127.0.0.1" };

function stats(samples: number[]) {
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.ceil(samples.length * 0.95) - 1] };
}

async function time(label: string, query: string, cookie: string, runs = 20) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const request = new Request(`http://razem.test/zespoly/${team.id}/tablica${query ? `?${query}` : ""}`, { headers: { Cookie: cookie } });
    const start = performance.now();
    const result = await boardRoute.loader({ request, params: { teamId: team.id }, context });
    samples.push(performance.now() - start);
    bytes = JSON.stringify(result).length;
  }
  const { median, p95 } = stats(samples);
  console.log(`${label.padEnd(34)} median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  payload ${(bytes / 1024).toFixed(0)} KB`);
}

// Warm up (first queries compile and fill the page cache).
await time("warm-up", "", leadCookie, 3);
await time("board (lead, 5 × 100 cards)", "", leadCookie);
await time("board (member)", "", memberCookie);
await time("filter: assignee", `osoba=${people[5].id}`, leadCookie);
await time("filter: label", "etykieta=FST", leadCookie);
await time("filter: only mine", "moje=1", memberCookie);
await time("show more: all columns at 400", "n_TODO=400&n_IN_PROGRESS=400&n_BLOCKED=400&n_IN_REVIEW=400&n_DONE=400", leadCookie, 10);

// A move (drag to another column after a card), each with the task's current version.
const moveSamples: number[] = [];
const movers = tasks.filter((t) => t.number % 5 === 1).slice(0, 20); // TODO column
const target = await db.task.findFirstOrThrow({ where: { teamId: team.id, status: "IN_PROGRESS" }, orderBy: { position: "asc" }, select: { id: true } });
for (const t of movers) {
  const { version } = await db.task.findUniqueOrThrow({ where: { id: t.id }, select: { version: true } });
  const body = new URLSearchParams({ intent: "move", taskId: t.id, status: "IN_PROGRESS", place: "after", afterId: target.id, version: String(version) });
  const request = new Request(`http://razem.test/zespoly/${team.id}/tablica`, {
    method: "POST",
    headers: { Cookie: leadCookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const start = performance.now();
  await boardRoute.action({ request, params: { teamId: team.id }, context });
  moveSamples.push(performance.now() - start);
}
const m = stats(moveSamples);
console.log(`${"move a card (action)".padEnd(34)} median ${m.median.toFixed(1).padStart(6)} ms  p95 ${m.p95.toFixed(1).padStart(6)} ms`);

await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
