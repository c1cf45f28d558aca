// Where a card goes, worked out in the browser: from a drop point, a keyboard shortcut or the
// "Przenieś" dialog, and the optimistic board while the server saves the move. Pure functions.
import type { MovePlace, TaskStatusValue } from "./board.schema";
import { TASK_STATUSES } from "./tasks.schema";

export type Move = { status: TaskStatusValue; place: MovePlace; afterId: string | null; blockedReason?: string | null };

type CardLike = { id: string; status: string; blockedReason: string | null };
type ColumnLike<C extends CardLike> = { status: TaskStatusValue; total: number; cards: C[] };

/** The move expressed by "after this card" (null = top of the column). */
export function moveAfter(status: TaskStatusValue, afterId: string | null): Move {
  return afterId ? { status, place: "after", afterId } : { status, place: "top", afterId: null };
}

/** The board with one card moved (what the user sees until the server's board arrives). */
export function applyMove<C extends CardLike, K extends ColumnLike<C>>(columns: K[], taskId: string, move: Move): K[] {
  const from = columns.find((c) => c.cards.some((card) => card.id === taskId));
  const card = from?.cards.find((c) => c.id === taskId);
  if (!from || !card) return columns;
  const moved = {
    ...card,
    status: move.status,
    blockedReason: move.status === "BLOCKED" ? (move.blockedReason ?? card.blockedReason) : null,
  } as C;
  return columns.map((col) => {
    let cards = col.cards.filter((c) => c.id !== taskId);
    let total = col.total - (col === from ? 1 : 0);
    if (col.status === move.status) {
      const at = move.place === "top" ? 0 : move.place === "bottom" ? cards.length : cards.findIndex((c) => c.id === move.afterId) + 1;
      cards = [...cards.slice(0, at), moved, ...cards.slice(at)];
      total += 1;
    }
    return { ...col, cards, total };
  });
}

/**
 * A drop at `index` among the column's cards without the dragged one. Null when the card would
 * stay where it is.
 */
export function dropMove<C extends CardLike>(column: ColumnLike<C>, draggedId: string, index: number, draggedStatus: string): Move | null {
  const others = column.cards.filter((c) => c.id !== draggedId);
  const afterId = index > 0 ? (others[Math.min(index, others.length) - 1]?.id ?? null) : null;
  if (draggedStatus === column.status) {
    const at = column.cards.findIndex((c) => c.id === draggedId);
    const before = at > 0 ? column.cards[at - 1].id : null;
    if (before === afterId) return null;
  }
  return moveAfter(column.status, afterId);
}

export type ArrowKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

/** Alt + arrows: left/right to the top of the neighbouring column, up/down one place. */
export function keyboardMove<C extends CardLike>(columns: ColumnLike<C>[], taskId: string, key: ArrowKey): Move | null {
  const ci = columns.findIndex((c) => c.cards.some((card) => card.id === taskId));
  if (ci < 0) return null;
  const cards = columns[ci].cards;
  const i = cards.findIndex((c) => c.id === taskId);
  const status = columns[ci].status;
  switch (key) {
    case "ArrowLeft":
    case "ArrowRight": {
      const target = TASK_STATUSES[TASK_STATUSES.indexOf(status) + (key === "ArrowLeft" ? -1 : 1)];
      return target ? { status: target, place: "top", afterId: null } : null;
    }
    case "ArrowUp":
      if (i === 0) return null;
      return moveAfter(status, i >= 2 ? cards[i - 2].id : null);
    case "ArrowDown":
      if (i === cards.length - 1) return null;
      return moveAfter(status, cards[i + 1].id);
  }
}

/** The move being saved, read back from the fetcher's form (for the optimistic board). */
export function moveFromForm(form: FormData | undefined): { taskId: string; move: Move } | null {
  if (!form || form.get("intent") !== "move") return null;
  const taskId = String(form.get("taskId") ?? "");
  const status = String(form.get("status") ?? "") as TaskStatusValue;
  const place = String(form.get("place") ?? "top") as MovePlace;
  if (!taskId || !TASK_STATUSES.includes(status)) return null;
  return { taskId, move: { status, place, afterId: String(form.get("afterId") ?? "") || null, blockedReason: String(form.get("blockedReason") ?? "") || null } };
}
