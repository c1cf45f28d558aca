// Editing a task (lead, coordinator, administrator). The form remembers the version it started
// from; when someone else saved in between, the server refuses (409) and nothing is overwritten:
// the form keeps what the person typed, says so, and offers to load the newest version — after
// which their unsaved text stays visible beside the refreshed form, so nothing is lost.
import { useEffect, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { Alert, Button, Card, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { formatDate } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { EMPTY_TASK, TaskFormFields, valuesFromForm, type MemberOption, type TaskFormValues } from "./TaskFormFields";
import { priorityKey } from "./TaskBadges";
import { settled, useTaskFetcher } from "./useTaskFetcher";

type Props = {
  /** The task as the loader has it now, in the form's shape, with its version. */
  current: TaskFormValues & { version: number };
  members: MemberOption[];
  onClose: () => void;
};

const plain = (html: string) => html.replace(/<\/(p|h[1-6]|li)>/g, "\n").replace(/<br\s*\/?>/g, "\n").replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').trim();

export function TaskEditPanel({ current, members, onClose }: Props) {
  const t = useT();
  const err = useFieldError();
  const revalidator = useRevalidator();
  const fetcher = useTaskFetcher((d) => d.intent === "save" && onClose());
  // The version (and values) this editing started from: revalidations do not move it.
  const [base, setBase] = useState(current);
  const [formKey, setFormKey] = useState(0);
  const [draft, setDraft] = useState<TaskFormValues | null>(null);
  const [reloading, setReloading] = useState(false);
  const [handled, setHandled] = useState<unknown>(null);
  const result = settled(fetcher);
  const open = result && result !== handled ? result : undefined;

  useEffect(() => {
    if (reloading && revalidator.state === "idle" && current.version !== base.version) {
      setReloading(false);
      setBase(current);
      setFormKey((k) => k + 1);
    }
  }, [reloading, revalidator.state, current, base.version]);

  const reload = () => {
    if (!open?.values) return;
    setDraft(valuesFromForm(open.values, EMPTY_TASK));
    setHandled(open);
    setReloading(true);
    revalidator.revalidate();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="zadanie-edycja">
      <Stack gap="md">
        <Title order={2} size="h3" id="zadanie-edycja">
          {t("tasks.page.editTitle")}
        </Title>
        {open?.conflict ? (
          <Alert color="orange" variant="light" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={t("tasks.conflict.title")}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t("tasks.conflict.text")}</Text>
              <Button size="xs" variant="filled" color="orange" leftSection={<IconRefresh size={14} aria-hidden />} onClick={reload} loading={reloading}>
                {t("tasks.conflict.reload")}
              </Button>
            </Stack>
          </Alert>
        ) : open && !open.ok ? (
          <Alert color="red" variant="light" role="alert">
            {err(open.error ?? undefined) ?? t("form.fixErrors")}
          </Alert>
        ) : null}
        {draft ? <UnsavedDraft draft={draft} members={members} /> : null}
        <fetcher.Form method="post" noValidate key={formKey}>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={base.version} />
          <Stack gap="lg">
            <TaskFormFields values={base} errors={open && !open.conflict ? (open.errors ?? undefined) : undefined} members={members} />
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={onClose}>
                {t("tasks.form.cancel")}
              </Button>
              <Button type="submit" loading={fetcher.state !== "idle"}>
                {t("tasks.form.save")}
              </Button>
            </Group>
          </Stack>
        </fetcher.Form>
      </Stack>
    </Card>
  );
}

/** What the person had typed when their save was refused, shown read-only for copying. */
function UnsavedDraft({ draft, members }: { draft: TaskFormValues; members: MemberOption[] }) {
  const t = useT();
  const locale = useLocale();
  const name = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  const rows: [string, string][] = [
    [t("tasks.form.title"), draft.title],
    [t("tasks.form.description"), plain(draft.description)],
    [t("tasks.form.assignee"), draft.assigneeId ? name(draft.assigneeId) : ""],
    [t("tasks.form.helpers"), draft.helperIds.map(name).join(", ")],
    [t("tasks.form.dueDate"), [draft.dueDate ? formatDate(`${draft.dueDate}T12:00:00Z`, locale) : "", draft.dueTime].filter(Boolean).join(" ")],
    [t("tasks.form.priority"), t(priorityKey(draft.priority))],
    [t("tasks.form.labels"), draft.labels.join(", ")],
  ];
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-yellow-light)">
      <Stack gap={6}>
        <Text fw={700} size="sm">
          {t("tasks.conflict.yours")}
        </Text>
        <Text size="xs">{t("tasks.conflict.yoursHint")}</Text>
        <List size="sm" spacing={4}>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <List.Item key={label} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {t("tasks.conflict.field", { field: label, value })}
              </List.Item>
            ))}
        </List>
      </Stack>
    </Paper>
  );
}
