// The task's history, newest first: who, what (in words), when (Warsaw time).
import { useState } from "react";
import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { describeEvent } from "../task-history";

type Event = { id: string; kind: string; changes: string | null; createdAt: string | Date; actor: string | null };

/** Entries shown before "show all": the page stays short, the rest is one click away. */
const FOLDED = 15;

export function TaskHistory({ events, names, limit }: { events: Event[]; names: Record<string, string>; limit: number }) {
  const t = useT();
  const locale = useLocale();
  const [all, setAll] = useState(false);
  const shown = all ? events : events.slice(0, FOLDED);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="zadanie-historia">
      <Stack gap="sm">
        <Title order={2} size="h4" id="zadanie-historia">
          {t("tasks.history.heading")}
        </Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("tasks.history.empty")}
          </Text>
        ) : (
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
            {shown.map((e) => (
              <Stack component="li" key={e.id} gap={0}>
                <Text size="sm">
                  <Text span fw={600} inherit>
                    {e.actor ?? t("tasks.history.system")}
                  </Text>
                  {": "}
                  {describeEvent(t, locale, e, names).join("; ")}
                </Text>
                <Text size="xs" c="dimmed" component="time" dateTime={new Date(e.createdAt).toISOString()}>
                  {formatDateTime(e.createdAt, locale)}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
        {events.length > FOLDED ? (
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)} aria-expanded={all} style={{ alignSelf: "flex-start" }}>
            {all ? t("tasks.history.showLess") : t("tasks.history.showAll", { count: formatNumber(events.length, locale) })}
          </Button>
        ) : null}
        {all && events.length >= limit ? (
          <Text size="xs" c="dimmed">
            {t("tasks.history.shownNewest", { count: formatNumber(limit, locale) })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
