// The inbox as a table: reference, title (with tags and "duplikat P-…"), category, status, the
// averages of the partners' scores, who is responsible and how many internal comments there are.
import { Link } from "@remix-run/react";
import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { IconCopy, IconMessageCircle } from "@tabler/icons-react";
import { DataTable } from "~/components/DataTable";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { ideaUrls } from "../inbox.schema";
import { IdeaScoreText, IdeaStatusBadge, ideaCategoryKey } from "./IdeaBadges";

export type InboxTableRow = {
  id: string;
  reference: string;
  title: string;
  category: string;
  status: string;
  acceptedFor: string | null;
  submittedAt: string | Date;
  assignee: { id: string; name: string } | null;
  duplicateOf: { id: string; reference: string } | null;
  tags: string[];
  comments: number;
  score: { impact: number | null; feasibility: number | null; count: number };
};

export function InboxTable({ rows }: { rows: InboxTableRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      caption={t("ideasInbox.list.caption")}
      minWidth={960}
      columns={[
        { label: t("ideasInbox.list.col.reference") },
        { label: t("ideasInbox.list.col.title") },
        { label: t("ideasInbox.list.col.category") },
        { label: t("ideasInbox.list.col.status") },
        { label: t("ideasInbox.list.col.score") },
        { label: t("ideasInbox.list.col.assignee") },
        { label: t("ideasInbox.list.col.comments") },
      ]}
    >
      {rows.map((row) => (
        <Table.Tr key={row.id}>
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <Stack gap={0}>
              <Text size="sm" ff="monospace">
                {row.reference}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(row.submittedAt, locale)}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Th scope="row" fw={400} miw={260}>
            <Stack gap={4}>
              <Anchor component={Link} to={ideaUrls.idea(row.id)} fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                {row.title}
              </Anchor>
              {row.duplicateOf ? (
                <Group gap={4} wrap="nowrap">
                  <IconCopy size={14} aria-hidden />
                  <Text size="xs">{t("ideasInbox.list.duplicateOf", { reference: row.duplicateOf.reference })}</Text>
                </Group>
              ) : null}
              {row.tags.length ? (
                <Group gap={4} aria-label={t("ideasInbox.list.tags")} role="group">
                  {row.tags.map((tag) => (
                    <Badge key={tag} variant="outline" color="gray" size="sm" radius="sm" style={{ textTransform: "none" }}>
                      {tag}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Stack>
          </Table.Th>
          <Table.Td>
            <Text size="sm">{t(ideaCategoryKey(row.category))}</Text>
          </Table.Td>
          <Table.Td>
            <IdeaStatusBadge status={row.status} acceptedFor={row.acceptedFor} />
          </Table.Td>
          <Table.Td>
            <IdeaScoreText {...row.score} />
          </Table.Td>
          <Table.Td>
            {row.assignee ? (
              <Text size="sm">{row.assignee.name}</Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t("ideasInbox.list.unassigned")}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <IconMessageCircle size={14} aria-hidden />
              <Text size="sm">
                <span aria-hidden>{row.comments}</span>
                <span className="visually-hidden">{t("ideasInbox.list.commentsLabel", { count: row.comments })}</span>
              </Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
