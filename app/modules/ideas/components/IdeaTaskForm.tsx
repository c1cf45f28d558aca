// "Utwórz zadanie" (in a team the person runs, optionally assigned) and "Wyślij do zespołu" (the
// same task unassigned, and the team's leads are told): the title comes from the idea, the task's
// description links back to it, and the idea gets a link to the task.
import { useState } from "react";
import { Button, Card, Group, Modal, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconChecklist, IconSend } from "@tabler/icons-react";
import { TITLE_MAX } from "~/modules/tasks/tasks.schema";
import { useFieldError, useT } from "~/utils/i18n-react";
import { IdeaFormAlert } from "./IdeaConflict";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

type Team = { id: string; name: string; members: { id: string; name: string }[] };
type Mode = "task.create" | "team.send";

export function IdeaTaskForm({ ideaTitle, teams }: { ideaTitle: string; teams: Team[] }) {
  const t = useT();
  const [mode, setMode] = useState<Mode | null>(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-zadanie">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-zadanie">
          {t("ideasInbox.task.title")}
        </Title>
        {teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.task.noTeams")}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t("ideasInbox.task.intro")}
            </Text>
            <Group gap="xs">
              <Button variant="light" leftSection={<IconChecklist size={16} aria-hidden />} onClick={() => setMode("task.create")} aria-haspopup="dialog">
                {t("ideasInbox.task.create")}
              </Button>
              <Button variant="default" leftSection={<IconSend size={16} aria-hidden />} onClick={() => setMode("team.send")} aria-haspopup="dialog">
                {t("ideasInbox.task.send")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode === "team.send" ? t("ideasInbox.task.sendTitle") : t("ideasInbox.task.createTitle")}
        centered
        closeButtonProps={{ "aria-label": t("form.close") }}
      >
        {mode ? <TaskForm key={mode} mode={mode} ideaTitle={ideaTitle} teams={teams} onClose={() => setMode(null)} /> : null}
      </Modal>
    </Card>
  );
}

function TaskForm({ mode, ideaTitle, teams, onClose }: { mode: Mode; ideaTitle: string; teams: Team[]; onClose: () => void }) {
  const t = useT();
  const err = useFieldError();
  const [teamId, setTeamId] = useState<string | null>(teams.length === 1 ? teams[0].id : null);
  const fetcher = useIdeaFetcher(onClose);
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === mode ? result : undefined;
  const team = teams.find((x) => x.id === teamId);
  return (
    <fetcher.Form method="post" noValidate>
      <input type="hidden" name="intent" value={mode} />
      <Stack gap="sm">
        <IdeaFormAlert failed={failed} />
        <Text size="sm">{mode === "team.send" ? t("ideasInbox.task.sendHint") : t("ideasInbox.task.createHint")}</Text>
        <Select
          name="teamId"
          label={t("ideasInbox.task.team")}
          placeholder={t("ideasInbox.task.teamPlaceholder")}
          data={teams.map((x) => ({ value: x.id, label: x.name }))}
          value={teamId}
          onChange={setTeamId}
          allowDeselect={false}
          required
          searchable
          error={err(failed?.errors?.teamId)}
          data-autofocus
        />
        <TextInput name="title" label={t("ideasInbox.task.taskTitle")} defaultValue={ideaTitle.slice(0, TITLE_MAX)} maxLength={TITLE_MAX} required error={err(failed?.errors?.title)} />
        {mode === "task.create" ? (
          <Select
            key={teamId ?? "none"}
            name="assigneeId"
            label={t("ideasInbox.task.assignee")}
            placeholder={t("ideasInbox.list.unassigned")}
            data={(team?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
            disabled={!team}
            clearable
            searchable
            error={err(failed?.errors?.assigneeId)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            {t("form.cancel")}
          </Button>
          <Button type="submit" loading={fetcher.state !== "idle"}>
            {mode === "team.send" ? t("ideasInbox.task.sendSubmit") : t("ideasInbox.task.createSubmit")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
