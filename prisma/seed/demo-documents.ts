// Demo files in the workspace libraries: real PDF/DOCX/text content with a version history,
// one approved and one in review, so the library looks like a partnership at work.
import { Readable } from "node:stream";
import type { DocumentStatus } from "~/generated/prisma/enums";
import type { User } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { foldText } from "~/utils/text";
import { getFileStore, type StoredFile } from "~/modules/storage/storage.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { makeDocx, makePdf } from "./sample-files";
import type { DemoWorkspaces } from "./demo-workspaces";
import type { DemoPeople } from "./demo";

type Client = Tx | typeof db;

const MIME = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown",
  csv: "text/csv",
} as const;

type Version = { content: Buffer; by: User; note?: string; daysAgo: number };

async function addDocument(
  client: Client,
  target: { workspaceId: string; folderId: string },
  name: string,
  mimeType: string,
  versions: Version[],
  status: DocumentStatus = "DRAFT",
) {
  const existing = await client.document.findFirst({ where: { workspaceId: target.workspaceId, folderId: target.folderId, name } });
  if (existing) return existing;
  const store = getFileStore();
  const stored: StoredFile[] = [];
  for (const v of versions) stored.push(await store.put(Readable.from(v.content), { name, mimeType }));
  const last = stored[stored.length - 1];
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 24 * 3600 * 1000);
  const doc = await client.document.create({
    data: {
      workspaceId: target.workspaceId,
      folderId: target.folderId,
      name,
      nameKey: foldText(name),
      status,
      currentVersion: versions.length,
      mimeType,
      size: BigInt(last.size),
      createdById: versions[0].by.id,
      createdAt: at(versions[0].daysAgo),
      updatedAt: at(versions[versions.length - 1].daysAgo),
      versions: {
        create: versions.map((v, i) => ({
          number: i + 1,
          storageKey: stored[i].key,
          size: BigInt(stored[i].size),
          sha256: stored[i].sha256,
          mimeType,
          originalName: name,
          note: v.note ?? null,
          createdById: v.by.id,
          createdAt: at(v.daysAgo),
        })),
      },
    },
  });
  await recordAudit({ actor: versions[0].by, action: "demo.seed", entityType: "Document", entityId: doc.id, summary: name }, client);
  return doc;
}

const STRATEGY_INTRO = [
  "Region Bełchatów–Kleszczów stoi przed odejściem od węgla brunatnego. Strategia wskazuje, jak zastąpić miejsca pracy w kopalni i elektrowni nowymi.",
  "Priorytety: energetyka odnawialna i magazynowanie energii, tereny inwestycyjne parku, kompetencje mieszkańców, turystyka poprzemysłowa.",
];

export async function seedDocuments(workspaces: DemoWorkspaces, people: DemoPeople, client: Client = db) {
  const bk = people.coordinators.BKPPT;
  const frgk = people.coordinators.FRGK;
  const arreks = people.coordinators.ARREKS;
  const [bkMember] = people.members.BKPPT;
  const s = workspaces.strategy;
  const drafts = { workspaceId: s.workspace.id, folderId: s.folders["Projekty strategii"].id };
  const draft = await addDocument(
    client,
    drafts,
    "Strategia transformacji — projekt.docx",
    MIME.docx,
    [
      { content: makeDocx("Strategia transformacji regionu — projekt", STRATEGY_INTRO.slice(0, 1)), by: bk, daysAgo: 21 },
      { content: makeDocx("Strategia transformacji regionu — projekt", STRATEGY_INTRO), by: bkMember, note: "Dodane priorytety po warsztatach", daysAgo: 9 },
      { content: makeDocx("Strategia transformacji regionu — projekt", [...STRATEGY_INTRO, "Rozdział 3: finansowanie z FST i KPO."]), by: frgk, note: "Uwagi FRGK do finansowania", daysAgo: 2 },
    ],
    "IN_REVIEW",
  );
  const diagnosis = await addDocument(
    client,
    { workspaceId: s.workspace.id, folderId: s.folders["Diagnozy i analizy"].id },
    "Diagnoza społeczno-gospodarcza regionu.pdf",
    MIME.pdf,
    [
      {
        content: makePdf("Diagnoza spoleczno-gospodarcza regionu Belchatow-Kleszczow", [
          "Zatrudnienie w sektorze wydobywczym i energetycznym: ok. 9 tys. osob bezposrednio.",
          "Wnioski: potrzeba dywersyfikacji gospodarki i przekwalifikowania pracownikow.",
        ]),
        by: arreks,
        daysAgo: 30,
      },
    ],
    "APPROVED",
  );
  await addDocument(
    client,
    { workspaceId: s.workspace.id, folderId: s.folders["Protokoły ze spotkań"].id },
    "Protokół — warsztaty 14 października.md",
    MIME.md,
    [
      {
        content: Buffer.from(
          "# Protokół z warsztatów\n\nGrupy: samorząd, przedsiębiorcy, młodzież, seniorzy.\n\n## Pomysły\n- Opera na odkrywce\n- Zintegrowany city camping\n- Kampanie PR w zakresie integracji wielopokoleniowej\n",
        ),
        by: bkMember,
        daysAgo: 40,
      },
    ],
  );
  // The review workflow's records behind the two statuses: who asked, who reviews, who approved.
  if ((await client.documentReview.count({ where: { documentId: { in: [draft.id, diagnosis.id] } } })) === 0) {
    await client.documentReview.create({
      data: {
        documentId: draft.id,
        version: 3,
        requestedById: frgk.id,
        requestedAt: new Date(Date.now() - 2 * 24 * 3600 * 1000),
        note: "Proszę o uwagi do rozdziału o finansowaniu przed spotkaniem koordynatorów.",
        reviewers: { create: [{ userId: bk.id }, { userId: arreks.id }] },
      },
    });
    await client.documentReview.create({
      data: {
        documentId: diagnosis.id,
        version: 1,
        requestedById: arreks.id,
        requestedAt: new Date(Date.now() - 29 * 24 * 3600 * 1000),
        outcome: "APPROVED",
        decidedById: bk.id,
        decidedAt: new Date(Date.now() - 27 * 24 * 3600 * 1000),
        comment: "Zatwierdzona jako podstawa do rozdziału 1 strategii.",
        reviewers: { create: [{ userId: bk.id }] },
      },
    });
  }
  const p = workspaces.promotion;
  await addDocument(
    client,
    { workspaceId: p.workspace.id, folderId: p.folders["Plan komunikacji"].id },
    "Harmonogram kampanii.csv",
    MIME.csv,
    [
      {
        content: Buffer.from("miesiąc;działanie;odpowiedzialny\nstyczeń;konferencja dla przedsiębiorców;RIG\nluty;spot w lokalnym radiu;BKPPT\n"),
        by: people.coordinators.RIG,
        daysAgo: 5,
      },
    ],
  );
}
