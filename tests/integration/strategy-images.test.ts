// The draft editor's image picker lists the workspace library's live images (not other files, not
// trashed ones), finds them by name without diacritics, and shows nothing to outsiders (404).
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { foldText } from "~/utils/text";
import * as imagesRoute from "~/routes/przestrzenie.$workspaceId.strategie.obrazy";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

async function setup() {
  const a = await buildInstitution({ shortName: "BKPPT" });
  const b = await buildInstitution({ shortName: "RIG" });
  const viewer = await buildUser({ institutionId: a.id });
  const outsider = await buildUser({ institutionId: b.id });
  const workspace = await db.workspace.create({
    data: { name: "Strategia", owningInstitutionId: a.id, createdById: viewer.id, members: { create: [{ userId: viewer.id, role: "VIEWER" }] } },
  });
  const file = (name: string, mimeType: string, deletedAt: Date | null = null) =>
    db.document.create({ data: { workspaceId: workspace.id, name, nameKey: foldText(name), mimeType, size: 10n, currentVersion: 2, createdById: viewer.id, deletedAt } });
  const map = await file("Mapa-złóż-węgla.png", "image/png");
  await file("Diagnoza.pdf", "application/pdf");
  await file("Stary-wykres.jpg", "image/jpeg", new Date());
  const chart = await file("Wykres zatrudnienia.webp", "image/webp");
  return { workspace, viewer: { cookie: await loginAs(viewer.id) }, outsider: { cookie: await loginAs(outsider.id) }, map, chart };
}

type Answer = { items: { id: string; name: string; url: string }[]; more: boolean };

describe("library images for the draft editor", () => {
  it("lists live images only, with their preview address, and finds them by folded name", async () => {
    const s = await setup();
    const url = `/przestrzenie/${s.workspace.id}/strategie/obrazy`;
    const all = await run(imagesRoute.loader, makeRequest(url, { cookie: s.viewer.cookie }), { workspaceId: s.workspace.id });
    const items = (all.data as Answer).items;
    expect(items.map((i) => i.name).sort()).toEqual(["Mapa-złóż-węgla.png", "Wykres zatrudnienia.webp"]);
    expect(items.find((i) => i.id === s.map.id)?.url).toBe(`/przestrzenie/${s.workspace.id}/pliki/${s.map.id}/v/2/podglad`);
    const found = await run(imagesRoute.loader, makeRequest(`${url}?q=zloz`, { cookie: s.viewer.cookie }), { workspaceId: s.workspace.id });
    expect((found.data as Answer).items.map((i) => i.id)).toEqual([s.map.id]);
  });

  it("is 404 for a person who does not see the workspace", async () => {
    const s = await setup();
    const res = await run(imagesRoute.loader, makeRequest(`/przestrzenie/${s.workspace.id}/strategie/obrazy`, { cookie: s.outsider.cookie }), { workspaceId: s.workspace.id });
    expect(res.status).toBe(404);
  });
});
