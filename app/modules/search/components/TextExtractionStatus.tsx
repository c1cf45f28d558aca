import { Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconClockHour4, IconFileSearch, IconFileOff } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";
import type { TextStatus } from "../search-types";

type Props = {
  status: TextStatus;
  /** Characters of extracted text; 0 with DONE means the file has no text layer (a scan). */
  chars?: number;
  /** Smaller, for lists (search results). */
  compact?: boolean;
};

/** Whether a file's content is searchable yet, in one short sentence (file page, search results). */
export function TextExtractionStatus({ status, chars, compact = false }: Props) {
  const t = useT();
  const noText = status === "DONE" && chars === 0;
  const key: MessageKey = noText ? "search.text.empty" : `search.text.${status}`;
  const Icon = status === "PENDING" ? IconClockHour4 : status === "FAILED" ? IconAlertTriangle : status === "UNSUPPORTED" || noText ? IconFileOff : IconFileSearch;
  const size = compact ? 14 : 16;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-text-status={status}>
      <Icon size={size} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} color={status === "FAILED" ? "var(--mantine-color-orange-8)" : "var(--mantine-color-dimmed)"} />
      <Text size={compact ? "xs" : "sm"} c="dimmed">
        {compact ? null : <span className="visually-hidden">{t("search.text.label")}: </span>}
        {t(key)}
      </Text>
    </Group>
  );
}
