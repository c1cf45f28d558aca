// The co-editing editor of a strategy draft: Tiptap (through @mantine/tiptap) bound to the Yjs
// document of a HocuspocusProvider on our own server's /collab. Client-only: the server renders a
// placeholder, the provider and the editor start in the browser.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { LibraryImagePicker } from "./LibraryImagePicker";
import {
  Alert,
  Avatar,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import { RichTextEditor, type RichTextEditorLabels } from "@mantine/tiptap";
import { HocuspocusProvider } from "@hocuspocus/provider";
import {
  IconAlertTriangle,
  IconMessagePlus,
  IconCloudCheck,
  IconCloudOff,
  IconLoader2,
  IconPhoto,
  IconTable,
  IconTableOff,
  IconColumnInsertRight,
  IconRowInsertBottom,
} from "@tabler/icons-react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Image from "@tiptap/extension-image";
import {
  Table,
  TableCell,
  TableHeader,
  TableRow,
} from "@tiptap/extension-table";
import {
  Extension,
  useEditor,
  useEditorState,
  type Editor,
} from "@tiptap/react";
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
} from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { useT } from "~/utils/i18n-react";
import classes from "./StrategyEditor.module.css";
import {
  caretColour,
  COLLAB_FIELD,
  COLLAB_PATH,
  countWords,
  draftDocumentName,
  plainTextOf,
} from "../collab-shared";
import {
  decodeRelative,
  encodeRelative,
  withAssociation,
  type CommentAnchor,
} from "../comment-anchors";
import {
  threadElementId,
  useDraftComments,
  type PendingComment,
} from "./DraftComments";

type Me = { id: string; name: string };
type Props = {
  draftId: string;
  workspaceId: string;
  me: Me;
  editable: boolean;
};

type Status = "connecting" | "saving" | "synced" | "offline" | "denied";

/** Client-only wrapper: the provider exists only in the browser. */
export function StrategyEditor(props: Props) {
  const t = useT();
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  useEffect(() => {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const p = new HocuspocusProvider({
      url: `${scheme}://${window.location.host}${COLLAB_PATH}`,
      name: draftDocumentName(props.draftId),
    });
    p.attach();
    setProvider(p);
    return () => {
      p.destroy();
      p.configuration.websocketProvider.destroy();
    };
  }, [props.draftId]);
  if (!provider) {
    return (
      <Paper withBorder p="lg" aria-busy="true">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text>{t("strategy.editor.loading")}</Text>
        </Group>
      </Paper>
    );
  }
  return <CollaborativeEditor {...props} provider={provider} />;
}

/** The connection's state, and whether the server made it read-only (e.g. a role lowered meanwhile). */
function useConnection(provider: HocuspocusProvider): {
  status: Status;
  readOnly: boolean;
} {
  const [socket, setSocket] = useState<
    "connecting" | "connected" | "disconnected"
  >("connecting");
  const [synced, setSynced] = useState(provider.isSynced);
  const [unsynced, setUnsynced] = useState(provider.unsyncedChanges);
  const [denied, setDenied] = useState(false);
  const [readOnly, setReadOnly] = useState(
    provider.authorizedScope === "readonly"
  );
  useEffect(() => {
    const onStatus = ({
      status,
    }: {
      status: "connecting" | "connected" | "disconnected";
    }) => {
      setSocket(status);
      if (status !== "connected") setSynced(false);
    };
    const onSynced = ({ state }: { state: boolean }) => setSynced(state);
    const onUnsynced = ({ number }: { number: number }) => setUnsynced(number);
    const onDenied = () => setDenied(true);
    const onAuthenticated = ({ scope }: { scope: string }) => {
      setDenied(false);
      setReadOnly(scope === "readonly");
    };
    provider.on("status", onStatus);
    provider.on("synced", onSynced);
    provider.on("unsyncedChanges", onUnsynced);
    provider.on("authenticationFailed", onDenied);
    provider.on("authenticated", onAuthenticated);
    return () => {
      provider.off("status", onStatus);
      provider.off("synced", onSynced);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("authenticationFailed", onDenied);
      provider.off("authenticated", onAuthenticated);
    };
  }, [provider]);
  const status: Status = denied
    ? "denied"
    : socket === "disconnected"
    ? "offline"
    : socket === "connecting" || !synced
    ? "connecting"
    : unsynced > 0
    ? "saving"
    : "synced";
  return { status, readOnly };
}

