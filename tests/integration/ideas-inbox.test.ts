// The ideas inbox through real requests: who sees it (coordinators and the members of the intake's
// designated workspace; everybody else gets 404 for the inbox and every idea), scoring, status
// moves with optimistic concurrency, merging duplicates, tasks from ideas, links re-authorised on
// read, assignment, comments, contact erasure, the CSV/XLSX exports and a fixed number of SQL
// statements per inbox page.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import type { IdeaCategory, IdeaStatus, WorkspaceRole } from "~/generated/prisma/enums";
import * as inboxRoute from "~/routes/_app.pomysly.skrzynka";
import * as ideaRoute from "~/routes/_app.pomysly.$ideaId";
import * as summaryRoute from "~/routes/_app.pomysly.podsumowanie";
import * as csvRoute from "~/routes/pomysly.eksport[.]csv";
import * as xlsxRoute from "~/routes/pomysly.eksport[.]xlsx";
import { db } from "~/utils/db.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run, testContext } from "../http";
import { countStatements } from "../query-count";
import { buildTask, buildTeam } from "../team-factories";

type InboxData = Awaited<ReturnType<typeof inboxRoute.loader>>;
type IdeaData = Awaited<ReturnType<typeof ideaRoute.loader>>;
type SummaryData = Awaited<ReturnType<typeof summaryRoute.loader>>;

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

let sequence = 0;

async function buildIdea(
  intakeId: string,
  overrides: Partial<{
    title: string;
    description: string;
    category: IdeaCategory;
    status: IdeaStatus;
    contactName: string | null;
    contactEmail: string | null;
    submittedAt: Date;
    tags: string[];
  }> = {},
) {
  sequence += 1;
  const withContact = overrides.contactEmail !== null;
  return db.idea.create({
    data: {
      reference: `P-2026-${String(sequence).padStart(4, "0")}`,
      intakeId,
      title: overrides.title ?? `Pomysł ${sequence}`,
      description: overrides.description ?? "Opis pomysłu mieszkańca.",
      category: overrides.category ?? "SOCIAL",
      status: overrides.status ?? "NEW",
      location: "Kleszczów",
      contactName: withContact ? (overrides.contactName ?? "Jan Mieszkaniec") : null,
      contactEmail: withContact ? (overrides.contactEmail ?? `jan${sequence}@example.test`) : null,
      consentAt: withContact ? new Date() : null,
      consentText: withContact ? "Zgadzam się na przetwarzanie moich danych w celu kontaktu w sprawie pomysłu." : null,
      submittedAt: overrides.submittedAt ?? new Date(Date.now() - (1000 - sequence) * 60_000),
      tags: { create: (overrides.tags ?? []).map((tag) => ({ tag })) },
    },
  });
}

/**
 * BKPPT's coordinator handles every idea; the intake's designated workspace has a RIG editor and
 * an FRGK viewer; another FRGK member is outside. Teams: one formed by the coordinator (led by a
 * BKPPT person), one where the RIG editor is a plain member.
 */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const lead = await signedIn({ institutionId: bkppt.id, name: "Katarzyna Wójcik" });
  const editor = await signedIn({ institutionId: rig.id, name: "Łukasz Żak" });
  const viewer = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const outsider = await signedIn({ institutionId: frgk.id, name: "Grzegorz Sikora" });
  const member = (userId: string, role: WorkspaceRole) => ({ userId, role });
  const workspace = await db.workspace.create({
    data: {
      name: "Konsultacje społeczne",
      owningInstitutionId: bkppt.id,
      createdById: coordinator.user.id,
      members: { create: [member(coordinator.user.id, "OWNER"), member(editor.user.id, "EDITOR"), member(viewer.user.id, "VIEWER")] },
    },
  });
  const intake = await db.ideaIntake.create({
    data: { title: "Nabór pomysłów — jesień 2026", intro: "Czekamy na Wasze pomysły.", opensAt: new Date(Date.now() - 86_400_000), workspaceId: workspace.id, createdById: coordinator.user.id },
  });
  const team = await buildTeam(coordinator.user.id, { name: "Zespół ds. konsultacji", members: [{ userId: lead.user.id, role: "LEAD" }, { userId: editor.user.id }] });
  const otherTeam = await buildTeam(lead.user.id, { name: "Zespół ds. promocji FST", members: [{ userId: lead.user.id, role: "LEAD" }] });
  const opera = await buildIdea(intake.id, { title: "Opera na odkrywce", category: "CULTURE_TOURISM", tags: ["kultura"] });
  const camping = await buildIdea(intake.id, { title: "Zintegrowany city camping", category: "CULTURE_TOURISM", contactEmail: null });
  return { bkppt, rig, frgk, coordinator, lead, editor, viewer, outsider, workspace, intake, team, otherTeam, opera, camping };
}

