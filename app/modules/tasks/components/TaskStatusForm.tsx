// Moving the task through Do zrobienia → W toku → Zablokowane (with a reason) → Do sprawdzenia →
// Zrobione: for the assignee, the helpers and whoever runs the team.
import { useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { Alert, Button, Card, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useFieldError, useT } from "~/utils/i18n-react";
import { BLOCKED_REASON_MAX, TASK_STATUSES } from "../tasks.schema";
import { statusKey } from "./TaskBadges";
import { settled, useTaskFetcher } from "./useTaskFetcher";

export function TaskStatusForm({ status, blockedReason, version }: { status: string; blockedReason: string | null; version: number }) {
  const t = useT();
  const err = useFieldError();
  const revalidator = useRevalidator();
  const [value, setValue] = useState(status);
  const fetcher = useTaskFetcher();
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "status" ? result : undefined;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="zadanie-status">
      <fetcher.Form method="post" noValidate>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={version} />
        <Stack gap="sm">
          <Title order={2} size="h4" id="zadanie-status">
            {t("tasks.statusForm.title")}
          </Title>
          {failed?.conflict ? (
            <Alert color="orange" variant="light" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t("tasks.conflict.status")}</Text>
                <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => revalidator.revalidate()} loading={revalidator.state !== "idle"}>
                  {t("tasks.conflict.reload")}
                </Button>
              </Stack>
            </Alert>
          ) : failed?.error ? (
            <Alert color="red" variant="light" role="alert">
              {err(failed.error)}
            </Alert>
          ) : null}
          <Select
            name="status"
            label={t("tasks.statusForm.status")}
            data={TASK_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
            value={value}
            onChange={(v) => v && setValue(v)}
            allowDeselect={false}
            error={err(failed?.errors?.status)}
          />
          {value === "BLOCKED" ? (
            <Textarea
              name="blockedReason"
              label={t("tasks.statusForm.reason")}
              description={t("tasks.statusForm.reasonHint")}
              required
              autosize
              minRows={2}
              maxRows={6}
              maxLength={BLOCKED_REASON_MAX}
              defaultValue={status === "BLOCKED" ? (blockedReason ?? "") : ""}
              error={err(failed?.errors?.blockedReason)}
            />
          ) : null}
          <Button type="submit" variant="light" loading={fetcher.state !== "idle"} disabled={value === status && value !== "BLOCKED"}>
            {t("tasks.statusForm.submit")}
          </Button>
        </Stack>
      </fetcher.Form>
    </Card>
  );
}
