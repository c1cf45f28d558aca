// Merging a duplicate into the original: this idea is closed as Odrzucony with the public reason
// "Połączono z pomysłem P-…" and points to the original; its tags and scores stay. Behind a
// confirmation dialog; undone by reopening.
import { useState } from "react";
import { Button, Card, Group, Modal, Select, Stack, Text, Title } from "@mantine/core";
import { IconArrowMerge } from "@tabler/icons-react";
import { useFieldError, useT } from "~/utils/i18n-react";
import { IdeaFormAlert } from "./IdeaConflict";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

type Candidate = { id: string; reference: string; title: string };

export function IdeaMergeForm({ reference, candidates, version }: { reference: string; candidates: Candidate[]; version: number }) {
  const t = useT();
  const err = useFieldError();
  const [original, setOriginal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fetcher = useIdeaFetcher(() => setOriginal(null));
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "merge" ? result : undefined;
  const picked = candidates.find((c) => c.id === original);
  const submit = () => {
    if (!original) return;
    setConfirming(false);
    fetcher.submit({ intent: "merge", version: String(version), original }, { method: "post" });
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-duplikat">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-duplikat">
          {t("ideasInbox.merge.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("ideasInbox.merge.intro")}
        </Text>
        <fetcher.Form
          method="post"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (original) setConfirming(true);
          }}
        >
          <input type="hidden" name="intent" value="merge" />
          <input type="hidden" name="version" value={version} />
          <Stack gap="xs">
            <IdeaFormAlert failed={failed} />
            <Select
              name="original"
              label={t("ideasInbox.merge.original")}
              description={t("ideasInbox.merge.originalHint")}
              placeholder={t("ideasInbox.merge.placeholder")}
              data={candidates.map((c) => ({ value: c.id, label: `${c.reference}: ${c.title}` }))}
              value={original}
              onChange={setOriginal}
              searchable
              clearable
              limit={50}
              nothingFoundMessage={t("ideasInbox.merge.notFound")}
              error={err(failed?.errors?.original)}
            />
            <Button type="submit" variant="light" color="orange" leftSection={<IconArrowMerge size={16} aria-hidden />} loading={fetcher.state !== "idle"} disabled={!original}>
              {t("ideasInbox.merge.submit")}
            </Button>
          </Stack>
        </fetcher.Form>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("ideasInbox.merge.confirmTitle")} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        <Stack>
          <Text size="sm">{t("ideasInbox.merge.confirmText", { reference, original: picked ? `${picked.reference}: ${picked.title}` : "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("form.cancel")}
            </Button>
            <Button color="orange" onClick={submit} data-autofocus>
              {t("ideasInbox.merge.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