const ideaParams = (ideaId: string) => ({ ideaId });

function inbox(cookie: string, query = "") {
  return run(inboxRoute.loader, makeRequest(`/pomysly/skrzynka${query ? `?${query}` : ""}`, { cookie }));
}

function ideaPage(cookie: string, ideaId: string) {
  return run(ideaRoute.loader, makeRequest(`/pomysly/${ideaId}`, { cookie }), ideaParams(ideaId));
}

function post(cookie: string, ideaId: string, form: Record<string, string>) {
  return run(ideaRoute.action, makeRequest(`/pomysly/${ideaId}`, { cookie, form }), ideaParams(ideaId));
}

async function versionOf(ideaId: string) {
  return String((await db.idea.findUniqueOrThrow({ where: { id: ideaId } })).version);
}

describe("who sees the inbox", () => {
  it("a coordinator sees the inbox and the idea with its contact data; a plain member outside the designated workspace gets 404 for both", async () => {
    const w = await world();
    const list = await inbox(w.coordinator.cookie);
    expect(list.status).toBe(200);
    const data = list.data as InboxData;
    expect(data.rows.map((r) => r.title).sort()).toEqual(["Opera na odkrywce", "Zintegrowany city camping"]);
    expect(data.can.export).toBe(true);

    const page = await ideaPage(w.coordinator.cookie, w.opera.id);
    expect(page.status).toBe(200);
    const idea = page.data as IdeaData;
    expect(idea.idea.title).toBe("Opera na odkrywce");
    expect(idea.contact?.email).toBe(w.opera.contactEmail);
    expect(idea.can).toMatchObject({ score: true, changeStatus: true, eraseContact: true, createTask: true });

    // Decision: somebody who handles no ideas has no inbox at all (404, like an unknown page).
    expect((await inbox(w.outsider.cookie)).status).toBe(404);
    expect((await ideaPage(w.outsider.cookie, w.opera.id)).status).toBe(404);
    expect((await post(w.outsider.cookie, w.opera.id, { intent: "score", impact: "5", feasibility: "5" })).status).toBe(404);
    expect((await post(w.outsider.cookie, w.opera.id, { intent: "nonsense" })).status).toBe(404);
    expect(await db.ideaScore.count()).toBe(0);
  });

  it("members of the designated workspace see it; a viewer reads and comments but may not score (audited 403) or export", async () => {
    const w = await world();
    expect((await inbox(w.editor.cookie)).status).toBe(200);
    const viewerList = await inbox(w.viewer.cookie);
    expect(viewerList.status).toBe(200);
    expect((viewerList.data as InboxData).can.export).toBe(false);
    const page = (await ideaPage(w.viewer.cookie, w.opera.id)).data as IdeaData;
    expect(page.can).toMatchObject({ view: true, comment: true, score: false, changeStatus: false, eraseContact: false });

    const refused = await post(w.viewer.cookie, w.opera.id, { intent: "score", impact: "5", feasibility: "5" });
    expect(refused.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: w.viewer.user.id, entityId: w.opera.id } })).toBe(1);
    const comment = await post(w.viewer.cookie, w.opera.id, { intent: "comment.create", body: "Świetny pomysł na lato." });
    expect(comment.status).toBe(200);
    expect((await run(csvRoute.loader, makeRequest("/pomysly/eksport.csv", { cookie: w.viewer.cookie }))).status).toBe(403);
  });

  it("an idea of an intake without that workspace is invisible to the workspace's members", async () => {
    const w = await world();
    const other = await db.ideaIntake.create({ data: { title: "Nabór wiosenny", opensAt: new Date(), createdById: w.coordinator.user.id } });
    const hidden = await buildIdea(other.id, { title: "Ukryty pomysł" });
    expect((await ideaPage(w.editor.cookie, hidden.id)).status).toBe(404);
    const rows = ((await inbox(w.editor.cookie)).data as InboxData).rows;
    expect(rows.map((r) => r.id)).not.toContain(hidden.id);
    expect((await ideaPage(w.coordinator.cookie, hidden.id)).status).toBe(200);
  });
});

