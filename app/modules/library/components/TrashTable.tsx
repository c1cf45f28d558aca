import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Alert, Button, Card, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { IconRestore, IconTrashX } from "@tabler/icons-react";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { formatBytes } from "../format";
import { FileIcon, FolderIcon, kindLabelKey } from "./FileIcon";

export type TrashRowData = {
  kind: "folder" | "document";
  id: string;
  name: string;
  mimeType: string | null;
  size: number | null;
  location: string[];
  deletedAt: string | Date;
  deletedBy: string | null;
  itemsInside: number;
  purgeAt: string | Date;
};

type Props = { rows: TrashRowData[]; canRestore: boolean; canPurge: boolean };

/** Items in the trash with who/when; restore is one click, deleting for good asks first. */
export function TrashTable({ rows, canRestore, canPurge }: Props) {
  const t = useT();
  const locale = useLocale();
  const [purging, setPurging] = useState<TrashRowData | null>(null);
  const shown = useRef(purging);
  if (purging) shown.current = purging;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption className="visually-hidden">{t("library.trashPage.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("library.trashPage.col.name")}</Table.Th>
              <Table.Th scope="col">{t("library.trashPage.col.location")}</Table.Th>
              <Table.Th scope="col">{t("library.trashPage.col.deletedBy")}</Table.Th>
              <Table.Th scope="col">{t("library.trashPage.col.deletedAt")}</Table.Th>
              <Table.Th scope="col">{t("library.trashPage.col.purgeAt")}</Table.Th>
              {canRestore || canPurge ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t("library.col.actions")}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.kind}-${row.id}`}>
                <Table.Th scope="row" fw={500} miw={220}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    {row.kind === "folder" ? <FolderIcon /> : <FileIcon mimeType={row.mimeType ?? ""} />}
                    <Stack gap={0}>
                      <Text size="sm" fw={600} style={{ overflowWrap: "break-word" }}>
                        {row.name}
                        <span className="visually-hidden"> ({row.kind === "folder" ? t("library.folderKind") : t(kindLabelKey(row.mimeType ?? ""))})</span>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.kind === "folder"
                          ? row.itemsInside
                            ? t("library.trashPage.itemsInside", { count: row.itemsInside })
                            : t("library.folderKind")
                          : formatBytes(row.size ?? 0, locale)}
                      </Text>
                    </Stack>
                  </Group>
                </Table.Th>
                <Table.Td style={{ minWidth: 140, overflowWrap: "break-word" }}>{[t("library.root"), ...row.location].join(" / ")}</Table.Td>
                <Table.Td>{row.deletedBy ?? t("library.trashPage.unknownPerson")}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(row.deletedAt, locale)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(row.purgeAt, locale)}</Table.Td>
                {canRestore || canPurge ? (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {canRestore ? <RestoreButton row={row} /> : null}
                      {canPurge ? (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          leftSection={<IconTrashX size={14} aria-hidden />}
                          onClick={() => setPurging(row)}
                          aria-label={t("library.trashPage.purgeLabel", { name: row.name })}
                          aria-haspopup="dialog"
                        >
                          {t("library.trashPage.purge")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={!!purging} onClose={() => setPurging(null)} title={shown.current ? t("library.trashPage.purgeTitle", { name: shown.current.name }) : ""} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        {shown.current ? <PurgeForm row={shown.current} onClose={() => setPurging(null)} /> : null}
      </Modal>
    </Card>
  );
}

type ActionData = { ok: boolean; error: string | null };

function RestoreButton({ row }: { row: TrashRowData }) {
  const t = useT();
  const fetcher = useFetcher<ActionData>();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="restore" />
      <input type="hidden" name="kind" value={row.kind} />
      <input type="hidden" name="id" value={row.id} />
      <Button type="submit" size="xs" variant="light" loading={fetcher.state !== "idle"} leftSection={<IconRestore size={14} aria-hidden />} aria-label={t("library.trashPage.restoreLabel", { name: row.name })}>
        {t("library.trashPage.restore")}
      </Button>
    </fetcher.Form>
  );
}

function PurgeForm({ row, onClose }: { row: TrashRowData; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useFetcher<ActionData>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) onClose();
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onClose]);
  const error = fetcher.state === "idle" ? fetcher.data?.error : null;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="purge" />
      <input type="hidden" name="kind" value={row.kind} />
      <input type="hidden" name="id" value={row.id} />
      <Stack>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {translate(error)}
          </Alert>
        ) : null}
        <Text size="sm">{t("library.trashPage.purgeText")}</Text>
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose} data-autofocus>
            {t("library.dialog.cancel")}
          </Button>
          <Button type="submit" color="red" loading={fetcher.state !== "idle"}>
            {t("library.trashPage.purgeConfirm")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
