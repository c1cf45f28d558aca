import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { IdeaCategory, IdeaStatus } from "~/generated/prisma/enums";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { PublicListStatus } from "../intakes.server";

export type PublicIdeaRow = {
  id: string;
  reference: string;
  title: string;
  category: IdeaCategory;
  status: IdeaStatus;
  acceptedFor: string | null;
  publicReason: string | null;
  date: string;
};

/** The decision as words (colour only supports them): „Przyjęty do strategii”, „Odrzucony”… */
export function usePublicDecision() {
  const t = useT();
  return (row: Pick<PublicIdeaRow, "status" | "acceptedFor">) => {
    if (row.status === "ACCEPTED" && row.acceptedFor === "STRATEGY") return t("ideasPublic.acceptedFor.STRATEGY");
    if (row.status === "ACCEPTED" && row.acceptedFor === "PROJECT") return t("ideasPublic.acceptedFor.PROJECT");
    return t(`ideasPublic.status.${row.status}`);
  };
}

/**
 * The public list as cards (one column on a phone, no sideways scrolling): title, reference,
 * category, decision as words, date, and for rejected ideas the public reason. The rows hold no
 * contact data at all.
 */
export function PublicIdeasList({ status, rows }: { status: PublicListStatus; rows: PublicIdeaRow[] }) {
  const t = useT();
  const locale = useLocale();
  const decision = usePublicDecision();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t(status === "ACCEPTED" ? "ideasPublic.list.caption.ACCEPTED" : "ideasPublic.list.caption.REJECTED")}>
      {rows.map((row) => (
        <Card key={row.id} component="li" withBorder padding="md">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Title order={2} fz="h4" style={{ flex: "1 1 220px" }}>
                {row.title}
              </Title>
              <Badge variant="light" color={row.status === "REJECTED" ? "gray" : row.acceptedFor === "PROJECT" ? "indigo" : "teal"} tt="none" size="lg">
                {decision(row)}
              </Badge>
            </Group>
            <Group gap="md" wrap="wrap">
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t("ideasPublic.list.category")}:{" "}
                </Text>
                {t(`ideasPublic.category.${row.category}`)}
              </Text>
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t("ideasPublic.list.date")}:{" "}
                </Text>
                {formatDate(row.date, locale)}
              </Text>
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t("ideasPublic.list.reference")}:{" "}
                </Text>
                <Text span ff="monospace" size="sm">
                  {row.reference}
                </Text>
              </Text>
            </Group>
            {status === "REJECTED" ? (
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {t("ideasPublic.list.reason")}:{" "}
                </Text>
                {row.publicReason || t("ideasPublic.list.noReason")}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
