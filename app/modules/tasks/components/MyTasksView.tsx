// Moje zadania: my open tasks from every team, grouped by deadline, with a quick status change
// (the same "move" the board posts, to the top of the new column) and links to the calendar and
// the notification settings (where the ICS feed lives).
import { useEffect, useRef, useState } from "react";
import { Form, Link, useFetcher, useRevalidator } from "@remix-run/react";
import { Anchor, Button, Checkbox, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBell, IconCalendar } from "@tabler/icons-react";
import type { TaskStatus } from "~/generated/prisma/enums";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { translateMessage } from "~/utils/i18n";
import { useT } from "~/utils/i18n-react";
import { DONE_RECENT_DAYS } from "../my-tasks";
import type { MyTask, MyTasks } from "../my-tasks.server";
import { teamUrls } from "../task-urls";
import type { MoveAnswer } from "./BoardView";
import { MyTasksTable } from "./MyTasksTable";

export const NOTIFICATION_SETTINGS_URL = "/profil/powiadomienia";

export function MyTasksView({ data }: { data: MyTasks }) {
  const t = useT();
  const fetcher = useFetcher<MoveAnswer>({ key: "my-tasks-status" });
  const revalidator = useRevalidator();
  const [announcement, setAnnouncement] = useState("");
  const sent = useRef<{ task: MyTask; status: TaskStatus } | null>(null);
  const previous = useRef(fetcher.state);

  useEffect(() => {
    const was = previous.current;
    previous.current = fetcher.state;
    if (was === "idle" || fetcher.state !== "idle" || !sent.current) return;
    const { task, status } = sent.current;
    sent.current = null;
    if (fetcher.data?.ok) {
      setAnnouncement(t("taskViews.my.statusChanged", { number: task.number, status: t(`taskViews.status.${status}`) }));
      return;
    }
    const reason = translateMessage(t, fetcher.data?.error ?? Object.values(fetcher.data?.errors ?? {}).find(Boolean) ?? "validation.invalid") ?? "";
    const message = t("taskViews.my.statusFailed", { number: task.number, reason });
    setAnnouncement(message);
    notifications.show({ message, color: "red", withBorder: true });
    if (fetcher.data?.conflict) revalidator.revalidate();
  }, [fetcher.state, fetcher.data, t, revalidator]);

  const change = (task: MyTask, status: TaskStatus, blockedReason: string | null) => {
    if (fetcher.state !== "idle") return;
    sent.current = { task, status };
    fetcher.submit(
      { intent: "move", teamId: task.team.id, taskId: task.id, status, place: "top", blockedReason: blockedReason ?? "", version: String(task.version) },
      { method: "post", preventScrollReset: true },
    );
  };
  const busyId = fetcher.state !== "idle" ? (sent.current?.task.id ?? null) : null;
  const empty = data.groups.length === 0 && data.page.total === 0;

  return (
    <AdminPage
      title={t("taskViews.my.title")}
      intro={t("taskViews.my.intro")}
      actions={
        <>
          <Button component={Link} to={teamUrls.calendar()} variant="light" leftSection={<IconCalendar size={16} aria-hidden />}>
            {t("taskViews.my.calendar")}
          </Button>
          <Anchor component={Link} to={NOTIFICATION_SETTINGS_URL} size="sm">
            <Group gap={4} component="span">
              <IconBell size={14} aria-hidden />
              {t("taskViews.my.ics")}
            </Group>
          </Anchor>
        </>
      }
    >
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <Form method="get" aria-label={t("taskViews.my.filters")} key={`${data.query.helper}|${data.query.done}`}>
        <Group gap="md" align="center" wrap="wrap">
          <Checkbox name="pomagam" value="1" defaultChecked={data.query.helper} label={t("taskViews.my.helper")} />
          <Checkbox name="zrobione" value="1" defaultChecked={data.query.done} label={t("taskViews.my.done", { days: DONE_RECENT_DAYS })} />
          <Button type="submit" variant="light" size="xs">
            {t("taskViews.my.apply")}
          </Button>
        </Group>
      </Form>
      {empty ? (
        <EmptyState
          text={t("taskViews.my.empty")}
          action={
            <Button component={Link} to={teamUrls.list()} variant="light">
              {t("taskViews.my.emptyTeams")}
            </Button>
          }
        />
      ) : (
        <Stack gap="xl">
          {data.groups.map((g) => (
            <MyTasksTable
              key={g.bucket}
              id={`my-tasks-${g.bucket}`}
              title={t(`taskViews.my.group.${g.bucket}`)}
              tasks={g.tasks}
              warn={g.bucket === "overdue"}
              busyId={busyId}
              onChange={change}
            />
          ))}
          <ListPagination page={data.page} />
        </Stack>
      )}
      {data.done && data.done.length > 0 ? (
        <MyTasksTable
          id="my-tasks-done"
          title={t("taskViews.my.group.done", { days: DONE_RECENT_DAYS })}
          tasks={data.done}
          busyId={busyId}
          onChange={change}
        />
      ) : null}
    </AdminPage>
  );
}
