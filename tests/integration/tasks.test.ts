// The task page through real requests: creating and editing tasks (and who may), the concurrent
// edit conflict, status with the blocked reason, the checklist, comments with @mentions and their
// notifications, links, attachments (upload, library files, downloads), the trash — and that
// anyone outside the team gets 404 for all of it.
import { describe, expect, it, vi } from "vitest";

// Before any app module reads the configuration: a 1 MB upload limit.
vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = "1";
});

import { db } from "~/utils/db.server";
import * as newRoute from "~/routes/_app.zespoly.$teamId.zadania.nowe";
import * as pageRoute from "~/routes/_app.zespoly.$teamId.zadania.$taskId";
import * as csvRoute from "~/routes/zespoly.$teamId.zadania[.]csv";
import * as downloadRoute from "~/routes/zespoly.$teamId.zadania.$taskId.zalaczniki.$attachmentId";
import * as trashRoute from "~/routes/_app.zespoly.$teamId.kosz";
import { attachmentUrl } from "~/modules/tasks/task-attachments.server";
import { describeEvent, formatDeadline } from "~/modules/tasks/task-history";
import { parsePolishDate } from "~/modules/tasks/task-dates";
import { taskUrl, teamUrls } from "~/modules/tasks/task-urls";
import { createTranslator } from "~/utils/i18n";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run, testContext } from "../http";
import { storedFiles } from "../store";
import { buildTask, buildTeam } from "../team-factories";

type ActionAnswer = { ok: boolean; intent: string | null; error: string | null; errors: Record<string, string> | null; conflict?: boolean; values?: Record<string, string> };

async function person(institutionId: string, name: string, role: "MEMBER" | "COORDINATOR" = "MEMBER") {
  const user = await buildUser({ institutionId, name, institutionRole: role });
  return { ...user, cookie: await loginAs(user.id) };
}

/**
 * A team of BKPPT and RIG people formed by BKPPT's coordinator: a lead, an assignee, a helper and a
 * plain member. Outside it: a FRGK person (no one of FRGK is in the team) and the lead of another team.
 */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await person(bkppt.id, "Magdalena Wróbel", "COORDINATOR");
  const lead = await person(bkppt.id, "Katarzyna Wójcik");
  const assignee = await person(bkppt.id, "Michał Dąbrowski");
  const helper = await person(rig.id, "Łukasz Żak");
  const member = await person(rig.id, "Małgorzata Kowalczyk");
  const stranger = await person(frgk.id, "Anna Lewandowska");
  const otherLead = await person(rig.id, "Grzegorz Sikora");
  const team = await buildTeam(coordinator.id, {
    name: "Zespół ds. promocji FST",
    members: [{ userId: lead.id, role: "LEAD" }, { userId: assignee.id }, { userId: helper.id }, { userId: member.id }],
  });
  const otherTeam = await buildTeam(otherLead.id, { name: "Inny zespół", members: [{ userId: otherLead.id, role: "LEAD" }] });
  return { bkppt, rig, frgk, coordinator, lead, assignee, helper, member, stranger, otherLead, team, otherTeam };
}

const params = (teamId: string, taskId: string) => ({ teamId, taskId });

async function page(cookie: string, teamId: string, taskId: string) {
  return run(pageRoute.loader, makeRequest(taskUrl(teamId, taskId), { cookie }), params(teamId, taskId));
}

async function act(cookie: string, teamId: string, taskId: string, form: Record<string, string>) {
  const res = await run(pageRoute.action, makeRequest(taskUrl(teamId, taskId), { cookie, form }), params(teamId, taskId));
  return { ...res, data: res.data as ActionAnswer };
}

