import { useRef, useState } from "react";
import { Link } from "@remix-run/react";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconFilterOff, IconFolderPlus, IconTrash, IconUpload } from "@tabler/icons-react";
import { EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import type { PageInfo } from "~/modules/admin/pagination";
import { useT } from "~/utils/i18n-react";
import type { FolderFilters } from "../library-filters";
import type { FolderLike } from "../library-tree";
import { libraryUrls } from "../library-urls";
import type { SortDir, SortField } from "../library.schema";
import { NewFolderDialog } from "./ItemDialogs";
import { LibraryBreadcrumbs } from "./LibraryBreadcrumbs";
import { LibraryFilters, useClearFiltersHref } from "./LibraryFilters";
import { LibraryTable, type DocumentRowData, type FolderRowData } from "./LibraryTable";
import { UploadPanel } from "./UploadPanel";
import { useDragMove } from "./useDragMove";

export type FolderViewData = {
  workspace: { id: string; name: string };
  folder: { id: string; name: string; parentId: string | null } | null;
  path: { id: string; name: string }[];
  subfolders: FolderRowData[];
  documents: DocumentRowData[];
  page: PageInfo;
  sort: SortField;
  dir: SortDir;
  /** Type, author and review status from the URL (unknown values already dropped). */
  filters: FolderFilters;
  filtered: boolean;
  /** People with files in this workspace, for the author filter. */
  authors: { id: string; name: string }[];
  tree: FolderLike[];
  can: { add: boolean; edit: boolean; delete: boolean; viewTrash: boolean };
  maxBytes: number;
  trashDays: number;
};

/** A folder of the library (or its root): breadcrumbs, actions, drop area, table, pages. */
export function FolderView({ data }: { data: FolderViewData }) {
  const t = useT();
  const [newFolder, setNewFolder] = useState(false);
  const openPicker = useRef<(() => void) | null>(null);
  const ws = data.workspace.id;
  const title = data.folder?.name ?? t("library.title");
  const folderId = data.folder?.id ?? null;
  const empty = !data.filtered && data.subfolders.length === 0 && data.documents.length === 0 && data.page.total === 0;
  const noMatch = data.filtered && data.documents.length === 0;
  const hasSubfolders = data.tree.some((f) => f.parentId === folderId);
  const drag = useDragMove({ enabled: data.can.edit, currentFolderId: folderId, tree: data.tree });
  const clearFilters = useClearFiltersHref();
  return (
    <Stack gap="md">
      {/* Drag-and-drop moves: what happened, for screen readers (the toast shows it too). */}
      <div role="status" aria-live="polite" className="visually-hidden">
        {drag.announcement}
      </div>
      <Stack gap={6}>
        <LibraryBreadcrumbs workspaceId={ws} path={data.path} drag={drag} />
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: "1 1 320px", minWidth: 0 }}>
            <Title order={2} style={{ overflowWrap: "anywhere" }}>
              {title}
            </Title>
            {data.folder ? null : (
              <Text c="dimmed" size="sm">
                {t("library.intro")}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {data.can.viewTrash ? (
              <Button component={Link} to={libraryUrls.trash(ws)} variant="default" leftSection={<IconTrash size={16} aria-hidden />}>
                {t("library.trash")}
              </Button>
            ) : null}
            {data.can.add ? (
              <>
                <Button variant="default" leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={() => setNewFolder(true)} aria-haspopup="dialog">
                  {t("library.newFolder")}
                </Button>
                <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => openPicker.current?.()}>
                  {t("library.upload")}
                </Button>
              </>
            ) : null}
          </Group>
        </Group>
      </Stack>

      {data.can.add ? (
        <UploadPanel uploadUrl={libraryUrls.upload(ws, { folderId })} maxBytes={data.maxBytes} openRef={openPicker} large={empty} />
      ) : empty ? (
        <EmptyState text={t("library.emptyReadOnly")} />
      ) : null}

      {data.filtered || data.page.total > 0 ? <LibraryFilters filters={data.filters} authors={data.authors} sort={data.sort} dir={data.dir} /> : null}

      {noMatch ? (
        <EmptyState
          text={t("library.filters.empty")}
          action={
            <Button component={Link} to={clearFilters} variant="light" leftSection={<IconFilterOff size={16} aria-hidden />}>
              {t("library.filters.clear")}
            </Button>
          }
        />
      ) : null}

      {data.subfolders.length || data.documents.length ? (
        <Stack gap={4}>
          {data.filtered && hasSubfolders ? (
            <Text size="xs" c="dimmed">
              {t("library.filters.foldersHidden")}
            </Text>
          ) : drag.enabled && (hasSubfolders || data.path.length > 0) ? (
            <Text size="xs" c="dimmed">
              {t("library.dnd.hint")}
            </Text>
          ) : null}
          <LibraryTable
            workspaceId={ws}
            folderId={folderId}
            folderName={title}
            subfolders={data.subfolders}
            documents={data.documents}
            sort={data.sort}
            dir={data.dir}
            tree={data.tree}
            can={data.can}
            trashDays={data.trashDays}
            drag={drag}
          />
        </Stack>
      ) : null}
      <ListPagination page={data.page} />
      {data.can.add ? <NewFolderDialog opened={newFolder} onClose={() => setNewFolder(false)} /> : null}
    </Stack>
  );
}
