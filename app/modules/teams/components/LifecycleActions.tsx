import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { IconCircleCheck, IconPlayerPlay, IconRefresh, IconUsersMinus } from "@tabler/icons-react";
import type { TeamStatus } from "~/generated/prisma/enums";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { TEAM_TRANSITIONS } from "../team.policy";
import { OUTCOME_MAX } from "../teams.schema";

type Props = {
  status: TeamStatus;
  /** From the server's policy; the server checks again. */
  canChange: boolean;
  /** Documents of the team's workspace library the reader may pick for the closing report. */
  documents: { id: string; name: string }[];
  hasWorkspace: boolean;
  /** The previous report, to start from when closing again after a reopening. */
  outcome: string | null;
  /** What the last post answered (to reopen its dialog with the errors). */
  result?: { status?: string; errors?: FieldErrors; values?: Record<string, string> };
};

const ICONS = { ACTIVE: IconPlayerPlay, DONE: IconCircleCheck, DISSOLVED: IconUsersMinus, PLANNED: IconRefresh } as const;

/** The lifecycle moves the reader may make now, each behind a dialog that says what it means. */
export function LifecycleActions({ status, canChange, documents, hasWorkspace, outcome, result }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const [open, setOpen] = useState<TeamStatus | null>((result?.errors && (result.status as TeamStatus)) || null);
  if (!canChange) return null;
  const targets = TEAM_TRANSITIONS[status];
  if (targets.length === 0) return null;
  const closed = status === "DONE" || status === "DISSOLVED";
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const labelOf = (to: TeamStatus) => t(to === "ACTIVE" ? (closed ? "teams.lifecycle.reopen" : "teams.lifecycle.start") : to === "DONE" ? "teams.lifecycle.close" : "teams.lifecycle.dissolve");
  const textOf = (to: TeamStatus) => t(to === "ACTIVE" ? (closed ? "teams.lifecycle.reopenText" : "teams.lifecycle.startText") : to === "DONE" ? "teams.lifecycle.closeText" : "teams.lifecycle.dissolveText");
  return (
    <Group gap="xs" wrap="wrap">
      {targets.map((to) => {
        const Icon = closed && to === "ACTIVE" ? IconRefresh : ICONS[to];
        return (
          <Button
            key={to}
            type="button"
            size="sm"
            variant={to === "DISSOLVED" ? "default" : "light"}
            color={to === "DISSOLVED" ? "orange" : undefined}
            leftSection={<Icon size={16} aria-hidden />}
            onClick={() => setOpen(to)}
            aria-haspopup="dialog"
          >
            {labelOf(to)}
          </Button>
        );
      })}
      {targets.map((to) => (
        <Modal key={to} opened={open === to} onClose={() => setOpen(null)} title={labelOf(to)} centered size="lg">
          <Form method="post" noValidate onSubmit={() => setTimeout(() => setOpen(null), 0)}>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="status" value={to} />
            <Stack>
              <Text size="sm">{textOf(to)}</Text>
              {errors._form || errors.status ? (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  {err(errors._form ?? errors.status)}
                </Text>
              ) : null}
              {to === "DONE" ? (
                <>
                  <Textarea
                    name="outcome"
                    label={t("teams.lifecycle.outcome")}
                    description={t("teams.lifecycle.outcomeHint")}
                    required
                    autosize
                    minRows={4}
                    maxRows={12}
                    maxLength={OUTCOME_MAX}
                    defaultValue={values.outcome ?? outcome ?? ""}
                    error={err(errors.outcome)}
                    data-autofocus
                  />
                  {documents.length > 0 ? (
                    <Select
                      name="outcomeDocumentId"
                      label={t("teams.lifecycle.outcomeDocument")}
                      description={t("teams.lifecycle.outcomeDocumentHint")}
                      placeholder={t("teams.lifecycle.outcomeDocumentNone")}
                      clearable
                      searchable
                      nothingFoundMessage={t("teams.form.nothingFound")}
                      defaultValue={values.outcomeDocumentId || null}
                      data={documents.map((d) => ({ value: d.id, label: d.name }))}
                      error={err(errors.outcomeDocumentId)}
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t(hasWorkspace ? "teams.lifecycle.noDocuments" : "teams.lifecycle.noWorkspace")}
                    </Text>
                  )}
                </>
              ) : null}
              {to === "DISSOLVED" ? (
                <Textarea
                  name="outcome"
                  label={t("teams.lifecycle.reason")}
                  description={t("teams.lifecycle.reasonHint")}
                  autosize
                  minRows={3}
                  maxRows={10}
                  maxLength={OUTCOME_MAX}
                  defaultValue={values.outcome ?? ""}
                  error={err(errors.outcome)}
                  data-autofocus
                />
              ) : null}
              <Group justify="flex-end">
                <Button type="button" variant="default" onClick={() => setOpen(null)}>
                  {t("admin.confirm.cancel")}
                </Button>
                <Button type="submit" loading={busy} color={to === "DISSOLVED" ? "orange" : undefined} data-autofocus={to === "ACTIVE" ? true : undefined}>
                  {labelOf(to)}
                </Button>
              </Group>
            </Stack>
          </Form>
        </Modal>
      ))}
    </Group>
  );
}