type Heading = { level: number; text: string; pos: number };

function headingsOf(editor: Editor): Heading[] {
  const out: Heading[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === "heading") {
      out.push({
        level: Number(node.attrs.level) || 1,
        text: node.textContent,
        pos,
      });
      return false;
    }
    return true;
  });
  return out;
}

/** Library images only: the preview/download routes of this workspace, same origin. */
function libraryImageUrl(input: string, workspaceId: string): string | null {
  try {
    const url = new URL(input, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    const pattern = new RegExp(
      `^/przestrzenie/${workspaceId}/pliki/[^/]+/v/\\d+/(podglad|pobierz)$`
    );
    return pattern.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}

// ——— Comments: highlights of open threads, and the selection turned into an anchor ———

type Highlight = { id: string } & CommentAnchor;
type YSyncState = {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: {
    mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
  };
};
type HighlightSource = {
  highlights: () => Highlight[];
  activeId: () => string | null;
  onClick: (id: string) => void;
  title: () => string;
};

const commentsKey = new PluginKey<DecorationSet>("strategyComments");

function ySync(state: EditorState): YSyncState | null {
  const y = ySyncPluginKey.getState(state) as Partial<YSyncState> | undefined;
  return y?.doc && y.type && y.binding ? (y as YSyncState) : null;
}

/** Where an anchor is in the editor's document now, or null when its text is gone. */
function rangeOfAnchor(
  doc: PmNode,
  y: YSyncState | null,
  anchor: CommentAnchor
): { from: number; to: number } | null {
  const start = decodeRelative(anchor.anchorStart);
  const end = decodeRelative(anchor.anchorEnd);
  if (!y || !start || !end) return null;
  const from = relativePositionToAbsolutePosition(
    y.doc,
    y.type,
    start,
    y.binding.mapping
  );
  const to = relativePositionToAbsolutePosition(
    y.doc,
    y.type,
    end,
    y.binding.mapping
  );
  const size = doc.content.size;
  if (from === null || to === null || to <= from || from < 0 || to > size)
    return null;
  return { from, to };
}

/** The selected range as an anchor (start sticks to its first character, end to its last) and its text. */
function pendingOfRange(
  state: EditorState,
  range: { from: number; to: number }
): PendingComment | null {
  const y = ySync(state);
  if (!y) return null;
  const start = absolutePositionToRelativePosition(
    range.from,
    y.type,
    y.binding.mapping
  );
  const end = absolutePositionToRelativePosition(
    range.to,
    y.type,
    y.binding.mapping
  );
  if (!start || !end) return null;
  const quote = state.doc
    .textBetween(range.from, range.to, " ", " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 500);
  return {
    anchorStart: encodeRelative(withAssociation(y.doc, start, 0)),
    anchorEnd: encodeRelative(withAssociation(y.doc, end, -1)),
    quote,
  };
}

/** `y` from any state of the editor: the binding (and its live mapping) never changes. */
function highlightDecorations(
  doc: PmNode,
  y: YSyncState | null,
  source: HighlightSource
): DecorationSet {
  const active = source.activeId();
  const decorations: Decoration[] = [];
  for (const h of source.highlights()) {
    const range = rangeOfAnchor(doc, y, h);
    if (!range) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class:
          h.id === active ? "comment-highlight is-active" : "comment-highlight",
        "data-thread-id": h.id,
        title: source.title(),
        "aria-describedby": threadElementId(h.id),
      })
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Highlights of open threads, recomputed from their anchors when the threads or the active one
 * change and when a change comes from Yjs (someone else's edit); local edits map them along.
 * A click on a highlight opens its thread in the panel (also in a read-only editor).
 */
function commentHighlights(source: HighlightSource) {
  return Extension.create({
    name: "strategyCommentHighlights",
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key: commentsKey,
          state: {
            init: () => DecorationSet.empty,
            apply: (tr, set, oldState, newState) => {
              if (
                tr.getMeta(commentsKey) ||
                (tr.docChanged && tr.getMeta(ySyncPluginKey) !== undefined)
              )
                return highlightDecorations(
                  newState.doc,
                  ySync(oldState),
                  source
                );
              return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
            },
          },
          props: {
            decorations: (state) => commentsKey.getState(state),
            handleDOMEvents: {
              click: (_view, event) => {
                const el =
                  event.target instanceof Element
                    ? event.target.closest("[data-thread-id]")
                    : null;
                const id = el?.getAttribute("data-thread-id");
                if (id) source.onClick(id);
                return false;
              },
            },
          },
        }),
      ];
    },
  });
}

