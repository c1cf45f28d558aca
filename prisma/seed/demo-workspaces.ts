// Demo workspaces (issue: shared workspaces and document libraries). Who is in which workspace
// matters for the demo: "Koncepcja promocji FST" has only BKPPT and RIG, so FRGK and ARREKS
// people must not see it.
import type { Folder, Workspace } from "~/generated/prisma/client";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { DemoInstitutionShort } from "./demo-accounts";
import type { DemoInstitutions, DemoPeople } from "./demo";

type Client = Tx | typeof db;

type WorkspaceSpec = {
  key: DemoWorkspaceKey;
  name: string;
  description: string;
  color: string;
  icon: string;
  owner: DemoInstitutionShort;
  institutions: Partial<Record<DemoInstitutionShort, WorkspaceRole>>;
  folders: string[];
};

export type DemoWorkspaceKey = "strategy" | "promotion" | "consultations";

export const DEMO_WORKSPACES: readonly WorkspaceSpec[] = [
  {
    key: "strategy",
    name: "Strategia transformacji regionu",
    description:
      "Wspólna strategia sprawiedliwej transformacji regionu Bełchatów–Kleszczów: projekty rozdziałów, " +
      "diagnozy, protokoły ze spotkań i materiały do wniosku o środki z FST.",
    color: "teal",
    icon: "map",
    owner: "BKPPT",
    institutions: { BKPPT: "EDITOR", FRGK: "EDITOR", ARREKS: "EDITOR", RIG: "EDITOR" },
    folders: ["Projekty strategii", "Diagnozy i analizy", "Protokoły ze spotkań", "Wnioski FST"],
  },
  {
    key: "promotion",
    name: "Koncepcja promocji FST",
    description:
      "Wspólna koncepcja promocji Funduszu na rzecz Sprawiedliwej Transformacji: plan komunikacji, " +
      "kampanie PR i materiały dla przedsiębiorców.",
    color: "orange",
    icon: "speakerphone",
    owner: "BKPPT",
    institutions: { BKPPT: "EDITOR", RIG: "EDITOR" },
    folders: ["Plan komunikacji", "Materiały promocyjne"],
  },
  {
    key: "consultations",
    name: "Konsultacje społeczne",
    description:
      "Materiały z konsultacji społecznych i gospodarczych: zaproszenia, listy obecności, " +
      "podsumowania warsztatów z grupami mieszkańców i przedsiębiorców.",
    color: "blue",
    icon: "messages",
    owner: "FRGK",
    institutions: { BKPPT: "EDITOR", FRGK: "EDITOR", ARREKS: "VIEWER", RIG: "VIEWER" },
    folders: ["Warsztaty", "Podsumowania"],
  },
];

export type DemoWorkspaces = Record<DemoWorkspaceKey, { workspace: Workspace; folders: Record<string, Folder> }>;

/** Creates the demo workspaces: the owning institution's coordinator is OWNER. Idempotent by name. */
export async function seedWorkspaces(
  institutions: DemoInstitutions,
  people: DemoPeople,
  client: Client = db,
): Promise<DemoWorkspaces> {
  const out = {} as DemoWorkspaces;
  for (const spec of DEMO_WORKSPACES) {
    const owner = people.coordinators[spec.owner];
    let workspace = await client.workspace.findFirst({ where: { name: spec.name } });
    if (!workspace) {
      workspace = await client.workspace.create({
        data: {
          name: spec.name,
          description: spec.description,
          color: spec.color,
          icon: spec.icon,
          owningInstitutionId: institutions[spec.owner].id,
          createdById: owner.id,
          members: { create: [{ userId: owner.id, role: "OWNER" }] },
          institutions: {
            create: Object.entries(spec.institutions).map(([short, role]) => ({
              institutionId: institutions[short as DemoInstitutionShort].id,
              role: role as WorkspaceRole,
            })),
          },
        },
      });
      await recordAudit(
        { actor: owner, action: "demo.seed", entityType: "Workspace", entityId: workspace.id, summary: spec.name },
        client,
      );
    }
    const folders: Record<string, Folder> = {};
    for (const name of spec.folders) {
      folders[name] =
        (await client.folder.findFirst({ where: { workspaceId: workspace.id, parentId: null, name } })) ??
        (await client.folder.create({ data: { workspaceId: workspace.id, name, createdById: owner.id } }));
    }
    out[spec.key] = { workspace, folders };
  }
  return out;
}
