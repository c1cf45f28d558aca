// The meetings list: one row per meeting with its date and time range in Warsaw ("wt., 1 grudnia
// 2026, 10:00–12:00"), kind, title link, place or online, organiser, workspace/team and counts.
// Cancelled meetings say "Odwołane" in words (the badge colour is only a second cue).
import { Link } from "@remix-run/react";
import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { IconVideo } from "@tabler/icons-react";
import { DataTable } from "~/components/DataTable";
import type { Locale, MessageKey } from "~/locales";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { TIME_ZONE } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/** "wt., 1 grudnia 2026" in Warsaw. */
export function meetingDay(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE }).format(new Date(value));
}

/** "wt., 1 grudnia 2026, 10:00–12:00", or both days when the meeting ends on another day. */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string, locale: Locale): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (warsawDate(start) === warsawDate(end)) return `${meetingDay(start, locale)}, ${warsawTime(start)}–${warsawTime(end)}`;
  return `${meetingDay(start, locale)}, ${warsawTime(start)} – ${meetingDay(end, locale)}, ${warsawTime(end)}`;
}

export type MeetingListRow = {
  id: string;
  title: string;
  kind: string;
  trainingProvider: string | null;
  startsAt: string | Date;
  endsAt: string | Date;
  place: string | null;
  onlineUrl: string | null;
  cancelledAt: string | Date | null;
  deletedAt?: string | Date | null;
  organizerInstitution: { shortName: string };
  workspace: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  _count: { agenda: number; invitations: number };
};

export function MeetingListTable({ rows, caption }: { rows: MeetingListRow[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const columns = [
    { label: t("meetingViews.list.col.when") },
    { label: t("meetingViews.list.col.meeting") },
    { label: t("meetingViews.list.col.where") },
    { label: t("meetingViews.list.col.organizer") },
    { label: t("meetingViews.list.col.counts") },
  ];
  return (
    <DataTable caption={caption} columns={columns} minWidth={960}>
      {rows.map((row) => {
        const cancelled = !!row.cancelledAt;
        return (
          <Table.Tr key={row.id}>
            <Table.Td miw={190}>
              <Text size="sm" td={cancelled ? "line-through" : undefined}>
                {meetingWhen(row.startsAt, row.endsAt, locale)}
              </Text>
            </Table.Td>
            <Table.Th scope="row" fw={400}>
              <Stack gap={4}>
                <Group gap={6} wrap="wrap">
                  <Badge variant="light" radius="sm" tt="none" size="sm">
                    {t(`meetings.kind.${row.kind}` as MessageKey)}
                  </Badge>
                  {cancelled ? (
                    <Badge color="red" radius="sm" size="sm" tt="none">
                      {t("meetingViews.list.cancelled")}
                    </Badge>
                  ) : null}
                  {row.deletedAt ? (
                    <Badge color="gray" variant="outline" radius="sm" size="sm" tt="none">
                      {t("meetingViews.list.trashed")}
                    </Badge>
                  ) : null}
                </Group>
                <Anchor component={Link} to={`/spotkania/${row.id}`} fw={600} size="sm" td={cancelled ? "line-through" : undefined} style={{ overflowWrap: "anywhere" }}>
                  {row.title}
                </Anchor>
                {row.trainingProvider ? (
                  <Text size="xs" c="dimmed">
                    {row.trainingProvider}
                  </Text>
                ) : null}
              </Stack>
            </Table.Th>
            <Table.Td>
              <Group gap={4} wrap="nowrap" align="flex-start">
                {row.onlineUrl ? <IconVideo size={14} aria-hidden style={{ flex: "none", marginTop: 3 }} /> : null}
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {row.place && row.onlineUrl ? t("meetingViews.list.placeAndOnline", { place: row.place }) : (row.place ?? t("meetingViews.list.online"))}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{row.organizerInstitution.shortName}</Text>
              {row.workspace ? (
                <Text size="xs" c="dimmed">
                  {t("meetingViews.list.workspace", { name: row.workspace.name })}
                </Text>
              ) : null}
              {row.team ? (
                <Text size="xs" c="dimmed">
                  {t("meetingViews.list.team", { name: row.team.name })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="xs">{t("meetingViews.list.agenda", { count: row._count.agenda })}</Text>
              <Text size="xs">{t("meetingViews.list.invitations", { count: row._count.invitations })}</Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
