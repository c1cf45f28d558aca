// "Zapisz wersję": a dialog asking for the version's name, posting intent=versionName to the editor
// page's action. The dialog closes after a successful answer and a notification says what was saved.
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useFieldError, useT } from "~/utils/i18n-react";

export type DraftActionData = { ok: boolean; error: string | null; errors: Record<string, string | undefined> | null; message?: string | null; vars?: Record<string, string | number> };

/** A fetcher that calls `onDone` once after a successful answer, announcing its message. */
export function useDraftFetcher(onDone: () => void) {
  const t = useT();
  const fetcher = useFetcher<DraftActionData>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) {
      if (fetcher.data.message) notifications.show({ message: t(fetcher.data.message as MessageKey, fetcher.data.vars), color: "green", withBorder: true, closeButtonProps: { "aria-label": t("form.close") } });
      onDone();
    }
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onDone, t]);
  return fetcher;
}

export function DraftProblem({ error }: { error: string | null | undefined }) {
  const translate = useFieldError();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {translate(error)}
    </Alert>
  );
}

export function DraftVersionButton() {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" size="xs" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => setOpened(true)} aria-haspopup="dialog">
        {t("strategyVersions.version.save")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("strategyVersions.version.saveTitle")} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        {opened ? <VersionNameForm onClose={() => setOpened(false)} /> : null}
      </Modal>
    </>
  );
}

function VersionNameForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDraftFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="versionName" />
      <Stack>
        <DraftProblem error={data?.error} />
        <Text size="sm">{t("strategyVersions.version.saveIntro")}</Text>
        <TextInput
          name="name"
          label={t("strategyVersions.version.nameLabel")}
          placeholder={t("strategyVersions.version.namePlaceholder")}
          maxLength={120}
          required
          error={translate(data?.errors?.name)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            {t("strategyVersions.dialog.cancel")}
          </Button>
          <Button type="submit" loading={fetcher.state !== "idle"} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {t("strategyVersions.version.save")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
