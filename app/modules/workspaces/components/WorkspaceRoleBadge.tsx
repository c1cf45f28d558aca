import { Badge, type BadgeProps } from "@mantine/core";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n-react";

const COLORS: Record<WorkspaceRole, string> = { OWNER: "grape", EDITOR: "blue", VIEWER: "gray" };

/** The role as text (colour only repeats it); `mine` prefixes "Twoja rola:" for screen readers. */
export function WorkspaceRoleBadge({ role, mine = false, size = "sm" }: { role: WorkspaceRole; mine?: boolean; size?: BadgeProps["size"] }) {
  const t = useT();
  return (
    <Badge color={COLORS[role]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {mine ? <span className="visually-hidden">{t("workspaces.myRoleLabel")} </span> : null}
      {t(`workspaces.role.${role}`)}
    </Badge>
  );
}

/** An administrator who sees the workspace without being a member of it. */
export function AdminAccessBadge({ size = "sm" }: { size?: BadgeProps["size"] }) {
  const t = useT();
  return (
    <Badge color="gray" variant="outline" size={size}>
      {t("workspaces.adminAccess")}
    </Badge>
  );
}
