// What the resident sent (full text, category, place) and what happened to it so far.
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { Alert, Anchor, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { ideaUrls } from "../inbox.schema";
import { ideaCategoryKey } from "./IdeaBadges";

type IdeaRef = { id: string; reference: string; title: string };

type Props = {
  idea: {
    description: string;
    category: string;
    location: string | null;
    status: string;
    publicReason: string | null;
    submittedAt: string | Date;
    closedAt: string | Date | null;
    intake: { id: string; title: string };
    duplicateOf: IdeaRef | null;
    duplicates: IdeaRef[];
  };
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" component="dt" style={{ whiteSpace: "nowrap" }}>
        {label}:
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Group>
  );
}

export function IdeaDetails({ idea }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pomysl-opis">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pomysl-opis">
          {t("ideasInbox.page.description")}
        </Title>
        {idea.duplicateOf ? (
          <Alert color="gray" variant="light" icon={<IconCopy size={18} aria-hidden />}>
            {t("ideasInbox.page.duplicateOf")}{" "}
            <Anchor component={Link} to={ideaUrls.idea(idea.duplicateOf.id)}>
              {idea.duplicateOf.reference}: {idea.duplicateOf.title}
            </Anchor>
          </Alert>
        ) : null}
        <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{idea.description}</Text>
        <Stack component="dl" gap={4} m={0}>
          <Fact label={t("ideasInbox.page.category")}>{t(ideaCategoryKey(idea.category))}</Fact>
          <Fact label={t("ideasInbox.page.location")}>{idea.location || t("ideasInbox.page.noLocation")}</Fact>
          <Fact label={t("ideasInbox.page.intake")}>{idea.intake.title}</Fact>
          <Fact label={t("ideasInbox.page.submitted")}>{formatDateTime(idea.submittedAt, locale)}</Fact>
          {idea.closedAt ? <Fact label={t("ideasInbox.page.closed")}>{formatDateTime(idea.closedAt, locale)}</Fact> : null}
          {idea.status === "REJECTED" && idea.publicReason ? <Fact label={t("ideasInbox.page.publicReason")}>{idea.publicReason}</Fact> : null}
        </Stack>
        {idea.duplicates.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={700} id="pomysl-duplikaty">
              {t("ideasInbox.page.duplicates", { count: idea.duplicates.length })}
            </Text>
            <List size="sm" aria-labelledby="pomysl-duplikaty">
              {idea.duplicates.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={ideaUrls.idea(d.id)} size="sm">
                    {d.reference}: {d.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
