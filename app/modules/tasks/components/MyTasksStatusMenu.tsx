// "Zmień status" on a row of Moje zadania: a menu of the other statuses (keyboard operable);
// Zablokowane first asks for the reason in a dialog.
import { useState, type FormEvent } from "react";
import { Button, Group, Menu, Modal, Stack, Textarea } from "@mantine/core";
import { IconChevronDown } from "@tabler/icons-react";
import type { TaskStatus } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n-react";
import { BLOCKED_REASON_MAX, TASK_STATUSES } from "../tasks.schema";

type Props = {
  number: number;
  status: TaskStatus;
  blockedReason: string | null;
  busy: boolean;
  onChange: (status: TaskStatus, blockedReason: string | null) => void;
};

export function MyTasksStatusMenu({ number, status, blockedReason, busy, onChange }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState(blockedReason ?? "");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t("taskViews.move.reasonRequired"));
      return;
    }
    setAsking(false);
    onChange("BLOCKED", reason.trim());
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="default"
            rightSection={<IconChevronDown size={14} aria-hidden />}
            aria-label={t("taskViews.my.changeStatusLabel", { number })}
            loading={busy}
          >
            {t("taskViews.my.changeStatus")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {TASK_STATUSES.filter((s) => s !== status).map((s) => (
            <Menu.Item key={s} onClick={() => (s === "BLOCKED" ? setAsking(true) : onChange(s, null))}>
              {t(`taskViews.status.${s}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t("taskViews.my.blockTitle", { number })} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Textarea
              label={t("taskViews.move.reason")}
              description={t("taskViews.move.reasonHelp")}
              required
              autosize
              minRows={2}
              maxLength={BLOCKED_REASON_MAX}
              value={reason}
              error={error}
              data-autofocus
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
            />
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={() => setAsking(false)}>
                {t("taskViews.move.cancel")}
              </Button>
              <Button type="submit">{t("taskViews.status.BLOCKED")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
