// Comments on a task with @mentions of team members. Reuses the generic pieces of the document
// comments (the mention textarea and the body renderer); the forms post `comment.*` intents to the
// task page's own action.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useLocation } from "@remix-run/react";
import { Alert, Anchor, Box, Button, Card, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMessageCircle, IconPencil, IconTrash } from "@tabler/icons-react";
import { CommentBody } from "~/modules/comments/components/CommentBody";
import { MentionTextarea, type Mentionable } from "~/modules/comments/components/MentionTextarea";
import { COMMENT_MAX, commentAnchor } from "~/modules/comments/comments.schema";
import { toEditableText, toStoredBody, type MentionPerson } from "~/modules/comments/mentions";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { settled, useTaskFetcher } from "./useTaskFetcher";

export type TaskCommentRow = {
  id: string;
  body: string;
  createdAt: string | Date;
  editedAt: string | Date | null;
  author: { id: string; name: string; institutionShortName: string | null };
  canEdit: boolean;
  canDelete: boolean;
};

type Props = { comments: { total: number; items: TaskCommentRow[] }; people: Mentionable[]; canCreate: boolean; readOnly: boolean };

export function TaskComments({ comments, people, canCreate, readOnly }: Props) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => setTarget(location.hash ? decodeURIComponent(location.hash.slice(1)) : null), [location.hash]);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="komentarze-naglowek" id="komentarze">
      <Stack gap="sm">
        <Title order={2} size="h3" id="komentarze-naglowek">
          {comments.total ? t("tasks.comments.titleCount", { count: formatNumber(comments.total, locale) }) : t("tasks.comments.title")}
        </Title>
        {comments.total > comments.items.length ? (
          <Text size="sm" c="dimmed">
            {t("tasks.comments.shownOf", { shown: formatNumber(comments.items.length, locale), total: formatNumber(comments.total, locale) })}
          </Text>
        ) : null}
        {comments.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(canCreate ? "tasks.comments.empty" : "tasks.comments.emptyReadOnly")}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
            {comments.items.map((c) => (
              <CommentItem key={c.id} comment={c} people={people} highlighted={target === commentAnchor(c.id)} />
            ))}
          </Stack>
        )}
        {canCreate ? (
          <Paper withBorder p="sm" radius="md">
            <CommentForm intent="comment.create" initialBody="" people={people} label={t("tasks.comments.label")} submit={t("tasks.comments.submit")} />
          </Paper>
        ) : readOnly ? (
          <Alert color="gray" variant="light">
            {t("tasks.comments.readOnly")}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function CommentItem({ comment, people, highlighted }: { comment: TaskCommentRow; people: Mentionable[]; highlighted: boolean }) {
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
              <Anchor href={`#${anchor}`} size="xs" c="dimmed">
                <time dateTime={created.toISOString()}>{formatDateTime(created, locale)}</time>
              </Anchor>
              {comment.editedAt ? (
                <Text size="xs" c="dimmed" component="span" title={t("tasks.comments.editedAt", { time: formatDateTime(comment.editedAt, locale) })}>
                  ({t("tasks.comments.edited")})
                </Text>
              ) : null}
            </Group>
            {!editing && (comment.canEdit || comment.canDelete) ? (
              <Group gap={4} role="group" aria-label={t("tasks.comments.menu", { name: comment.author.name })}>
                {comment.canEdit ? (
                  <Button variant="subtle" size="compact-xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                    {t("tasks.comments.edit")}
                  </Button>
                ) : null}
                {comment.canDelete ? (
                  <Button variant="subtle" color="red" size="compact-xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
                    {t("tasks.comments.delete")}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Group>
          {editing ? (
            <CommentForm
              intent="comment.update"
              commentId={comment.id}
              initialBody={comment.body}
              people={people}
              label={t("tasks.comments.editLabel")}
              submit={t("tasks.comments.save")}
              onDone={() => setEditing(false)}
              onCancel={() => setEditing(false)}
              autoFocus
            />
          ) : (
            <CommentBody body={comment.body} />
          )}
        </Stack>
      </Paper>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t("tasks.comments.deleteTitle")} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        {deleting ? <DeleteForm commentId={comment.id} onClose={() => setDeleting(false)} /> : null}
      </Modal>
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
  onDone?: () => void;
  onCancel?: () => void;
  autoFocus?: boolean;
};

function CommentForm({ intent, commentId, initialBody, people, label, submit, onDone, onCancel, autoFocus }: FormProps) {
  const t = useT();
  const locale = useLocale();
  const err = useFieldError();
  const initial = useMemo(() => toEditableText(initialBody), [initialBody]);
  const [text, setText] = useState(initial.text);
  const [picked, setPicked] = useState<MentionPerson[]>(initial.mentions);
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useTaskFetcher(() => {
    if (intent === "comment.create") {
      setText("");
      setPicked([]);
    }
    onDone?.();
  });
  const result = settled(fetcher);
  const failed = result && !result.ok ? result : undefined;
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
        {failed?.error ? (
          <Alert color="red" variant="light" role="alert">
            {err(failed.error)}
          </Alert>
        ) : null}
        <MentionTextarea
          id={`komentarz-pole-${commentId ?? "nowy"}`}
          name="body"
          label={label}
          description={people.length > 0 ? t("tasks.comments.hint") : undefined}
          placeholder={t("tasks.comments.placeholder")}
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
          error={err(failed?.errors?.body)}
        />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed" aria-live="polite">
            {text.length > COMMENT_MAX * 0.9 ? `${formatNumber(text.length, locale)} / ${formatNumber(COMMENT_MAX, locale)}` : ""}
          </Text>
          <Group gap="xs">
            {onCancel ? (
              <Button type="button" variant="default" size="xs" onClick={onCancel}>
                {t("tasks.comments.cancel")}
              </Button>
            ) : null}
            <Button type="submit" size={onCancel ? "xs" : "sm"} loading={fetcher.state !== "idle"} leftSection={onCancel ? undefined : <IconMessageCircle size={16} aria-hidden />}>
              {submit}
            </Button>
          </Group>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}

function DeleteForm({ commentId, onClose }: { commentId: string; onClose: () => void }) {
  const t = useT();
  const err = useFieldError();
  const fetcher = useTaskFetcher(onClose);
  const result = settled(fetcher);
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="comment.delete" />
      <input type="hidden" name="commentId" value={commentId} />
      <Stack>
        <Text size="sm">{t("tasks.comments.deleteText")}</Text>
        {result && !result.ok && result.error ? (
          <Alert color="red" variant="light" role="alert">
            {err(result.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose} data-autofocus>
            {t("tasks.comments.cancel")}
          </Button>
          <Button type="submit" color="red" loading={fetcher.state !== "idle"}>
            {t("tasks.comments.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