async function raw(loader: typeof downloadRoute.loader, url: string, cookie: string, p: Record<string, string>) {
  try {
    return (await loader({ request: makeRequest(url, { cookie }), params: p, context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function saveForm(version: number, overrides: Record<string, string> = {}) {
  return { intent: "save", version: String(version), title: "Harmonogram konsultacji", description: "", priority: "NORMAL", ...overrides };
}

describe("creating a task", () => {
  it("the lead creates one with people, deadline and labels; the assignee and helper are notified; history and audit", async () => {
    const w = await world();
    const url = teamUrls.newTask(w.team.id);
    expect((await run(newRoute.loader, makeRequest(url, { cookie: w.lead.cookie }), { teamId: w.team.id })).status).toBe(200);
    const res = await run(
      newRoute.action,
      makeRequest(url, {
        cookie: w.lead.cookie,
        form: {
          title: "Przygotować koncepcję promocji FST",
          description: "<p>Zebrać <strong>pomysły</strong> z warsztatów.</p><script>alert(1)</script>",
          assigneeId: w.assignee.id,
          helperIds: `${w.helper.id},${w.member.id}`,
          dueDate: "2026-12-15",
          dueTime: "14:30",
          priority: "HIGH",
          labels: "FST, promocja, fst",
        },
      }),
      { teamId: w.team.id },
    );
    expect(res.status).toBe(302);
    const task = await db.task.findFirstOrThrow({ where: { teamId: w.team.id }, include: { helpers: true, labels: true } });
    expect(res.headers.get("Location")).toBe(taskUrl(w.team.id, task.id));
    expect(task).toMatchObject({
      number: 1,
      title: "Przygotować koncepcję promocji FST",
      description: "<p>Zebrać <strong>pomysły</strong> z warsztatów.</p>",
      assigneeId: w.assignee.id,
      priority: "HIGH",
      dueDate: "2026-12-15",
      dueHasTime: true,
      createdById: w.lead.id,
    });
    // 14:30 in Warsaw in December is 13:30 UTC.
    expect(task.dueAt?.toISOString()).toBe("2026-12-15T13:30:00.000Z");
    expect(task.helpers.map((h) => h.userId).sort()).toEqual([w.helper.id, w.member.id].sort());
    expect(task.labels.map((l) => l.label).sort()).toEqual(["FST", "promocja"]);
    expect(await db.taskEvent.count({ where: { taskId: task.id, kind: "created" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "task.create", entityId: task.id, actorId: w.lead.id } })).toBe(1);
    const notified = await db.notification.findMany({ where: { kind: "task.assigned" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([w.assignee.id, w.helper.id, w.member.id].sort());
  });

  it("refuses bad input with translation keys next to the fields, never a 500", async () => {
    const w = await world();
    const url = teamUrls.newTask(w.team.id);
    const post = (form: Record<string, string>) => run(newRoute.action, makeRequest(url, { cookie: w.coordinator.cookie, form }), { teamId: w.team.id });
    const empty = await post({ title: "  ", dueTime: "25:00" });
    expect(empty.status).toBe(400);
    expect((empty.data as { errors: Record<string, string> }).errors).toMatchObject({ title: "validation.required", dueTime: "tasks.validation.time" });
    const outsider = await post({ title: "Zadanie", assigneeId: w.stranger.id, dueDate: "2026-02-30" });
    expect(outsider.status).toBe(400);
    expect((outsider.data as { errors: Record<string, string> }).errors).toMatchObject({ dueDate: "tasks.validation.date" });
    const notMember = await post({ title: "Zadanie", assigneeId: w.stranger.id });
    expect((notMember.data as { errors: Record<string, string> }).errors).toMatchObject({ assigneeId: "tasks.validation.notMember" });
    expect((notMember.data as { values: Record<string, string> }).values.title).toBe("Zadanie");
    expect(await db.task.count()).toBe(0);
  });

  it("a plain member gets 403 (audited); someone outside the team gets 404", async () => {
    const w = await world();
    const url = teamUrls.newTask(w.team.id);
    expect((await run(newRoute.loader, makeRequest(url, { cookie: w.member.cookie }), { teamId: w.team.id })).status).toBe(403);
    expect((await run(newRoute.action, makeRequest(url, { cookie: w.assignee.cookie, form: { title: "X" } }), { teamId: w.team.id })).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", summary: "team.createTask" } })).toBe(2);
    expect((await run(newRoute.loader, makeRequest(url, { cookie: w.stranger.cookie }), { teamId: w.team.id })).status).toBe(404);
    expect((await run(newRoute.action, makeRequest(url, { cookie: w.otherLead.cookie, form: { title: "X" } }), { teamId: w.team.id })).status).toBe(404);
    expect(await db.task.count()).toBe(0);
  });
});

describe("the task page", () => {
  it("shows the task to the team; another institution, another team's member and a task of another team are 404 — page, CSV and attachments", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { title: "Raport kwartalny", assigneeId: w.assignee.id, dueDate: "2020-01-10" });
    const foreign = await buildTask(w.otherTeam.id, w.otherLead.id, { title: "Cudze zadanie" });
    const seen = await page(w.member.cookie, w.team.id, task.id);
    expect(seen.status).toBe(200);
    const data = seen.data as Awaited<ReturnType<typeof pageRoute.loader>>;
    expect(data.task.title).toBe("Raport kwartalny");
    expect(data.overdue).toBe(true);
    expect(data.can).toMatchObject({ view: true, comment: true, edit: false, delete: false, changeStatus: false, updateChecklist: false });
    expect(data.members.map((m) => m.name)).toContain("Łukasz Żak");
    // The coordinator of a member's institution sees it and runs it.
    expect(((await page(w.coordinator.cookie, w.team.id, task.id)).data as typeof data).can.edit).toBe(true);

    const attachment = await db.taskAttachment.create({
      data: { taskId: task.id, storageKey: "nie-ma", name: "plan.pdf", mimeType: "application/pdf", size: BigInt(10), createdById: w.lead.id },
    });
    for (const outsider of [w.stranger, w.otherLead]) {
      expect((await page(outsider.cookie, w.team.id, task.id)).status).toBe(404);
      expect((await act(outsider.cookie, w.team.id, task.id, { intent: "comment.create", body: "Hej" })).status).toBe(404);
      expect((await run(csvRoute.loader, makeRequest(teamUrls.tasksCsv(w.team.id), { cookie: outsider.cookie }), { teamId: w.team.id })).status).toBe(404);
      const dl = await raw(downloadRoute.loader, attachmentUrl(w.team.id, task.id, attachment.id), outsider.cookie, { ...params(w.team.id, task.id), attachmentId: attachment.id });
      expect(dl.status).toBe(404);
    }
    // A task of another team through this team's address, and an unknown id: 404 as well.
    expect((await page(w.lead.cookie, w.team.id, foreign.id)).status).toBe(404);
    expect((await page(w.lead.cookie, w.team.id, "nie-ma-takiego")).status).toBe(404);
    // Nothing of it leaked into the audit log as a denial: 404 is not a "forbidden".
    expect(await db.auditLog.count({ where: { action: "permission.denied" } })).toBe(0);
  });
});

describe("editing", () => {
  it("the lead saves fields, reassigns, and the change is in the history and the audit log", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { title: "Stary tytuł", assigneeId: w.assignee.id });
    const res = await act(
      w.lead.cookie,
      w.team.id,
      task.id,
      saveForm(task.version, { title: "Nowy tytuł", assigneeId: w.helper.id, dueDate: "2026-11-30", priority: "URGENT", labels: "konsultacje" }),
    );
    expect(res.status).toBe(200);
    expect(res.data.ok).toBe(true);
    const saved = await db.task.findUniqueOrThrow({ where: { id: task.id }, include: { labels: true } });
    expect(saved).toMatchObject({ title: "Nowy tytuł", assigneeId: w.helper.id, priority: "URGENT", dueDate: "2026-11-30", version: task.version + 1 });
    const event = await db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: "updated" } });
    const lines = describeEvent(createTranslator("pl"), "pl", event, { [w.assignee.id]: w.assignee.name, [w.helper.id]: w.helper.name });
    expect(lines).toEqual(
      expect.arrayContaining([
        "zmiana tytułu: „Stary tytuł” → „Nowy tytuł”",
        "osoba odpowiedzialna: Michał Dąbrowski → Łukasz Żak",
        "priorytet: Normalny → Pilny",
        "termin: brak → 30 listopada 2026",
        "etykiety: brak → konsultacje",
      ]),
    );
    expect(await db.auditLog.count({ where: { action: "task.update", entityId: task.id } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "task.assigned", userId: w.helper.id } })).toBe(1);
  });

  it("a plain member, the assignee and a helper cannot edit (403, audited); invalid input is 400 with the typed values back", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { assigneeId: w.assignee.id, helperIds: [w.helper.id] });
    for (const who of [w.member, w.assignee, w.helper]) {
      expect((await act(who.cookie, w.team.id, task.id, saveForm(task.version, { title: "Przejęte" }))).status).toBe(403);
    }
    expect(await db.auditLog.count({ where: { action: "permission.denied", summary: "task.edit", entityId: task.id } })).toBe(3);
    const bad = await act(w.lead.cookie, w.team.id, task.id, saveForm(task.version, { title: "", dueTime: "9:99" }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ title: "validation.required", dueTime: "tasks.validation.time" });
    expect(bad.data.values?.dueTime).toBe("9:99");
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(task.version);
  });

  it("two saves from the same version: the second gets 409 with what was typed, and nothing is overwritten", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { title: "Wspólne zadanie" });
    const startedAt = ((await page(w.coordinator.cookie, w.team.id, task.id)).data as Awaited<ReturnType<typeof pageRoute.loader>>).task.version;
    const first = await act(w.lead.cookie, w.team.id, task.id, saveForm(startedAt, { title: "Wersja lidera", description: "<p>Opis lidera</p>" }));
    expect(first.status).toBe(200);
    const second = await act(w.coordinator.cookie, w.team.id, task.id, saveForm(startedAt, { title: "Wersja koordynatorki", description: "<p>Mój opis</p>" }));
    expect(second.status).toBe(409);
    expect(second.data).toMatchObject({ ok: false, conflict: true, error: "tasks.conflict.text" });
    expect(second.data.values).toMatchObject({ title: "Wersja koordynatorki", description: "<p>Mój opis</p>" });
    const saved = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(saved).toMatchObject({ title: "Wersja lidera", description: "<p>Opis lidera</p>", version: startedAt + 1 });
    expect(await db.taskEvent.count({ where: { taskId: task.id, kind: "updated" } })).toBe(1);
    // After loading the newest version the same save goes through.
    const retry = await act(w.coordinator.cookie, w.team.id, task.id, saveForm(startedAt + 1, { title: "Wersja koordynatorki" }));
    expect(retry.status).toBe(200);
  });
});

