import { Link } from "@remix-run/react";
import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { IconFile } from "@tabler/icons-react";
import type { DocumentStatus } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { libraryUrls } from "~/modules/library/library-urls";
import { WorkspaceAvatar } from "./WorkspaceIcon";

export type RecentDocument = {
  id: string;
  name: string;
  status: DocumentStatus;
  currentVersion: number;
  updatedAt: string | Date;
  workspace?: { id: string; name: string; color: string; icon: string };
};

export const libraryHref = (workspaceId: string) => libraryUrls.root(workspaceId);

/** Where a document opens: its page in the library (preview, versions). */
export const documentHref = (workspaceId: string, documentId: string) => libraryUrls.file(workspaceId, documentId);

const STATUS_COLORS: Record<DocumentStatus, string> = { DRAFT: "gray", IN_REVIEW: "orange", APPROVED: "green" };

/** A short list of documents, newest change first; with `workspace` it names where each lives. */
export function RecentDocuments({ documents, workspaceId }: { documents: RecentDocument[]; workspaceId?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {documents.map((doc) => {
        const wsId = doc.workspace?.id ?? workspaceId ?? "";
        return (
          <Group component="li" key={doc.id} gap="sm" wrap="nowrap" align="flex-start">
            {doc.workspace ? <WorkspaceAvatar color={doc.workspace.color} icon={doc.workspace.icon} size="md" /> : <IconFile size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={documentHref(wsId, doc.id)} size="sm" fw={500}>
                  {doc.name}
                </Anchor>
                <Badge size="xs" variant="light" color={STATUS_COLORS[doc.status]}>
                  {t(`workspaces.docStatus.${doc.status}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {doc.workspace ? `${t("workspaces.documents.inWorkspace", { name: doc.workspace.name })} · ` : ""}
                {t("workspaces.documents.updated", { date: formatDateTime(doc.updatedAt, locale), version: doc.currentVersion })}
              </Text>
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
