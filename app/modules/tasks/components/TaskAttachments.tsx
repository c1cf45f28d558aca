// Files of a task: picked from the team's workspace library or uploaded from the computer.
// Downloads go through the task's own route, which authorises every request.
import { useState, type FormEvent } from "react";
import { Link } from "@remix-run/react";
import { ActionIcon, Anchor, Button, Card, FileInput, Group, Select, Stack, Text, Title } from "@mantine/core";
import { IconFileOff, IconLibrary, IconPaperclip, IconUpload, IconX } from "@tabler/icons-react";
import { ACCEPT_ATTRIBUTE, ALLOWED_LIST, MB } from "~/modules/library/file-types";
import { formatBytes } from "~/modules/library/format";
import { FileIcon } from "~/modules/library/components/FileIcon";
import type { AttachmentView } from "../task-attachments.server";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { settled, useTaskFetcher } from "./useTaskFetcher";

/** As the page gets it (dates may arrive as strings). */
type Row = AttachmentView extends infer T ? (T extends unknown ? Omit<T, "createdAt"> & { createdAt: string | Date } : never) : never;

type Props = {
  attachments: Row[];
  canManage: boolean;
  library: { name: string; files: { id: string; name: string }[] } | null;
  maxBytes: number;
};

export function TaskAttachments({ attachments, canManage, library, maxBytes }: Props) {
  const t = useT();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="zadanie-zalaczniki">
      <Stack gap="sm">
        <Title order={2} size="h4" id="zadanie-zalaczniki">
          {t("tasks.attachments.title")}
        </Title>
        {attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("tasks.attachments.empty")} {canManage ? t(library ? "tasks.attachments.emptyHint" : "tasks.attachments.emptyHintUpload") : null}
          </Text>
        ) : (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }}>
            {attachments.map((a) => (
              <AttachmentItem key={a.id} attachment={a} canManage={canManage} />
            ))}
          </Stack>
        )}
        {canManage && library ? <LibraryPicker library={library} /> : null}
        {canManage ? <UploadForm maxBytes={maxBytes} /> : null}
      </Stack>
    </Card>
  );
}

function AttachmentItem({ attachment: a, canManage }: { attachment: Row; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useTaskFetcher();
  const label = a.kind === "unavailable" ? t("tasks.attachments.removeUnavailableLabel") : t("tasks.attachments.removeLabel", { name: a.name });
  return (
    <Group component="li" gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
      {a.kind === "unavailable" ? (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconFileOff size={20} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            {t("tasks.attachments.unavailable")}
          </Text>
        </Group>
      ) : (
        <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <FileIcon mimeType={a.mimeType ?? ""} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor href={a.href} size="sm" download aria-label={t("tasks.attachments.downloadLabel", { name: a.name })} style={{ overflowWrap: "anywhere" }}>
              {a.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[a.size !== null ? formatBytes(a.size, locale) : null, a.kind === "document" ? t("tasks.attachments.fromLibrary") : null].filter(Boolean).join(" · ")}
              {a.kind === "document" ? (
                <>
                  {" · "}
                  <Anchor component={Link} to={a.libraryHref} size="xs">
                    {t("tasks.attachments.openInLibrary")}
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Stack>
        </Group>
      )}
      {canManage ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="attachment.remove" />
          <input type="hidden" name="attachmentId" value={a.id} />
          <ActionIcon type="submit" variant="subtle" color="gray" aria-label={label} loading={fetcher.state !== "idle"}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </fetcher.Form>
      ) : null}
    </Group>
  );
}

function LibraryPicker({ library }: { library: NonNullable<Props["library"]> }) {
  const t = useT();
  const err = useFieldError();
  const [round, setRound] = useState(0);
  const fetcher = useTaskFetcher(() => setRound((r) => r + 1));
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "attachment.document" ? result : undefined;
  return (
    <fetcher.Form method="post" noValidate key={round}>
      <input type="hidden" name="intent" value="attachment.document" />
      <Stack gap="xs">
        <Select
          name="documentId"
          label={t("tasks.attachments.pickLabel", { name: library.name })}
          placeholder={t("tasks.attachments.pickPlaceholder")}
          data={library.files.map((f) => ({ value: f.id, label: f.name }))}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t("tasks.attachments.pickEmpty")}
          error={err(failed?.errors?.documentId ?? failed?.error ?? undefined)}
        />
        <Button type="submit" variant="light" leftSection={<IconLibrary size={16} aria-hidden />} loading={fetcher.state !== "idle"}>
          {t("tasks.attachments.attach")}
        </Button>
      </Stack>
    </fetcher.Form>
  );
}

function UploadForm({ maxBytes }: { maxBytes: number }) {
  const t = useT();
  const locale = useLocale();
  const err = useFieldError();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const fetcher = useTaskFetcher(() => setFile(null));
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "attachment.upload" ? result : undefined;
  const maxMb = Math.round(maxBytes / MB);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    // A first, friendly check; the server checks the size and the content again.
    if (file.size > maxBytes) {
      setTooLarge(t("tasks.attachments.tooLargeClient", { name: file.name, size: formatBytes(file.size, locale), max: maxMb }));
      return;
    }
    setTooLarge(null);
    const body = new FormData();
    body.append("intent", "attachment.upload");
    body.append("file", file, file.name);
    fetcher.submit(body, { method: "post", encType: "multipart/form-data" });
  };
  return (
    <fetcher.Form method="post" encType="multipart/form-data" onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="attachment.upload" />
      <Stack gap="xs">
        <FileInput
          name="file"
          label={t("tasks.attachments.uploadLabel")}
          description={t("tasks.attachments.uploadHint", { max: maxMb, types: ALLOWED_LIST })}
          accept={ACCEPT_ATTRIBUTE}
          value={file}
          onChange={(f) => {
            setFile(f);
            setTooLarge(null);
          }}
          clearable
          leftSection={<IconPaperclip size={16} aria-hidden />}
          error={tooLarge ?? err(failed?.error ?? undefined)}
        />
        <Button type="submit" variant="light" leftSection={<IconUpload size={16} aria-hidden />} loading={fetcher.state !== "idle"} disabled={!file}>
          {t("tasks.attachments.upload")}
        </Button>
      </Stack>
    </fetcher.Form>
  );
}
