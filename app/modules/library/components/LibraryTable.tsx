import { useState, type CSSProperties } from "react";
import { Link, useLocation } from "@remix-run/react";
import { ActionIcon, Anchor, Card, Group, Menu, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowsMove, IconChevronDown, IconChevronUp, IconDotsVertical, IconDownload, IconFolderOpen, IconLock, IconPencil, IconSelector, IconTrash } from "@tabler/icons-react";
import type { DocumentStatus } from "~/generated/prisma/enums";
import type { MessageKey } from "~/locales";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { formatBytes } from "../format";
import type { FolderLike } from "../library-tree";
import { libraryUrls } from "../library-urls";
import type { SortDir, SortField } from "../library.schema";
import { FileIcon, FolderIcon, kindLabelKey } from "./FileIcon";
import { MoveDialog, RenameDialog, TrashDialog, type LibraryItem } from "./ItemDialogs";
import { StatusBadge } from "./StatusBadge";
import { afterMenuCloses } from "./ItemDialogs";
import { dropTargetStyle, type DragMove } from "./useDragMove";

export type FolderRowData = { id: string; name: string; updatedAt: string | Date; author: string };
export type DocumentRowData = {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  status: DocumentStatus;
  currentVersion: number;
  updatedAt: string | Date;
  author: string;
  /** "Edytuję ten plik": who has it checked out, since when; `mine` when it is the viewer. */
  lock: { name: string; at: string | Date; mine: boolean } | null;
};

type Props = {
  workspaceId: string;
  folderId: string | null;
  folderName: string;
  subfolders: FolderRowData[];
  documents: DocumentRowData[];
  sort: SortField;
  dir: SortDir;
  tree: FolderLike[];
  can: { edit: boolean; delete: boolean };
  trashDays: number;
  /** Drag-and-drop moving (rows draggable, folder rows take drops) for people who may edit. */
  drag?: DragMove;
};