describe("status", () => {
  it("the assignee moves the task; Zablokowane needs a reason; a plain member gets 403; a stale version 409", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { assigneeId: w.assignee.id, helperIds: [w.helper.id] });
    const noReason = await act(w.assignee.cookie, w.team.id, task.id, { intent: "status", status: "BLOCKED", version: String(task.version) });
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors).toMatchObject({ blockedReason: "tasks.validation.blockedReason" });
    const blocked = await act(w.assignee.cookie, w.team.id, task.id, { intent: "status", status: "BLOCKED", blockedReason: "Czekamy na dane z gminy", version: String(task.version) });
    expect(blocked.status).toBe(200);
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "BLOCKED", blockedReason: "Czekamy na dane z gminy" });
    const stale = await act(w.helper.cookie, w.team.id, task.id, { intent: "status", status: "IN_PROGRESS", version: String(task.version) });
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toBe(true);
    expect((await act(w.member.cookie, w.team.id, task.id, { intent: "status", status: "DONE", version: String(task.version + 1) })).status).toBe(403);
    const event = await db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: "status" } });
    expect(describeEvent(createTranslator("pl"), "pl", event, {})).toEqual(["zmiana statusu: Do zrobienia → Zablokowane", "powód blokady: Czekamy na dane z gminy"]);
    expect(await db.auditLog.count({ where: { action: "task.status", entityId: task.id } })).toBe(1);
  });
});

