// Links to other tasks of the team: what this task blocks, what it waits for, what it relates to.
import { useState } from "react";
import { Link } from "@remix-run/react";
import { ActionIcon, Anchor, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { IconLink, IconX } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useFieldError, useT } from "~/utils/i18n-react";
import { LINK_KINDS, type LinkChoice } from "../task-page.schema";
import { taskUrl } from "../task-urls";
import { TaskStatusBadge } from "./TaskBadges";
import { settled, useTaskFetcher } from "./useTaskFetcher";

type LinkRow = { id: string; kind: LinkChoice; task: { id: string; number: number; title: string; status: string } };
type Candidate = { id: string; number: number; title: string };

export function TaskLinks({ teamId, links, candidates, canManage }: { teamId: string; links: LinkRow[]; candidates: Candidate[]; canManage: boolean }) {
  const t = useT();
  const groups = LINK_KINDS.map((kind) => ({ kind, rows: links.filter((l) => l.kind === kind) })).filter((g) => g.rows.length);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="zadanie-powiazania">
      <Stack gap="sm">
        <Title order={2} size="h4" id="zadanie-powiazania">
          {t("tasks.links.title")}
        </Title>
        {groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("tasks.links.empty")} {canManage ? t("tasks.links.emptyHint") : null}
          </Text>
        ) : (
          groups.map((g) => (
            <Stack key={g.kind} gap={4}>
              <Text size="xs" fw={700} c="dimmed" id={`powiazania-${g.kind}`}>
                {t(`tasks.links.group.${g.kind}` as MessageKey)}
              </Text>
              <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }} aria-labelledby={`powiazania-${g.kind}`}>
                {g.rows.map((l) => (
                  <LinkItem key={l.id} teamId={teamId} link={l} canManage={canManage} />
                ))}
              </Stack>
            </Stack>
          ))
        )}
        {canManage ? <AddLinkForm candidates={candidates} /> : null}
      </Stack>
    </Card>
  );
}

function LinkItem({ teamId, link, canManage }: { teamId: string; link: LinkRow; canManage: boolean }) {
  const t = useT();
  const fetcher = useTaskFetcher();
  return (
    <Group component="li" gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={taskUrl(teamId, link.task.id)} size="sm" style={{ overflowWrap: "anywhere" }}>
          #{link.task.number} {link.task.title}
        </Anchor>
        <div>
          <TaskStatusBadge status={link.task.status} />
        </div>
      </Stack>
      {canManage ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="link.remove" />
          <input type="hidden" name="linkId" value={link.id} />
          <ActionIcon type="submit" variant="subtle" color="gray" aria-label={t("tasks.links.removeLabel", { number: link.task.number })} loading={fetcher.state !== "idle"}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </fetcher.Form>
      ) : null}
    </Group>
  );
}

function AddLinkForm({ candidates }: { candidates: Candidate[] }) {
  const t = useT();
  const err = useFieldError();
  // A fresh (empty) form after each link added.
  const [round, setRound] = useState(0);
  const fetcher = useTaskFetcher(() => setRound((r) => r + 1));
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "link.add" ? result : undefined;
  return (
    <fetcher.Form method="post" noValidate key={round}>
      <input type="hidden" name="intent" value="link.add" />
      <Stack gap="xs">
        <Select
          name="kind"
          label={t("tasks.links.kindLabel")}
          data={LINK_KINDS.map((k) => ({ value: k, label: t(`tasks.links.choice.${k}` as MessageKey) }))}
          defaultValue="BLOCKS"
          allowDeselect={false}
          error={err(failed?.errors?.kind)}
        />
        <Select
          name="target"
          label={t("tasks.links.target")}
          description={t("tasks.links.targetHint")}
          placeholder={t("tasks.links.targetPlaceholder")}
          data={candidates.map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }))}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t("tasks.links.notFound")}
          error={err(failed?.errors?.target)}
        />
        <Button type="submit" variant="light" leftSection={<IconLink size={16} aria-hidden />} loading={fetcher.state !== "idle"}>
          {t("tasks.links.add")}
        </Button>
      </Stack>
    </fetcher.Form>
  );
}
