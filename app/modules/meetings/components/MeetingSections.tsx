// The meeting page's own sections: agenda, attendance list, minutes, decisions and action items.
// Every change is a plain form post with an `intent` (works without JavaScript); errors come back
// as translation keys next to the fields of the form that was sent.
import type { CSSProperties } from "react";
import { Form, Link } from "@remix-run/react";
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconBooks, IconTrash } from "@tabler/icons-react";
import { RichTextField, RichTextView } from "~/components/RichTextField";
import { taskUrl } from "~/modules/tasks/task-urls";
import { formatDateTime } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";

export type SectionActionData = { intent?: string; errors?: FieldErrors; values?: Record<string, string>; id?: string } | null | undefined;

function errorsFor(actionData: SectionActionData, intent: string, id?: string) {
  if (!actionData || actionData.intent !== intent) return undefined;
  if (id !== undefined && actionData.id !== id) return undefined;
  return actionData.errors;
}

type AgendaItem = { id: string; title: string; ownerId: string | null; ownerName: string | null; owner: { name: string } | null; startTime: string | null; durationMinutes: number | null; notes: string };

function AgendaFields({ item, people, errors }: { item?: AgendaItem; people: { id: string; name: string }[]; errors?: FieldErrors }) {
  const t = useT();
  const err = useFieldError();
  return (
    <Stack gap="xs">
      <TextInput name="title" label={t("meetings.agenda.title")} defaultValue={item?.title} error={err(errors?.title)} required />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput type="time" name="startTime" label={t("meetings.agenda.startTime")} defaultValue={item?.startTime ?? ""} error={err(errors?.startTime)} />
        <TextInput type="number" min={1} max={1440} name="durationMinutes" label={t("meetings.agenda.duration")} defaultValue={item?.durationMinutes ?? ""} error={err(errors?.durationMinutes)} />
        <NativeSelect
          name="ownerId"
          label={t("meetings.agenda.owner")}
          defaultValue={item?.ownerId ?? ""}
          error={err(errors?.ownerId)}
          data={[{ value: "", label: t("meetings.field.none") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <TextInput name="ownerName" label={t("meetings.agenda.ownerName")} defaultValue={item?.ownerName ?? ""} error={err(errors?.ownerName)} />
      </Group>
      <Textarea name="notes" label={t("meetings.agenda.notes")} defaultValue={item?.notes} autosize minRows={1} error={err(errors?.notes)} />
    </Stack>
  );
}

/**
 * The form of an agenda item (a new one, or the edit of `item`), folded in a <details> that opens
 * when the form came back with errors.
 */
function AgendaItemForm({
  intent,
  item,
  people,
  actionData,
  summary,
  summaryStyle,
  submitLabel,
  formKey,
}: {
  intent: "agendaAdd" | "agendaUpdate";
  item?: AgendaItem;
  people: { id: string; name: string }[];
  actionData: SectionActionData;
  summary: string;
  summaryStyle: CSSProperties;
  submitLabel: string;
  formKey?: number;
}) {
  const errors = errorsFor(actionData, intent, item?.id);
  return (
    <details open={!!errors}>
      <summary style={summaryStyle}>{summary}</summary>
      <Form method="post" key={formKey}>
        <input type="hidden" name="intent" value={intent} />
        {item ? <input type="hidden" name="itemId" value={item.id} /> : null}
        <Stack gap="xs" py="xs">
          <AgendaFields item={item} people={people} errors={errors} />
          <Group justify="flex-end">
            <Button type="submit" size="xs">
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </Form>
    </details>
  );
}

export function AgendaSection({ items, people, canEdit, actionData }: { items: AgendaItem[]; people: { id: string; name: string }[]; canEdit: boolean; actionData: SectionActionData }) {
  const t = useT();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="agenda-h">
      <Stack gap="sm">
        <Title order={3} id="agenda-h">
          {t("meetings.agenda")}
        </Title>
        {items.length === 0 ? <Text c="dimmed">{t("meetings.agenda.empty")}</Text> : null}
        <ol style={{ margin: 0, paddingLeft: "1.5rem", display: "flex", flexDirection: "column", gap: 8 }}>
          {items.map((item, i) => (
            <li key={item.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={0}>
                  <Text fw={600}>
                    {item.startTime ? `${item.startTime} · ` : ""}
                    {item.title}
                    {item.durationMinutes ? ` (${t("meetings.agenda.minutes", { count: item.durationMinutes })})` : ""}
                  </Text>
                  {item.owner?.name || item.ownerName ? (
                    <Text size="sm" c="dimmed">
                      {item.owner?.name ?? item.ownerName}
                    </Text>
                  ) : null}
                  {item.notes ? <Text size="sm">{item.notes}</Text> : null}
                </Stack>
                {canEdit ? (
                  <Group gap={4} wrap="nowrap">
                    <Form method="post">
                      <input type="hidden" name="intent" value="agendaUp" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <Button type="submit" size="compact-sm" variant="subtle" disabled={i === 0} aria-label={t("meetings.agenda.up", { title: item.title })}>
                        <IconArrowUp size={16} aria-hidden />
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="agendaDown" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <Button type="submit" size="compact-sm" variant="subtle" disabled={i === items.length - 1} aria-label={t("meetings.agenda.down", { title: item.title })}>
                        <IconArrowDown size={16} aria-hidden />
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="agendaRemove" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <Button type="submit" size="compact-sm" variant="subtle" color="red" aria-label={t("meetings.agenda.remove", { title: item.title })}>
                        <IconTrash size={16} aria-hidden />
                      </Button>
                    </Form>
                  </Group>
                ) : null}
              </Group>
              {canEdit ? (
                <AgendaItemForm
                  intent="agendaUpdate"
                  item={item}
                  people={people}
                  actionData={actionData}
                  summary={t("meetings.agenda.edit", { title: item.title })}
                  summaryStyle={{ cursor: "pointer", fontSize: "var(--mantine-font-size-sm)" }}
                  submitLabel={t("meetings.agenda.save")}
                />
              ) : null}
            </li>
          ))}
        </ol>
        {canEdit ? (
          <AgendaItemForm
            intent="agendaAdd"
            people={people}
            actionData={actionData}
            summary={t("meetings.agenda.add")}
            summaryStyle={{ cursor: "pointer", fontWeight: 600 }}
            submitLabel={t("meetings.agenda.add")}
            // Keyed by the count: after an added item the fields are empty again for the next one.
            formKey={items.length}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

type AttendanceRow = { key: string; invitationId: string | null; attendanceId: string | null; name: string; organisation: string | null; present: boolean };

export function AttendanceSection({ meetingId, rows, canEdit, actionData }: { meetingId: string; rows: AttendanceRow[]; canEdit: boolean; actionData: SectionActionData }) {
  const t = useT();
  const err = useFieldError();
  const present = rows.filter((r) => r.present).length;
  const walkInErrors = errorsFor(actionData, "walkInAdd");
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="attendance-h">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id="attendance-h">
            {t("meetings.attendance")}
          </Title>
          <Anchor component={Link} to={`/spotkania/${meetingId}/lista-obecnosci`}>
            {t("meetings.actions.print")}
          </Anchor>
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed">{t("meetings.attendance.empty")}</Text>
        ) : (
          <Text size="sm">{t("meetings.attendance.count", { present, total: rows.length })}</Text>
        )}
        {canEdit ? <Text size="sm" c="dimmed">{t("meetings.attendance.intro")}</Text> : null}
        {rows.length > 0 ? (
          <Form method="post" id="attendance-form">
            <input type="hidden" name="intent" value="attendanceSave" />
          </Form>
        ) : null}
        {rows.length > 0 ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("meetings.print.present")}</Table.Th>
                <Table.Th scope="col">{t("meetings.print.name")}</Table.Th>
                <Table.Th scope="col">{t("meetings.print.organisation")}</Table.Th>
                {canEdit ? <Table.Th scope="col"><span className="visually-hidden">{t("meetings.outcomes.remove")}</span></Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    {r.invitationId && canEdit ? (
                      <Checkbox form="attendance-form" name="present" value={r.invitationId} defaultChecked={r.present} aria-label={t("meetings.attendance.present", { name: r.name })} />
                    ) : (
                      <Text size="sm">{r.present ? "✓" : "—"}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.name}{" "}
                    {!r.invitationId ? (
                      <Badge size="xs" variant="light" tt="none">
                        {t("meetings.attendance.walkInBadge")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{r.organisation ?? ""}</Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      {r.attendanceId && !r.invitationId ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="walkInRemove" />
                          <input type="hidden" name="attendanceId" value={r.attendanceId} />
                          <Button type="submit" size="compact-sm" variant="subtle" color="red" aria-label={t("meetings.attendance.remove", { name: r.name })}>
                            <IconTrash size={16} aria-hidden />
                          </Button>
                        </Form>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {canEdit && rows.some((r) => r.invitationId) ? (
          <Group justify="flex-end">
            <Button type="submit" form="attendance-form" size="sm">
              {t("meetings.attendance.save")}
            </Button>
          </Group>
        ) : null}
        {canEdit ? (
          <Form method="post" key={rows.length}>
            <input type="hidden" name="intent" value="walkInAdd" />
            <Group align="flex-end" wrap="wrap">
              <TextInput name="name" label={t("meetings.attendance.name")} error={err(walkInErrors?.name)} required />
              <TextInput name="organisation" label={t("meetings.attendance.organisation")} error={err(walkInErrors?.organisation)} />
              <Button type="submit" variant="light">
                {t("meetings.attendance.walkIn")}
              </Button>
            </Group>
          </Form>
        ) : null}
      </Stack>
    </Card>
  );
}

export function MinutesSection({
  minutes,
  updatedAt,
  version,
  canEdit,
  workspaceName,
  actionData,
}: {
  minutes: string;
  updatedAt: string | Date | null;
  version: number;
  canEdit: boolean;
  /** The meeting's workspace: where "Zapisz protokół w bibliotece" puts the document. */
  workspaceName: string | null;
  actionData: SectionActionData;
}) {
  const t = useT();
  const locale = useLocale();
  const err = useFieldError();
  const errors = errorsFor(actionData, "minutesSave");
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="minutes-h">
      <Stack gap="sm">
        <Title order={3} id="minutes-h">
          {t("meetings.minutes")}
        </Title>
        {updatedAt ? (
          <Text size="sm" c="dimmed">
            {t("meetings.minutes.updated", { when: formatDateTime(updatedAt, locale) })}
          </Text>
        ) : null}
        {errors?._form ? (
          <Alert color="red" variant="light" role="alert">
            {err(errors._form)}
          </Alert>
        ) : null}
        {canEdit ? (
          <Form method="post">
            <input type="hidden" name="intent" value="minutesSave" />
            <input type="hidden" name="version" value={version} />
            <Stack gap="xs">
              <RichTextField name="minutes" label={t("meetings.minutes.label")} defaultValue={actionData?.intent === "minutesSave" ? (actionData.values?.minutes ?? minutes) : minutes} error={err(errors?.minutes)} minHeight={240} />
              <Group justify="flex-end">
                <Button type="submit">{t("meetings.minutes.save")}</Button>
              </Group>
            </Stack>
          </Form>
        ) : minutes ? (
          <RichTextView html={minutes} />
        ) : (
          <Text c="dimmed">{t("meetings.minutes.empty")}</Text>
        )}
        {canEdit && workspaceName && minutes ? (
          <Form method="post">
            <input type="hidden" name="intent" value="minutesToLibrary" />
            <Group gap="sm" align="center" wrap="wrap">
              <Button type="submit" variant="light" leftSection={<IconBooks size={16} aria-hidden />} aria-describedby="minutes-library-hint">
                {t("meetings.minutesDoc.save")}
              </Button>
              <Text size="sm" c="dimmed" id="minutes-library-hint" style={{ flex: "1 1 20rem" }}>
                {t("meetings.minutesDoc.saveHint", { workspace: workspaceName })}
              </Text>
            </Group>
          </Form>
        ) : null}
      </Stack>
    </Card>
  );
}

type Outcome = { id: string; kind: string; text: string; task: { id: string; teamId: string; number: number; teamName: string } | null };
type TaskTeam = { id: string; name: string; members: { id: string; name: string }[] };

function TaskForm({ outcome, teams, errors }: { outcome: Outcome; teams: TaskTeam[]; errors?: FieldErrors }) {
  const t = useT();
  const err = useFieldError();
  const people = [...new Map(teams.flatMap((tm) => tm.members).map((m) => [m.id, m])).values()];
  if (teams.length === 0) return <Text size="sm" c="dimmed">{t("meetings.outcomes.noTeams")}</Text>;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="outcomeTask" />
      <input type="hidden" name="outcomeId" value={outcome.id} />
      <Stack gap="xs" py="xs">
        {errors?._form ? (
          <Alert color="red" variant="light" role="alert">
            {err(errors._form)}
          </Alert>
        ) : null}
        <Group align="flex-end" wrap="wrap">
          <NativeSelect name="teamId" label={t("meetings.outcomes.team")} data={teams.map((tm) => ({ value: tm.id, label: tm.name }))} error={err(errors?.teamId)} />
          <NativeSelect
            name="assigneeId"
            label={t("meetings.outcomes.assignee")}
            data={[{ value: "", label: t("meetings.field.none") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
            error={err(errors?.assigneeId)}
          />
          <TextInput type="date" name="dueDate" label={t("meetings.outcomes.dueDate")} error={err(errors?.dueDate)} />
          <Button type="submit" size="sm">
            {t("meetings.outcomes.createTask")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

export function OutcomesSection({ outcomes, teams, canEdit, actionData }: { outcomes: Outcome[]; teams: TaskTeam[]; canEdit: boolean; actionData: SectionActionData }) {
  const t = useT();
  const err = useFieldError();
  const addErrors = errorsFor(actionData, "outcomeAdd");
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="outcomes-h">
      <Stack gap="sm">
        <Title order={3} id="outcomes-h">
          {t("meetings.outcomes")}
        </Title>
        {outcomes.length === 0 ? <Text c="dimmed">{t("meetings.outcomes.empty")}</Text> : null}
        <ul style={{ margin: 0, paddingLeft: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: 8 }}>
          {outcomes.map((o) => (
            <li key={o.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge variant="light" color={o.kind === "ACTION" ? "orange" : "teal"} tt="none">
                      {t(o.kind === "ACTION" ? "meetings.outcomes.kind.ACTION" : "meetings.outcomes.kind.DECISION")}
                    </Badge>
                    <Text>{o.text}</Text>
                  </Group>
                  {o.task ? (
                    <Anchor component={Link} to={taskUrl(o.task.teamId, o.task.id)} size="sm">
                      {t("meetings.outcomes.task", { number: o.task.number, team: o.task.teamName })}
                    </Anchor>
                  ) : null}
                </Stack>
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="outcomeRemove" />
                    <input type="hidden" name="outcomeId" value={o.id} />
                    <Button type="submit" size="compact-sm" variant="subtle" color="red" aria-label={`${t("meetings.outcomes.remove")}: ${o.text.slice(0, 60)}`}>
                      <IconTrash size={16} aria-hidden />
                    </Button>
                  </Form>
                ) : null}
              </Group>
              {canEdit && o.kind === "ACTION" && !o.task ? (
                <details open={!!errorsFor(actionData, "outcomeTask", o.id)}>
                  <summary style={{ cursor: "pointer", fontSize: "var(--mantine-font-size-sm)" }}>{t("meetings.outcomes.createTask")}</summary>
                  <TaskForm outcome={o} teams={teams} errors={errorsFor(actionData, "outcomeTask", o.id)} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <Form method="post" key={outcomes.length}>
            <input type="hidden" name="intent" value="outcomeAdd" />
            <Group align="flex-end" wrap="wrap">
              <NativeSelect
                name="kind"
                label={t("meetings.outcomes.kind")}
                data={[
                  { value: "DECISION", label: t("meetings.outcomes.kind.DECISION") },
                  { value: "ACTION", label: t("meetings.outcomes.kind.ACTION") },
                ]}
                error={err(addErrors?.kind)}
              />
              <TextInput name="text" label={t("meetings.outcomes.text")} error={err(addErrors?.text)} required style={{ flex: 1, minWidth: 240 }} />
              <Button type="submit" variant="light">
                {t("meetings.outcomes.add")}
              </Button>
            </Group>
          </Form>
        ) : null}
      </Stack>
    </Card>
  );
}
