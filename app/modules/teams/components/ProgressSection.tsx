import { Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { AreaChart } from "@mantine/charts";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { formatShortDay, formatTermDate } from "../format";
import type { BurndownPoint } from "../progress";
import { OverdueText } from "./TeamBadges";

type Props = { total: number; done: number; overdue: number; closed: boolean; chart: BurndownPoint[] };

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Stack>
  );
}

/**
 * Done / total / overdue, a progress bar, and the burn-down: open tasks (falling is good) and done
 * tasks over the term. The chart is a picture for sighted readers; the same numbers are in the
 * summary line and in a table for screen readers.
 */
export function ProgressSection({ total, done, overdue, closed, chart }: Props) {
  const t = useT();
  const locale = useLocale();
  const percent = total ? Math.round((done / total) * 100) : 0;
  const data = chart.map((p) => ({ day: formatShortDay(p.date, locale), date: formatTermDate(p.date, locale), open: p.open, done: p.done }));
  const last = chart[chart.length - 1];
  return (
    <Stack gap="md">
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t("teams.progress.empty")}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={3}>
            <Stat label={t("teams.progress.done")} value={formatNumber(done, locale)} />
            <Stat label={t("teams.progress.total")} value={formatNumber(total, locale)} />
            <Stat label={t("teams.progress.overdueLabel")} value={formatNumber(closed ? 0 : overdue, locale)} />
          </SimpleGrid>
          <Progress value={percent} size="lg" aria-label={t("teams.progress.percentLabel", { percent })} />
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t("teams.progress.summary", { done, total, percent })}</Text>
            <OverdueText count={closed ? 0 : overdue} />
          </Group>
        </>
      )}
      {total > 0 && chart.length > 1 ? (
        <Stack gap={4}>
          <Title order={3} fz="h6" id="team-burndown">
            {t("teams.progress.chartTitle")}
          </Title>
          <div aria-hidden>
            <AreaChart
              h={200}
              data={data}
              dataKey="day"
              series={[
                { name: "open", label: t("teams.progress.seriesOpen"), color: "orange.7" },
                { name: "done", label: t("teams.progress.seriesDone"), color: "teal.7" },
              ]}
              curveType="linear"
              withLegend
              legendProps={{ verticalAlign: "bottom" }}
              tickLine="y"
              gridAxis="y"
              withDots={false}
              fillOpacity={0.2}
            />
          </div>
          <table className="visually-hidden" aria-labelledby="team-burndown">
            <thead>
              <tr>
                <th scope="col">{t("teams.progress.colDay")}</th>
                <th scope="col">{t("teams.progress.seriesOpen")}</th>
                <th scope="col">{t("teams.progress.seriesDone")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={row.date}>
                  <th scope="row">{row.date}</th>
                  <td>{row.open}</td>
                  <td>{row.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {last ? (
            <Text size="xs" c="dimmed">
              {t("teams.progress.chartNote", { open: last.open, done: last.done })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
