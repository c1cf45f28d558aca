// Internal comments of the partners on an idea (never public). Everybody who handles the idea
// writes them; the author edits or deletes their own.
import { useState } from "react";
import { Alert, Box, Button, Card, Group, Modal, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconMessageCircle, IconPencil, IconTrash } from "@tabler/icons-react";
import { COMMENT_MAX } from "~/modules/comments/comments.schema";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

export type IdeaCommentRow = {
  id: string;
  body: string;
  createdAt: string | Date;
  editedAt: string | Date | null;
  author: { id: string; name: string; institutionShortName: string | null };
  mine: boolean;
};

export function IdeaComments({ comments, canComment }: { comments: { total: number; items: IdeaCommentRow[] }; canComment: boolean }) {
  const t = useT();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pomysl-komentarze">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pomysl-komentarze">
          {comments.total ? t("ideasInbox.comments.titleCount", { count: comments.total }) : t("ideasInbox.comments.title")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("ideasInbox.comments.internal")}
        </Text>
        {comments.total > comments.items.length ? (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.comments.shownOf", { shown: comments.items.length, total: comments.total })}
          </Text>
        ) : null}
        {comments.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.comments.empty")}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
            {comments.items.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
          </Stack>
        )}
        {canComment ? (
          <Paper withBorder p="sm" radius="md">
            <CommentForm intent="comment.create" initialBody="" label={t("ideasInbox.comments.label")} submit={t("ideasInbox.comments.submit")} />
          </Paper>
        ) : null}
      </Stack>
    </Card>
  );
}

function CommentItem({ comment }: { comment: IdeaCommentRow }) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const created = new Date(comment.createdAt);
  return (
    <Box component="li">
      <Paper withBorder p="sm" radius="md">
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
              <Text size="xs" c="dimmed" component="span">
                <time dateTime={created.toISOString()}>{formatDateTime(created, locale)}</time>
              </Text>
              {comment.editedAt ? (
                <Text size="xs" c="dimmed" component="span">
                  ({t("ideasInbox.comments.edited")})
                </Text>
              ) : null}
            </Group>
            {comment.mine && !editing ? (
              <Group gap={4} role="group" aria-label={t("ideasInbox.comments.menu")}>
                <Button variant="subtle" size="compact-xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                  {t("ideasInbox.comments.edit")}
                </Button>
                <Button variant="subtle" color="red" size="compact-xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
                  {t("ideasInbox.comments.delete")}
                </Button>
              </Group>
            ) : null}
          </Group>
          {editing ? (
            <CommentForm
              intent="comment.update"
              commentId={comment.id}
              initialBody={comment.body}
              label={t("ideasInbox.comments.editLabel")}
              submit={t("ideasInbox.comments.save")}
              onDone={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {comment.body}
            </Text>
          )}
        </Stack>
      </Paper>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t("ideasInbox.comments.deleteTitle")} centered closeButtonProps={{ "aria-label": t("form.close") }}>
        {deleting ? <DeleteForm commentId={comment.id} onClose={() => setDeleting(false)} /> : null}
      </Modal>
    </Box>
  );
}

type FormProps = {
  intent: "comment.create" | "comment.update";
  commentId?: string;
  initialBody: string;
  label: string;
  submit: string;
  onDone?: () => void;
  onCancel?: () => void;
};

function CommentForm({ intent, commentId, initialBody, label, submit, onDone, onCancel }: FormProps) {
  const t = useT();
  const err = useFieldError();
  const [text, setText] = useState(initialBody);
  const fetcher = useIdeaFetcher(() => {
    if (intent === "comment.create") setText("");
    onDone?.();
  });
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === intent ? result : undefined;
  return (
    <fetcher.Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <Stack gap="xs">
        {failed?.error ? (
          <Alert color="red" variant="light" role="alert">
            {err(failed.error)}
          </Alert>
        ) : null}
        <Textarea
          name="body"
          label={label}
          autosize
          minRows={intent === "comment.create" ? 3 : 2}
          maxRows={14}
          maxLength={COMMENT_MAX}
          required
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={err(failed?.errors?.body)}
          autoFocus={intent === "comment.update"}
        />
        <Group justify="flex-end" gap="xs">
          {onCancel ? (
            <Button type="button" variant="default" size="xs" onClick={onCancel}>
              {t("form.cancel")}
            </Button>
          ) : null}
          <Button type="submit" size={onCancel ? "xs" : "sm"} loading={fetcher.state !== "idle"} leftSection={onCancel ? undefined : <IconMessageCircle size={16} aria-hidden />}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}

function DeleteForm({ commentId, onClose }: { commentId: string; onClose: () => void }) {
  const t = useT();
  const fetcher = useIdeaFetcher(onClose);
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="comment.delete" />
      <input type="hidden" name="commentId" value={commentId} />
      <Stack>
        <Text size="sm">{t("ideasInbox.comments.deleteText")}</Text>
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            {t("form.cancel")}
          </Button>
          <Button type="submit" color="red" loading={fetcher.state !== "idle"} data-autofocus>
            {t("ideasInbox.comments.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