describe("checklist", () => {
  it("the assignee and helpers add, tick and remove items; a plain member gets 403; another task's item is not found", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { assigneeId: w.assignee.id, helperIds: [w.helper.id] });
    const other = await buildTask(w.team.id, w.lead.id);
    expect((await act(w.assignee.cookie, w.team.id, task.id, { intent: "checklist.add", text: "Zarezerwować salę" })).status).toBe(200);
    expect((await act(w.helper.cookie, w.team.id, task.id, { intent: "checklist.add", text: "Wysłać zaproszenia" })).status).toBe(200);
    expect((await act(w.assignee.cookie, w.team.id, task.id, { intent: "checklist.add", text: " " })).data.errors).toMatchObject({ text: "validation.required" });
    const [first, second] = await db.taskChecklistItem.findMany({ where: { taskId: task.id }, orderBy: { position: "asc" } });
    expect([first.text, second.text]).toEqual(["Zarezerwować salę", "Wysłać zaproszenia"]);
    expect((await act(w.helper.cookie, w.team.id, task.id, { intent: "checklist.toggle", itemId: first.id, done: "true" })).status).toBe(200);
    expect(await db.taskChecklistItem.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ done: true, doneById: w.helper.id });

    expect((await act(w.member.cookie, w.team.id, task.id, { intent: "checklist.toggle", itemId: second.id, done: "true" })).status).toBe(403);
    expect((await act(w.member.cookie, w.team.id, task.id, { intent: "checklist.add", text: "Moje" })).status).toBe(403);
    // An item id of this task posted to another task's page (where the assignee is not assigned).
    expect((await act(w.lead.cookie, w.team.id, other.id, { intent: "checklist.remove", itemId: second.id })).status).toBe(404);
    expect((await act(w.assignee.cookie, w.team.id, task.id, { intent: "checklist.remove", itemId: second.id })).status).toBe(200);
    expect(await db.taskChecklistItem.count({ where: { taskId: task.id } })).toBe(1);
    expect(await db.taskEvent.count({ where: { taskId: task.id, kind: "checklist" } })).toBe(4);
    expect(await db.auditLog.count({ where: { action: "task.checklist", entityId: task.id } })).toBe(4);
  });
});

