import { Badge, Code, Stack, Table, Text } from "@mantine/core";
import type { Locale } from "~/locales";
import { TIME_ZONE } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { actionLabel, entityTypeLabel, formatChanges, parseChanges, summaryText } from "../audit-format";

export type AuditRow = {
  id: string;
  createdAt: string;
  actorId: string | null;
  actorName: string | null;
  actorLabel: string | null;
  institutionShortName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  changes: string | null;
  ip: string | null;
};

const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/** 24.11.2026, 14:05:03 — seconds matter in a log. */
function formatAuditTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

const MAX_VALUE_CHARS = 160;
const clip = (s: string) => (s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s);

function Who({ row }: { row: AuditRow }) {
  const t = useT();
  if (!row.actorId) {
    return (
      <Stack gap={0}>
        <Text size="sm" c="dimmed" fs="italic">
          {t("audit.anonymous")}
        </Text>
        {row.actorLabel ? <Text size="xs">{row.actorLabel}</Text> : null}
      </Stack>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={500} title={row.actorLabel ?? undefined}>
        {row.actorName ?? row.actorLabel}
      </Text>
      {row.institutionShortName ? (
        <Badge size="xs" variant="light">
          {row.institutionShortName}
        </Badge>
      ) : null}
    </Stack>
  );
}

function Details({ row }: { row: AuditRow }) {
  const t = useT();
  const summary = summaryText(t, row.action, row.summary);
  const changes = formatChanges(t, parseChanges(row.changes));
  return (
    <Stack gap={2}>
      {summary ? <Text size="sm">{clip(summary)}</Text> : null}
      {changes.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: "1rem" }}>
          {changes.map((line, i) => (
            <li key={i}>
              <Text size="xs" span title={line.length > MAX_VALUE_CHARS ? line : undefined}>
                {clip(line)}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}

/** The log as an accessible table: a caption, column headers with scope, the time as row header. */
export function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
        <Table.Caption style={{ textAlign: "start" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("audit.col.time")}</Table.Th>
            <Table.Th scope="col">{t("audit.col.actor")}</Table.Th>
            <Table.Th scope="col">{t("audit.col.action")}</Table.Th>
            <Table.Th scope="col">{t("audit.col.object")}</Table.Th>
            <Table.Th scope="col">{t("audit.col.details")}</Table.Th>
            <Table.Th scope="col">{t("audit.col.ip")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={400} style={{ whiteSpace: "nowrap" }}>
                <Text size="sm" component="time" dateTime={row.createdAt}>
                  {formatAuditTime(row.createdAt, locale)}
                </Text>
              </Table.Th>
              <Table.Td>
                <Who row={row} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={row.action}>
                  {actionLabel(t, row.action)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entityTypeLabel(t, row.entityType)}</Text>
                {row.entityId ? (
                  <Code fz="xs" style={{ wordBreak: "break-all" }}>
                    {row.entityId}
                  </Code>
                ) : null}
              </Table.Td>
              <Table.Td maw={420}>
                <Details row={row} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {row.ip ?? ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
