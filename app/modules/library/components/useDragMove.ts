// Drag-and-drop moving in the folder view (native HTML5 drag and drop): a row — file or folder —
// dragged onto a folder row or a breadcrumb posts the same "move" intent as the "Przenieś do…"
// dialog to the page's own action, so the server applies the same authorisation, audit, checks
// (not into itself or below, not over a name already there) and messages. The dialog stays the
// keyboard way to do it. Only rows of people who may edit content are draggable.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { useFetcher } from "@remix-run/react";
import { notifications } from "@mantine/notifications";
import { translateMessage } from "~/utils/i18n";
import { useT } from "~/utils/i18n-react";
import { descendantIds, type FolderLike } from "../library-tree";

/** Our own drag data type: other drags (files from the desktop, links, text) are left alone. */
export const DRAG_TYPE = "application/x-razem-library-item";

export type DragItem = { kind: "folder" | "document"; id: string; name: string };
/** A folder to drop on; `id: null` is the library's root. */
export type DropTarget = { id: string | null; name: string };

type ActionData = { ok: boolean; error: string | null; errors: Record<string, string | undefined> | null };

const keyOf = (target: DropTarget) => target.id ?? "root";

export type DragMove = ReturnType<typeof useDragMove>;

export function useDragMove({ enabled, currentFolderId, tree }: { enabled: boolean; currentFolderId: string | null; tree: FolderLike[] }) {
  const t = useT();
  const fetcher = useFetcher<ActionData>();
  const [dragged, setDragged] = useState<DragItem | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const pending = useRef<{ item: DragItem; target: DropTarget } | null>(null);
  const previousState = useRef(fetcher.state);

  // A folder cannot go into itself or anything below it; nothing needs to go where it already is.
  const excluded = useMemo(() => (dragged?.kind === "folder" ? new Set([dragged.id, ...descendantIds(tree, dragged.id)]) : new Set<string>()), [dragged, tree]);
  const canDrop = useCallback(
    (target: DropTarget) => !!dragged && target.id !== currentFolderId && !(target.id !== null && excluded.has(target.id)),
    [dragged, currentFolderId, excluded]
  );

  // The answer: the server's toast says "moved" (cookie, shown by the root); a refusal is shown
  // here, translated. Both are announced in the page's live region.
  useEffect(() => {
    const was = previousState.current;
    previousState.current = fetcher.state;
    if (was === "idle" || fetcher.state !== "idle" || !pending.current) return;
    const { item, target } = pending.current;
    pending.current = null;
    if (fetcher.data?.ok) {
      setAnnouncement(t("library.dnd.moved", { name: item.name, folder: target.name }));
    } else {
      const reason = translateMessage(t, fetcher.data?.error ?? "validation.invalid") ?? "";
      const message = t("library.dnd.failed", { name: item.name, reason });
      setAnnouncement(message);
      notifications.show({ message, color: "red", withBorder: true });
    }
  }, [fetcher.state, fetcher.data, t]);

  const end = useCallback(() => {
    setDragged(null);
    setOver(null);
  }, []);

  const move = useCallback(
    (item: DragItem, target: DropTarget) => {
      pending.current = { item, target };
      setAnnouncement(t("library.dnd.moving", { name: item.name, folder: target.name }));
      fetcher.submit({ intent: "move", kind: item.kind, id: item.id, targetFolderId: target.id ?? "root" }, { method: "post" });
    },
    [fetcher, t]
  );

  const ours = (e: DragEvent) => Array.from(e.dataTransfer.types).includes(DRAG_TYPE);

  /** Props for a draggable row (nothing when the person may not move things). */
  const sourceProps = (item: DragItem) =>
    enabled
      ? {
          draggable: true,
          "data-dragging": dragged?.id === item.id ? "true" : undefined,
          onDragStart: (e: DragEvent<HTMLElement>) => {
            e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(item));
            e.dataTransfer.setData("text/plain", item.name);
            e.dataTransfer.effectAllowed = "move";
            setDragged(item);
          },
          onDragEnd: end,
        }
      : {};

  /** Props for a folder row or a breadcrumb that takes drops. */
  const targetProps = (target: DropTarget) => {
    if (!enabled) return {};
    const accepts = (e: DragEvent) => ours(e) && canDrop(target);
    return {
      "data-drop-target": over === keyOf(target) ? "true" : undefined,
      onDragEnter: (e: DragEvent<HTMLElement>) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setOver(keyOf(target));
      },
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        if (over !== keyOf(target)) setOver(keyOf(target));
      },
      onDragLeave: (e: DragEvent<HTMLElement>) => {
        // Moving between the row's own cells is not leaving it.
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
        setOver((current) => (current === keyOf(target) ? null : current));
      },
      onDrop: (e: DragEvent<HTMLElement>) => {
        if (!accepts(e) || !dragged) return;
        e.preventDefault();
        const item = dragged;
        end();
        move(item, target);
      },
    };
  };

  const isOver = (target: DropTarget) => over === keyOf(target);
  /** The row on its way out (dimmed until the page reloads its list). */
  const submitted = fetcher.state !== "idle" ? fetcher.formData?.get("id") : null;
  const movingId = typeof submitted === "string" ? submitted : null;

  return { enabled, dragging: dragged, sourceProps, targetProps, isOver, movingId, announcement };
}

/** The highlight of a drop target under the pointer. */
export const dropTargetStyle = {
  background: "var(--mantine-primary-color-light)",
  outline: "2px dashed var(--mantine-primary-color-filled)",
  outlineOffset: -2,
} as const;
