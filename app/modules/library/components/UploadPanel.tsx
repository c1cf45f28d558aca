import "@mantine/dropzone/styles.css";
import { useRef } from "react";
import { Button, Group, Stack, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { IconCloudUpload, IconUpload } from "@tabler/icons-react";
import { useLocale, useT } from "~/utils/i18n-react";
import { ACCEPT_ATTRIBUTE } from "../file-types";
import { formatBytes } from "../format";
import { UploadList } from "./UploadList";
import { useUploads } from "./useUploads";

type Props = {
  uploadUrl: string;
  maxBytes: number;
  /** A tall drop area: the empty state of an empty folder. */
  large?: boolean;
  /** Lets the page's "Wyślij pliki" button open the file picker. */
  openRef?: React.MutableRefObject<(() => void) | null>;
};

/**
 * Drop files on the area, or pick them with its button (the keyboard way: the area itself is
 * not a focus stop). Every file gets its own progress row. When the folder is empty, this area
 * is the empty state.
 */
export function UploadPanel({ uploadUrl, maxBytes, large = false, openRef }: Props) {
  const t = useT();
  const locale = useLocale();
  const uploads = useUploads({ url: uploadUrl, maxBytes });
  const localOpen = useRef<(() => void) | null>(null);
  return (
    <Stack gap="sm">
      <Dropzone
        openRef={(fn) => {
          localOpen.current = fn ?? null;
          if (openRef) openRef.current = fn ?? null;
        }}
        onDrop={() => {}}
        onDropAny={(accepted, rejected) => uploads.add([...accepted, ...rejected.map((r) => r.file)])}
        activateOnClick={false}
        activateOnKeyboard={false}
        useFsAccessApi={false}
        multiple
        inputProps={{ accept: ACCEPT_ATTRIBUTE, "aria-label": t("library.upload.choose") }}
        radius="md"
        px="md"
        enablePointerEvents
        py={large ? 48 : "md"}
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap" align="center">
            <Dropzone.Accept>
              <IconCloudUpload size={32} color="var(--mantine-color-teal-7)" aria-hidden />
            </Dropzone.Accept>
            <Dropzone.Idle>
              <IconUpload size={32} color="var(--mantine-color-dimmed)" aria-hidden />
            </Dropzone.Idle>
            <Dropzone.Reject>
              <IconUpload size={32} color="var(--mantine-color-red-7)" aria-hidden />
            </Dropzone.Reject>
            <Stack gap={2} style={{ flex: 1 }}>
              <Text fw={600} size="sm">
                <Dropzone.Accept>{t("library.upload.dropAccept")}</Dropzone.Accept>
                <Dropzone.Idle>{t("library.upload.dropTitle")}</Dropzone.Idle>
                <Dropzone.Reject>{t("library.upload.dropAccept")}</Dropzone.Reject>
              </Text>
              <Text size="xs" c="dimmed">
                {t("library.upload.dropHint", { max: formatBytes(maxBytes, locale) })}
              </Text>
            </Stack>
            <Button variant="light" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => localOpen.current?.()}>
              {t("library.upload.choose")}
            </Button>
          </Group>
        </Stack>
      </Dropzone>
      <UploadList items={uploads.items} onCancel={uploads.cancel} onClear={uploads.clearFinished} announcement={uploads.announcement} />
    </Stack>
  );
}
