// One column of the board: heading with the count, the cards (a list), a drop zone while a card
// is dragged, and "Pokaż więcej" when the column has more cards than it shows.
import { useState, type DragEvent, type ReactNode } from "react";
import { Link, useLocation } from "@remix-run/react";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { BOARD_COLUMN_MAX, BOARD_PAGE, columnParam } from "../board.schema";
import type { BoardCard, BoardColumn as Column } from "../board.server";
import { STATUS_COLOR } from "./TaskCardBadges";
import { CARD_DRAG_TYPE, TaskCard } from "./TaskCard";

type Props = {
  column: Column;
  teamId: string;
  dragging: BoardCard | null;
  canMove: (card: BoardCard) => boolean;
  hintId: string;
  onOpenMove: (card: BoardCard) => void;
  onKeyMove: (card: BoardCard, key: "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") => void;
  onDragStart: (card: BoardCard) => void;
  onDragEnd: () => void;
  onDrop: (column: Column, index: number) => void;
};

/** Index among the column's cards (without the dragged one) where the pointer would insert. */
function dropIndex(list: HTMLElement, y: number, draggedId: string): number {
  let index = 0;
  for (const el of Array.from(list.querySelectorAll<HTMLElement>("[data-card-id]"))) {
    if (el.dataset.cardId === draggedId) continue;
    const box = el.getBoundingClientRect();
    if (y < box.top + box.height / 2) return index;
    index += 1;
  }
  return index;
}

export function BoardColumn({ column, teamId, dragging, canMove, hintId, onOpenMove, onKeyMove, onDragStart, onDragEnd, onDrop }: Props) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const [dropAt, setDropAt] = useState<number | null>(null);
  const headingId = `board-col-${column.status}`;
  const name = t(`taskViews.status.${column.status}`);
  const ours = (e: DragEvent) => !!dragging && Array.from(e.dataTransfer.types).includes(CARD_DRAG_TYPE);

  // Cancelling dragenter makes the list the drop target (HTML drag and drop); dragover keeps it.
  const onDragEnter = (e: DragEvent<HTMLUListElement>) => {
    if (ours(e)) e.preventDefault();
  };
  const onDragOver = (e: DragEvent<HTMLUListElement>) => {
    if (!ours(e) || !dragging) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    const index = dropIndex(e.currentTarget, e.clientY, dragging.id);
    if (index !== dropAt) setDropAt(index);
  };
  const onDragLeave = (e: DragEvent<HTMLUListElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
  };
  const onDropHere = (e: DragEvent<HTMLUListElement>) => {
    if (!ours(e) || !dragging) return;
    e.preventDefault();
    const index = dropIndex(e.currentTarget, e.clientY, dragging.id);
    setDropAt(null);
    onDrop(column, index);
  };

  const others = dragging ? column.cards.filter((c) => c.id !== dragging.id) : column.cards;
  const indicator = (
    <li key="drop-indicator" aria-hidden style={{ listStyle: "none" }}>
      <div style={{ height: 4, borderRadius: 2, background: "var(--mantine-color-teal-7)" }} />
    </li>
  );
  const items: ReactNode[] = [];
  let seen = 0;
  for (const card of column.cards) {
    const isDragged = dragging?.id === card.id;
    if (!isDragged && dropAt === seen) items.push(indicator);
    items.push(
      <TaskCard
        key={card.id}
        card={card}
        teamId={teamId}
        movable={canMove(card)}
        dragging={isDragged}
        hintId={hintId}
        onOpenMove={onOpenMove}
        onKeyMove={onKeyMove}
        onDragStart={onDragStart}
        onDragEnd={() => {
          setDropAt(null);
          onDragEnd();
        }}
      />,
    );
    if (!isDragged) seen += 1;
  }
  if (dropAt !== null && dropAt >= others.length) items.push(indicator);

  const more = column.total > column.cards.length && column.limit < BOARD_COLUMN_MAX;
  const moreHref = () => {
    const params = new URLSearchParams(location.search);
    params.set(columnParam(column.status), String(Math.min(BOARD_COLUMN_MAX, column.limit + BOARD_PAGE)));
    return `${location.pathname}?${params.toString()}`;
  };

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="xs"
      bg="var(--mantine-color-default-hover)"
      style={{ display: "flex", flexDirection: "column", minWidth: 0, borderTop: `4px solid var(--mantine-color-${STATUS_COLOR[column.status]}-7)` }}
    >
      <Group justify="space-between" gap="xs" px={4} pb="xs" wrap="nowrap">
        <Title order={3} fz="md" id={headingId}>
          {name} <span className="visually-hidden">({t("taskViews.board.count", { count: column.total })})</span>
        </Title>
        <Badge variant="light" color={STATUS_COLOR[column.status]} radius="sm" aria-hidden>
          {formatNumber(column.total, locale)}
        </Badge>
      </Group>
      <ul
        aria-labelledby={headingId}
        onDragEnter={onDragEnter}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDropHere}
        style={{
          margin: 0,
          padding: 4,
          display: "flex",
          flexDirection: "column",
          gap: 8,
          minHeight: 80,
          flex: 1,
          borderRadius: 8,
          outline: dropAt !== null ? "2px dashed var(--mantine-color-teal-7)" : undefined,
        }}
      >
        {items}
        {column.cards.length === 0 && dropAt === null ? (
          <li style={{ listStyle: "none" }}>
            <Text size="sm" c="dimmed" ta="center" py="md">
              {dragging ? t("taskViews.board.dropHere") : t("taskViews.board.columnEmpty")}
            </Text>
          </li>
        ) : null}
      </ul>
      {more ? (
        <Stack gap={4} align="center" pt="xs">
          <Text size="xs" c="dimmed">
            {t("taskViews.board.shown", { shown: formatNumber(column.cards.length, locale), total: formatNumber(column.total, locale) })}
          </Text>
          <Button
            component={Link}
            to={moreHref()}
            preventScrollReset
            variant="default"
            size="xs"
            aria-label={t("taskViews.board.showMoreLabel", { column: name })}
          >
            {t("taskViews.board.showMore")}
          </Button>
        </Stack>
      ) : null}
    </Paper>
  );
}