describe("scoring", () => {
  it("one score per person (changeable), averages with who scored, the inbox row and the score sort", async () => {
    const w = await world();
    expect((await post(w.coordinator.cookie, w.opera.id, { intent: "score", impact: "5", feasibility: "3" })).status).toBe(200);
    expect((await post(w.editor.cookie, w.opera.id, { intent: "score", impact: "4", feasibility: "1" })).status).toBe(200);
    // Changed, not added.
    expect((await post(w.editor.cookie, w.opera.id, { intent: "score", impact: "4", feasibility: "2" })).status).toBe(200);
    expect(await db.ideaScore.count({ where: { ideaId: w.opera.id } })).toBe(2);

    const page = (await ideaPage(w.coordinator.cookie, w.opera.id)).data as IdeaData;
    expect(page.scores.summary).toEqual({ impact: 4.5, feasibility: 2.5, count: 2 });
    expect(page.scores.own).toEqual({ impact: 5, feasibility: 3 });
    expect(page.scores.rows.map((r) => [r.name, r.impact, r.feasibility]).sort()).toEqual([
      ["Magdalena Wróbel", 5, 3],
      ["Łukasz Żak", 4, 2],
    ]);

    const bad = await post(w.coordinator.cookie, w.opera.id, { intent: "score", impact: "6", feasibility: "0" });
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors).toEqual({ impact: "ideasInbox.validation.score", feasibility: "ideasInbox.validation.score" });

    await post(w.coordinator.cookie, w.camping.id, { intent: "score", impact: "5", feasibility: "5" });
    const sorted = (await inbox(w.coordinator.cookie, "sort=score")).data as InboxData;
    expect(sorted.rows.map((r) => r.title)).toEqual(["Zintegrowany city camping", "Opera na odkrywce"]);
    const row = sorted.rows.find((r) => r.id === w.opera.id)!;
    expect(row.score).toEqual({ impact: 4.5, feasibility: 2.5, count: 2 });
    expect(await db.auditLog.count({ where: { action: "idea.score", entityId: w.opera.id } })).toBe(3);

    expect((await post(w.editor.cookie, w.opera.id, { intent: "score.remove" })).status).toBe(200);
    expect(await db.ideaScore.count({ where: { ideaId: w.opera.id } })).toBe(1);
  });
});

