// The "Komentarze" section under a file: the discussion (newest last), a form with @mentions,
// editing and deleting. Every form posts with a fetcher to the file page's own action
// (`intent` = comment.*); the loader's revalidation then refreshes the list and the bell.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { Alert, Anchor, Box, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMessageCircle, IconPencil, IconTrash } from "@tabler/icons-react";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import type { CommentActionData } from "../comments.server";
import { COMMENT_MAX, commentAnchor, COMMENTS_QUERY_PARAM } from "../comments.schema";
import { toEditableText, toStoredBody, type MentionPerson } from "../mentions";
import { CommentBody } from "./CommentBody";
import { MentionTextarea, type Mentionable } from "./MentionTextarea";

export type CommentRow = {
  id: string;
  body: string;
  version: number | null;
  createdAt: string | Date;
  editedAt: string | Date | null;
  author: { id: string; name: string; institutionShortName: string | null };
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
};

export type CommentsData = {
  items: CommentRow[];
  total: number;
  nextShown: number | null;
  canCreate: boolean;
  archived: boolean;
};

type Props = {
  comments: CommentsData;
  mentionable: Mentionable[];
  /** The document's newest version: comments name their version once there are several. */
  currentVersion: number;
};

/** A fetcher that calls `onDone` once after each successful answer. */
function useCommentFetcher(onDone: () => void) {
  const fetcher = useFetcher<CommentActionData>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) onDone();
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onDone]);
  return fetcher;
}

export function DocumentComments({ comments, mentionable, currentVersion }: Props) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  // The comment a notification pointed at (#komentarz-…), marked after hydration only.
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => setTarget(location.hash ? decodeURIComponent(location.hash.slice(1)) : null), [location.hash]);

  const earlierHref = useMemo(() => {
    if (comments.nextShown === null) return null;
    const params = new URLSearchParams(location.search);
    params.set(COMMENTS_QUERY_PARAM, String(comments.nextShown));
    return `${location.pathname}?${params.toString()}`;
  }, [comments.nextShown, location.pathname, location.search]);

  return (
    <Stack component="section" aria-labelledby="komentarze-naglowek" gap="sm" id="komentarze">
      <Title order={2} size="h3" id="komentarze-naglowek">
        {comments.total > 0 ? t("comments.titleCount", { count: formatNumber(comments.total, locale) }) : t("comments.title")}
      </Title>
      {earlierHref ? (
        <Group gap="sm">
          <Button component={Link} to={earlierHref} preventScrollReset variant="default" size="xs">
            {t("comments.showEarlier")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("comments.shownOf", { shown: formatNumber(comments.items.length, locale), total: formatNumber(comments.total, locale) })}
          </Text>
        </Group>
      ) : null}
      {comments.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("comments.empty")}
        </Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {comments.items.map((comment) => (
            <CommentItem key={comment.id} comment={comment} people={mentionable} highlighted={target === commentAnchor(comment.id)} showVersion={currentVersion > 1} />
          ))}
        </Stack>
      )}
      {comments.canCreate ? (
        <NewCommentForm people={mentionable} />
      ) : comments.archived ? (
        <Alert color="gray" variant="light">
          {t("comments.readOnly")}
        </Alert>
      ) : null}
    </Stack>
  );
}

