// The review workflow on the file page: where the document stands (Szkic → Do przeglądu →
// Zatwierdzony), which version was approved by whom and when, and — for those allowed — sending
// for review, approving, returning with a comment, or withdrawing. Every action is a small dialog
// posting to the page's own action; what is shown comes from the loader (`docCan`), the server
// decides again.
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Alert, Button, Card, Group, List, Modal, MultiSelect, Stack, Text, Textarea, ThemeIcon, Title } from "@mantine/core";
import { IconArrowBackUp, IconCircleCheck, IconDownload, IconEye, IconPlayerStop, IconSend } from "@tabler/icons-react";
import type { DocumentStatus, WorkspaceRole } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import type { DocumentAction } from "../document.policy";
import { libraryUrls } from "../library-urls";
import { StatusBadge } from "./StatusBadge";

type When = string | Date;

export type OpenReview = {
  id: string;
  version: number;
  requestedAt: When;
  requestedBy: string;
  note: string | null;
  reviewers: { id: string; name: string }[];
  isReviewer: boolean;
};

export type Approval = { version: number; decidedAt: When; decidedBy: string; comment: string | null };

export type ReviewHistoryRow = {
  id: string;
  version: number;
  requestedAt: When;
  requestedBy: string;
  note: string | null;
  reviewers: string[];
  decidedAt: When | null;
  decidedBy: string;
  kind: "APPROVED" | "RETURNED" | "CANCELLED";
  comment: string | null;
  byVersion?: number | null;
};

export type ReviewerCandidate = { id: string; name: string; institution: string | null; role: WorkspaceRole };

export type ReviewData = { open: OpenReview | null; approval: Approval | null; history: ReviewHistoryRow[] };

type Props = {
  workspaceId: string;
  document: { id: string; name: string; status: DocumentStatus; currentVersion: number };
  review: ReviewData;
  candidates: ReviewerCandidate[];
  can: Record<DocumentAction, boolean>;
  /** May send for review, but someone else has the file checked out: it waits for the lock. */
  waitingForLock: boolean;
};

type ActionData = { ok: boolean; error: string | null; errors: Record<string, string | undefined> | null };
type Dialog = "request" | "approve" | "return" | "cancel" | null;

const OUTCOME_ICON = { APPROVED: IconCircleCheck, RETURNED: IconArrowBackUp, CANCELLED: IconPlayerStop } as const;

