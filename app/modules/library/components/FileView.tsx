import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import { ActionIcon, Alert, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowsMove, IconDotsVertical, IconDownload, IconLock, IconPencil, IconTrash, IconUpload } from "@tabler/icons-react";
import type { DocumentStatus } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import type { DocumentAction } from "../document.policy";
import { formatBytes } from "../format";
import type { FolderLike } from "../library-tree";
import { libraryUrls } from "../library-urls";
import { FileIcon, kindLabelKey } from "./FileIcon";
import { FilePreview } from "./FilePreview";
import { MoveDialog, RenameDialog, TrashDialog, type LibraryItem } from "./ItemDialogs";
import { LibraryBreadcrumbs } from "./LibraryBreadcrumbs";
import { LockBanner, type LockInfo } from "./LockBanner";
import { NewVersionDialog } from "./NewVersionDialog";
import { ReviewPanel, type ReviewData, type ReviewerCandidate } from "./ReviewPanel";
import { StatusBadge } from "./StatusBadge";
import { afterMenuCloses } from "./ItemDialogs";
import { VersionsTable, type VersionRow } from "./VersionsTable";

export type FileViewData = {
  workspace: { id: string; name: string };
  document: {
    id: string;
    name: string;
    folderId: string | null;
    mimeType: string;
    size: number;
    status: DocumentStatus;
    currentVersion: number;
    createdAt: string | Date;
    updatedAt: string | Date;
    createdBy: { name: string };
    versions: VersionRow[];
  };
  path: { id: string; name: string }[];
  tree: FolderLike[];
  textPreview: { text: string; truncated: boolean } | null;
  can: { add: boolean; edit: boolean; delete: boolean };
  maxBytes: number;
  trashDays: number;
  /** The review workflow: the open review, the last approval, earlier rounds. */
  review: ReviewData;
  /** Who can be asked to review (only when this person may send for review). */
  reviewerCandidates: ReviewerCandidate[];
  /** "Edytuję ten plik": who has it checked out, since when. */
  lock: LockInfo | null;
  /** What this person may do with this document (document.policy.ts). */
  docCan: Record<DocumentAction, boolean>;
};

/** "Edytuję ten plik": checks the file out (the banner then says so to everyone). */
function CheckOutButton() {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useFetcher<{ ok: boolean; error: string | null }>();
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="lock" />
      <Button type="submit" variant="default" leftSection={<IconLock size={16} aria-hidden />} loading={fetcher.state !== "idle"}>
        {t("library.lock.checkOut")}
      </Button>
      {error ? (
        <Alert color="red" variant="light" role="alert" mt="xs" p="xs">
          {translate(error)}
        </Alert>
      ) : null}
    </fetcher.Form>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** One file: what it is, its preview, its history, and what can be done with it. */
export function FileView({ data, hidePreview = false }: { data: FileViewData; /** The page shows a richer preview itself (e.g. DOCX as HTML). */ hidePreview?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const ws = data.workspace.id;
  const doc = data.document;
  const [dialog, setDialog] = useState<"rename" | "move" | "trash" | "version" | null>(null);
  const close = () => setDialog(null);
  const item: LibraryItem = { kind: "document", id: doc.id, name: doc.name, parentId: doc.folderId };
  // Workspace rights and the document's own rules (checked out by someone else, …) together.
  const canUpload = data.can.edit && data.docCan.uploadVersion;
  const canRename = data.can.edit && data.docCan.rename;
  const canMove = data.can.edit && data.docCan.move;
  const canTrash = data.can.delete && data.docCan.trash;
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <LibraryBreadcrumbs workspaceId={ws} path={data.path} current={doc.name} />
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ flex: "1 1 440px", minWidth: 0 }}>
            <FileIcon mimeType={doc.mimeType} size={36} />
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={2} style={{ overflowWrap: "anywhere" }}>
                {doc.name}
              </Title>
              <Group gap="xs">
                <StatusBadge status={doc.status} />
                <Text size="sm" c="dimmed">
                  {t(kindLabelKey(doc.mimeType))} · {formatBytes(doc.size, locale)}
                </Text>
              </Group>
            </Stack>
          </Group>
          <Group gap="xs">
            <Button component="a" href={libraryUrls.download(ws, doc.id, doc.currentVersion)} leftSection={<IconDownload size={16} aria-hidden />}>
              {t("library.file.downloadCurrent", { number: doc.currentVersion })}
            </Button>
            {data.docCan.lock ? <CheckOutButton /> : null}
            {canUpload ? (
              <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setDialog("version")} aria-haspopup="dialog">
                {t("library.action.newVersion")}
              </Button>
            ) : null}
            {canRename || canMove || canTrash ? (
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t("library.file.more", { name: doc.name })}>
                    <IconDotsVertical size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {canRename ? (
                    <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => afterMenuCloses(() => setDialog("rename"))}>
                      {t("library.action.rename")}
                    </Menu.Item>
                  ) : null}
                  {canMove ? (
                    <Menu.Item leftSection={<IconArrowsMove size={16} aria-hidden />} onClick={() => afterMenuCloses(() => setDialog("move"))}>
                      {t("library.action.move")}
                    </Menu.Item>
                  ) : null}
                  {canTrash ? (
                    <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => afterMenuCloses(() => setDialog("trash"))}>
                      {t("library.action.trash")}
                    </Menu.Item>
                  ) : null}
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
      </Stack>

      <LockBanner lock={data.lock} name={doc.name} canUnlock={data.docCan.unlock} />

      <Card withBorder padding="md" component="section" aria-label={t("library.file.details")}>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <Fact label={t("library.file.version")}>{t("library.versions.number", { number: doc.currentVersion })}</Fact>
          <Fact label={t("library.file.author")}>{doc.createdBy.name}</Fact>
          <Fact label={t("library.file.created")}>{formatDateTime(doc.createdAt, locale)}</Fact>
          <Fact label={t("library.file.updated")}>{formatDateTime(doc.updatedAt, locale)}</Fact>
        </SimpleGrid>
      </Card>

      <ReviewPanel workspaceId={ws} document={doc} review={data.review} candidates={data.reviewerCandidates} can={data.docCan} waitingForLock={data.can.edit && !!data.lock && !data.lock.mine} />

      {hidePreview ? null : <FilePreview name={doc.name} mimeType={doc.mimeType} previewUrl={libraryUrls.preview(ws, doc.id, doc.currentVersion)} text={data.textPreview} />}

      <VersionsTable
        workspaceId={ws}
        documentId={doc.id}
        name={doc.name}
        currentVersion={doc.currentVersion}
        versions={doc.versions}
        canRestore={data.can.edit && data.docCan.restoreVersion}
        approvedVersion={data.review.approval?.version ?? null}
        reviewVersion={doc.status === "IN_REVIEW" ? (data.review.open?.version ?? null) : null}
      />

      <RenameDialog item={dialog === "rename" ? item : null} onClose={close} />
      <MoveDialog item={dialog === "move" ? item : null} tree={data.tree} onClose={close} />
      <TrashDialog item={dialog === "trash" ? item : null} days={data.trashDays} onClose={close} />
      {canUpload ? (
        <NewVersionDialog opened={dialog === "version"} onClose={close} name={doc.name} uploadUrl={libraryUrls.upload(ws, { documentId: doc.id })} maxBytes={data.maxBytes} />
      ) : null}
    </Stack>
  );
}
