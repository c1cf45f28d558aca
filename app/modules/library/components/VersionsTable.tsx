import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { IconCircleCheck, IconDownload, IconEye, IconHistory } from "@tabler/icons-react";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { formatBytes } from "../format";
import { libraryUrls } from "../library-urls";

export type VersionRow = {
  number: number;
  size: number;
  author: string;
  createdAt: string | Date;
  note: string | null;
  restoredFrom: number | null;
};

type Props = {
  workspaceId: string;
  documentId: string;
  name: string;
  currentVersion: number;
  versions: VersionRow[];
  canRestore: boolean;
  /** The last approved version (it stays marked after newer drafts), and the one under review now. */
  approvedVersion?: number | null;
  reviewVersion?: number | null;
};

/** Every version, newest first: download any, restore an older one as a new version. */
export function VersionsTable({ workspaceId, documentId, name, currentVersion, versions, canRestore, approvedVersion = null, reviewVersion = null }: Props) {
  const t = useT();
  const locale = useLocale();
  const [restoring, setRestoring] = useState<number | null>(null);
  // Keeps the dialog's content while it fades out.
  const shown = useRef(restoring);
  if (restoring !== null) shown.current = restoring;
  return (
    <Card withBorder padding={0} component="section" aria-labelledby="library-versions-title">
      <Title order={3} fz="h4" id="library-versions-title" p="md" pb="xs">
        {t("library.versions.title")}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" horizontalSpacing="md">
          <Table.Caption className="visually-hidden">{t("library.versions.caption", { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("library.versions.col.number")}</Table.Th>
              <Table.Th scope="col">{t("library.versions.col.who")}</Table.Th>
              <Table.Th scope="col">{t("library.versions.col.when")}</Table.Th>
              <Table.Th scope="col">{t("library.versions.col.size")}</Table.Th>
              <Table.Th scope="col">{t("library.versions.col.note")}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t("library.col.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.number}>
                <Table.Th scope="row" style={{ whiteSpace: "nowrap", minWidth: 130 }}>
                  <Group gap={6} wrap="wrap">
                    {t("library.versions.number", { number: v.number })}
                    {v.number === currentVersion ? (
                      <Badge size="xs" variant="light" style={{ overflow: "visible" }}>
                        {t("library.versions.current")}
                      </Badge>
                    ) : null}
                    {v.number === approvedVersion ? (
                      <Badge size="xs" variant="light" color="green" leftSection={<IconCircleCheck size={10} aria-hidden />} style={{ overflow: "visible" }}>
                        {t("library.versions.approved")}
                      </Badge>
                    ) : null}
                    {v.number === reviewVersion ? (
                      <Badge size="xs" variant="light" color="orange" leftSection={<IconEye size={10} aria-hidden />} style={{ overflow: "visible" }}>
                        {t("library.versions.inReview")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Th>
                <Table.Td>{v.author}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(v.createdAt, locale)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatBytes(v.size, locale)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {v.note ? (
                      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                        {v.note}
                      </Text>
                    ) : null}
                    {v.restoredFrom ? (
                      <Text size="xs" c="dimmed">
                        {t("library.versions.restoredFrom", { number: v.restoredFrom })}
                      </Text>
                    ) : null}
                    {!v.note && !v.restoredFrom ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      component="a"
                      href={libraryUrls.download(workspaceId, documentId, v.number)}
                      size="xs"
                      variant="light"
                      leftSection={<IconDownload size={14} aria-hidden />}
                      aria-label={t("library.versions.downloadLabel", { number: v.number })}
                    >
                      {t("library.versions.download")}
                    </Button>
                    {canRestore && v.number !== currentVersion ? (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconHistory size={14} aria-hidden />}
                        onClick={() => setRestoring(v.number)}
                        aria-label={t("library.versions.restoreLabel", { number: v.number })}
                        aria-haspopup="dialog"
                      >
                        {t("library.versions.restore")}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title={shown.current !== null ? t("library.versions.restoreTitle", { number: shown.current }) : ""} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        {shown.current !== null ? <RestoreForm number={shown.current} next={currentVersion + 1} onClose={() => setRestoring(null)} /> : null}
      </Modal>
    </Card>
  );
}

function RestoreForm({ number, next, onClose }: { number: number; next: number; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useFetcher<{ ok: boolean; error: string | null; errors: Record<string, string | undefined> | null }>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) onClose();
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onClose]);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="restoreVersion" />
      <input type="hidden" name="number" value={number} />
      <Stack>
        {data?.error ? (
          <Alert color="red" variant="light" role="alert">
            {translate(data.error)}
          </Alert>
        ) : null}
        <Text size="sm">{t("library.versions.restoreText", { number, next })}</Text>
        <Textarea name="note" label={t("library.versions.restoreNote")} maxLength={500} autosize minRows={2} error={translate(data?.errors?.note)} />
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            {t("library.dialog.cancel")}
          </Button>
          <Button type="submit" loading={fetcher.state !== "idle"} data-autofocus>
            {t("library.versions.restoreConfirm")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
