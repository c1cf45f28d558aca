// One card on the board: #number and title (link to the task), priority, labels, deadline,
// assignee, checklist progress and, while blocked, the reason. Movable cards can be dragged, have
// a "Przenieś" button (dialog) and answer Alt + arrows.
import type { DragEvent, KeyboardEvent } from "react";
import { Link } from "@remix-run/react";
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArrowsMove, IconChecklist, IconLock, IconUser } from "@tabler/icons-react";
import { useT } from "~/utils/i18n-react";
import type { BoardCard } from "../board.server";
import { taskUrl } from "../task-urls";
import { DueDate } from "./DueDate";
import { PriorityBadge } from "./TaskCardBadges";

export const CARD_DRAG_TYPE = "application/x-razem-task";

type Props = {
  card: BoardCard;
  teamId: string;
  movable: boolean;
  dragging: boolean;
  hintId: string;
  onOpenMove: (card: BoardCard) => void;
  onKeyMove: (card: BoardCard, key: "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") => void;
  onDragStart: (card: BoardCard) => void;
  onDragEnd: () => void;
};

const ARROWS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);

export function TaskCard({ card, teamId, movable, dragging, hintId, onOpenMove, onKeyMove, onDragStart, onDragEnd }: Props) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!movable || !e.altKey || e.ctrlKey || e.metaKey || !ARROWS.has(e.key)) return;
    e.preventDefault();
    onKeyMove(card, e.key as "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown");
  };
  const dragProps = movable
    ? {
        draggable: true,
        onDragStart: (e: DragEvent<HTMLLIElement>) => {
          e.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
          e.dataTransfer.effectAllowed = "move";
          onDragStart(card);
        },
        onDragEnd,
      }
    : {};
  return (
    <li data-card-id={card.id} onKeyDown={onKeyDown} {...dragProps} style={{ listStyle: "none", opacity: dragging ? 0.5 : 1, cursor: movable ? "grab" : undefined }}>
      <Paper
        withBorder
        p="sm"
        radius="md"
        shadow="xs"
        style={card.overdue ? { borderLeft: "4px solid var(--mantine-color-red-9)" } : undefined}
      >
        <Stack gap={6}>
          <Anchor
            component={Link}
            to={taskUrl(teamId, card.id)}
            draggable={false}
            fw={600}
            size="sm"
            data-card-link={card.id}
            aria-describedby={movable ? hintId : undefined}
            style={{ overflowWrap: "break-word" }}
          >
            <Text span c="dimmed" size="sm" fw={600}>
              #{card.number}
            </Text>{" "}
            {card.title}
          </Anchor>
          {card.priority !== "NORMAL" || card.labels.length > 0 ? (
            <Group gap={4}>
              {card.priority !== "NORMAL" ? <PriorityBadge priority={card.priority} label /> : null}
              {card.labels.length > 0 ? (
                <>
                  <span className="visually-hidden">{t("taskViews.card.labels")}:</span>
                  {card.labels.map((label) => (
                    <Badge key={label} variant="outline" color="gray" radius="sm" tt="none" size="sm">
                      {label}
                    </Badge>
                  ))}
                </>
              ) : null}
            </Group>
          ) : null}
          <DueDate dueAt={card.dueAt} dueHasTime={card.dueHasTime} overdue={card.overdue} size="xs" />
          <Group gap={4} wrap="nowrap">
            <IconUser size={14} aria-hidden style={{ flex: "none" }} />
            <Text size="xs" c={card.assignee ? undefined : "dimmed"}>
              {card.assignee ? (
                <>
                  {/* The icon says "person" to the eye; screen readers get the words. */}
                  <span className="visually-hidden">{t("taskViews.card.assigneeLabel")} </span>
                  {card.assignee.name}
                </>
              ) : (
                t("taskViews.card.unassigned")
              )}
            </Text>
          </Group>
          {card.checklist.total > 0 ? (
            <Group gap={4} wrap="nowrap">
              <IconChecklist size={14} aria-hidden style={{ flex: "none" }} />
              <Text size="xs">{t("taskViews.card.checklist", { done: card.checklist.done, total: card.checklist.total })}</Text>
            </Group>
          ) : null}
          {card.status === "BLOCKED" && card.blockedReason ? (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconLock size={14} color="var(--mantine-color-orange-9)" aria-hidden style={{ flex: "none", marginTop: 2 }} />
              <Text size="xs" style={{ overflowWrap: "anywhere" }}>
                <strong>{t("taskViews.card.blockedReason")}</strong> {card.blockedReason}
              </Text>
            </Group>
          ) : null}
          {movable ? (
            <Group justify="flex-end">
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconArrowsMove size={14} aria-hidden />}
                aria-label={t("taskViews.card.moveLabel", { number: card.number })}
                aria-haspopup="dialog"
                data-card-move={card.id}
                onClick={() => onOpenMove(card)}
              >
                {t("taskViews.card.move")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
    </li>
  );
}