describe("status", () => {
  it("moves along the allowed transitions, requires the reason and the destination, refuses a stale version with 409", async () => {
    const w = await world();
    const id = w.opera.id;
    const jump = await post(w.coordinator.cookie, id, { intent: "status", status: "ACCEPTED", acceptedFor: "STRATEGY", version: await versionOf(id) });
    expect(jump.status).toBe(400);
    expect((jump.data as { errors: Record<string, string> }).errors.status).toBe("ideasInbox.validation.transition");

    const v1 = await versionOf(id);
    expect((await post(w.editor.cookie, id, { intent: "status", status: "IN_ANALYSIS", version: v1 })).status).toBe(200);
    expect(await db.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "IN_ANALYSIS", version: Number(v1) + 1 });

    // Somebody who loaded the page before that change: nothing is written.
    const stale = await post(w.coordinator.cookie, id, { intent: "status", status: "REJECTED", publicReason: "Nie w tym naborze.", version: v1 });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ conflict: true, error: "ideasInbox.conflict" });
    expect((await db.idea.findUniqueOrThrow({ where: { id } })).status).toBe("IN_ANALYSIS");

    const v2 = await versionOf(id);
    const noReason = await post(w.coordinator.cookie, id, { intent: "status", status: "REJECTED", publicReason: "  ", version: v2 });
    expect(noReason.status).toBe(400);
    expect((noReason.data as { errors: Record<string, string> }).errors.publicReason).toBe("ideasInbox.validation.publicReason");
    const noDestination = await post(w.coordinator.cookie, id, { intent: "status", status: "ACCEPTED", version: v2 });
    expect((noDestination.data as { errors: Record<string, string> }).errors.acceptedFor).toBe("ideasInbox.validation.acceptedFor");

    expect((await post(w.coordinator.cookie, id, { intent: "status", status: "ACCEPTED", acceptedFor: "STRATEGY", version: v2 })).status).toBe(200);
    const accepted = await db.idea.findUniqueOrThrow({ where: { id } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedFor: "STRATEGY", publicReason: null });
    expect(accepted.closedAt).toBeInstanceOf(Date);

    // Reopening stops the retention clock.
    expect((await post(w.coordinator.cookie, id, { intent: "status", status: "IN_ANALYSIS", version: String(accepted.version) })).status).toBe(200);
    const reopened = await db.idea.findUniqueOrThrow({ where: { id } });
    expect(reopened).toMatchObject({ status: "IN_ANALYSIS", acceptedFor: null, closedAt: null });
    const v3 = String(reopened.version);
    expect((await post(w.coordinator.cookie, id, { intent: "status", status: "REJECTED", publicReason: "Poza zakresem strategii.", version: v3 })).status).toBe(200);
    expect(await db.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REJECTED", publicReason: "Poza zakresem strategii." });

    const audits = await db.auditLog.findMany({ where: { action: "idea.status", entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(4);
    expect(JSON.parse(audits[0].changes ?? "{}")).toEqual({ status: ["NEW", "IN_ANALYSIS"] });
  });
});

describe("merging duplicates", () => {
  it("the duplicate points to the original, is rejected with the public reason, keeps its tags and scores; the list says so", async () => {
    const w = await world();
    const copy = await buildIdea(w.intake.id, { title: "Opera w kopalni", tags: ["opera"] });
    await post(w.editor.cookie, copy.id, { intent: "score", impact: "3", feasibility: "3" });
    const self = await post(w.coordinator.cookie, copy.id, { intent: "merge", original: copy.id, version: await versionOf(copy.id) });
    expect((self.data as { errors: Record<string, string> }).errors.original).toBe("ideasInbox.merge.self");

    // The original picked by its reference, as typed.
    const res = await post(w.coordinator.cookie, copy.id, { intent: "merge", original: w.opera.reference.toLowerCase(), version: await versionOf(copy.id) });
    expect(res.status).toBe(200);
    const merged = await db.idea.findUniqueOrThrow({ where: { id: copy.id }, include: { tags: true, scores: true } });
    expect(merged).toMatchObject({ duplicateOfId: w.opera.id, status: "REJECTED", publicReason: `Połączono z pomysłem ${w.opera.reference}.` });
    expect(merged.closedAt).toBeInstanceOf(Date);
    expect(merged.tags.map((t) => t.tag)).toEqual(["opera"]);
    expect(merged.scores).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "idea.merge", entityId: copy.id } })).toBe(1);

    const row = ((await inbox(w.coordinator.cookie)).data as InboxData).rows.find((r) => r.id === copy.id)!;
    expect(row.duplicateOf?.reference).toBe(w.opera.reference);
    const original = (await ideaPage(w.coordinator.cookie, w.opera.id)).data as IdeaData;
    expect(original.idea.duplicates.map((d) => d.id)).toEqual([copy.id]);

    // Merging the original elsewhere brings its duplicates along (no chains).
    const third = await buildIdea(w.intake.id, { title: "Festiwal na odkrywce" });
    expect((await post(w.coordinator.cookie, w.opera.id, { intent: "merge", original: third.id, version: await versionOf(w.opera.id) })).status).toBe(200);
    expect((await db.idea.findUniqueOrThrow({ where: { id: copy.id } })).duplicateOfId).toBe(third.id);

    // Reopening a duplicate unmerges it.
    expect((await post(w.coordinator.cookie, copy.id, { intent: "status", status: "IN_ANALYSIS", version: await versionOf(copy.id) })).status).toBe(200);
    expect(await db.idea.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({ status: "IN_ANALYSIS", duplicateOfId: null, publicReason: null, closedAt: null });
  });
});