export function ReviewPanel({ workspaceId, document: doc, review, candidates, can, waitingForLock }: Props) {
  const t = useT();
  const locale = useLocale();
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = useRef<Dialog>(dialog);
  if (dialog) shown.current = dialog;
  const close = () => setDialog(null);
  const { open, approval } = review;
  const approvedIsCurrent = !!approval && doc.status === "APPROVED" && approval.version === doc.currentVersion;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="library-review-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="h4" id="library-review-title">
            {t("library.review.title")}
          </Title>
          <StatusBadge status={doc.status} />
        </Group>

        {approval ? (
          <Group gap="sm" wrap="wrap" align="center">
            <ThemeIcon variant="light" color="green" size="md" aria-hidden>
              <IconCircleCheck size={18} />
            </ThemeIcon>
            <Text size="sm" fw={600}>
              {t("library.review.approvedVersion", { number: approval.version, name: approval.decidedBy, date: formatDateTime(approval.decidedAt, locale) })}
            </Text>
            <Button
              component="a"
              href={libraryUrls.download(workspaceId, doc.id, approval.version)}
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              aria-label={t("library.review.downloadApprovedLabel", { number: approval.version })}
            >
              {t("library.review.downloadApproved")}
            </Button>
          </Group>
        ) : doc.status === "APPROVED" ? (
          <Text size="sm">{t("library.review.approvedNoRecord")}</Text>
        ) : null}
        {approval?.comment && approvedIsCurrent ? (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("library.review.approvedComment", { comment: approval.comment })}
          </Text>
        ) : null}
        {approval && !approvedIsCurrent && doc.status === "DRAFT" ? (
          <Text size="sm" c="dimmed">
            {t("library.review.draftAfterApproval", { number: doc.currentVersion })}
          </Text>
        ) : null}

        {doc.status === "DRAFT" ? (
          <Text size="sm" c="dimmed">
            {can.requestReview ? t("library.review.draftIntro") : waitingForLock ? t("library.review.waitForLock") : t("library.review.readOnly")}
          </Text>
        ) : null}

        {doc.status === "IN_REVIEW" && open ? (
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconEye size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm">{t("library.review.inReviewIntro", { number: open.version, name: open.requestedBy, date: formatDateTime(open.requestedAt, locale) })}</Text>
            </Group>
            <Text size="sm">{t("library.review.reviewersList", { names: open.reviewers.map((r) => r.name).join(", ") })}</Text>
            {open.note ? (
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                <Text span fw={600} size="sm">
                  {t("library.review.requestNoteLabel")}
                </Text>{" "}
                {open.note}
              </Text>
            ) : null}
            {open.isReviewer ? (
              <Text size="sm" fw={600}>
                {t("library.review.youAreReviewer")}
              </Text>
            ) : null}
            {can.uploadVersion ? (
              <Text size="xs" c="dimmed">
                {t("library.review.newVersionCancels")}
              </Text>
            ) : null}
          </Stack>
        ) : null}

        {can.requestReview || can.approve || can.return || can.cancelReview ? (
          <Group gap="xs">
            {can.requestReview ? (
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setDialog("request")} aria-haspopup="dialog">
                {t("library.review.send")}
              </Button>
            ) : null}
            {can.approve ? (
              <Button color="green" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setDialog("approve")} aria-haspopup="dialog">
                {t("library.review.approve")}
              </Button>
            ) : null}
            {can.return ? (
              <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setDialog("return")} aria-haspopup="dialog">
                {t("library.review.return")}
              </Button>
            ) : null}
            {can.cancelReview ? (
              <Button variant="subtle" color="gray" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => setDialog("cancel")} aria-haspopup="dialog">
                {t("library.review.cancel")}
              </Button>
            ) : null}
          </Group>
        ) : null}

        {review.history.length ? <ReviewHistory name={doc.name} rows={review.history} /> : null}
      </Stack>

      <Modal opened={dialog !== null} onClose={close} title={dialogTitle(t, shown.current, doc, open)} centered size={shown.current === "request" ? "lg" : "md"} closeButtonProps={{ "aria-label": t("form.close") }}>
        {shown.current === "request" ? <RequestForm version={doc.currentVersion} candidates={candidates} onClose={close} /> : null}
        {shown.current === "approve" ? <DecisionForm intent="approve" name={doc.name} version={open?.version ?? doc.currentVersion} onClose={close} /> : null}
        {shown.current === "return" ? <DecisionForm intent="return" name={doc.name} version={open?.version ?? doc.currentVersion} onClose={close} /> : null}
        {shown.current === "cancel" ? <DecisionForm intent="cancelReview" name={doc.name} version={open?.version ?? doc.currentVersion} onClose={close} /> : null}
      </Modal>
    </Card>
  );
}

function dialogTitle(t: ReturnType<typeof useT>, dialog: Dialog, doc: { name: string; currentVersion: number }, open: OpenReview | null): string {
  switch (dialog) {
    case "request":
      return t("library.review.sendTitle", { name: doc.name });
    case "approve":
      return t("library.review.approveTitle", { number: open?.version ?? doc.currentVersion });
    case "return":
      return t("library.review.returnTitle", { name: doc.name });
    case "cancel":
      return t("library.review.cancelTitle", { name: doc.name });
    default:
      return "";
  }
}

