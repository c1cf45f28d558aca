// The header bar of a strategy draft: its review status in words (Szkic / Do przeglądu /
// Zatwierdzony, with an icon — never colour alone), who approved which version and when (with a
// link to it), the last return's comment, and — for those allowed — "Zapisz wersję", the history,
// "Wyślij do przeglądu", "Zatwierdź", "Zwróć do poprawy" (comment required) and "Wycofaj z przeglądu".
// Every dialog posts to the editor page's action; the server decides again.
import { useRef, useState } from "react";
import { Link } from "@remix-run/react";
import { Alert, Anchor, Badge, Button, Group, Modal, MultiSelect, Paper, Stack, Text, Textarea } from "@mantine/core";
import { IconArrowBackUp, IconCircleCheck, IconEye, IconHistory, IconPencil, IconPlayerStop, IconSend } from "@tabler/icons-react";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { DraftProblem, DraftVersionButton, useDraftFetcher } from "./DraftVersionButton";

type When = string | Date;
type Status = "DRAFT" | "IN_REVIEW" | "APPROVED";

export type DraftReviewData = {
  status: Status;
  version: number;
  reviewers: { id: string; name: string }[];
  isReviewer: boolean;
  request: { by: string; at: When; note: string | null } | null;
  approval: { number: number; name: string | null; by: string; at: When } | null;
  returned: { by: string; at: When; comment: string | null } | null;
  candidates: { id: string; name: string; institution: string | null; role: WorkspaceRole }[];
  can: { nameVersion: boolean; restoreVersion: boolean; requestReview: boolean; cancelReview: boolean; approve: boolean; return: boolean };
};

const COLORS: Record<Status, string> = { DRAFT: "gray", IN_REVIEW: "orange", APPROVED: "green" };
const ICONS: Record<Status, typeof IconPencil> = { DRAFT: IconPencil, IN_REVIEW: IconEye, APPROVED: IconCircleCheck };

export function DraftStatusBadge({ status }: { status: Status }) {
  const t = useT();
  const Icon = ICONS[status];
  return (
    <Badge color={COLORS[status]} variant="light" size="md" style={{ whiteSpace: "nowrap" }} leftSection={<Icon size={12} aria-hidden />}>
      {t(`strategyVersions.status.${status}`)}
    </Badge>
  );
}

type Dialog = "request" | "approve" | "return" | "cancel" | null;

