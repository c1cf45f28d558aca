import { useState } from "react";
import { Button, FileInput, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useT } from "~/utils/i18n-react";
import { extensionOf } from "../file-types";
import { UploadList } from "./UploadList";
import { useUploads } from "./useUploads";

type Props = { opened: boolean; onClose: () => void; name: string; uploadUrl: string; maxBytes: number };

/** "Wyślij nową wersję": a file of the same type and an optional note, with progress and Cancel. */
export function NewVersionDialog({ opened, onClose, name, uploadUrl, maxBytes }: Props) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t("library.version.dialogTitle", { name })} centered size="lg" closeButtonProps={{ "aria-label": t("form.close") }}>
      <NewVersionForm name={name} uploadUrl={uploadUrl} maxBytes={maxBytes} onClose={onClose} />
    </Modal>
  );
}

function NewVersionForm({ name, uploadUrl, maxBytes, onClose }: Omit<Props, "opened">) {
  const t = useT();
  const ext = extensionOf(name);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  const uploads = useUploads({
    url: uploadUrl,
    maxBytes,
    note,
    onSettled: (items) => {
      if (items.length && items.every((i) => i.status === "done")) onClose();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) uploads.add([file]);
      }}
    >
      <Stack>
        <Text size="sm">{t("library.version.dialogIntro", { ext: ext.toUpperCase() })}</Text>
        <FileInput
          label={t("library.version.file")}
          value={file}
          onChange={setFile}
          accept={ext ? `.${ext}` : undefined}
          required
          clearable
          data-autofocus
          disabled={uploads.active}
        />
        <Textarea
          label={t("library.version.note")}
          description={t("library.version.noteHint")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          disabled={uploads.active}
        />
        <UploadList items={uploads.items} onCancel={uploads.cancel} onClear={uploads.clearFinished} announcement={uploads.announcement} />
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            {t("library.dialog.cancel")}
          </Button>
          <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} disabled={!file || uploads.active} loading={uploads.active}>
            {t("library.version.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