describe("tasks from ideas", () => {
  it("'Utwórz zadanie' creates the task in the chosen team with a link back, and links the idea to it", async () => {
    const w = await world();
    const res = await post(w.coordinator.cookie, w.opera.id, { intent: "task.create", teamId: w.team.id, title: "Przygotować koncepcję opery", assigneeId: w.lead.user.id });
    expect(res.status).toBe(200);
    const task = await db.task.findFirstOrThrow({ where: { teamId: w.team.id }, include: { labels: true } });
    expect(task).toMatchObject({ title: "Przygotować koncepcję opery", assigneeId: w.lead.user.id, createdById: w.coordinator.user.id });
    expect(task.description).toContain(`http://razem.test/pomysly/${w.opera.id}`);
    expect(task.labels.map((l) => l.label)).toEqual([w.opera.reference]);
    const link = await db.ideaLink.findFirstOrThrow({ where: { ideaId: w.opera.id } });
    expect(link).toMatchObject({ kind: "TASK", targetId: task.id });
    expect(await db.auditLog.count({ where: { action: "idea.task.create", entityId: w.opera.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "task.create", entityId: task.id } })).toBe(1);

    const page = (await ideaPage(w.coordinator.cookie, w.opera.id)).data as IdeaData;
    // Both teams have BKPPT people, so their coordinator runs both.
    expect(page.teams.map((t) => t.name)).toEqual(["Zespół ds. konsultacji", "Zespół ds. promocji FST"]);
    expect(page.links).toEqual([expect.objectContaining({ kind: "TASK", target: expect.objectContaining({ label: `#${task.number} Przygotować koncepcję opery`, detail: "Zespół ds. konsultacji" }) })]);
  });

  it("'Wyślij do zespołu' leaves the task unassigned and tells the lead", async () => {
    const w = await world();
    const res = await post(w.coordinator.cookie, w.camping.id, { intent: "team.send", teamId: w.team.id, title: "Zintegrowany city camping", assigneeId: w.editor.user.id });
    expect(res.status).toBe(200);
    const task = await db.task.findFirstOrThrow({ where: { teamId: w.team.id } });
    expect(task.assigneeId).toBeNull();
    const notes = await db.notification.findMany({ where: { kind: "idea.sentToTeam" } });
    expect(notes.map((n) => n.userId)).toEqual([w.lead.user.id]);
    expect(notes[0].url).toBe(`/zespoly/${w.team.id}/zadania/${task.id}`);
  });

  it("a team one cannot see is 404, one where one may not add tasks an audited 403; nothing is created", async () => {
    const w = await world();
    // The RIG editor may create tasks from ideas, but is only a member of the coordinator's team…
    const member = await post(w.editor.cookie, w.opera.id, { intent: "task.create", teamId: w.team.id, title: "Zadanie" });
    expect(member.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: w.editor.user.id, entityType: "Team", entityId: w.team.id } })).toBe(1);
    // …and does not see the promotion team at all.
    const invisible = await post(w.editor.cookie, w.opera.id, { intent: "team.send", teamId: w.otherTeam.id, title: "Zadanie" });
    expect(invisible.status).toBe(404);
    const missing = await post(w.coordinator.cookie, w.opera.id, { intent: "task.create", teamId: "", title: "Zadanie" });
    expect(missing.status).toBe(400);
    expect((missing.data as { errors: Record<string, string> }).errors.teamId).toBe("ideasInbox.task.pickTeam");
    expect(await db.task.count()).toBe(0);
    expect(await db.ideaLink.count()).toBe(0);
    expect(((await ideaPage(w.editor.cookie, w.opera.id)).data as IdeaData).teams).toEqual([]);
  });
});

describe("links", () => {
  it("links to tasks and documents the person can see; re-authorised on read ('brak dostępu' for others)", async () => {
    const w = await world();
    const task = await buildTask(w.otherTeam.id, w.lead.user.id, { title: "Kampania FST" });
    // The lead's team is invisible to the RIG editor: they cannot link it…
    const refused = await post(w.editor.cookie, w.opera.id, { intent: "link.add", kind: "TASK", targetId: task.id });
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, string> }).errors.targetId).toBe("ideasInbox.links.notFound");
    // …the coordinator (whose person leads it) can.
    expect((await post(w.coordinator.cookie, w.opera.id, { intent: "link.add", kind: "TASK", targetId: task.id })).status).toBe(200);
    const doc = await db.document.create({
      data: { workspaceId: w.workspace.id, name: "Diagnoza społeczna.pdf", nameKey: "diagnoza spoleczna.pdf", mimeType: "application/pdf", size: BigInt(10), createdById: w.coordinator.user.id },
    });
    expect((await post(w.editor.cookie, w.opera.id, { intent: "link.add", kind: "DOCUMENT", targetId: doc.id })).status).toBe(200);
    const dup = await post(w.editor.cookie, w.opera.id, { intent: "link.add", kind: "DOCUMENT", targetId: doc.id });
    expect((dup.data as { errors: Record<string, string> }).errors.targetId).toBe("ideasInbox.links.duplicate");

    const mine = (await ideaPage(w.coordinator.cookie, w.opera.id)).data as IdeaData;
    expect(mine.links.map((l) => [l.kind, l.target?.label ?? null])).toEqual([
      ["TASK", `#${task.number} Kampania FST`],
      ["DOCUMENT", "Diagnoza społeczna.pdf"],
    ]);
    const theirs = (await ideaPage(w.editor.cookie, w.opera.id)).data as IdeaData;
    expect(theirs.links.map((l) => [l.kind, l.target?.label ?? null])).toEqual([
      ["TASK", null],
      ["DOCUMENT", "Diagnoza społeczna.pdf"],
    ]);
    expect(await db.auditLog.count({ where: { action: "idea.link.add", entityId: w.opera.id } })).toBe(2);
    const linkId = mine.links[1].id;
    expect((await post(w.editor.cookie, w.opera.id, { intent: "link.remove", linkId })).status).toBe(200);
    expect(await db.ideaLink.count()).toBe(1);
  });
});