export function DraftReviewBar({ workspaceId, draftId, title, review }: { workspaceId: string; draftId: string; title: string; review: DraftReviewData }) {
  const t = useT();
  const locale = useLocale();
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = useRef<Dialog>(dialog);
  if (dialog) shown.current = dialog;
  const close = () => setDialog(null);
  const base = `/przestrzenie/${workspaceId}/strategie/${draftId}`;
  const { can, approval, status } = review;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="draft-review-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text id="draft-review-title" fw={600} size="sm">
              {t("strategyVersions.review.statusLabel")}
            </Text>
            <DraftStatusBadge status={status} />
          </Group>
          <Group gap="xs">
            {can.nameVersion ? <DraftVersionButton /> : null}
            <Button component={Link} to={`${base}/historia`} variant="subtle" size="xs" leftSection={<IconHistory size={14} aria-hidden />}>
              {t("strategyVersions.history.link")}
            </Button>
            {can.requestReview ? (
              <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} onClick={() => setDialog("request")} aria-haspopup="dialog">
                {t("strategyVersions.review.send")}
              </Button>
            ) : null}
            {can.approve ? (
              <Button size="xs" color="green" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => setDialog("approve")} aria-haspopup="dialog">
                {t("strategyVersions.review.approve")}
              </Button>
            ) : null}
            {can.return ? (
              <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => setDialog("return")} aria-haspopup="dialog">
                {t("strategyVersions.review.return")}
              </Button>
            ) : null}
            {can.cancelReview ? (
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={() => setDialog("cancel")} aria-haspopup="dialog">
                {t("strategyVersions.review.cancel")}
              </Button>
            ) : null}
          </Group>
        </Group>

        {approval ? (
          <Group gap="xs" wrap="wrap">
            <IconCircleCheck size={16} aria-hidden />
            <Text size="sm">{t("strategyVersions.review.approvedVersion", { number: approval.number, name: approval.by, date: formatDateTime(approval.at, locale) })}</Text>
            <Anchor component={Link} to={`${base}/wersje/${approval.number}`} size="sm">
              {t("strategyVersions.review.openApproved")}
            </Anchor>
          </Group>
        ) : null}
        {approval && status === "DRAFT" ? (
          <Text size="sm" c="dimmed">
            {t("strategyVersions.review.draftAfterApproval")}
          </Text>
        ) : null}
        {status === "DRAFT" && can.requestReview && !approval ? (
          <Text size="sm" c="dimmed">
            {t("strategyVersions.review.draftIntro")}
          </Text>
        ) : null}
        {review.returned ? (
          <Stack gap={2}>
            <Text size="sm">{t("strategyVersions.review.returnedInfo", { name: review.returned.by, date: formatDateTime(review.returned.at, locale) })}</Text>
            {review.returned.comment ? (
              <Text size="sm" pl="xs" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere", borderLeft: "3px solid var(--mantine-color-default-border)" }}>
                {review.returned.comment}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {status === "IN_REVIEW" ? (
          <Stack gap={2}>
            {review.request ? <Text size="sm">{t("strategyVersions.review.inReviewIntro", { name: review.request.by, date: formatDateTime(review.request.at, locale) })}</Text> : null}
            <Text size="sm">{t("strategyVersions.review.reviewersList", { names: review.reviewers.map((r) => r.name).join(", ") || "—" })}</Text>
            {review.request?.note ? (
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                <Text span fw={600} size="sm">
                  {t("strategyVersions.review.requestNoteLabel")}
                </Text>{" "}
                {review.request.note}
              </Text>
            ) : null}
            {review.isReviewer ? (
              <Text size="sm" fw={600}>
                {t("strategyVersions.review.youAreReviewer")}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialogTitle(t, shown.current, title)}
        centered
        size={shown.current === "request" ? "lg" : "md"}
        closeButtonProps={{ "aria-label": t("form.close") }}
      >
        {shown.current === "request" ? <RequestForm version={review.version} candidates={review.candidates} onClose={close} /> : null}
        {shown.current === "approve" ? <DecisionForm intent="reviewApprove" version={review.version} onClose={close} /> : null}
        {shown.current === "return" ? <DecisionForm intent="reviewReturn" version={review.version} onClose={close} /> : null}
        {shown.current === "cancel" ? <DecisionForm intent="reviewCancel" version={review.version} onClose={close} /> : null}
      </Modal>
    </Paper>
  );
}

function dialogTitle(t: ReturnType<typeof useT>, dialog: Dialog, title: string): string {
  switch (dialog) {
    case "request":
      return t("strategyVersions.review.sendTitle", { title });
    case "approve":
      return t("strategyVersions.review.approveTitle", { title });
    case "return":
      return t("strategyVersions.review.returnTitle", { title });
    case "cancel":
      return t("strategyVersions.review.cancelTitle", { title });
    default:
      return "";
  }
}

function Buttons({ submit, busy, onCancel, color }: { submit: string; busy: boolean; onCancel: () => void; color?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button type="button" variant="default" onClick={onCancel}>
        {t("strategyVersions.dialog.cancel")}
      </Button>
      <Button type="submit" loading={busy} color={color}>
        {submit}
      </Button>
    </Group>
  );
}

function RequestForm({ version, candidates, onClose }: { version: number; candidates: DraftReviewData["candidates"]; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDraftFetcher(onClose);
  const [chosen, setChosen] = useState<string[]>([]);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const options = candidates.map((c) => ({ value: c.id, label: [c.name, c.institution, t(`workspaces.role.${c.role}`)].filter(Boolean).join(" · ") }));
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="reviewRequest" />
      <input type="hidden" name="version" value={version} />
      <Stack>
        <DraftProblem error={data?.error} />
        <Text size="sm">{t("strategyVersions.review.sendIntro")}</Text>
        {candidates.length === 0 ? (
          <Alert color="yellow" variant="light" role="status">
            {t("strategyVersions.review.noCandidates")}
          </Alert>
        ) : (
          <MultiSelect
            name="reviewers"
            label={t("strategyVersions.review.reviewersLabel")}
            description={t("strategyVersions.review.reviewersHint")}
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            clearable
            required
            hidePickedOptions
            nothingFoundMessage={t("strategyVersions.review.nothingFound")}
            comboboxProps={{ withinPortal: true }}
            error={translate(data?.errors?.reviewers)}
            data-autofocus
          />
        )}
        <Textarea name="note" label={t("strategyVersions.review.noteLabel")} maxLength={500} autosize minRows={2} error={translate(data?.errors?.note)} />
        <Buttons submit={t("strategyVersions.review.send")} busy={fetcher.state !== "idle"} onCancel={onClose} />
      </Stack>
    </fetcher.Form>
  );
}

function DecisionForm({ intent, version, onClose }: { intent: "reviewApprove" | "reviewReturn" | "reviewCancel"; version: number; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDraftFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const text = intent === "reviewApprove" ? t("strategyVersions.review.approveText") : intent === "reviewReturn" ? t("strategyVersions.review.returnText") : t("strategyVersions.review.cancelText");
  const label = intent === "reviewApprove" ? t("strategyVersions.review.approveComment") : intent === "reviewReturn" ? t("strategyVersions.review.returnComment") : t("strategyVersions.review.cancelReason");
  const submit = intent === "reviewApprove" ? t("strategyVersions.review.approve") : intent === "reviewReturn" ? t("strategyVersions.review.returnSubmit") : t("strategyVersions.review.cancel");
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <Stack>
        <DraftProblem error={data?.error} />
        <Text size="sm">{text}</Text>
        <Textarea
          name="comment"
          label={label}
          required={intent === "reviewReturn"}
          maxLength={2000}
          autosize
          minRows={intent === "reviewReturn" ? 3 : 2}
          error={translate(data?.errors?.comment)}
          data-autofocus
        />
        <Buttons submit={submit} busy={fetcher.state !== "idle"} onCancel={onClose} color={intent === "reviewApprove" ? "green" : undefined} />
      </Stack>
    </fetcher.Form>
  );
}
