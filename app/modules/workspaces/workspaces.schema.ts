import { z } from "zod";

// Messages are translation keys ("key|{vars}"), translated next to the field.
const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;
const tooShort = (min: number) => `validation.tooShort|${JSON.stringify({ min })}`;

/** Mantine colours whose "light" variant keeps AA contrast (see app/theme.ts). */
export const WORKSPACE_COLORS = ["teal", "cyan", "blue", "indigo", "violet", "grape", "pink", "red", "orange", "green", "gray"] as const;
export type WorkspaceColor = (typeof WORKSPACE_COLORS)[number];

/** Icon names; the components that draw them live in components/WorkspaceIcon.tsx. */
export const WORKSPACE_ICONS = [
  "folders",
  "file-text",
  "chart-line",
  "speakerphone",
  "messages",
  "users-group",
  "bulb",
  "building-factory",
  "leaf",
  "map",
  "calendar",
  "coins",
] as const;
export type WorkspaceIconName = (typeof WORKSPACE_ICONS)[number];

export const WORKSPACE_ROLES = ["OWNER", "EDITOR", "VIEWER"] as const;

const id = (missing: string) => z.string({ required_error: missing }).trim().min(1, missing).max(64, "validation.invalid");

export const workspaceRoleField = z.enum(WORKSPACE_ROLES, {
  required_error: "validation.required",
  invalid_type_error: "validation.invalid",
  message: "validation.invalid",
});

export const workspaceSchema = z.object({
  name: z.string({ required_error: "validation.required" }).trim().min(3, tooShort(3)).max(120, tooLong(120)),
  description: z.string().trim().max(2000, tooLong(2000)).default(""),
  color: z.enum(WORKSPACE_COLORS, { message: "validation.invalid" }).default("teal"),
  icon: z.enum(WORKSPACE_ICONS, { message: "validation.invalid" }).default("folders"),
  owningInstitutionId: id("workspaces.form.owningInstitutionMissing"),
});

export type WorkspaceInput = z.infer<typeof workspaceSchema>;

export const WORKSPACE_FIELDS = ["name", "description", "color", "icon", "owningInstitutionId"] as const satisfies readonly (keyof WorkspaceInput)[];

export const addMemberSchema = z.object({ userId: id("workspaces.members.personMissing"), role: workspaceRoleField });
export const addInstitutionSchema = z.object({ institutionId: id("workspaces.members.institutionMissing"), role: workspaceRoleField });
/** `id` is the WorkspaceMember / WorkspaceInstitution row. */
export const changeRoleSchema = z.object({ id: id("validation.invalid"), role: workspaceRoleField });
export const removeSchema = z.object({ id: id("validation.invalid") });

export const WORKSPACE_STATUSES = ["active", "archived"] as const;
export type WorkspaceStatus = (typeof WORKSPACE_STATUSES)[number];

/** The list's query string, forgiving: anything odd falls back to the default. */
export const workspaceQuerySchema = z.object({
  q: z.string().trim().max(120).catch(""),
  status: z.enum(WORKSPACE_STATUSES).catch("active"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type WorkspaceQuery = z.infer<typeof workspaceQuerySchema>;