describe("assignment, tags and comments", () => {
  it("assigns a coordinator or workspace member (notified), refuses anybody else; tags are saved deduplicated", async () => {
    const w = await world();
    const ok = await post(w.coordinator.cookie, w.opera.id, { intent: "assign", assigneeId: w.editor.user.id, version: await versionOf(w.opera.id) });
    expect(ok.status).toBe(200);
    expect((await db.idea.findUniqueOrThrow({ where: { id: w.opera.id } })).assigneeId).toBe(w.editor.user.id);
    expect(await db.notification.count({ where: { userId: w.editor.user.id, kind: "idea.assigned" } })).toBe(1);
    const outsider = await post(w.coordinator.cookie, w.opera.id, { intent: "assign", assigneeId: w.outsider.user.id, version: await versionOf(w.opera.id) });
    expect(outsider.status).toBe(400);
    expect((outsider.data as { errors: Record<string, string> }).errors.assigneeId).toBe("ideasInbox.validation.assignee");

    const unassigned = ((await inbox(w.coordinator.cookie, "osoba=none")).data as InboxData).rows.map((r) => r.id);
    expect(unassigned).toEqual([w.camping.id]);
    const assigned = ((await inbox(w.coordinator.cookie, `osoba=${w.editor.user.id}`)).data as InboxData).rows.map((r) => r.id);
    expect(assigned).toEqual([w.opera.id]);

    const tags = await post(w.editor.cookie, w.opera.id, { intent: "tags", tags: "kultura, Turystyka, turystyka,  odkrywka ", version: await versionOf(w.opera.id) });
    expect(tags.status).toBe(200);
    const saved = await db.ideaTag.findMany({ where: { ideaId: w.opera.id }, orderBy: { tag: "asc" } });
    expect(saved.map((t) => t.tag)).toEqual(["Turystyka", "kultura", "odkrywka"]);
    expect(((await inbox(w.coordinator.cookie, "tag=odkrywka")).data as InboxData).rows.map((r) => r.id)).toEqual([w.opera.id]);
    const tooLong = await post(w.editor.cookie, w.opera.id, { intent: "tags", tags: "x".repeat(41), version: await versionOf(w.opera.id) });
    expect((tooLong.data as { errors: Record<string, string> }).errors.tags).toMatch(/^ideasInbox\.validation\.tagTooLong/);
  });

  it("the author edits and deletes their own comment; somebody else's is an audited 403", async () => {
    const w = await world();
    await post(w.editor.cookie, w.opera.id, { intent: "comment.create", body: "Warto zapytać o koszty." });
    const comment = await db.ideaComment.findFirstOrThrow({ where: { ideaId: w.opera.id } });
    expect((await post(w.coordinator.cookie, w.opera.id, { intent: "comment.update", commentId: comment.id, body: "Zmienione" })).status).toBe(403);
    expect((await post(w.editor.cookie, w.opera.id, { intent: "comment.update", commentId: comment.id, body: "Warto zapytać o koszty i terminy." })).status).toBe(200);
    expect((await db.ideaComment.findUniqueOrThrow({ where: { id: comment.id } })).editedAt).toBeInstanceOf(Date);
    const empty = await post(w.editor.cookie, w.opera.id, { intent: "comment.create", body: "   " });
    expect(empty.status).toBe(400);
    expect((await post(w.editor.cookie, w.opera.id, { intent: "comment.delete", commentId: comment.id })).status).toBe(200);
    const row = ((await inbox(w.coordinator.cookie)).data as InboxData).rows.find((r) => r.id === w.opera.id)!;
    expect(row.comments).toBe(0);
    expect(await db.auditLog.count({ where: { action: { startsWith: "idea.comment." }, entityId: w.opera.id } })).toBe(3);
  });
});

