// The inbox summary: ideas per category (bars) and per status (a ring). The charts are pictures
// for sighted readers; the same numbers are in the tables next to them, which everybody can read.
import { BarChart, DonutChart } from "@mantine/charts";
import { Card, Grid, Stack, Table, Text, Title } from "@mantine/core";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { ideaCategoryKey, ideaStatusKey } from "./IdeaBadges";

type Props = {
  summary: {
    total: number;
    byCategory: { category: string; count: number }[];
    byStatus: { status: string; count: number }[];
  };
};

const STATUS_COLOR: Record<string, string> = { NEW: "blue.6", IN_ANALYSIS: "grape.6", ACCEPTED: "green.7", REJECTED: "gray.6" };

function percent(count: number, total: number) {
  return total ? Math.round((count / total) * 100) : 0;
}

function NumbersTable({ caption, head, rows, total }: { caption: string; head: string; rows: { label: string; count: number }[]; total: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table verticalSpacing={4}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{head}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("ideasInbox.summary.count")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("ideasInbox.summary.share")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={400}>
                {r.label}
              </Table.Th>
              <Table.Td ta="right">{formatNumber(r.count, locale)}</Table.Td>
              <Table.Td ta="right">{percent(r.count, total)}%</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t("ideasInbox.summary.total")}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {formatNumber(total, locale)}
            </Table.Td>
            <Table.Td ta="right">{total ? "100%" : "0%"}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function SummaryCharts({ summary }: Props) {
  const t = useT();
  const categories = summary.byCategory.map((c) => ({ label: t(ideaCategoryKey(c.category)), count: c.count }));
  const statuses = summary.byStatus.map((s) => ({ key: s.status, label: t(ideaStatusKey(s.status)), count: s.count }));
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="podsumowanie-kategorie">
          <Stack gap="sm">
            <Title order={2} size="h3" id="podsumowanie-kategorie">
              {t("ideasInbox.summary.byCategory")}
            </Title>
            {summary.total ? (
              <div aria-hidden>
                <BarChart
                  h={Math.max(240, categories.length * 40)}
                  data={categories}
                  dataKey="label"
                  orientation="vertical"
                  yAxisProps={{ width: 150 }}
                  xAxisProps={{ allowDecimals: false }}
                  series={[{ name: "count", label: t("ideasInbox.summary.count"), color: "teal.7" }]}
                  withBarValueLabel
                  gridAxis="x"
                  tickLine="x"
                />
              </div>
            ) : null}
            <NumbersTable caption={t("ideasInbox.summary.byCategory")} head={t("ideasInbox.summary.category")} rows={categories} total={summary.total} />
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="podsumowanie-statusy">
          <Stack gap="sm">
            <Title order={2} size="h3" id="podsumowanie-statusy">
              {t("ideasInbox.summary.byStatus")}
            </Title>
            {summary.total ? (
              <Stack align="center" aria-hidden>
                <DonutChart
                  data={statuses.filter((s) => s.count > 0).map((s) => ({ name: s.label, value: s.count, color: STATUS_COLOR[s.key] ?? "gray.6" }))}
                  withLabelsLine
                  withLabels
                  chartLabel={String(summary.total)}
                  size={180}
                  thickness={28}
                />
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t("ideasInbox.summary.empty")}
              </Text>
            )}
            <NumbersTable caption={t("ideasInbox.summary.byStatus")} head={t("ideasInbox.summary.status")} rows={statuses} total={summary.total} />
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
