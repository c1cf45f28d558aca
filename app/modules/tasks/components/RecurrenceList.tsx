// A team's recurring tasks as a table: the rule in words („co miesiąc, 5. dnia”), who gets the
// tasks, the next deadlines (linked when the task is on the board already) and active/paused,
// with edit, pause/resume and delete for the people who manage them.
import { Form, Link, useNavigation } from "@remix-run/react";
import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconPlayerPause, IconPlayerPlay, IconRepeat } from "@tabler/icons-react";
import { DataTable } from "~/components/DataTable";
import type { Locale } from "~/locales";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { useLocale, useT } from "~/utils/i18n-react";
import { warsawInstant } from "../deadline";
import { rhythmKeys } from "../recurrence.schema";
import { taskUrl } from "../task-urls";
import { TaskPriority } from "./TaskBadges";

export type RecurrenceListRow = {
  id: string;
  title: string;
  assigneeName: string | null;
  assigneeLeft: boolean;
  priority: string;
  cadence: string;
  day: number;
  startDate: string;
  active: boolean;
  taskCount: number;
  upcoming: { date: string; task: { id: string; number: number } | null }[];
};

const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/** "pt., 31.01.2027" / "Fri, 31/01/2027": the weekday helps to check a rhythm at a glance. */
export function formatRecurrenceDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Warsaw" }).format(
    warsawInstant(date, "12:00"),
  );
}

/** „co miesiąc, 31. dnia (w krótszych miesiącach ostatniego dnia)”. */
export function RecurrenceRhythm({ cadence, day }: { cadence: string; day: number }) {
  const t = useT();
  const r = rhythmKeys(cadence, day);
  return (
    <>
      {t(r.key, r.vars)}
      {r.clamped ? ` (${t("recurrences.rhythm.clamped")})` : ""}
    </>
  );
}

export function RecurrenceStateBadge({ active }: { active: boolean }) {
  const t = useT();
  const Icon = active ? IconRepeat : IconPlayerPause;
  return (
    <Badge
      color={active ? "teal" : "gray"}
      variant="light"
      radius="sm"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ textTransform: "none", whiteSpace: "nowrap", minWidth: "max-content" }}
    >
      {t(active ? "recurrences.state.active" : "recurrences.state.paused")}
    </Badge>
  );
}

type Props = {
  teamId: string;
  teamName: string;
  rows: RecurrenceListRow[];
  canEdit: boolean;
  /** Address of the edit form for a row. */
  editUrl: (id: string) => string;
};

export function RecurrenceList({ teamId, teamName, rows, canEdit, editUrl }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      caption={t("recurrences.caption", { team: teamName })}
      minWidth={900}
      columns={[
        { label: t("recurrences.col.task") },
        { label: t("recurrences.col.rhythm") },
        { label: t("recurrences.col.assignee") },
        { label: t("recurrences.col.upcoming") },
        { label: t("recurrences.col.state") },
        ...(canEdit ? [{ label: t("recurrences.col.actions"), hidden: true }] : []),
      ]}
    >
      {rows.map((row) => (
        <Table.Tr key={row.id}>
          <Table.Th scope="row" fw={500} style={{ overflowWrap: "anywhere", verticalAlign: "top" }}>
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {row.title}
              </Text>
              <TaskPriority priority={row.priority} />
              <Text size="xs" c="dimmed" fw={400}>
                {t("recurrences.taskCount", { count: row.taskCount })}
              </Text>
            </Stack>
          </Table.Th>
          <Table.Td style={{ verticalAlign: "top" }}>
            <Stack gap={2}>
              <Text size="sm">
                <RecurrenceRhythm cadence={row.cadence} day={row.day} />
              </Text>
              <Text size="xs" c="dimmed">
                {t("recurrences.rhythm.since", { date: formatRecurrenceDay(row.startDate, locale) })}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td style={{ verticalAlign: "top" }}>
            {row.assigneeName && !row.assigneeLeft ? (
              <Text size="sm">{row.assigneeName}</Text>
            ) : row.assigneeLeft ? (
              <Text size="sm" c="orange.9">
                {t("recurrences.assignee.left", { name: row.assigneeName ?? "—" })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t("recurrences.assignee.none")}
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ verticalAlign: "top" }}>
            <Upcoming teamId={teamId} row={row} locale={locale} />
          </Table.Td>
          <Table.Td style={{ verticalAlign: "top" }}>
            <RecurrenceStateBadge active={row.active} />
          </Table.Td>
          {canEdit ? (
            <Table.Td style={{ verticalAlign: "top" }}>
              <RowActions row={row} editUrl={editUrl(row.id)} />
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Upcoming({ teamId, row, locale }: { teamId: string; row: RecurrenceListRow; locale: Locale }) {
  const t = useT();
  return (
    <Stack gap={2}>
      {row.upcoming.length ? (
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
          {row.upcoming.map((u) => {
            const day = formatRecurrenceDay(u.date, locale);
            return (
              <Text component="li" size="sm" key={u.date} style={{ whiteSpace: "nowrap" }}>
                {u.task ? (
                  <Anchor component={Link} to={taskUrl(teamId, u.task.id)} aria-label={t("recurrences.upcoming.taskLabel", { number: u.task.number, date: day })}>
                    {day} · #{u.task.number}
                  </Anchor>
                ) : (
                  <>
                    {day}{" "}
                    <Text component="span" size="xs" c="dimmed">
                      ({t("recurrences.upcoming.planned")})
                    </Text>
                  </>
                )}
              </Text>
            );
          })}
        </Stack>
      ) : row.active ? (
        <Text size="sm" c="dimmed">
          {t("recurrences.upcoming.none")}
        </Text>
      ) : null}
      {!row.active ? (
        <Text size="xs" c="dimmed">
          {t("recurrences.upcoming.paused")}
        </Text>
      ) : null}
    </Stack>
  );
}

function RowActions({ row, editUrl }: { row: RecurrenceListRow; editUrl: string }) {
  const t = useT();
  const navigation = useNavigation();
  const toggling = navigation.state === "submitting" && navigation.formData?.get("id") === row.id && navigation.formData?.get("intent") !== "delete";
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Button component={Link} to={editUrl} size="xs" variant="light" aria-label={t("recurrences.action.editLabel", { title: row.title })}>
        {t("recurrences.action.edit")}
      </Button>
      <Form method="post">
        <input type="hidden" name="intent" value={row.active ? "pause" : "resume"} />
        <input type="hidden" name="id" value={row.id} />
        <Button
          type="submit"
          size="xs"
          variant="default"
          loading={toggling}
          leftSection={row.active ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />}
          aria-label={t(row.active ? "recurrences.action.pauseLabel" : "recurrences.action.resumeLabel", { title: row.title })}
        >
          {t(row.active ? "recurrences.action.pause" : "recurrences.action.resume")}
        </Button>
      </Form>
      <ConfirmAction
        label={t("recurrences.action.delete")}
        ariaLabel={t("recurrences.action.deleteLabel", { title: row.title })}
        title={t("recurrences.delete.title", { title: row.title })}
        text={t("recurrences.delete.text")}
        confirmLabel={t("recurrences.delete.confirm")}
        fields={{ intent: "delete", id: row.id }}
      />
    </Group>
  );
}
