// Builders for the strategy-draft integration tests: signed-in people, a workspace of institution A
// with its members, and a draft, written through Prisma into the per-file database.
import { db } from "~/utils/db.server";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { buildInstitution, buildUser, loginAs } from "./factories";

/** A user with a live session cookie. */
export async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** Institution A (owns the workspace) and B (its people are outsiders). */
export async function strategyInstitutions() {
  const a = await buildInstitution({ shortName: "BKPPT" });
  const b = await buildInstitution({ shortName: "FRGK" });
  return { a, b };
}

/** The names the people of the strategy tests go by. */
export const STRATEGY_NAMES = {
  owner: "Magdalena Wróbel",
  editor: "Katarzyna Wójcik",
  viewer: "Michał Dąbrowski",
  outsider: "Anna Lewandowska",
} as const;

type Person = { user: { id: string } };

/** The workspace of institution A, created by its owner, with the owner and the given members. */
export async function strategyWorkspace(
  institutionId: string,
  owner: Person,
  members: { person: Person; role: WorkspaceRole }[],
) {
  return db.workspace.create({
    data: {
      name: "Strategia transformacji regionu",
      owningInstitutionId: institutionId,
      createdById: owner.user.id,
      members: {
        create: [
          { userId: owner.user.id, role: "OWNER" as const },
          ...members.map((m) => ({ userId: m.person.user.id, role: m.role })),
        ],
      },
    },
  });
}

/** A draft of the workspace, created and last updated by the owner. */
export async function strategyDraft(workspaceId: string, owner: Person, extra: { ydocState?: Uint8Array<ArrayBuffer> } = {}) {
  return db.strategyDraft.create({
    data: { workspaceId, title: "Strategia — projekt", createdById: owner.user.id, updatedById: owner.user.id, ...extra },
  });
}

/**
 * A workspace of institution A with an owner, an editor and a viewer; B's member is an outsider;
 * and a draft of it (with the given initial body, if any).
 */
export async function strategySetup(extra: { ydocState?: Uint8Array<ArrayBuffer> } = {}) {
  const { a, b } = await strategyInstitutions();
  const owner = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR", name: STRATEGY_NAMES.owner });
  const editor = await signedIn({ institutionId: a.id, name: STRATEGY_NAMES.editor });
  const viewer = await signedIn({ institutionId: a.id, name: STRATEGY_NAMES.viewer });
  const outsider = await signedIn({ institutionId: b.id, name: STRATEGY_NAMES.outsider });
  const workspace = await strategyWorkspace(a.id, owner, [
    { person: editor, role: "EDITOR" },
    { person: viewer, role: "VIEWER" },
  ]);
  const draft = await strategyDraft(workspace.id, owner, extra);
  return { a, b, owner, editor, viewer, outsider, workspace, draft };
}