describe("comments", () => {
  it("mentions notify team members only; the assignee and helpers hear about new comments; authors edit and delete their own", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { title: "Warsztaty dla seniorów", assigneeId: w.assignee.id, helperIds: [w.helper.id] });
    const body = `Proszę @[Łukasz Żak](${w.helper.id}) i @[Anna Lewandowska](${w.stranger.id}) o uwagi.`;
    const res = await act(w.member.cookie, w.team.id, task.id, { intent: "comment.create", body });
    expect(res.status).toBe(200);
    const comment = await db.taskComment.findFirstOrThrow({ where: { taskId: task.id } });
    // The stranger's token became plain text: nobody outside the team is mentioned.
    expect(comment.body).toBe(`Proszę @[Łukasz Żak](${w.helper.id}) i @Anna Lewandowska o uwagi.`);
    const notes = await db.notification.findMany({ orderBy: { kind: "asc" } });
    expect(notes.map((n) => [n.kind, n.userId])).toEqual(
      expect.arrayContaining([
        ["task.comment", w.assignee.id],
        ["task.mention", w.helper.id],
      ]),
    );
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => n.kind === "task.mention")).toMatchObject({ title: "notifications.kind.taskMention", url: `${taskUrl(w.team.id, task.id)}#komentarz-${comment.id}` });
    expect(JSON.parse(notes[0].data ?? "{}")).toMatchObject({ name: "Małgorzata Kowalczyk", task: "Warsztaty dla seniorów" });

    // Someone else's comment: 403 for editing and deleting (audited), even for the lead.
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "comment.update", commentId: comment.id, body: "Zmienione" })).status).toBe(403);
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "comment.delete", commentId: comment.id })).status).toBe(403);
    const edited = await act(w.member.cookie, w.team.id, task.id, { intent: "comment.update", commentId: comment.id, body: `Także @[Michał Dąbrowski](${w.assignee.id})` });
    expect(edited.status).toBe(200);
    expect(await db.notification.count({ where: { kind: "task.mention", userId: w.assignee.id } })).toBe(1);
    expect((await act(w.member.cookie, w.team.id, task.id, { intent: "comment.delete", commentId: comment.id })).status).toBe(200);
    expect((await db.taskComment.findUniqueOrThrow({ where: { id: comment.id } })).deletedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: { startsWith: "task.comment." }, entityId: comment.id } })).toBe(3);
    const empty = await act(w.member.cookie, w.team.id, task.id, { intent: "comment.create", body: "   " });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toMatchObject({ body: "comments.form.empty" });
    const shown = (await page(w.member.cookie, w.team.id, task.id)).data as Awaited<ReturnType<typeof pageRoute.loader>>;
    expect(shown.comments.total).toBe(0);
  });
});

