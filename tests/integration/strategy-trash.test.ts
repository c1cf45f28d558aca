// The trash of strategy drafts: a trashed draft leaves the list, waits in the workspace's trash
// (EDITOR+ see it, VIEWERs and outsiders get 404) and comes back whole when its creator or an OWNER
// restores it; another EDITOR may not restore it (403).
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as listRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie._index";
import * as editorRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.$draftId";
import * as trashRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.kosz";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

async function setup() {
  const a = await buildInstitution({ shortName: "BKPPT" });
  const b = await buildInstitution({ shortName: "RIG" });
  const owner = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
  const author = await signedIn({ institutionId: a.id });
  const otherEditor = await signedIn({ institutionId: a.id });
  const viewer = await signedIn({ institutionId: a.id });
  const outsider = await signedIn({ institutionId: b.id });
  const workspace = await db.workspace.create({
    data: {
      name: "Strategia",
      owningInstitutionId: a.id,
      createdById: owner.user.id,
      members: {
        create: [
          { userId: owner.user.id, role: "OWNER" },
          { userId: author.user.id, role: "EDITOR" },
          { userId: otherEditor.user.id, role: "EDITOR" },
          { userId: viewer.user.id, role: "VIEWER" },
        ],
      },
    },
  });
  const draft = await db.strategyDraft.create({ data: { workspaceId: workspace.id, title: "Projekt do kosza", createdById: author.user.id, updatedById: author.user.id } });
  const base = `/przestrzenie/${workspace.id}/strategie`;
  const ws = { workspaceId: workspace.id };
  return { owner, author, otherEditor, viewer, outsider, workspace, draft, base, ws };
}

type Page = { items: { id: string; canRestore?: boolean }[] };

describe("strategy drafts' trash", () => {
  it("trash → gone from the list → restored by its author, whole", async () => {
    const s = await setup();
    const trashed = await run(editorRoute.action, makeRequest(`${s.base}/${s.draft.id}`, { cookie: s.author.cookie, form: { intent: "trash" } }), { ...s.ws, draftId: s.draft.id });
    expect(trashed.status).toBe(302);
    const list = await run(listRoute.loader, makeRequest(s.base, { cookie: s.author.cookie }), s.ws);
    expect((list.data as Page).items).toHaveLength(0);
    const trash = await run(trashRoute.loader, makeRequest(`${s.base}/kosz`, { cookie: s.author.cookie }), s.ws);
    expect((trash.data as Page).items.map((d) => [d.id, d.canRestore])).toEqual([[s.draft.id, true]]);
    const restored = await run(trashRoute.action, makeRequest(`${s.base}/kosz`, { cookie: s.author.cookie, form: { intent: "restore", draftId: s.draft.id } }), s.ws);
    expect(restored.status).toBe(302);
    expect(restored.headers.get("Location")).toBe(`${s.base}/${s.draft.id}`);
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).deletedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ["strategy.trash", "strategy.restore"] }, entityId: s.draft.id } })).toBe(2);
  });

  it("another EDITOR sees the trash but may not restore (403); VIEWERs and outsiders get 404", async () => {
    const s = await setup();
    await db.strategyDraft.update({ where: { id: s.draft.id }, data: { deletedAt: new Date(), deletedById: s.author.user.id } });
    const seen = await run(trashRoute.loader, makeRequest(`${s.base}/kosz`, { cookie: s.otherEditor.cookie }), s.ws);
    expect((seen.data as Page).items.map((d) => d.canRestore)).toEqual([false]);
    const denied = await run(trashRoute.action, makeRequest(`${s.base}/kosz`, { cookie: s.otherEditor.cookie, form: { intent: "restore", draftId: s.draft.id } }), s.ws);
    expect(denied.status).toBe(403);
    expect((await run(trashRoute.loader, makeRequest(`${s.base}/kosz`, { cookie: s.viewer.cookie }), s.ws)).status).toBe(404);
    expect((await run(trashRoute.loader, makeRequest(`${s.base}/kosz`, { cookie: s.outsider.cookie }), s.ws)).status).toBe(404);
    const outsiderRestore = await run(trashRoute.action, makeRequest(`${s.base}/kosz`, { cookie: s.outsider.cookie, form: { intent: "restore", draftId: s.draft.id } }), s.ws);
    expect(outsiderRestore.status).toBe(404);
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).deletedAt).not.toBeNull();
    const byOwner = await run(trashRoute.action, makeRequest(`${s.base}/kosz`, { cookie: s.owner.cookie, form: { intent: "restore", draftId: s.draft.id } }), s.ws);
    expect(byOwner.status).toBe(302);
  });
});
