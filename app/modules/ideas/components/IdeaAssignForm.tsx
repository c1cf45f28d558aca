// Who is responsible for the idea: a coordinator of a partner institution or a member of the
// intake's designated workspace.
import { Button, Card, Select, Stack, Text, Title } from "@mantine/core";
import { useFieldError, useT } from "~/utils/i18n-react";
import { IdeaFormAlert } from "./IdeaConflict";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

type Person = { id: string; name: string; institutionShortName: string | null };

export function IdeaAssignForm({ assignee, people, version, canAssign }: { assignee: { id: string; name: string } | null; people: Person[]; version: number; canAssign: boolean }) {
  const t = useT();
  const err = useFieldError();
  const fetcher = useIdeaFetcher();
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "assign" ? result : undefined;
  // Someone no longer eligible stays visible (by name) until reassigned.
  const options = assignee && !people.some((p) => p.id === assignee.id) ? [{ ...assignee, institutionShortName: null }, ...people] : people;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-osoba">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-osoba">
          {t("ideasInbox.assign.title")}
        </Title>
        {!canAssign ? (
          <Text size="sm" c={assignee ? undefined : "dimmed"}>
            {assignee ? assignee.name : t("ideasInbox.list.unassigned")}
          </Text>
        ) : (
          <fetcher.Form method="post" noValidate>
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="version" value={version} />
            <Stack gap="xs">
              <IdeaFormAlert failed={failed} />
              <Select
                name="assigneeId"
                label={t("ideasInbox.assign.label")}
                description={t("ideasInbox.assign.hint")}
                placeholder={t("ideasInbox.list.unassigned")}
                data={options.map((p) => ({ value: p.id, label: p.institutionShortName ? `${p.name} (${p.institutionShortName})` : p.name }))}
                defaultValue={assignee?.id ?? null}
                searchable
                clearable
                nothingFoundMessage={t("ideasInbox.assign.notFound")}
                error={err(failed?.errors?.assigneeId)}
              />
              <Button type="submit" variant="light" loading={fetcher.state !== "idle"}>
                {t("ideasInbox.assign.save")}
              </Button>
            </Stack>
          </fetcher.Form>
        )}
      </Stack>
    </Card>
  );
}
