// Small pieces that show an idea's state the same way in the inbox and on the idea page. Colour
// never carries meaning alone: every badge has its text and an icon.
import { Badge, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleDashed, IconCircleX, IconSearch } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

const STATUS_COLOR: Record<string, string> = { NEW: "blue", IN_ANALYSIS: "grape", ACCEPTED: "green", REJECTED: "gray" };
const STATUS_ICON = { NEW: IconCircleDashed, IN_ANALYSIS: IconSearch, ACCEPTED: IconCircleCheck, REJECTED: IconCircleX } as const;

export const ideaStatusKey = (status: string) => `ideasInbox.status.${status}` as MessageKey;
export const ideaCategoryKey = (category: string) => `ideasInbox.category.${category}` as MessageKey;
export const acceptedForKey = (value: string) => `ideasInbox.acceptedFor.${value}` as MessageKey;

export function IdeaStatusBadge({ status, acceptedFor }: { status: string; acceptedFor?: string | null }) {
  const t = useT();
  const Icon = STATUS_ICON[status as keyof typeof STATUS_ICON] ?? IconCircleDashed;
  const label = status === "ACCEPTED" && (acceptedFor === "STRATEGY" || acceptedFor === "PROJECT") ? t("ideasInbox.status.acceptedWith", { what: t(acceptedForKey(acceptedFor)) }) : t(ideaStatusKey(status));
  return (
    <Badge
      color={STATUS_COLOR[status] ?? "gray"}
      variant="light"
      radius="sm"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ textTransform: "none", whiteSpace: "nowrap", minWidth: "max-content" }}
    >
      {label}
    </Badge>
  );
}

/** "3,5" or "—" (not scored yet). */
export function useScoreFormat() {
  const locale = useLocale();
  return (value: number | null) => (value === null ? "—" : formatNumber(Math.round(value * 10) / 10, locale));
}

/** Averages of impact and feasibility with the number of scores, in words for screen readers. */
export function IdeaScoreText({ impact, feasibility, count }: { impact: number | null; feasibility: number | null; count: number }) {
  const t = useT();
  const fmt = useScoreFormat();
  if (!count) {
    return (
      <Text size="sm" c="dimmed">
        {t("ideasInbox.score.none")}
      </Text>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
      <span aria-hidden>
        {fmt(impact)} / {fmt(feasibility)}{" "}
        <Text span size="xs" c="dimmed">
          ({count})
        </Text>
      </span>
      <span className="visually-hidden">{t("ideasInbox.score.summaryLabel", { impact: fmt(impact), feasibility: fmt(feasibility), count })}</span>
    </Text>
  );
}