describe("links", () => {
  it("the lead links tasks of the team by number or title; duplicates and other teams' tasks are refused; a member gets 403", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { title: "Koncepcja promocji" });
    const report = await buildTask(w.team.id, w.lead.id, { title: "Raport z konsultacji" });
    await buildTask(w.team.id, w.lead.id, { title: "Raport kwartalny" });
    const foreign = await buildTask(w.otherTeam.id, w.otherLead.id, { title: "Cudze" });
    const byNumber = await act(w.lead.cookie, w.team.id, task.id, { intent: "link.add", kind: "BLOCKED_BY", target: `#${report.number}` });
    expect(byNumber.status).toBe(200);
    expect(await db.taskLink.findFirstOrThrow()).toMatchObject({ fromTaskId: report.id, toTaskId: task.id, kind: "BLOCKS" });
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "link.add", kind: "BLOCKS", target: report.id })).data.errors).toMatchObject({ target: "tasks.links.exists" });
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "link.add", kind: "RELATES", target: "Raport" })).data.errors).toMatchObject({ target: "tasks.links.ambiguous" });
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "link.add", kind: "RELATES", target: foreign.id })).data.errors).toMatchObject({ target: "tasks.links.notFound" });
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "link.add", kind: "RELATES", target: "kwartalny" })).status).toBe(200);
    expect((await act(w.member.cookie, w.team.id, task.id, { intent: "link.add", kind: "RELATES", target: report.id })).status).toBe(403);

    const data = (await page(w.member.cookie, w.team.id, task.id)).data as Awaited<ReturnType<typeof pageRoute.loader>>;
    expect(data.task.links.map((l) => [l.kind, l.task.title]).sort()).toEqual([
      ["BLOCKED_BY", "Raport z konsultacji"],
      ["RELATES", "Raport kwartalny"],
    ]);
    const reportPage = (await page(w.member.cookie, w.team.id, report.id)).data as typeof data;
    expect(reportPage.task.links).toMatchObject([{ kind: "BLOCKS", task: { id: task.id } }]);
    const linkId = data.task.links.find((l) => l.kind === "BLOCKED_BY")!.id;
    expect((await act(w.lead.cookie, w.team.id, task.id, { intent: "link.remove", linkId })).status).toBe(200);
    expect(await db.taskLink.count()).toBe(1);
    expect(await db.taskEvent.count({ where: { taskId: report.id, kind: "link" } })).toBe(2);
  });
});

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n`);

async function upload(cookie: string, teamId: string, taskId: string, file: { name: string; content: Buffer }) {
  const form = new FormData();
  form.append("intent", "attachment.upload");
  form.append("file", new Blob([new Uint8Array(file.content)]), file.name);
  const request = new Request(`http://razem.test${taskUrl(teamId, taskId)}`, { method: "POST", headers: { Cookie: cookie }, body: form });
  const res = await run(pageRoute.action, request, params(teamId, taskId));
  return { ...res, data: res.data as ActionAnswer };
}

