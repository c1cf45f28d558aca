// The comments of a strategy draft: a context shared by the editor (highlights, "Skomentuj") and
// the side panel (threads, replies, resolve/reopen, edit/delete own, @mentions). Every form posts
// with a fetcher to the editor page's own action (`intent` = comment.*); Remix's revalidation then
// brings the new list, and the editor redraws its highlights from it.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
} from "react";
import { useFetcher, useLocation } from "@remix-run/react";
import {
  Alert,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import {
  IconCheck,
  IconMessageCircle,
  IconPencil,
  IconRefresh,
  IconTrash,
  IconTextScan2,
} from "@tabler/icons-react";
import { CommentBody } from "~/modules/comments/components/CommentBody";
import {
  MentionTextarea,
  type Mentionable,
} from "~/modules/comments/components/MentionTextarea";
import { COMMENT_MAX } from "~/modules/comments/comments.schema";
import {
  toEditableText,
  toStoredBody,
  type MentionPerson,
} from "~/modules/comments/mentions";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import type { CommentAnchor } from "../comment-anchors";
import type { DraftCommentActionData } from "../comments.server";
import classes from "./StrategyEditor.module.css";

type Dateish = string | Date;
export type CommentItemView = {
  id: string;
  body: string | null;
  author: { id: string; name: string; institutionShortName: string | null };
  createdAt: Dateish;
  editedAt: Dateish | null;
  canEdit: boolean;
  canDelete: boolean;
};
export type ThreadView = {
  id: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string;
  resolved: { at: Dateish; by: string | null } | null;
  root: CommentItemView;
  replies: CommentItemView[];
  canResolve: boolean;
};
export type DraftCommentsView = {
  threads: ThreadView[];
  openTotal: number;
  resolvedTotal: number;
  canComment: boolean;
  archived: boolean;
  mentionable: Mentionable[];
};

/** A range chosen in the editor, waiting for its first comment. */
export type PendingComment = CommentAnchor & { quote: string };

/** What the editor offers the panel: show a thread's range (false when its text is gone). */
export type EditorBridge = { showThread: (threadId: string) => boolean };

type Focus = { id: string; from: "editor" | "panel"; seq: number } | null;

type CommentsContext = {
  data: DraftCommentsView;
  /** Open threads with an anchor: what the editor highlights. */
  highlights: { id: string; anchorStart: string; anchorEnd: string }[];
  focus: Focus;
  focusThread: (id: string | null, from: "editor" | "panel") => void;
  pending: PendingComment | null;
  startComment: (pending: PendingComment) => void;
  cancelComment: () => void;
  bridge: MutableRefObject<EditorBridge | null>;
};

const Context = createContext<CommentsContext | null>(null);

/** The editor and the panel read the comments from here; null outside a provider (no comments). */
export function useDraftComments(): CommentsContext | null {
  return useContext(Context);
}

export const threadElementId = (id: string) => `komentarz-${id}`;

export function DraftCommentsProvider({
  comments,
  children,
}: {
  comments: DraftCommentsView;
  children: ReactNode;
}) {
  const [focus, setFocus] = useState<Focus>(null);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const bridge = useRef<EditorBridge | null>(null);
  const seq = useRef(0);
  const focusThread = useCallback(
    (id: string | null, from: "editor" | "panel") => {
      seq.current += 1;
      setFocus(id ? { id, from, seq: seq.current } : null);
      if (id && from === "panel") bridge.current?.showThread(id);
    },
    []
  );
  const highlights = useMemo(
    () =>
      comments.threads
        .filter((t) => !t.resolved && t.anchorStart && t.anchorEnd)
        .map((t) => ({
          id: t.id,
          anchorStart: t.anchorStart as string,
          anchorEnd: t.anchorEnd as string,
        })),
    [comments.threads]
  );
  const value = useMemo<CommentsContext>(
    () => ({
      data: comments,
      highlights,
      focus,
      focusThread,
      pending,
      startComment: (p) => setPending(p),
      cancelComment: () => setPending(null),
      bridge,
    }),
    [comments, highlights, focus, focusThread, pending]
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** A fetcher that calls `onDone` once after each successful answer. */
function useCommentFetcher(onDone: (data: DraftCommentActionData) => void) {
  const fetcher = useFetcher<DraftCommentActionData>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (
      previous.current !== "idle" &&
      fetcher.state === "idle" &&
      fetcher.data?.ok
    )
      onDone(fetcher.data);
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onDone]);
  return fetcher;
}

type Filter = "open" | "resolved";

/** The side panel. Render inside DraftCommentsProvider. */
export function DraftComments() {
  const ctx = useDraftComments();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const [filter, setFilter] = useState<Filter>("open");
  const panelRef = useRef<HTMLElement>(null);
  const data = ctx?.data;
  const focus = ctx?.focus ?? null;

  // A notification's link (#komentarz-…): show that thread, after hydration only.
  const focusThread = ctx?.focusThread;
  useEffect(() => {
    if (!data || !focusThread || !location.hash.startsWith("#komentarz-"))
      return;
    const id = decodeURIComponent(location.hash.slice("#komentarz-".length));
    const thread = data.threads.find((th) => th.id === id);
    if (!thread) return;
    setFilter(thread.resolved ? "resolved" : "open");
    focusThread(id, "editor");
    // Only when the address changes, not on every revalidation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.hash]);

  // A highlight clicked in the text: show its thread and move focus to it.
  useEffect(() => {
    if (!focus || focus.from !== "editor") return;
    const thread = data?.threads.find((th) => th.id === focus.id);
    if (thread) setFilter(thread.resolved ? "resolved" : "open");
    window.requestAnimationFrame(() => {
      const el = document.getElementById(threadElementId(focus.id));
      el?.scrollIntoView({ behavior: "smooth", block: "nearest" });
      el?.focus({ preventScroll: true });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq]);

  // "Skomentuj": the form opens at the top of the open threads.
  const pending = ctx?.pending ?? null;
  useEffect(() => {
    if (!pending) return;
    setFilter("open");
    panelRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [pending]);

  if (!ctx || !data) return null;
  const shown = data.threads.filter((th) =>
    filter === "open" ? !th.resolved : !!th.resolved
  );
  const total = filter === "open" ? data.openTotal : data.resolvedTotal;
  return (
    <Paper
      component="section"
      ref={panelRef}
      withBorder
      p="sm"
      className={classes.commentsPanel}
      aria-labelledby="komentarze-naglowek"
      id="komentarze"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="komentarze-naglowek">
          {t("strategyComments.title")}
        </Title>
        <SegmentedControl
          fullWidth
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          aria-label={t("strategyComments.filterLabel")}
          data={[
            {
              value: "open",
              label: t("strategyComments.filter.open", {
                count: formatNumber(data.openTotal, locale),
              }),
            },
            {
              value: "resolved",
              label: t("strategyComments.filter.resolved", {
                count: formatNumber(data.resolvedTotal, locale),
              }),
            },
          ]}
        />
        {data.archived ? (
          <Alert color="gray" variant="light">
            {t("strategyComments.archived")}
          </Alert>
        ) : null}
        {pending && filter === "open" ? (
          <NewThreadForm pending={pending} people={data.mentionable} />
        ) : null}
        {shown.length === 0 ? (
          pending && filter === "open" ? null : (
            <Text size="sm" c="dimmed">
              {filter === "resolved"
                ? t("strategyComments.emptyResolved")
                : data.canComment
                ? t("strategyComments.empty")
                : t("strategyComments.emptyReadOnly")}
            </Text>
          )
        ) : (
          <Stack
            component="ol"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
          >
            {shown.map((thread) => (
              <ThreadCard
                key={thread.id}
                thread={thread}
                active={focus?.id === thread.id}
                canComment={data.canComment}
                people={data.mentionable}
              />
            ))}
          </Stack>
        )}
        {shown.length < total ? (
          <Text size="xs" c="dimmed">
            {t("strategyComments.limited", {
              shown: formatNumber(shown.length, locale),
              total: formatNumber(total, locale),
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ThreadCard({
  thread,
  active,
  canComment,
  people,
}: {
  thread: ThreadView;
  active: boolean;
  canComment: boolean;
  people: Mentionable[];
}) {
  const t = useT();
  const locale = useLocale();
  const ctx = useDraftComments();
  const [replying, setReplying] = useState(false);
  const [gone, setGone] = useState(false);
  const headingId = `${threadElementId(thread.id)}-cytat`;
  const show = () => {
    if (!ctx) return;
    ctx.focusThread(thread.id, "panel");
    setGone(!!ctx.bridge.current && !ctx.bridge.current.showThread(thread.id));
  };
  return (
    <Box
      component="li"
      id={threadElementId(thread.id)}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-current={active ? "true" : undefined}
      className={classes.thread}
    >
      <Paper
        withBorder
        p="sm"
        radius="md"
        className={active ? classes.threadActive : undefined}
      >
        <Stack gap={6}>
          {thread.quote ? (
            <Text
              id={headingId}
              component="blockquote"
              size="sm"
              fs="italic"
              m={0}
              className={classes.quote}
            >
              <span className={classes.visuallyHidden}>
                {t("strategyComments.quoteLabel")}:{" "}
              </span>
              „{thread.quote}”
            </Text>
          ) : (
            <span id={headingId} className={classes.visuallyHidden}>
              {t("strategyComments.thread", { quote: "" })}
            </span>
          )}
          {!thread.resolved && thread.anchorStart ? (
            <Group gap="xs">
              <Button
                variant="subtle"
                size="compact-xs"
                leftSection={<IconTextScan2 size={14} aria-hidden />}
                onClick={show}
              >
                {t("strategyComments.showInText")}
              </Button>
              {gone ? (
                <Text size="xs" c="dimmed" role="status">
                  {t("strategyComments.quoteGone")}
                </Text>
              ) : null}
            </Group>
          ) : null}
          <CommentView comment={thread.root} people={people} />
          {thread.replies.length > 0 ? (
            <Stack
              component="ol"
              gap={6}
              m={0}
              pl="sm"
              aria-label={t("strategyComments.replies")}
              className={classes.replies}
            >
              {thread.replies.map((r) => (
                <Box component="li" key={r.id} id={threadElementId(r.id)}>
                  <CommentView comment={r} people={people} />
                </Box>
              ))}
            </Stack>
          ) : null}
          {thread.resolved ? (
            <Text size="xs" c="dimmed">
              <IconCheck size={12} aria-hidden />{" "}
              {thread.resolved.by
                ? t("strategyComments.resolvedBy", {
                    time: formatDateTime(thread.resolved.at, locale),
                    name: thread.resolved.by,
                  })
                : t("strategyComments.resolvedAt", {
                    time: formatDateTime(thread.resolved.at, locale),
                  })}
            </Text>
          ) : null}
          {replying ? (
            <CommentForm
              intent="comment.reply"
              fields={{ threadId: thread.id }}
              initialBody=""
              people={people}
              label={t("strategyComments.form.replyLabel")}
              submit={t("strategyComments.reply")}
              onDone={() => setReplying(false)}
              onCancel={() => setReplying(false)}
              autoFocus
            />
          ) : (
            <Group gap="xs">
              {canComment ? (
                <Button
                  variant="light"
                  size="compact-xs"
                  leftSection={<IconMessageCircle size={14} aria-hidden />}
                  onClick={() => setReplying(true)}
                >
                  {t("strategyComments.reply")}
                </Button>
              ) : null}
              {thread.canResolve ? (
                <ResolveButton
                  threadId={thread.id}
                  resolved={!!thread.resolved}
                />
              ) : null}
            </Group>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}

function ResolveButton({
  threadId,
  resolved,
}: {
  threadId: string;
  resolved: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<DraftCommentActionData>();
  return (
    <fetcher.Form method="post">
      <input
        type="hidden"
        name="intent"
        value={resolved ? "comment.reopen" : "comment.resolve"}
      />
      <input type="hidden" name="threadId" value={threadId} />
      <Button
        type="submit"
        variant="default"
        size="compact-xs"
        loading={fetcher.state !== "idle"}
        leftSection={
          resolved ? (
            <IconRefresh size={14} aria-hidden />
          ) : (
            <IconCheck size={14} aria-hidden />
          )
        }
      >
        {resolved
          ? t("strategyComments.reopen")
          : t("strategyComments.resolve")}
      </Button>
    </fetcher.Form>
  );
}

function CommentView({
  comment,
  people,
}: {
  comment: CommentItemView;
  people: Mentionable[];
}) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const created = new Date(comment.createdAt);
  if (comment.body === null) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t("strategyComments.deleted")}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap" align="baseline">
        <Text size="sm" fw={700} component="span">
          {comment.author.name}
        </Text>
        {comment.author.institutionShortName ? (
          <Text size="xs" c="dimmed" component="span">
            {comment.author.institutionShortName}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" component="span">
          <time dateTime={created.toISOString()}>
            {formatDateTime(created, locale)}
          </time>
        </Text>
        {comment.editedAt ? (
          <Text
            size="xs"
            c="dimmed"
            component="span"
            title={t("strategyComments.editedAt", {
              time: formatDateTime(comment.editedAt, locale),
            })}
          >
            ({t("strategyComments.edited")})
          </Text>
        ) : null}
      </Group>
      {editing ? (
        <CommentForm
          intent="comment.update"
          fields={{ commentId: comment.id }}
          initialBody={comment.body}
          people={people}
          label={t("strategyComments.form.editLabel")}
          submit={t("strategyComments.save")}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
          autoFocus
        />
      ) : (
        <CommentBody body={comment.body} />
      )}
      {!editing && (comment.canEdit || comment.canDelete) ? (
        <Group
          gap={4}
          role="group"
          aria-label={t("strategyComments.actionsOf", {
            name: comment.author.name,
          })}
        >
          {comment.canEdit ? (
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t("strategyComments.edit")}
            </Button>
          ) : null}
          {comment.canDelete ? (
            <Button
              variant="subtle"
              color="red"
              size="compact-xs"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => setDeleting(true)}
            >
              {t("strategyComments.delete")}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t("strategyComments.deleteTitle")}
        centered
        closeButtonProps={{ "aria-label": t("form.close") }}
      >
        {deleting ? (
          <DeleteForm
            commentId={comment.id}
            onClose={() => setDeleting(false)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function DeleteForm({
  commentId,
  onClose,
}: {
  commentId: string;
  onClose: () => void;
}) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useCommentFetcher(onClose);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="comment.delete" />
      <input type="hidden" name="commentId" value={commentId} />
      <Stack>
        <Text size="sm">{t("strategyComments.deleteText")}</Text>
        {result?.error ? (
          <Alert color="red" variant="light" role="alert">
            {translate(result.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button
            type="button"
            variant="default"
            onClick={onClose}
            data-autofocus
          >
            {t("strategyComments.cancel")}
          </Button>
          <Button type="submit" color="red" loading={fetcher.state !== "idle"}>
            {t("strategyComments.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}

function NewThreadForm({
  pending,
  people,
}: {
  pending: PendingComment;
  people: Mentionable[];
}) {
  const t = useT();
  const ctx = useDraftComments();
  const onDone = (d: DraftCommentActionData) => {
    ctx?.cancelComment();
    if (d.threadId) ctx?.focusThread(d.threadId, "editor");
  };
  return (
    <Paper withBorder p="sm" radius="md" className={classes.threadActive}>
      <Stack gap="xs">
        <Text fw={700} size="sm">
          {t("strategyComments.form.newTitle")}
        </Text>
        <Text
          component="blockquote"
          size="sm"
          fs="italic"
          m={0}
          className={classes.quote}
        >
          <span className={classes.visuallyHidden}>
            {t("strategyComments.quoteLabel")}:{" "}
          </span>
          „{pending.quote}”
        </Text>
        <CommentForm
          key={`${pending.anchorStart}|${pending.anchorEnd}`}
          intent="comment.create"
          fields={{
            anchorStart: pending.anchorStart,
            anchorEnd: pending.anchorEnd,
            quote: pending.quote,
          }}
          initialBody=""
          people={people}
          label={t("strategyComments.form.label")}
          submit={t("strategyComments.form.submit")}
          onDone={onDone}
          onCancel={() => ctx?.cancelComment()}
          autoFocus
        />
      </Stack>
    </Paper>
  );
}

type FormProps = {
  intent: "comment.create" | "comment.reply" | "comment.update";
  fields: Record<string, string>;
  initialBody: string;
  people: Mentionable[];
  label: string;
  submit: string;
  onDone: (data: DraftCommentActionData) => void;
  onCancel: () => void;
  autoFocus?: boolean;
};

/** The textarea with @mentions, its errors, posting the body with mention tokens. */
function CommentForm({
  intent,
  fields,
  initialBody,
  people,
  label,
  submit,
  onDone,
  onCancel,
  autoFocus,
}: FormProps) {
  const t = useT();
  const translate = useFieldError();
  const initial = useMemo(() => toEditableText(initialBody), [initialBody]);
  const [text, setText] = useState(initial.text);
  const [picked, setPicked] = useState<MentionPerson[]>(initial.mentions);
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useCommentFetcher(onDone);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const fieldId = `komentarz-pole-${intent}-${
    fields.commentId ?? fields.threadId ?? "nowy"
  }`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    fetcher.submit(
      { intent, ...fields, body: toStoredBody(text, picked, people) },
      { method: "post" }
    );
  };
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
    if (event.key === "Escape" && !event.defaultPrevented) onCancel();
  };
  return (
    <fetcher.Form method="post" ref={formRef} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Stack gap="xs">
        {result?.error ? (
          <Alert color="red" variant="light" role="alert">
            {translate(result.error)}
          </Alert>
        ) : null}
        <MentionTextarea
          id={fieldId}
          name="body"
          label={label}
          description={people.length > 0 ? t("comments.form.hint") : undefined}
          placeholder={t("strategyComments.form.placeholder")}
          autosize
          minRows={2}
          maxRows={12}
          maxLength={COMMENT_MAX}
          required
          autoFocus={autoFocus}
          value={text}
          onValueChange={setText}
          people={people}
          onMention={(person) =>
            setPicked((list) => [
              ...list.filter((p) => p.name !== person.name),
              person,
            ])
          }
          onKeyDown={submitOnCtrlEnter}
          error={translate(result?.errors?.body)}
        />
        <Group justify="flex-end" gap="xs">
          <Button type="button" variant="default" size="xs" onClick={onCancel}>
            {t("strategyComments.cancel")}
          </Button>
          <Button type="submit" size="xs" loading={fetcher.state !== "idle"}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