/** The non-empty selection inside the editor: the browser's (works read-only too) or ProseMirror's. */
function selectedRange(view: EditorView): { from: number; to: number } | null {
  const selection =
    typeof window !== "undefined" ? window.getSelection() : null;
  if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
    const r = selection.getRangeAt(0);
    if (
      view.dom.contains(r.startContainer) &&
      view.dom.contains(r.endContainer)
    ) {
      try {
        const from = view.posAtDOM(r.startContainer, r.startOffset);
        const to = view.posAtDOM(r.endContainer, r.endOffset);
        if (to > from) return { from, to };
      } catch {
        /* outside the document's content */
      }
    }
  }
  const { from, to, empty } = view.state.selection;
  return empty ? null : { from, to };
}

function CollaborativeEditor({
  provider,
  me,
  editable: mayEdit,
  workspaceId,
}: Props & { provider: HocuspocusProvider }) {
  const t = useT();
  const { status, readOnly } = useConnection(provider);
  const editable = mayEdit && !readOnly;
  const colour = caretColour(me.id);
  const comments = useDraftComments();
  const canComment = !!comments?.data.canComment;
  // The highlight plugin reads the latest threads through refs (it is created once per editor).
  const highlightsRef = useRef<Highlight[]>([]);
  const activeRef = useRef<string | null>(null);
  const commentsRef = useRef(comments);
  const titleRef = useRef("");
  highlightsRef.current = comments?.highlights ?? [];
  activeRef.current = comments?.focus?.id ?? null;
  commentsRef.current = comments;
  titleRef.current = t("strategyComments.highlightTitle");
  const highlightExtension = useMemo(
    () =>
      commentHighlights({
        highlights: () => highlightsRef.current,
        activeId: () => activeRef.current,
        onClick: (id) => commentsRef.current?.focusThread(id, "editor"),
        title: () => titleRef.current,
      }),
    []
  );
  const extensions = useMemo(
    () => [
      // Collaboration brings Yjs's own undo/redo; the starter kit's history would fight it.
      StarterKit.configure({
        undoRedo: false,
        heading: { levels: [1, 2, 3] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ["http", "https"],
        },
      }),
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
      Image.configure({ inline: false, allowBase64: false }),
      Collaboration.configure({
        document: provider.document,
        field: COLLAB_FIELD,
      }),
      CollaborationCaret.configure({
        provider,
        user: { name: me.name, color: colour, id: me.id },
      }),
      highlightExtension,
    ],
    [provider, me.name, me.id, colour, highlightExtension]
  );
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions,
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("strategy.editor.bodyLabel"),
          ...(editable ? {} : { "aria-readonly": "true" }),
        },
      },
    },
    [extensions]
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  // Redraw the highlights when the threads or the active thread change.
  const highlights = comments?.highlights;
  const activeId = comments?.focus?.id ?? null;
  useEffect(() => {
    if (editor && !editor.isDestroyed)
      editor.view.dispatch(editor.state.tr.setMeta(commentsKey, true));
  }, [editor, highlights, activeId]);

  // The panel's "Pokaż w tekście": select the thread's range and bring it into view.
  useEffect(() => {
    if (!comments || !editor) return;
    const bridge = comments.bridge;
    bridge.current = {
      showThread: (id) => {
        if (editor.isDestroyed) return false;
        const h = highlightsRef.current.find((x) => x.id === id);
        const range = h
          ? rangeOfAnchor(editor.state.doc, ySync(editor.state), h)
          : null;
        if (!range) return false;
        const { view } = editor;
        view.dispatch(
          view.state.tr.setSelection(
            TextSelection.create(view.state.doc, range.from, range.to)
          )
        );
        const at = view.domAtPos(range.from);
        const el = at.node instanceof Element ? at.node : at.node.parentElement;
        el?.scrollIntoView({ behavior: "smooth", block: "center" });
        if (view.editable) {
          view.focus();
        } else {
          // A read-only editor has no caret: show the range as the browser's selection.
          const start = view.domAtPos(range.from);
          const end = view.domAtPos(range.to);
          const dom = document.createRange();
          dom.setStart(start.node, start.offset);
          dom.setEnd(end.node, end.offset);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(dom);
        }
        return true;
      },
    };
    return () => {
      bridge.current = null;
    };
  }, [comments, editor]);

  // "Skomentuj": the selection (toolbar, the button next to it, Ctrl+Alt+M) becomes a new thread's form.
  const wrapRef = useRef<HTMLDivElement>(null);
  const [bubble, setBubble] = useState<{ top: number; left: number } | null>(
    null
  );
  const [hint, setHint] = useState(false);
  const startComment = useCallback(() => {
    if (!editor || editor.isDestroyed || !commentsRef.current?.data.canComment)
      return;
    const range = selectedRange(editor.view);
    const pending = range ? pendingOfRange(editor.state, range) : null;
    if (!pending) return setHint(true);
    setHint(false);
    setBubble(null);
    commentsRef.current.startComment(pending);
  }, [editor]);
  useEffect(() => {
    if (!editor || !canComment) return;
    const onSelection = () => {
      if (editor.isDestroyed || !wrapRef.current) return;
      const range = selectedRange(editor.view);
      if (!range) return setBubble(null);
      setHint(false);
      try {
        const end = editor.view.coordsAtPos(range.to);
        const box = wrapRef.current.getBoundingClientRect();
        setBubble({
          top: end.bottom - box.top,
          left: Math.min(Math.max(end.left - box.left, 60), box.width - 60),
        });
      } catch {
        setBubble(null);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (
        !(event.ctrlKey || event.metaKey) ||
        !event.altKey ||
        event.code !== "KeyM"
      )
        return;
      const inEditor =
        !!wrapRef.current?.contains(document.activeElement) ||
        !!selectedRange(editor.view);
      if (!inEditor) return;
      event.preventDefault();
      startComment();
    };
    document.addEventListener("selectionchange", onSelection);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("selectionchange", onSelection);
      document.removeEventListener("keydown", onKey);
    };
  }, [editor, canComment, startComment]);

  const derived = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            headings: headingsOf(e),
            words: countWords(plainTextOf(e.getJSON())),
          }
        : null,
  }) ?? { headings: [] as Heading[], words: 0 };

  const presence = usePresence(provider);

  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t("teams.richText.bold"),
    italicControlLabel: t("teams.richText.italic"),
    underlineControlLabel: t("teams.richText.underline"),
    h1ControlLabel: t("strategy.editor.h1"),
    h2ControlLabel: t("strategy.editor.h2"),
    h3ControlLabel: t("strategy.editor.h3"),
    blockquoteControlLabel: t("strategy.editor.blockquote"),
    hrControlLabel: t("strategy.editor.hr"),
    bulletListControlLabel: t("teams.richText.bulletList"),
    orderedListControlLabel: t("teams.richText.orderedList"),
    linkControlLabel: t("teams.richText.link"),
    unlinkControlLabel: t("teams.richText.unlink"),
    clearFormattingControlLabel: t("teams.richText.clear"),
    undoControlLabel: t("strategy.editor.undo"),
    redoControlLabel: t("strategy.editor.redo"),
    linkEditorInputLabel: t("teams.richText.linkInput"),
    linkEditorInputPlaceholder: "https://",
    linkEditorExternalLink: t("teams.richText.linkExternal"),
    linkEditorInternalLink: t("teams.richText.linkInternal"),
    linkEditorSave: t("teams.richText.linkSave"),
  };

  const [imagePickerOpen, setImagePickerOpen] = useState(false);
  const insertImage = () => setImagePickerOpen(true);
  const pickImage = ({ src, alt }: { src: string; alt: string }) => {
    setImagePickerOpen(false);
    // Only this workspace's library addresses (the picker gives nothing else; defence in depth).
    const safe = libraryImageUrl(src, workspaceId);
    if (safe) editor?.chain().focus().setImage({ src: safe, alt }).run();
  };

  const goTo = (pos: number) => {
    if (!editor) return;
    const dom = editor.view.nodeDOM(pos);
    if (dom instanceof HTMLElement)
      dom.scrollIntoView({ behavior: "smooth", block: "start" });
    editor
      .chain()
      .focus()
      .setTextSelection(pos + 1)
      .run();
  };

  return (
    <Stack gap="sm">
      <LibraryImagePicker workspaceId={workspaceId} opened={imagePickerOpen} onClose={() => setImagePickerOpen(false)} onPick={pickImage} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <StatusBadge status={status} />
        <Group gap="xs" aria-label={t("strategy.editor.presence")} role="group">
          <Text size="sm" c="dimmed">
            {t("strategy.editor.presence")}:
          </Text>
          <Avatar.Group spacing={4}>
            {presence.map((p) => (
              <Tooltip
                key={p.id}
                label={
                  p.id === me.id
                    ? t("strategy.editor.presenceYou", { name: p.name })
                    : p.name
                }
                withArrow
              >
                <Avatar
                  radius="xl"
                  size="md"
                  color={p.color}
                  variant="filled"
                  aria-label={p.name}
                  role="img"
                >
                  {initials(p.name)}
                </Avatar>
              </Tooltip>
            ))}
          </Avatar.Group>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("strategy.editor.words", { count: derived.words })}
          </Text>
        </Group>
      </Group>
      {!editable ? (
        <Alert color="blue" variant="light">
          {t("strategy.editor.readOnly")}
        </Alert>
      ) : null}
      <Group
        align="flex-start"
        gap="md"
        wrap="nowrap"
        style={{ alignItems: "flex-start" }}
      >
        <RichTextEditor
          editor={editor}
          labels={labels}
          className={classes.editor}
          style={{ flex: 1, minWidth: 0 }}
        >
          {editable || canComment ? (
            <RichTextEditor.Toolbar
              sticky
              stickyOffset={60}
              aria-label={t("strategy.editor.toolbar")}
              role="toolbar"
            >
              {canComment ? (
                <RichTextEditor.ControlsGroup>
                  <RichTextEditor.Control
                    onClick={startComment}
                    aria-label={t("strategyComments.commentHint")}
                    title={t("strategyComments.commentHint")}
                    aria-keyshortcuts="Control+Alt+M"
                  >
                    <IconMessagePlus size={16} stroke={1.5} aria-hidden />
                    <Text component="span" size="xs" ml={4}>
                      {t("strategyComments.comment")}
                    </Text>
                  </RichTextEditor.Control>
                </RichTextEditor.ControlsGroup>
              ) : null}
              {editable ? (
                <>
                  <RichTextEditor.ControlsGroup>
                    <RichTextEditor.Bold />
                    <RichTextEditor.Italic />
                    <RichTextEditor.Underline />
                    <RichTextEditor.ClearFormatting />
                  </RichTextEditor.ControlsGroup>
                  <RichTextEditor.ControlsGroup>
                    <RichTextEditor.H1 />
                    <RichTextEditor.H2 />
                    <RichTextEditor.H3 />
                  </RichTextEditor.ControlsGroup>
                  <RichTextEditor.ControlsGroup>
                    <RichTextEditor.BulletList />
                    <RichTextEditor.OrderedList />
                    <RichTextEditor.Blockquote />
                    <RichTextEditor.Hr />
                  </RichTextEditor.ControlsGroup>
                  <RichTextEditor.ControlsGroup>
                    <RichTextEditor.Link />
                    <RichTextEditor.Unlink />
                  </RichTextEditor.ControlsGroup>
                  <RichTextEditor.ControlsGroup>
                    <RichTextEditor.Control
                      onClick={() =>
                        editor
                          ?.chain()
                          .focus()
                          .insertTable({
                            rows: 3,
                            cols: 3,
                            withHeaderRow: true,
                          })
                          .run()
                      }
                      aria-label={t("strategy.editor.insertTable")}
                      title={t("strategy.editor.insertTable")}
                    >
                      <IconTable size={16} stroke={1.5} aria-hidden />
                    </RichTextEditor.Control>
                    <RichTextEditor.Control
                      onClick={() =>
                        editor?.chain().focus().addRowAfter().run()
                      }
                      aria-label={t("strategy.editor.addRow")}
                      title={t("strategy.editor.addRow")}
                      disabled={!editor?.can().addRowAfter()}
                    >
                      <IconRowInsertBottom size={16} stroke={1.5} aria-hidden />
                    </RichTextEditor.Control>
                    <RichTextEditor.Control
                      onClick={() =>
                        editor?.chain().focus().addColumnAfter().run()
                      }
                      aria-label={t("strategy.editor.addColumn")}
                      title={t("strategy.editor.addColumn")}
                      disabled={!editor?.can().addColumnAfter()}
                    >
                      <IconColumnInsertRight
                        size={16}
                        stroke={1.5}
                        aria-hidden
                      />
                    </RichTextEditor.Control>
                    <RichTextEditor.Control
                      onClick={() =>
                        editor?.chain().focus().deleteTable().run()
                      }
                      aria-label={t("strategy.editor.deleteTable")}
                      title={t("strategy.editor.deleteTable")}
                      disabled={!editor?.can().deleteTable()}
                    >
                      <IconTableOff size={16} stroke={1.5} aria-hidden />
                    </RichTextEditor.Control>
                    <RichTextEditor.Control
                      onClick={insertImage}
                      aria-label={t("strategy.editor.insertImage")}
                      title={t("strategy.editor.insertImage")}
                    >
                      <IconPhoto size={16} stroke={1.5} aria-hidden />
                    </RichTextEditor.Control>
                  </RichTextEditor.ControlsGroup>
                  <RichTextEditor.ControlsGroup>
                    <RichTextEditor.Undo />
                    <RichTextEditor.Redo />
                  </RichTextEditor.ControlsGroup>
                </>
              ) : null}
            </RichTextEditor.Toolbar>
          ) : null}
          {hint ? (
            <Alert
              color="yellow"
              variant="light"
              role="status"
              m="xs"
              withCloseButton
              onClose={() => setHint(false)}
              closeButtonLabel={t("form.close")}
            >
              {t("strategyComments.selectFirst")}
            </Alert>
          ) : null}
          <div ref={wrapRef} className={classes.editorWrap}>
            <RichTextEditor.Content mih={400} />
            {bubble && canComment ? (
              <Button
                className={classes.bubble}
                style={{ top: bubble.top, left: bubble.left }}
                size="compact-sm"
                leftSection={<IconMessagePlus size={14} aria-hidden />}
                onMouseDown={(event) => event.preventDefault()}
                onClick={startComment}
                title={t("strategyComments.commentHint")}
                aria-keyshortcuts="Control+Alt+M"
              >
                {t("strategyComments.comment")}
              </Button>
            ) : null}
          </div>
        </RichTextEditor>
        <Paper
          component="nav"
          aria-label={t("strategy.editor.tocLabel")}
          withBorder
          p="sm"
          w={240}
          visibleFrom="md"
          style={{ position: "sticky", top: 70, flexShrink: 0 }}
        >
          <Text fw={700} size="sm" mb="xs">
            {t("strategy.editor.toc")}
          </Text>
          {derived.headings.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("strategy.editor.tocEmpty")}
            </Text>
          ) : (
            <Stack
              gap={2}
              component="ol"
              style={{ listStyle: "none", margin: 0, padding: 0 }}
            >
              {derived.headings.map((h) => (
                <li key={h.pos} style={{ paddingLeft: (h.level - 1) * 12 }}>
                  <UnstyledButton
                    onClick={() => goTo(h.pos)}
                    fz="sm"
                    fw={h.level === 1 ? 600 : 400}
                    style={{ textDecoration: "underline" }}
                  >
                    {h.text || "…"}
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
      </Group>
    </Stack>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

type Person = { id: string; name: string; color: string };

/** Who is here now, from awareness (names come from the server's session, not the client). */
function usePresence(provider: HocuspocusProvider): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const update = () => {
      const seen = new Map<string, Person>();
      for (const state of awareness.getStates().values()) {
        const u = (state as { user?: Partial<Person> }).user;
        if (u?.id && u.name && !seen.has(u.id))
          seen.set(u.id, {
            id: u.id,
            name: u.name,
            color: u.color ?? "#495057",
          });
      }
      setPeople([...seen.values()]);
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider]);
  return people;
}

function StatusBadge({ status }: { status: Status }) {
  const t = useT();
  const look: Record<Status, { color: string; icon: JSX.Element }> = {
    synced: { color: "green", icon: <IconCloudCheck size={14} aria-hidden /> },
    saving: { color: "blue", icon: <IconLoader2 size={14} aria-hidden /> },
    connecting: {
      color: "yellow",
      icon: <IconLoader2 size={14} aria-hidden />,
    },
    offline: { color: "orange", icon: <IconCloudOff size={14} aria-hidden /> },
    denied: { color: "red", icon: <IconAlertTriangle size={14} aria-hidden /> },
  };
  return (
    <Badge
      role="status"
      aria-live="polite"
      size="lg"
      variant="light"
      color={look[status].color}
      leftSection={look[status].icon}
      tt="none"
    >
      {t(`strategy.editor.status.${status}`)}
    </Badge>
  );
}