describe("attachments", () => {
  it("the assignee uploads a file (type and content checked); downloads are attachments with nosniff, authorised per request", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { assigneeId: w.assignee.id });
    const content = pdf("Plan konsultacji – Bełchatów");
    const res = await upload(w.assignee.cookie, w.team.id, task.id, { name: "Plan konsultacji – Bełchatów.pdf", content });
    expect(res.status).toBe(200);
    const row = await db.taskAttachment.findFirstOrThrow({ where: { taskId: task.id } });
    expect(row).toMatchObject({ name: "Plan konsultacji – Bełchatów.pdf", mimeType: "application/pdf", size: BigInt(content.length), documentId: null });
    expect(storedFiles()).toHaveLength(1);

    const p = { ...params(w.team.id, task.id), attachmentId: row.id };
    const dl = await raw(downloadRoute.loader, attachmentUrl(w.team.id, task.id, row.id), w.member.cookie, p);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(content)).toBe(true);
    expect(dl.headers.get("Content-Disposition")).toContain("attachment;");
    expect(dl.headers.get("Content-Disposition")).toContain("filename*=UTF-8''Plan%20konsultacji%20%E2%80%93%20Be%C5%82chat%C3%B3w.pdf");
    expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect((await raw(downloadRoute.loader, attachmentUrl(w.team.id, task.id, row.id), w.stranger.cookie, p)).status).toBe(404);

    // A program called .pdf is refused by its content; nothing is stored.
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0)]);
    const refused = await upload(w.assignee.cookie, w.team.id, task.id, { name: "faktura.pdf", content: exe });
    expect(refused.status).toBe(415);
    expect(refused.data.error).toMatch(/^library\.upload\.contentMismatch/);
    const tooBig = await upload(w.assignee.cookie, w.team.id, task.id, { name: "duzy.txt", content: Buffer.alloc(1024 * 1024 + 10, 0x61) });
    expect(tooBig.status).toBe(413);
    expect(storedFiles()).toHaveLength(1);
    // A plain member may not add files (403) and nothing reaches the store.
    expect((await upload(w.member.cookie, w.team.id, task.id, { name: "moje.pdf", content: pdf("x") })).status).toBe(403);
    expect(storedFiles()).toHaveLength(1);

    expect((await act(w.assignee.cookie, w.team.id, task.id, { intent: "attachment.remove", attachmentId: row.id })).status).toBe(200);
    expect(storedFiles()).toHaveLength(0);
    expect(await db.auditLog.count({ where: { action: { in: ["task.attachment.upload", "task.attachment.remove"] }, entityId: task.id } })).toBe(2);
  });

  it("a library file of the team's workspace: attached only by someone who sees the workspace, re-authorised on every read", async () => {
    const w = await world();
    const ws = await db.workspace.create({
      data: {
        name: "Koncepcja promocji FST",
        owningInstitutionId: w.bkppt.id,
        createdById: w.coordinator.id,
        institutions: { create: [{ institutionId: w.bkppt.id, role: "EDITOR" }] },
      },
    });
    await db.team.update({ where: { id: w.team.id }, data: { workspaceId: ws.id } });
    const task = await buildTask(w.team.id, w.lead.id, { assigneeId: w.assignee.id, helperIds: [w.helper.id] });
    const content = pdf("Strategia");
    const stored = await (await import("~/modules/storage/storage.server")).getFileStore().put((await import("node:stream")).Readable.from([content]), { name: "x" });
    const doc = await db.document.create({
      data: {
        workspaceId: ws.id,
        name: "Strategia transformacji.pdf",
        nameKey: "strategia transformacji.pdf",
        mimeType: "application/pdf",
        size: BigInt(content.length),
        createdById: w.coordinator.id,
        versions: { create: [{ number: 1, storageKey: stored.key, size: BigInt(content.length), mimeType: "application/pdf", sha256: stored.sha256, originalName: "Strategia transformacji.pdf", createdById: w.coordinator.id }] },
      },
    });
    // The assignee (BKPPT) sees the workspace: the picker offers its files.
    const assigneeView = (await page(w.assignee.cookie, w.team.id, task.id)).data as Awaited<ReturnType<typeof pageRoute.loader>>;
    expect(assigneeView.library?.files.map((f) => f.name)).toEqual(["Strategia transformacji.pdf"]);
    // The helper (RIG) may manage attachments but does not see the workspace: no picker, 403 on a forged post.
    const helperView = (await page(w.helper.cookie, w.team.id, task.id)).data as typeof assigneeView;
    expect(helperView.library).toBeNull();
    expect((await act(w.helper.cookie, w.team.id, task.id, { intent: "attachment.document", documentId: doc.id })).status).toBe(403);

    expect((await act(w.assignee.cookie, w.team.id, task.id, { intent: "attachment.document", documentId: doc.id })).status).toBe(200);
    expect((await act(w.assignee.cookie, w.team.id, task.id, { intent: "attachment.document", documentId: doc.id })).data.errors).toMatchObject({
      documentId: expect.stringMatching(/^tasks\.attachments\.already/),
    });
    const row = await db.taskAttachment.findFirstOrThrow({ where: { taskId: task.id } });
    const p = { ...params(w.team.id, task.id), attachmentId: row.id };

    // The assignee downloads it (its current version); the helper sees it listed as unavailable and gets 404.
    const dl = await raw(downloadRoute.loader, attachmentUrl(w.team.id, task.id, row.id), w.assignee.cookie, p);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(content)).toBe(true);
    expect(((await page(w.helper.cookie, w.team.id, task.id)).data as typeof assigneeView).attachments).toMatchObject([{ kind: "unavailable" }]);
    expect(JSON.stringify(((await page(w.helper.cookie, w.team.id, task.id)).data as typeof assigneeView).attachments)).not.toContain("Strategia");
    expect((await raw(downloadRoute.loader, attachmentUrl(w.team.id, task.id, row.id), w.helper.cookie, p)).status).toBe(404);
    // Once the file is in the library's trash, nobody gets it through the task.
    await db.document.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
    expect((await raw(downloadRoute.loader, attachmentUrl(w.team.id, task.id, row.id), w.assignee.cookie, p)).status).toBe(404);
  });
});