function ReviewHistory({ name, rows }: { name: string; rows: ReviewHistoryRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap={4} mt="xs">
      <Title order={4} fz="sm">
        {t("library.review.history")}
      </Title>
      <List spacing="xs" size="sm" listStyleType="none" aria-label={t("library.review.historyCaption", { name })}>
        {rows.map((r) => {
          const Icon = OUTCOME_ICON[r.kind];
          return (
            <List.Item key={r.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Icon size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Stack gap={0}>
                  <Text size="sm">
                    {t("library.review.historyLine", {
                      number: r.version,
                      outcome: t(`library.review.outcome.${r.kind}`),
                      name: r.decidedBy,
                      date: r.decidedAt ? formatDateTime(r.decidedAt, locale) : "—",
                    })}
                  </Text>
                  {r.byVersion ? (
                    <Text size="xs" c="dimmed">
                      {t("library.review.historyAuto", { number: r.byVersion })}
                    </Text>
                  ) : null}
                  {r.comment ? (
                    <Text size="sm" my={2} pl="xs" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line", borderLeft: "3px solid var(--mantine-color-default-border)" }}>
                      {r.comment}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t("library.review.historyRequested", { name: r.requestedBy, date: formatDateTime(r.requestedAt, locale), reviewers: r.reviewers.join(", ") || "—" })}
                  </Text>
                </Stack>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/** A fetcher that calls `onDone` once after a successful answer (the dialog then closes). */
function useDialogFetcher(onDone: () => void) {
  const fetcher = useFetcher<ActionData>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) onDone();
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onDone]);
  return fetcher;
}

function Problem({ error }: { error: string | null | undefined }) {
  const translate = useFieldError();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {translate(error)}
    </Alert>
  );
}

function Buttons({ submit, busy, onCancel, color, icon }: { submit: string; busy: boolean; onCancel: () => void; color?: string; icon?: React.ReactNode }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button type="button" variant="default" onClick={onCancel}>
        {t("library.dialog.cancel")}
      </Button>
      <Button type="submit" loading={busy} color={color} leftSection={icon}>
        {submit}
      </Button>
    </Group>
  );
}

function RequestForm({ version, candidates, onClose }: { version: number; candidates: ReviewerCandidate[]; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDialogFetcher(onClose);
  const [chosen, setChosen] = useState<string[]>([]);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const options = candidates.map((c) => ({
    value: c.id,
    label: [c.name, c.institution, t(`workspaces.role.${c.role}`)].filter(Boolean).join(" · "),
  }));
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="requestReview" />
      <Stack>
        <Problem error={data?.error} />
        <Text size="sm">{t("library.review.sendIntro", { number: version })}</Text>
        {candidates.length === 0 ? (
          <Alert color="yellow" variant="light" role="status">
            {t("library.review.noCandidates")}
          </Alert>
        ) : (
          <MultiSelect
            name="reviewers"
            label={t("library.review.reviewersLabel")}
            description={t("library.review.reviewersHint")}
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            clearable
            required
            hidePickedOptions
            selectFirstOptionOnChange
            nothingFoundMessage={t("library.review.nothingFound")}
            comboboxProps={{ withinPortal: true }}
            error={translate(data?.errors?.reviewers)}
            data-autofocus
          />
        )}
        <Textarea name="note" label={t("library.review.noteLabel")} maxLength={500} autosize minRows={2} error={translate(data?.errors?.note)} />
        <Buttons submit={t("library.review.send")} busy={fetcher.state !== "idle"} onCancel={onClose} icon={<IconSend size={16} aria-hidden />} />
      </Stack>
    </fetcher.Form>
  );
}

function DecisionForm({ intent, name, version, onClose }: { intent: "approve" | "return" | "cancelReview"; name: string; version: number; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDialogFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const text = intent === "approve" ? t("library.review.approveText", { number: version, name }) : intent === "return" ? t("library.review.returnText") : t("library.review.cancelText");
  const label = intent === "approve" ? t("library.review.approveComment") : intent === "return" ? t("library.review.returnComment") : t("library.review.cancelReason");
  const submit = intent === "approve" ? t("library.review.approveSubmit", { number: version }) : intent === "return" ? t("library.review.returnSubmit") : t("library.review.cancelSubmit");
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Stack>
        <Problem error={data?.error} />
        <Text size="sm">{text}</Text>
        <Textarea
          name="comment"
          label={label}
          required={intent === "return"}
          maxLength={2000}
          autosize
          minRows={intent === "return" ? 3 : 2}
          error={translate(data?.errors?.comment)}
          data-autofocus
        />
        <Buttons
          submit={submit}
          busy={fetcher.state !== "idle"}
          onCancel={onClose}
          color={intent === "approve" ? "green" : undefined}
          icon={intent === "approve" ? <IconCircleCheck size={16} aria-hidden /> : intent === "return" ? <IconArrowBackUp size={16} aria-hidden /> : undefined}
        />
      </Stack>
    </fetcher.Form>
  );
}
