// "Przenieś zadanie #12": the keyboard and screen-reader way to move a card — choose the column
// and the place in it (na górę, na dół, po karcie…). Moving to Zablokowane asks for the reason;
// a drop onto Zablokowane opens this dialog with the column and place already chosen.
import { useState, type FormEvent } from "react";
import { Button, Group, Modal, NativeSelect, Stack, Textarea } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import type { Move } from "../board-moves";
import type { TaskStatusValue } from "../board.schema";
import type { BoardCard, BoardColumn } from "../board.server";
import { BLOCKED_REASON_MAX, TASK_STATUSES } from "../tasks.schema";

type Props = {
  card: BoardCard;
  columns: BoardColumn[];
  initial: Move | null;
  onSubmit: (move: Move) => void;
  onClose: () => void;
};

export function BoardMoveDialog({ card, columns, initial, onSubmit, onClose }: Props) {
  const t = useT();
  const [status, setStatus] = useState<TaskStatusValue>(initial?.status ?? card.status);
  const [position, setPosition] = useState(initial ? (initial.place === "after" ? `after:${initial.afterId}` : initial.place) : "top");
  const [reason, setReason] = useState(card.blockedReason ?? "");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const others = (columns.find((c) => c.status === status)?.cards ?? []).filter((c) => c.id !== card.id);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (status === "BLOCKED" && !reason.trim()) {
      setReasonError(t("taskViews.move.reasonRequired"));
      return;
    }
    const [place, afterId] = position.startsWith("after:") ? (["after", position.slice(6)] as const) : ([position as "top" | "bottom", null] as const);
    onSubmit({ status, place, afterId, blockedReason: status === "BLOCKED" ? reason.trim() : null });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("taskViews.move.title", { number: card.number })}
      centered
      returnFocus={false}
      closeButtonProps={{ "aria-label": t("form.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label={t("taskViews.move.column")}
            value={status}
            data-autofocus={initial?.status === "BLOCKED" ? undefined : true}
            onChange={(e) => {
              setStatus(e.currentTarget.value as TaskStatusValue);
              setPosition("top");
            }}
            data={TASK_STATUSES.map((s) => ({
              value: s,
              label: s === card.status ? t("taskViews.move.current", { column: t(`taskViews.status.${s}`) }) : t(`taskViews.status.${s}`),
            }))}
          />
          <NativeSelect
            label={t("taskViews.move.position")}
            value={position}
            onChange={(e) => setPosition(e.currentTarget.value)}
            data={[
              { value: "top", label: t("taskViews.move.top") },
              ...others.map((c) => ({ value: `after:${c.id}`, label: t("taskViews.move.after", { number: c.number, title: c.title }) })),
              { value: "bottom", label: t("taskViews.move.bottom") },
            ]}
          />
          {status === "BLOCKED" ? (
            <Textarea
              label={t("taskViews.move.reason")}
              description={t("taskViews.move.reasonHelp")}
              required
              autosize
              minRows={2}
              maxLength={BLOCKED_REASON_MAX}
              value={reason}
              error={reasonError}
              data-autofocus={initial?.status === "BLOCKED" ? true : undefined}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
            />
          ) : null}
          <Group justify="flex-end">
            <Button type="button" variant="default" onClick={onClose}>
              {t("taskViews.move.cancel")}
            </Button>
            <Button type="submit">{t("taskViews.move.submit")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