describe("trash", () => {
  it("the lead moves a task to the trash (member 403); it leaves the page (404); the lead restores it, the member may not", async () => {
    const w = await world();
    const task = await buildTask(w.team.id, w.lead.id, { title: "Do kosza" });
    expect((await act(w.member.cookie, w.team.id, task.id, { intent: "delete" })).status).toBe(403);
    const res = await act(w.lead.cookie, w.team.id, task.id, { intent: "delete" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(teamUrls.tasks(w.team.id));
    expect((await page(w.lead.cookie, w.team.id, task.id)).status).toBe(404);

    const trashUrl = teamUrls.trash(w.team.id);
    const listed = await run(trashRoute.loader, makeRequest(trashUrl, { cookie: w.member.cookie }), { teamId: w.team.id });
    expect(listed.status).toBe(200);
    expect(listed.data).toMatchObject({ canRestore: false, rows: [{ id: task.id, title: "Do kosza", deletedBy: "Katarzyna Wójcik" }] });
    expect((await run(trashRoute.loader, makeRequest(trashUrl, { cookie: w.stranger.cookie }), { teamId: w.team.id })).status).toBe(404);
    const restore = (cookie: string) => run(trashRoute.action, makeRequest(trashUrl, { cookie, form: { intent: "restore", taskId: task.id } }), { teamId: w.team.id });
    expect((await restore(w.member.cookie)).status).toBe(403);
    expect((await restore(w.stranger.cookie)).status).toBe(404);
    expect((await restore(w.coordinator.cookie)).status).toBe(200);
    expect((await restore(w.lead.cookie)).status).toBe(404);
    expect((await page(w.member.cookie, w.team.id, task.id)).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: { in: ["task.delete", "task.restore"] }, entityId: task.id } })).toBe(2);
  });
});

describe("history lines and dates", () => {
  it("reads deadlines as typed (date only or with time) and Polish dates in the forms", () => {
    expect(formatDeadline("2026-11-30T22:59:59.999Z", "pl")).toBe("30 listopada 2026");
    expect(formatDeadline("2026-11-30T13:05:00.000Z", "pl")).toBe("30 listopada 2026, 14:05");
    // Summer time: 14:05 in Warsaw is 12:05 UTC.
    expect(formatDeadline("2026-07-01T12:05:00.000Z", "pl")).toBe("1 lipca 2026, 14:05");
    expect(parsePolishDate("24.11.2026")).toBe("2026-11-24");
    expect(parsePolishDate("1.2.26")).toBe("2026-02-01");
    expect(parsePolishDate("2026-11-24")).toBe("2026-11-24");
    expect(parsePolishDate("31.02.2026")).toBeNull();
    expect(parsePolishDate("jutro")).toBeNull();
  });
});
