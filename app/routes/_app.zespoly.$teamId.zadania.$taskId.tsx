import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert, Anchor, Button, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconPencil } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { OverdueBadge, TaskStatusBadge } from "~/modules/tasks/components/TaskBadges";
import { TaskAttachments } from "~/modules/tasks/components/TaskAttachments";
import { TaskChecklist } from "~/modules/tasks/components/TaskChecklist";
import { TaskComments } from "~/modules/tasks/components/TaskComments";
import { TaskDetails } from "~/modules/tasks/components/TaskDetails";
import { TaskEditPanel } from "~/modules/tasks/components/TaskEditPanel";
import { TaskHistory } from "~/modules/tasks/components/TaskHistory";
import { TaskLinks } from "~/modules/tasks/components/TaskLinks";
import { TaskStatusForm } from "~/modules/tasks/components/TaskStatusForm";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { HISTORY_SHOWN } from "~/modules/tasks/task-page.schema";
import { loadTaskPage, taskPageAction } from "~/modules/tasks/task-page.server";
import { teamUrls } from "~/modules/tasks/task-urls";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `#${data.task.number} ${data.task.title} — ${data.team.name} — Razem` : "Razem" }];

/** The task (404 outside the team); every part says what this person may do with it. */
export async function loader(args: LoaderFunctionArgs) {
  return loadTaskPage(args);
}

/** One action, one `intent` per form; each intent checks its own rule (see task-page.server.ts). */
export async function action(args: ActionFunctionArgs) {
  return taskPageAction(args);
}

export default function TaskPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { task, can, team } = data;
  const dueAt = task.dueAt ? new Date(task.dueAt) : null;
  const current = {
    title: task.title,
    description: task.description,
    assigneeId: task.assignee?.id ?? "",
    helperIds: task.helpers.map((h) => h.id),
    dueDate: dueAt ? warsawDate(dueAt) : "",
    dueTime: dueAt && task.dueHasTime ? warsawTime(dueAt) : "",
    priority: task.priority,
    labels: task.labels,
    version: task.version,
  };
  // Someone who left the team stays visible (by name) in the edit form until reassigned.
  const former = [task.assignee, ...task.helpers]
    .filter((p): p is { id: string; name: string } => !!p && !data.members.some((m) => m.id === p.id))
    .map((p) => ({ id: p.id, name: p.name, institutionShortName: null }));
  const actions = (
    <>
      {can.edit && !editing ? (
        <Button variant="light" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
          {t("tasks.page.edit")}
        </Button>
      ) : null}
      {can.delete ? (
        <ConfirmAction
          label={t("tasks.page.delete")}
          title={t("tasks.page.deleteTitle")}
          text={t("tasks.page.deleteText")}
          confirmLabel={t("tasks.page.deleteConfirm")}
          fields={{ intent: "delete" }}
        />
      ) : null}
    </>
  );
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={teamUrls.tasks(team.id)} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t("tasks.backToList")}
          </Group>
        </Anchor>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={2} style={{ overflowWrap: "anywhere" }}>
            <span className="visually-hidden">{t("tasks.page.number", { number: task.number })}: </span>
            <span aria-hidden>#{task.number} </span>
            {task.title}
          </Title>
          <TaskStatusBadge status={task.status} />
          {data.overdue ? <OverdueBadge /> : null}
        </Group>
      </Stack>
      {team.closed ? (
        <Alert color="gray" variant="light">
          {t("tasks.page.closedTeam")}
        </Alert>
      ) : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {editing && can.edit ? (
              <TaskEditPanel current={current} members={[...data.members, ...former]} onClose={() => setEditing(false)} />
            ) : (
              <TaskDetails task={task} overdue={data.overdue} actions={actions} />
            )}
            <TaskChecklist items={task.checklist} canChange={can.updateChecklist} />
            <TaskComments comments={data.comments} people={data.mentionable} canCreate={can.commentCreate} readOnly={team.closed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {can.changeStatus ? (
              <TaskStatusForm key={`${task.status}-${task.version}`} status={task.status} blockedReason={task.blockedReason} version={task.version} />
            ) : !team.closed ? (
              <Text size="sm" c="dimmed">
                {t("tasks.statusForm.who")}
              </Text>
            ) : null}
            <TaskLinks teamId={team.id} links={task.links} candidates={data.linkCandidates} canManage={can.manageLinks} />
            <TaskAttachments attachments={data.attachments} canManage={can.manageAttachments} library={data.library} maxBytes={data.maxUploadBytes} />
            <TaskHistory events={data.history} names={data.historyNames} limit={HISTORY_SHOWN} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
