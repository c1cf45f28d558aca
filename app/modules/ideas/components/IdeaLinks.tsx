// Links from the idea to tasks, library documents and (soon) strategy drafts. Each target is
// re-checked for the viewer on every read: one they cannot see shows as "brak dostępu".
import { useState } from "react";
import { Link } from "@remix-run/react";
import { ActionIcon, Anchor, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { IconChecklist, IconFileText, IconLink, IconLock, IconNotes, IconX } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { TaskStatusBadge } from "~/modules/tasks/components/TaskBadges";
import { useFieldError, useT } from "~/utils/i18n-react";
import type { IdeaLinkKind } from "../idea-page.schema";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

type LinkRow = {
  id: string;
  kind: IdeaLinkKind;
  targetId: string;
  target: { label: string; detail: string; url: string; status?: string } | null;
};
type Option = { id: string; label: string; group: string };

const ICON = { TASK: IconChecklist, DOCUMENT: IconFileText, DRAFT: IconNotes } as const;
/** The kinds one can pick today (strategy drafts arrive with their own issue). */
const PICKABLE = ["TASK", "DOCUMENT"] as const;

function grouped(options: Option[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const o of options) {
    const list = groups.get(o.group) ?? [];
    list.push({ value: o.id, label: o.label });
    groups.set(o.group, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

export function IdeaLinks({ links, candidates, canLink }: { links: LinkRow[]; candidates: { tasks: Option[]; documents: Option[] }; canLink: boolean }) {
  const t = useT();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-powiazania">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-powiazania">
          {t("ideasInbox.links.title")}
        </Title>
        {links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.links.empty")}
          </Text>
        ) : (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }}>
            {links.map((l) => (
              <LinkItem key={l.id} link={l} canLink={canLink} />
            ))}
          </Stack>
        )}
        {canLink ? <AddLinkForm candidates={candidates} /> : null}
      </Stack>
    </Card>
  );
}

function LinkItem({ link, canLink }: { link: LinkRow; canLink: boolean }) {
  const t = useT();
  const fetcher = useIdeaFetcher();
  const Icon = link.target ? ICON[link.kind] : IconLock;
  const kind = t(`ideasInbox.links.kind.${link.kind}` as MessageKey);
  return (
    <Group component="li" gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
      <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
        <Icon size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          {link.target ? (
            <>
              <Anchor component={Link} to={link.target.url} size="sm" style={{ overflowWrap: "anywhere" }}>
                <span className="visually-hidden">{kind}: </span>
                {link.target.label}
              </Anchor>
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  {kind} · {link.target.detail}
                </Text>
                {link.target.status ? <TaskStatusBadge status={link.target.status} /> : null}
              </Group>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {kind}: {link.kind === "DRAFT" ? t("ideasInbox.links.draftPending") : t("ideasInbox.links.noAccess")}
            </Text>
          )}
        </Stack>
      </Group>
      {canLink ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="link.remove" />
          <input type="hidden" name="linkId" value={link.id} />
          <ActionIcon type="submit" variant="subtle" color="gray" aria-label={t("ideasInbox.links.remove", { label: link.target?.label ?? kind })} loading={fetcher.state !== "idle"}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </fetcher.Form>
      ) : null}
    </Group>
  );
}

function AddLinkForm({ candidates }: { candidates: { tasks: Option[]; documents: Option[] } }) {
  const t = useT();
  const err = useFieldError();
  const [kind, setKind] = useState<(typeof PICKABLE)[number]>("TASK");
  const [round, setRound] = useState(0);
  const fetcher = useIdeaFetcher(() => setRound((r) => r + 1));
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "link.add" ? result : undefined;
  const options = kind === "TASK" ? candidates.tasks : candidates.documents;
  return (
    <fetcher.Form method="post" noValidate key={round}>
      <input type="hidden" name="intent" value="link.add" />
      <Stack gap="xs">
        <Select
          name="kind"
          label={t("ideasInbox.links.kindLabel")}
          data={PICKABLE.map((k) => ({ value: k, label: t(`ideasInbox.links.kind.${k}` as MessageKey) }))}
          value={kind}
          onChange={(v) => v && setKind(v as (typeof PICKABLE)[number])}
          allowDeselect={false}
          error={err(failed?.errors?.kind)}
        />
        <Select
          key={kind}
          name="targetId"
          label={t(kind === "TASK" ? "ideasInbox.links.pickTask" : "ideasInbox.links.pickDocument")}
          placeholder={t("ideasInbox.links.placeholder")}
          data={grouped(options)}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t("ideasInbox.links.nothing")}
          error={err(failed?.errors?.targetId)}
        />
        <Button type="submit" variant="light" leftSection={<IconLink size={16} aria-hidden />} loading={fetcher.state !== "idle"}>
          {t("ideasInbox.links.add")}
        </Button>
      </Stack>
    </fetcher.Form>
  );
}
