import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconRestore } from "@tabler/icons-react";
import { z } from "zod";
import { DataTable } from "~/components/DataTable";
import { ErrorPage } from "~/components/ErrorPage";
import { EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser, type AuthUser } from "~/modules/auth/session.server";
import { TaskStatusBadge } from "~/modules/tasks/components/TaskBadges";
import { listTrashedTasks, trashedTask } from "~/modules/tasks/task-list.server";
import { teamUrls } from "~/modules/tasks/task-urls";
import { restoreTask } from "~/modules/tasks/tasks.server";
import { requireTeam, type TeamContext } from "~/modules/teams/access.server";
import { canTask } from "~/modules/teams/team.policy";
import { formatDateTime } from "~/utils/dates";
import { formToObject } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { toastHeader } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Kosz zadań — ${data.team.name} — Razem` : "Razem" }];

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
const restoreSchema = z.object({ intent: z.literal("restore"), taskId: z.string().trim().min(1).max(64) });

/** Bringing a task back is the lead's (and coordinator's) call: the same rule as deleting it. */
function mayRestore(user: AuthUser, ctx: TeamContext): boolean {
  return canTask(user, "delete", ctx.access, { isAssignee: false, isHelper: false });
}

/** Everyone who sees the team sees its trash (404 otherwise); only those who may delete restore. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireTeam(user, params.teamId ?? "", "view", requestMeta(request, context).ip);
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const trash = await listTrashedTasks(ctx.team.id, page);
  return { team: { id: ctx.team.id, name: ctx.team.name }, ...trash, canRestore: mayRestore(user, ctx) };
}

type RestoreData = { ok: boolean; error: string | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { ip } = requestMeta(request, context);
  const ctx = await requireTeam(user, params.teamId ?? "", "view", ip);
  await authorize(user, mayRestore(user, ctx), { action: "task.restore", entityType: "Team", entityId: ctx.team.id, ip });
  const parsed = restoreSchema.safeParse(formToObject(await request.formData()));
  if (!parsed.success) return data<RestoreData>({ ok: false, error: "validation.invalid" }, { status: 400 });
  const task = await trashedTask(ctx.team.id, parsed.data.taskId);
  const restored = task ? await restoreTask(user, ctx, parsed.data.taskId, { ip }) : false;
  if (!restored || !task) return data<RestoreData>({ ok: false, error: "tasks.trash.gone" }, { status: 404 });
  return data<RestoreData>(
    { ok: true, error: null },
    { headers: { "Set-Cookie": await toastHeader({ key: "tasks.trash.restored", vars: { number: task.number, title: task.title } }) } },
  );
}

export default function TeamTrash() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={teamUrls.tasks(data.team.id)} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t("tasks.backToList")}
          </Group>
        </Anchor>
        <Title order={2}>{t("tasks.trash.title")}</Title>
        <Text c="dimmed">{t("tasks.trash.intro")}</Text>
      </Stack>
      {!data.canRestore && data.rows.length ? (
        <Alert color="blue" variant="light">
          {t("tasks.trash.leadOnly")}
        </Alert>
      ) : null}
      {data.rows.length === 0 ? (
        <EmptyState text={t("tasks.trash.empty")} />
      ) : (
        <DataTable
          caption={t("tasks.trash.caption", { team: data.team.name })}
          columns={[
            { label: t("tasks.trash.col.task") },
            { label: t("tasks.list.col.status") },
            { label: t("tasks.trash.col.deletedBy") },
            { label: t("tasks.trash.col.deletedAt") },
            ...(data.canRestore ? [{ label: t("tasks.trash.col.actions"), hidden: true }] : []),
          ]}
        >
          {data.rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={500} style={{ overflowWrap: "anywhere" }}>
                #{row.number} {row.title}
              </Table.Th>
              <Table.Td>
                <TaskStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>{row.deletedBy ?? t("tasks.trash.unknownPerson")}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(row.deletedAt, locale)}</Table.Td>
              {data.canRestore ? (
                <Table.Td>
                  <RestoreButton taskId={row.id} number={row.number} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <ListPagination page={data.page} />
    </Stack>
  );
}

function RestoreButton({ taskId, number }: { taskId: string; number: number }) {
  const t = useT();
  const err = useFieldError();
  const fetcher = useFetcher<RestoreData>();
  const failed = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="restore" />
      <input type="hidden" name="taskId" value={taskId} />
      <Stack gap={4} align="flex-end">
        <Button
          type="submit"
          size="xs"
          variant="light"
          leftSection={<IconRestore size={14} aria-hidden />}
          aria-label={t("tasks.trash.restoreLabel", { number })}
          loading={fetcher.state !== "idle"}
        >
          {t("tasks.trash.restore")}
        </Button>
        {failed?.error ? (
          <Text size="xs" c="var(--mantine-color-error)" role="alert">
            {err(failed.error)}
          </Text>
        ) : null}
      </Stack>
    </fetcher.Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
