import { Link, NavLink } from "@remix-run/react";
import { Alert, Anchor, Badge, Button, Group, Stack, Title } from "@mantine/core";
import { IconArchive, IconArrowLeft } from "@tabler/icons-react";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";
import { WorkspaceAvatar } from "./WorkspaceIcon";
import { AdminAccessBadge, WorkspaceRoleBadge } from "./WorkspaceRoleBadge";

type Props = {
  workspace: { id: string; name: string; color: string; icon: string };
  role: WorkspaceRole;
  archived: boolean;
  adminAccess: boolean;
  canManage: boolean;
};

/** Name, role, archive notice and the section links; the links are navigation, not ARIA tabs. */
export function WorkspaceHeader({ workspace, role, archived, adminAccess, canManage }: Props) {
  const t = useT();
  const base = `/przestrzenie/${workspace.id}`;
  const tabs: { to: string; label: MessageKey; end?: boolean }[] = [
    { to: base, label: "workspaces.tabs.overview", end: true },
    { to: `${base}/biblioteka`, label: "workspaces.tabs.library" },
    { to: `${base}/strategie`, label: "strategy.tab" },
    { to: `${base}/czlonkowie`, label: "workspaces.tabs.members" },
    ...(canManage ? [{ to: `${base}/ustawienia`, label: "workspaces.tabs.settings" as const }] : []),
  ];
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/przestrzenie" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("workspaces.backToList")}
        </Group>
      </Anchor>
      <Group gap="sm" wrap="nowrap" align="center">
        <WorkspaceAvatar color={workspace.color} icon={workspace.icon} size="xl" />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} fz="h2">
            {workspace.name}
          </Title>
          <Group gap={6}>
            {adminAccess ? <AdminAccessBadge /> : <WorkspaceRoleBadge role={role} mine />}
            {archived ? (
              <Badge color="orange" variant="light" size="sm">
                {t("workspaces.archivedBadge")}
              </Badge>
            ) : null}
          </Group>
        </Stack>
      </Group>
      {archived ? (
        <Alert color="orange" variant="light" icon={<IconArchive aria-hidden />}>
          {t(canManage ? "workspaces.archivedNoticeOwner" : "workspaces.archivedNotice")}
        </Alert>
      ) : null}
      <Group component="nav" aria-label={t("workspaces.tabs.label")} gap={4} wrap="wrap">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} prefetch="intent" style={{ textDecoration: "none" }}>
            {({ isActive }) => (
              <Button component="span" variant={isActive ? "light" : "subtle"} color={isActive ? undefined : "gray"} size="sm" fw={isActive ? 700 : 500}>
                {t(tab.label)}
              </Button>
            )}
          </NavLink>
        ))}
      </Group>
    </Stack>
  );
}