/** Column header that sorts by its column; says how it is sorted now (aria-sort). */
function SortHeader({ field, label, sort, dir }: { field: SortField; label: MessageKey; sort: SortField; dir: SortDir }) {
  const t = useT();
  const location = useLocation();
  const active = sort === field;
  const nextDir: SortDir = active ? (dir === "asc" ? "desc" : "asc") : field === "name" ? "asc" : "desc";
  const params = new URLSearchParams(location.search);
  params.set("sort", field);
  params.set("dir", nextDir);
  params.delete("page");
  const Icon = active ? (dir === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <UnstyledButton component={Link} to={`${location.pathname}?${params}`} preventScrollReset aria-label={t("library.sortBy", { column: t(label) })} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap" component="span">
          {t(label)}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

type Dialog = { type: "rename" | "move" | "trash"; item: LibraryItem } | null;

/** A row being moved is dimmed; a folder row under a dragged item is highlighted. */
function rowStyle(drag: DragMove | undefined, id: string, { over = false, draggable = true }: { over?: boolean; draggable?: boolean }): CSSProperties | undefined {
  if (!drag?.enabled) return undefined;
  return { ...(draggable ? { cursor: "grab" } : {}), ...(over ? dropTargetStyle : {}), ...(drag.movingId === id ? { opacity: 0.5 } : {}) };
}

/** Subfolders first, then files; every row has a labelled actions menu (keyboard: Enter, arrows, Esc). */
export function LibraryTable({ workspaceId, folderId, folderName, subfolders, documents, sort, dir, tree, can, trashDays, drag }: Props) {
  const t = useT();
  const locale = useLocale();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const canChange = can.edit || can.delete;

  // A file checked out by someone else keeps its name and place: the menu says so instead.
  const itemMenu = (item: LibraryItem, downloadUrl?: string, lockedBy?: string) => (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t("library.actionsFor", { name: item.name })}>
          <IconDotsVertical size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {item.kind === "folder" ? (
          <Menu.Item component={Link} to={libraryUrls.folder(workspaceId, item.id)} leftSection={<IconFolderOpen size={16} aria-hidden />}>
            {t("library.action.open")}
          </Menu.Item>
        ) : null}
        {downloadUrl ? (
          <Menu.Item component="a" href={downloadUrl} leftSection={<IconDownload size={16} aria-hidden />}>
            {t("library.action.download")}
          </Menu.Item>
        ) : null}
        {lockedBy && (can.edit || can.delete) ? (
          <Menu.Label>
            <Group gap={4} wrap="nowrap" component="span">
              <IconLock size={12} aria-hidden />
              {t("library.lock.row", { name: lockedBy })}
            </Group>
          </Menu.Label>
        ) : null}
        {can.edit && !lockedBy ? (
          <>
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => afterMenuCloses(() => setDialog({ type: "rename", item }))}>
              {t("library.action.rename")}
            </Menu.Item>
            <Menu.Item leftSection={<IconArrowsMove size={16} aria-hidden />} onClick={() => afterMenuCloses(() => setDialog({ type: "move", item }))}>
              {t("library.action.move")}
            </Menu.Item>
          </>
        ) : null}
        {can.delete && !lockedBy ? (
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => afterMenuCloses(() => setDialog({ type: "trash", item }))}>
            {t("library.action.trash")}
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" horizontalSpacing="md" highlightOnHover>
          <Table.Caption className="visually-hidden">{t("library.caption", { folder: folderName })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <SortHeader field="name" label="library.col.name" sort={sort} dir={dir} />
              <SortHeader field="size" label="library.col.size" sort={sort} dir={dir} />
              <SortHeader field="updated" label="library.col.updated" sort={sort} dir={dir} />
              <Table.Th scope="col">{t("library.col.author")}</Table.Th>
              <Table.Th scope="col">{t("library.col.status")}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t("library.col.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subfolders.map((f) => (
              <Table.Tr
                key={`f-${f.id}`}
                {...drag?.sourceProps({ kind: "folder", id: f.id, name: f.name })}
                {...drag?.targetProps({ id: f.id, name: f.name })}
                style={rowStyle(drag, f.id, { over: drag?.isOver({ id: f.id, name: f.name }) })}
              >
                <Table.Th scope="row" fw={500}>
                  <Group gap="xs" wrap="nowrap">
                    <FolderIcon />
                    <Anchor component={Link} to={libraryUrls.folder(workspaceId, f.id)} size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                      {f.name}
                    </Anchor>
                    <span className="visually-hidden">({t("library.folderKind")})</span>
                  </Group>
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(f.updatedAt, locale)}</Table.Td>
                <Table.Td>{f.author}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">{canChange ? itemMenu({ kind: "folder", id: f.id, name: f.name, parentId: folderId }) : null}</Table.Td>
              </Table.Tr>
            ))}
            {documents.map((d) => (
              <Table.Tr
                key={`d-${d.id}`}
                {...(d.lock && !d.lock.mine ? {} : drag?.sourceProps({ kind: "document", id: d.id, name: d.name }))}
                style={rowStyle(drag, d.id, { draggable: !d.lock || d.lock.mine })}
              >
                <Table.Th scope="row" fw={500}>
                  <Group gap="xs" wrap="nowrap">
                    <FileIcon mimeType={d.mimeType} />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        <Anchor component={Link} to={libraryUrls.file(workspaceId, d.id)} size="sm" style={{ overflowWrap: "anywhere" }}>
                          {d.name}
                        </Anchor>
                        <span className="visually-hidden">({t(kindLabelKey(d.mimeType))})</span>
                      </Group>
                      {d.lock ? (
                        <Text size="xs" c="dimmed" fw={400} title={t("library.lock.rowLabel", { name: d.lock.name, date: formatDateTime(d.lock.at, locale) })}>
                          <Group gap={4} wrap="nowrap" component="span">
                            <IconLock size={12} aria-hidden />
                            {d.lock.mine ? t("library.lock.rowMine") : t("library.lock.row", { name: d.lock.name })}
                            <span className="visually-hidden">, {formatDateTime(d.lock.at, locale)}</span>
                          </Group>
                        </Text>
                      ) : null}
                    </Stack>
                  </Group>
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatBytes(d.size, locale)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(d.updatedAt, locale)}</Table.Td>
                <Table.Td>{d.author}</Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td ta="right">
                  {itemMenu({ kind: "document", id: d.id, name: d.name, parentId: folderId }, libraryUrls.download(workspaceId, d.id, d.currentVersion), d.lock && !d.lock.mine ? d.lock.name : undefined)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RenameDialog item={dialog?.type === "rename" ? dialog.item : null} onClose={close} />
      <MoveDialog item={dialog?.type === "move" ? dialog.item : null} tree={tree} onClose={close} />
      <TrashDialog item={dialog?.type === "trash" ? dialog.item : null} days={trashDays} onClose={close} />
    </Card>
  );
}
