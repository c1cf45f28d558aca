// "Zapisz protokół w bibliotece": the minutes of a workspace meeting become a Word document in that
// workspace's library (details, who was present, the minutes, decisions, action items); saving again
// adds a version; only organisers who may add content there can do it; without a workspace the
// organiser is told why.
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { warsawInstant } from "~/modules/tasks/deadline";
import { openStored } from "~/modules/library/library.server";
import * as pageRoute from "~/routes/_app.spotkania.$meetingId";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

async function world(opts: { withWorkspace: boolean }) {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const invitee = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const workspace = opts.withWorkspace
    ? await db.workspace.create({
        data: { name: "Konsultacje społeczne", owningInstitutionId: bkppt.id, createdById: coordinator.user.id, members: { create: [{ userId: coordinator.user.id, role: "OWNER" }] } },
      })
    : null;
  const meeting = await db.meeting.create({
    data: {
      title: "Konsultacje: transport po transformacji",
      kind: "SOCIAL_CONSULTATION",
      startsAt: warsawInstant("2026-12-04", "17:00"),
      endsAt: warsawInstant("2026-12-04", "19:00"),
      place: "Starostwo Powiatowe w Bełchatowie",
      organizerInstitutionId: bkppt.id,
      createdById: coordinator.user.id,
      workspaceId: workspace?.id ?? null,
      minutes: "<h2>Przebieg</h2><p>Mieszkańcy zgłosili potrzebę <strong>wieczornych kursów</strong> Bełchatów–Kleszczów.</p>",
      institutions: { create: [{ institutionId: frgk.id }] },
      attendance: {
        create: [
          { name: "Żaneta Źrebiec", organisation: "Rada Osiedla", present: true, recordedById: coordinator.user.id },
          { name: "Nieobecny Ktoś", present: false, recordedById: coordinator.user.id },
        ],
      },
      outcomes: {
        create: [
          { kind: "DECISION", text: "Przygotować ankietę o potrzebach transportowych.", position: 1, createdById: coordinator.user.id },
          { kind: "ACTION", text: "Zebrać rozkłady jazdy przewoźników.", position: 2, createdById: coordinator.user.id },
        ],
      },
    },
  });
  return { coordinator, invitee, workspace, meeting };
}

const save = (cookie: string, meetingId: string) => run(pageRoute.action, makeRequest(`/spotkania/${meetingId}`, { cookie, form: { intent: "minutesToLibrary" } }), { meetingId });

async function docxText(storageKey: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openStored(storageKey)) chunks.push(chunk as Buffer);
  return (await mammoth.convertToHtml({ buffer: Buffer.concat(chunks) })).value;
}

describe("meeting minutes into the workspace library", () => {
  it("saves a Word protokół in „Protokoły ze spotkań”; a second save is version 2", async () => {
    const w = await world({ withWorkspace: true });
    const first = await save(w.coordinator.cookie, w.meeting.id);
    expect(first.status).toBe(302);
    const doc = await db.document.findFirstOrThrow({ where: { workspaceId: w.workspace!.id }, include: { folder: true, versions: true } });
    expect(doc.folder?.name).toBe("Protokoły ze spotkań");
    expect(doc.name).toBe("Protokół — Konsultacje transport po transformacji 2026-12-04.docx");
    const html = await docxText(doc.versions[0].storageKey);
    expect(html).toContain("Protokół — Konsultacje: transport po transformacji");
    expect(html).toContain("piątek, 4 grudnia 2026, 17:00–19:00");
    expect(html).toContain("Żaneta Źrebiec (Rada Osiedla)");
    expect(html).not.toContain("Nieobecny Ktoś");
    expect(html).toContain("<strong>wieczornych kursów</strong>");
    expect(html).toContain("Przygotować ankietę o potrzebach transportowych.");
    expect(html).toContain("Zebrać rozkłady jazdy przewoźników.");
    await save(w.coordinator.cookie, w.meeting.id);
    const again = await db.documentVersion.findMany({ where: { documentId: doc.id } });
    expect(again.map((v) => v.number).sort()).toEqual([1, 2]);
    expect(await db.auditLog.count({ where: { action: "meeting.minutes.library", entityId: w.meeting.id } })).toBe(2);
  });

  it("an invitee who does not run the meeting gets 403 and nothing is saved", async () => {
    const w = await world({ withWorkspace: true });
    const res = await save(w.invitee.cookie, w.meeting.id);
    expect(res.status).toBe(403);
    expect(await db.document.count({ where: { workspaceId: w.workspace!.id } })).toBe(0);
  });

  it("a meeting without a workspace says why instead of saving", async () => {
    const w = await world({ withWorkspace: false });
    const res = await save(w.coordinator.cookie, w.meeting.id);
    expect(res.status).toBe(302);
    expect(await db.document.count()).toBe(0);
  });
});
