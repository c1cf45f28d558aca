// The team's Kanban board. Every way of moving a card — drag and drop, the "Przenieś" dialog,
// Alt + arrows — ends in the same post to the page's action ("move" with the card's version), so
// the server applies the same rules, history, audit and notifications. While the move is saved
// the board already shows it (optimistic); the answer is announced in a live region; a conflict
// (someone changed the task or the board) says so and reloads the board.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useFetcher, useRevalidator } from "@remix-run/react";
import { Alert, Box, Button, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { EmptyState } from "~/modules/admin/components/AdminPage";
import { translateMessage } from "~/utils/i18n";
import { useT } from "~/utils/i18n-react";
import { applyMove, dropMove, keyboardMove, moveFromForm, type ArrowKey, type Move } from "../board-moves";
import type { Board, BoardCard, BoardColumn as Column } from "../board.server";
import { teamUrls } from "../task-urls";
import { BoardColumn } from "./BoardColumn";
import { BoardFilters } from "./BoardFilters";
import { BoardMoveDialog } from "./BoardMoveDialog";

export type MoveAnswer = { ok: boolean; error: string | null; errors: Record<string, string | undefined> | null; conflict?: boolean };

type Props = {
  board: Board;
  teamId: string;
  filters: { assignee: string | null; label: string | null; mine: boolean };
  filtered: boolean;
};

export function BoardView({ board, teamId, filters, filtered }: Props) {
  const t = useT();
  const fetcher = useFetcher<MoveAnswer>({ key: `board-move-${teamId}` });
  const revalidator = useRevalidator();
  const [announcement, setAnnouncement] = useState("");
  const [dialog, setDialog] = useState<{ card: BoardCard; initial: Move | null } | null>(null);
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const sent = useRef<{ card: BoardCard; move: Move } | null>(null);
  const focusAfter = useRef<{ id: string; on: "link" | "move"; until?: number } | null>(null);
  const previousState = useRef(fetcher.state);
  const busy = fetcher.state !== "idle";

  // What the user sees: the server's board, with the move being saved already applied.
  const pending = moveFromForm(fetcher.formData);
  const columns = useMemo(() => (pending ? applyMove(board.columns, pending.taskId, pending.move) : board.columns), [board.columns, pending?.taskId, pending?.move.status, pending?.move.place, pending?.move.afterId]); // eslint-disable-line react-hooks/exhaustive-deps

  const columnName = useCallback((status: string) => t(`taskViews.status.${status as Column["status"]}`), [t]);

  // The answer to a move: announce it; a refusal is shown too; a conflict reloads the board.
  useEffect(() => {
    const was = previousState.current;
    previousState.current = fetcher.state;
    if (was === "idle" || fetcher.state !== "idle" || !sent.current) return;
    const { card, move } = sent.current;
    sent.current = null;
    if (fetcher.data?.ok) {
      setAnnouncement(t(card.status === move.status ? "taskViews.move.reordered" : "taskViews.move.moved", { number: card.number, column: columnName(move.status) }));
      return;
    }
    const reason = fetcher.data?.conflict
      ? t("taskViews.move.conflict")
      : (translateMessage(t, fetcher.data?.error ?? Object.values(fetcher.data?.errors ?? {}).find(Boolean) ?? "validation.invalid") ?? "");
    const message = t("taskViews.move.failed", { number: card.number, reason });
    setAnnouncement(message);
    notifications.show({ message, color: "red", withBorder: true });
    if (fetcher.data?.conflict) revalidator.revalidate();
  }, [fetcher.state, fetcher.data, t, columnName, revalidator]);

  // Keyboard moves keep the focus on the moved card, wherever it went.
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    const timer = window.setTimeout(() => {
      // After the save, the card may still be re-rendered once more (revalidation): keep following
      // it for a moment, then let go so later changes never pull the focus.
      if (target.until !== undefined && Date.now() > target.until) {
        focusAfter.current = null;
        return;
      }
      const selector = target.on === "move" ? `[data-card-move="${target.id}"]` : `[data-card-link="${target.id}"]`;
      document.querySelector<HTMLElement>(selector)?.focus();
      if (!busy && target.until === undefined) target.until = Date.now() + 1500;
    }, 0);
    return () => window.clearTimeout(timer);
  }, [columns, busy, dialog]);

  // Controls stay in place while a move is saved (focus must not get lost); the handlers wait.
  const canMove = useCallback((card: BoardCard) => card.canMove, []);

  const send = (card: BoardCard, move: Move) => {
    if (busy) return;
    // Zablokowane needs a reason: ask for it (a card already blocked keeps its reason when reordered).
    if (move.status === "BLOCKED" && !move.blockedReason) {
      if (card.status !== "BLOCKED" || !card.blockedReason) {
        setDialog({ card, initial: move });
        return;
      }
      move = { ...move, blockedReason: card.blockedReason };
    }
    sent.current = { card, move };
    setAnnouncement(t("taskViews.move.moving", { number: card.number, column: columnName(move.status) }));
    fetcher.submit(
      {
        intent: "move",
        taskId: card.id,
        status: move.status,
        place: move.place,
        afterId: move.afterId ?? "",
        blockedReason: move.blockedReason ?? "",
        version: String(card.version),
      },
      { method: "post", preventScrollReset: true },
    );
  };

  const onKeyMove = (card: BoardCard, key: ArrowKey) => {
    if (busy) return;
    const move = keyboardMove(columns, card.id, key);
    if (!move) return;
    focusAfter.current = { id: card.id, on: "link" };
    send(card, move);
  };

  const onDrop = (column: Column, index: number) => {
    const card = dragging;
    setDragging(null);
    if (!card || busy) return;
    const move = dropMove(column, card.id, index, card.status);
    if (move) send(card, move);
  };

  const hintId = `board-hint-${teamId}`;
  const newTask = board.canCreate ? (
    <Button component={Link} to={teamUrls.newTask(teamId)} leftSection={<IconPlus size={16} aria-hidden />}>
      {t("taskViews.board.newTask")}
    </Button>
  ) : null;
  const noMatch = filtered && columns.every((c) => c.total === 0);

  return (
    <Stack gap="md">
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <Title order={2} className="visually-hidden">
        {t("taskViews.board.heading")}
      </Title>
      {board.teamTotal === 0 ? (
        <EmptyState text={`${t("taskViews.board.empty")} ${t(board.canCreate ? "taskViews.board.emptyLead" : "taskViews.board.emptyMember")}`} action={newTask} />
      ) : (
        <>
          <Box style={{ display: "flex", flexWrap: "wrap", gap: "var(--mantine-spacing-sm)", justifyContent: "space-between", alignItems: "flex-end" }}>
            <BoardFilters filters={filters} people={board.people} labels={board.labels} filtered={filtered} />
            {newTask}
          </Box>
          {board.closed ? (
            <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t("taskViews.board.closed")}
            </Alert>
          ) : board.anyMovable ? (
            <Text size="sm" c="dimmed">
              {t("taskViews.board.intro")}
            </Text>
          ) : (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t("taskViews.board.readOnly")}
            </Alert>
          )}
          <p id={hintId} className="visually-hidden">
            {t("taskViews.board.keyboardHint")}
          </p>
          {noMatch ? <EmptyState text={t("taskViews.board.noMatch")} /> : null}
          <Box
            style={{
              display: "grid",
              gridAutoFlow: "column",
              // Five columns fit next to the navigation from 1280 px up; narrower screens scroll sideways.
              gridAutoColumns: "minmax(180px, 1fr)",
              // Contains the visually hidden texts of the cards (absolutely positioned) in the scroll area.
              position: "relative",
              gap: "var(--mantine-spacing-sm)",
              overflowX: "auto",
              alignItems: "stretch",
              paddingBottom: 4,
            }}
          >
            {columns.map((column) => (
              <BoardColumn
                key={column.status}
                column={column}
                teamId={teamId}
                dragging={dragging}
                canMove={canMove}
                hintId={hintId}
                onOpenMove={(card) => setDialog({ card, initial: null })}
                onKeyMove={onKeyMove}
                onDragStart={setDragging}
                onDragEnd={() => setDragging(null)}
                onDrop={onDrop}
              />
            ))}
          </Box>
        </>
      )}
      {dialog ? (
        <BoardMoveDialog
          card={dialog.card}
          columns={columns}
          initial={dialog.initial}
          onClose={() => {
            focusAfter.current = { id: dialog.card.id, on: "move" };
            setDialog(null);
          }}
          onSubmit={(move) => {
            const { card } = dialog;
            setDialog(null);
            focusAfter.current = { id: card.id, on: "move" };
            const sameSpot = card.status === move.status && move.place === "top" && columns.find((c) => c.status === move.status)?.cards[0]?.id === card.id;
            if (!sameSpot) send(card, move);
          }}
        />
      ) : null}
    </Stack>
  );
}
