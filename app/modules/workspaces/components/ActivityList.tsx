import { Stack, Text } from "@mantine/core";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { ActivityKind } from "../workspaces.server";

export type ActivityView = {
  id: string;
  at: string | Date;
  kind: ActivityKind;
  subject: string;
  actorName: string | null;
  role?: WorkspaceRole | null;
  fromRole?: WorkspaceRole | null;
  version?: number;
};

/** What happened in the workspace, newest first: settings, membership and new document versions. */
export function ActivityList({ items }: { items: ActivityView[] }) {
  const t = useT();
  const locale = useLocale();
  const role = (r: WorkspaceRole | null | undefined) => (r ? t(`workspaces.role.${r}`) : "—");
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((item) => (
        <li key={item.id}>
          <Text size="sm">
            {t(`workspaces.activity.${item.kind}`, {
              subject: item.subject,
              role: role(item.role),
              from: role(item.fromRole),
              to: role(item.role),
              version: item.version ?? "",
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {item.actorName ? `${item.actorName}, ` : ""}
            <time dateTime={new Date(item.at).toISOString()}>{formatDateTime(item.at, locale)}</time>
          </Text>
        </li>
      ))}
    </Stack>
  );
}