function CommentItem({ comment, people, highlighted, showVersion }: { comment: CommentRow; people: Mentionable[]; highlighted: boolean; showVersion: boolean }) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const anchor = commentAnchor(comment.id);
  const created = new Date(comment.createdAt);
  return (
    <Box component="li" id={anchor} style={{ scrollMarginTop: 80 }}>
      <Paper withBorder p="sm" radius="md" style={highlighted ? { borderColor: "var(--mantine-primary-color-filled)", borderWidth: 2 } : undefined}>
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Group gap={6} wrap="wrap" align="baseline">
              <Text size="sm" fw={700} component="span">
                {comment.author.name}
              </Text>
              {comment.author.institutionShortName ? (
                <Text size="xs" c="dimmed" component="span">
                  {comment.author.institutionShortName}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed" component="span" aria-hidden>
                ·
              </Text>
              <Anchor href={`#${anchor}`} size="xs" c="dimmed" title={t("comments.permalink")}>
                <time dateTime={created.toISOString()}>{formatDateTime(created, locale)}</time>
              </Anchor>
              {comment.editedAt ? (
                <Text size="xs" c="dimmed" component="span" title={t("comments.editedAt", { time: formatDateTime(comment.editedAt, locale) })}>
                  ({t("comments.edited")})
                </Text>
              ) : null}
              {showVersion && comment.version ? (
                <Text size="xs" c="dimmed" component="span">
                  {t("comments.version", { number: comment.version })}
                </Text>
              ) : null}
            </Group>
            {!editing && (comment.canEdit || comment.canDelete) ? (
              <Group gap={4} role="group" aria-label={t("comments.menu", { name: comment.author.name })}>
                {comment.canEdit ? (
                  <Button variant="subtle" size="compact-xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                    {t("comments.edit")}
                  </Button>
                ) : null}
                {comment.canDelete ? (
                  <Button variant="subtle" color="red" size="compact-xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
                    {t("comments.delete")}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Group>
          {editing ? <EditCommentForm comment={comment} people={people} onDone={() => setEditing(false)} /> : <CommentBody body={comment.body} />}
        </Stack>
      </Paper>
      <DeleteCommentDialog commentId={deleting ? comment.id : null} onClose={() => setDeleting(false)} />
    </Box>
  );
}

type FormProps = {
  intent: "comment.create" | "comment.update";
  commentId?: string;
  initialBody: string;
  people: Mentionable[];
  label: string;
  submit: string;
  onDone: () => void;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** The textarea with mentions, its counter and errors, posting the body with mention tokens. */
function CommentForm({ intent, commentId, initialBody, people, label, submit, onDone, onCancel, autoFocus }: FormProps) {
  const t = useT();
  const locale = useLocale();
  const translate = useFieldError();
  const initial = useMemo(() => toEditableText(initialBody), [initialBody]);
  const [text, setText] = useState(initial.text);
  const [picked, setPicked] = useState<MentionPerson[]>(initial.mentions);
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useCommentFetcher(
    useCallback(() => {
      if (intent === "comment.create") {
        setText("");
        setPicked([]);
      }
      onDone();
    }, [intent, onDone]),
  );
  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const fieldId = `komentarz-pole-${commentId ?? "nowy"}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // With JavaScript the "@Name" mentions travel as tokens; without it the text goes as typed.
    event.preventDefault();
    const fields: Record<string, string> = { intent, body: toStoredBody(text, picked, people) };
    if (commentId) fields.commentId = commentId;
    fetcher.submit(fields, { method: "post" });
  };
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <fetcher.Form method="post" ref={formRef} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
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
          placeholder={t("comments.form.placeholder")}
          autosize
          minRows={intent === "comment.create" ? 3 : 2}
          maxRows={14}
          maxLength={COMMENT_MAX}
          required
          autoFocus={autoFocus}
          value={text}
          onValueChange={setText}
          people={people}
          onMention={(person) => setPicked((list) => [...list.filter((p) => p.name !== person.name), person])}
          onKeyDown={submitOnCtrlEnter}
          error={translate(result?.errors?.body)}
        />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed" aria-live="polite">
            {text.length > COMMENT_MAX * 0.9 ? t("comments.form.counter", { count: formatNumber(text.length, locale), max: formatNumber(COMMENT_MAX, locale) }) : ""}
          </Text>
          <Group gap="xs">
            {onCancel ? (
              <Button type="button" variant="default" size="xs" onClick={onCancel}>
                {t("comments.cancel")}
              </Button>
            ) : null}
            <Button type="submit" size={onCancel ? "xs" : "sm"} loading={busy} leftSection={onCancel ? undefined : <IconMessageCircle size={16} aria-hidden />}>
              {submit}
            </Button>
          </Group>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}

const noop = () => {};

function NewCommentForm({ people }: { people: Mentionable[] }) {
  const t = useT();
  return (
    <Paper withBorder p="sm" radius="md">
      <CommentForm intent="comment.create" initialBody="" people={people} label={t("comments.form.label")} submit={t("comments.form.submit")} onDone={noop} />
    </Paper>
  );
}

function EditCommentForm({ comment, people, onDone }: { comment: CommentRow; people: Mentionable[]; onDone: () => void }) {
  const t = useT();
  return (
    <CommentForm
      intent="comment.update"
      commentId={comment.id}
      initialBody={comment.body}
      people={people}
      label={t("comments.form.editLabel")}
      submit={t("comments.save")}
      onDone={onDone}
      onCancel={onDone}
      autoFocus
    />
  );
}

function DeleteCommentDialog({ commentId, onClose }: { commentId: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={!!commentId} onClose={onClose} title={t("comments.deleteTitle")} centered closeButtonProps={{ "aria-label": t("form.close") }}>
      {commentId ? <DeleteCommentForm commentId={commentId} onClose={onClose} /> : null}
    </Modal>
  );
}

function DeleteCommentForm({ commentId, onClose }: { commentId: string; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useCommentFetcher(onClose);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="comment.delete" />
      <input type="hidden" name="commentId" value={commentId} />
      <Stack>
        <Text size="sm">{t("comments.deleteText")}</Text>
        {result?.error ? (
          <Alert color="red" variant="light" role="alert">
            {translate(result.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose} data-autofocus>
            {t("comments.cancel")}
          </Button>
          <Button type="submit" color="red" loading={fetcher.state !== "idle"}>
            {t("comments.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