describe("contact data", () => {
  it("a coordinator erases it on request; the page then shows only when; a workspace editor may not", async () => {
    const w = await world();
    expect((await post(w.editor.cookie, w.opera.id, { intent: "contact.erase" })).status).toBe(403);
    const res = await post(w.coordinator.cookie, w.opera.id, { intent: "contact.erase" });
    expect(res.status).toBe(302);
    const idea = await db.idea.findUniqueOrThrow({ where: { id: w.opera.id } });
    expect(idea).toMatchObject({ contactName: null, contactEmail: null, consentText: null });
    const page = (await ideaPage(w.coordinator.cookie, w.opera.id)).data as IdeaData;
    expect(page.contact).toMatchObject({ name: null, email: null });
    expect(page.contact?.erasedAt).toBeInstanceOf(Date);
  });
});

function parseCsv(text: string) {
  return text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));
}

/** The entries of a ZIP archive written by ideas-export.server.ts (local headers, deflated). */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const start = at + 30 + nameLength + extra;
    out.set(name, zlib.inflateRawSync(buf.subarray(start, start + size)).toString("utf8"));
    at = start + size;
  }
  return out;
}

/** A download route's answer as the browser gets it (the bytes, BOM included), or its refusal. */
async function download(loader: typeof csvRoute.loader | typeof xlsxRoute.loader, path: string, cookie: string): Promise<Response> {
  try {
    return (await loader({ request: makeRequest(path, { cookie }), params: {}, context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const utf8 = async (res: Response) => {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString("utf8");
};

describe("exports", () => {
  it("CSV: BOM and `;`, formula-neutralised, contact data for coordinators only, audited", async () => {
    const w = await world();
    await buildIdea(w.intake.id, { title: "=HYPERLINK(\"http://zly.example\")", category: "OTHER" });
    await post(w.coordinator.cookie, w.opera.id, { intent: "score", impact: "5", feasibility: "3" });
    await post(w.editor.cookie, w.opera.id, { intent: "score", impact: "4", feasibility: "2" });
    const coordinator = await download(csvRoute.loader, "/pomysly/eksport.csv", w.coordinator.cookie);
    expect(coordinator.status).toBe(200);
    expect(coordinator.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(coordinator.headers.get("Content-Disposition")).toMatch(/^attachment; filename="pomysly-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await utf8(coordinator);
    const rows = parseCsv(text);
    expect(rows[0].slice(0, 4)).toEqual(["Numer", "Tytuł", "Kategoria", "Status"]);
    expect(rows[0]).toContain("E-mail");
    expect(text).toContain(w.opera.contactEmail!);
    expect(text).toContain("Kultura i turystyka");
    // Averages with a decimal comma (Polish Excel reads them as numbers), then the number of scores.
    expect(text).toContain(`"4,5";"2,5";2;`);
    expect(text).toContain(`"'=HYPERLINK(""http://zly.example"")"`);

    const editor = await download(csvRoute.loader, "/pomysly/eksport.csv?kategoria=CULTURE_TOURISM", w.editor.cookie);
    expect(editor.status).toBe(200);
    const editorText = await utf8(editor);
    const editorRows = parseCsv(editorText);
    expect(editorRows[0]).not.toContain("E-mail");
    expect(editorRows).toHaveLength(3);
    expect(editorText).not.toContain("@example.test");
    expect(editorText).not.toContain("Jan Mieszkaniec");

    expect((await download(csvRoute.loader, "/pomysly/eksport.csv", w.outsider.cookie)).status).toBe(404);
    const audits = await db.auditLog.findMany({ where: { action: "idea.export" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.actorId, JSON.parse(a.changes ?? "{}").contact[1]])).toEqual([
      [w.coordinator.user.id, true],
      [w.editor.user.id, false],
    ]);
  });

  it("XLSX: a valid ZIP workbook with the ideas as inline strings, contact data only for coordinators", async () => {
    const w = await world();
    const res = await download(xlsxRoute.loader, "/pomysly/eksport.xlsx", w.editor.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()]).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain("Opera na odkrywce");
    expect(sheet).toContain(w.camping.reference);
    expect(sheet).not.toContain("@example.test");
    expect(files.get("xl/workbook.xml")).toContain('name="Pomysły"');

    const coordinator = await download(xlsxRoute.loader, "/pomysly/eksport.xlsx", w.coordinator.cookie);
    const coordinatorSheet = unzip(Buffer.from(await coordinator.arrayBuffer())).get("xl/worksheets/sheet1.xml")!;
    expect(coordinatorSheet).toContain(w.opera.contactEmail!);
    expect(await db.auditLog.count({ where: { action: "idea.export" } })).toBe(2);
    expect((await download(xlsxRoute.loader, "/pomysly/eksport.xlsx", w.viewer.cookie)).status).toBe(403);
  });
});

describe("summary", () => {
  it("counts by category and status, every category and status listed (zeros included), filtered by intake", async () => {
    const w = await world();
    await buildIdea(w.intake.id, { category: "ENVIRONMENT", status: "ACCEPTED" });
    const res = await run(summaryRoute.loader, makeRequest("/pomysly/podsumowanie", { cookie: w.editor.cookie }));
    expect(res.status).toBe(200);
    const data = res.data as SummaryData;
    expect(data.summary.total).toBe(3);
    expect(data.summary.byCategory).toHaveLength(7);
    expect(data.summary.byCategory.find((c) => c.category === "CULTURE_TOURISM")?.count).toBe(2);
    expect(data.summary.byCategory.find((c) => c.category === "EDUCATION")?.count).toBe(0);
    expect(data.summary.byStatus).toEqual([
      { status: "NEW", count: 2 },
      { status: "IN_ANALYSIS", count: 0 },
      { status: "ACCEPTED", count: 1 },
      { status: "REJECTED", count: 0 },
    ]);
    const other = await db.ideaIntake.create({ data: { title: "Inny nabór", opensAt: new Date(), workspaceId: w.workspace.id, createdById: w.coordinator.user.id } });
    const filtered = (await run(summaryRoute.loader, makeRequest(`/pomysly/podsumowanie?nabor=${other.id}`, { cookie: w.editor.cookie }))).data as SummaryData;
    expect(filtered.summary.total).toBe(0);
    expect((await run(summaryRoute.loader, makeRequest("/pomysly/podsumowanie", { cookie: w.outsider.cookie }))).status).toBe(404);
  });
});

describe("the inbox list", () => {
  it("costs the same number of SQL statements for 2 ideas and for 40 (tags, scores, comments, assignees), for every sort and filter", async () => {
    const w = await world();
    const people = [w.coordinator.user.id, w.editor.user.id, w.lead.user.id];
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const idea = await buildIdea(w.intake.id, { tags: [`tag-${i % 5}`, "wspólny"], category: i % 2 ? "EDUCATION" : "SOCIAL" });
        await db.idea.update({ where: { id: idea.id }, data: { assigneeId: i % 3 ? w.editor.user.id : null } });
        for (const userId of people.slice(0, 1 + (i % 3))) await db.ideaScore.create({ data: { ideaId: idea.id, userId, impact: 1 + (i % 5), feasibility: 1 + ((i + 2) % 5) } });
        await db.ideaComment.create({ data: { ideaId: idea.id, authorId: w.editor.user.id, body: "Komentarz" } });
      }
    };
    const queries = ["", "sort=oldest", "sort=score", "tag=wsp%C3%B3lny&kategoria=SOCIAL", `osoba=${w.editor.user.id}&q=Pomys%C5%82`, "osoba=none&status=NEW&page=2"];
    const measure = async () => {
      const out: Record<string, number> = {};
      for (const q of queries) out[q] = await countStatements(() => inbox(w.coordinator.cookie, q));
      return out;
    };
    const few = await measure();
    await add(40);
    const many = await measure();
    expect(many).toEqual(few);
    for (const n of Object.values(few)) expect(n).toBeLessThan(20);

    const page1 = (await inbox(w.coordinator.cookie)).data as InboxData;
    expect(page1.rows).toHaveLength(25);
    expect(page1.page).toMatchObject({ total: 42, pageCount: 2 });
    const page2 = (await inbox(w.coordinator.cookie, "page=2")).data as InboxData;
    expect(page2.rows).toHaveLength(17);
    const scored = (await inbox(w.coordinator.cookie, "sort=score&page=2")).data as InboxData;
    expect(scored.rows).toHaveLength(17);
    // Unscored ideas last.
    expect(scored.rows.slice(-2).map((r) => r.score.count)).toEqual([0, 0]);
    const search = (await inbox(w.coordinator.cookie, "q=odkrywce")).data as InboxData;
    expect(search.rows.map((r) => r.id)).toEqual([w.opera.id]);
  }, 60_000);
});
