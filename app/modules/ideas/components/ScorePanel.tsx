// The partners' scores: each person rates impact and feasibility 1–5 (one score each, changeable);
// the averages and the list of who scored what are shown to everybody who handles the idea.
import { Button, Card, Group, Radio, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconStar } from "@tabler/icons-react";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { SCORE_MAX, SCORE_MIN } from "../idea-page.schema";
import { useScoreFormat } from "./IdeaBadges";
import { IdeaFormAlert } from "./IdeaConflict";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

type ScoreRow = { userId: string; name: string; institutionShortName: string | null; impact: number; feasibility: number; updatedAt: string | Date };

type Props = {
  scores: {
    summary: { impact: number | null; feasibility: number | null; count: number };
    overall: number | null;
    own: { impact: number; feasibility: number } | null;
    rows: ScoreRow[];
  };
  canScore: boolean;
};

const VALUES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

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

export function ScorePanel({ scores, canScore }: Props) {
  const t = useT();
  const locale = useLocale();
  const fmt = useScoreFormat();
  const { summary } = scores;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-oceny">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-oceny">
          {t("ideasInbox.score.title")}
        </Title>
        {summary.count ? (
          <SimpleGrid cols={3}>
            <Stat label={t("ideasInbox.score.impact")} value={fmt(summary.impact)} />
            <Stat label={t("ideasInbox.score.feasibility")} value={fmt(summary.feasibility)} />
            <Stat label={t("ideasInbox.score.count")} value={String(summary.count)} />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.score.noneYet")}
          </Text>
        )}
        {canScore ? <OwnScoreForm key={scores.own ? `${scores.own.impact}-${scores.own.feasibility}` : "none"} own={scores.own} /> : null}
        {scores.rows.length ? (
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing={4} fz="sm" captionSide="top">
              <Table.Caption>{t("ideasInbox.score.whoCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("ideasInbox.score.who")}</Table.Th>
                  <Table.Th scope="col">{t("ideasInbox.score.impactShort")}</Table.Th>
                  <Table.Th scope="col">{t("ideasInbox.score.feasibilityShort")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scores.rows.map((r) => (
                  <Table.Tr key={r.userId}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm">{r.institutionShortName ? `${r.name} (${r.institutionShortName})` : r.name}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(r.updatedAt, locale)}
                      </Text>
                    </Table.Th>
                    <Table.Td>{r.impact}</Table.Td>
                    <Table.Td>{r.feasibility}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}

function OwnScoreForm({ own }: { own: { impact: number; feasibility: number } | null }) {
  const t = useT();
  const err = useFieldError();
  const fetcher = useIdeaFetcher();
  const remover = useIdeaFetcher();
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "score" ? result : undefined;
  return (
    <fetcher.Form method="post" noValidate>
      <input type="hidden" name="intent" value="score" />
      <Stack gap="xs">
        <IdeaFormAlert failed={failed} />
        <Text size="sm" fw={600}>
          {own ? t("ideasInbox.score.yours", { impact: own.impact, feasibility: own.feasibility }) : t("ideasInbox.score.giveYours")}
        </Text>
        <Radio.Group name="impact" label={t("ideasInbox.score.impactQuestion")} description={t("ideasInbox.score.scale")} defaultValue={own ? String(own.impact) : undefined} required error={err(failed?.errors?.impact)}>
          <Group gap="md" mt={6}>
            {VALUES.map((v) => (
              <Radio key={v} value={v} label={v} />
            ))}
          </Group>
        </Radio.Group>
        <Radio.Group
          name="feasibility"
          label={t("ideasInbox.score.feasibilityQuestion")}
          description={t("ideasInbox.score.scale")}
          defaultValue={own ? String(own.feasibility) : undefined}
          required
          error={err(failed?.errors?.feasibility)}
        >
          <Group gap="md" mt={6}>
            {VALUES.map((v) => (
              <Radio key={v} value={v} label={v} />
            ))}
          </Group>
        </Radio.Group>
        <Group gap="xs">
          <Button type="submit" variant="light" leftSection={<IconStar size={16} aria-hidden />} loading={fetcher.state !== "idle"}>
            {own ? t("ideasInbox.score.change") : t("ideasInbox.score.submit")}
          </Button>
          {own ? (
            <Button type="button" variant="subtle" color="gray" loading={remover.state !== "idle"} onClick={() => remover.submit({ intent: "score.remove" }, { method: "post" })}>
              {t("ideasInbox.score.remove")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
