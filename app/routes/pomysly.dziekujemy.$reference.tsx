import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleCheck, IconPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { PublicLayout } from "~/modules/ideas/components/PublicLayout";
import { findSubmittedReference } from "~/modules/ideas/intakes.server";
import { isReference } from "~/modules/ideas/reference";
import { notFound } from "~/modules/auth/authorize.server";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Dziękujemy za pomysł — Razem" }];

// Public: shows only the reference number (nothing the resident wrote, no contact data).
export async function loader({ params }: LoaderFunctionArgs) {
  const reference = params.reference ?? "";
  if (!isReference(reference)) notFound();
  return { reference: await findSubmittedReference(reference) };
}

export default function Thanks() {
  const { reference } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <PublicLayout title={t("ideasPublic.thanks.title")}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color="teal" variant="light" size="lg" radius="xl" aria-hidden>
          <IconCircleCheck size={22} />
        </ThemeIcon>
        <Text>{t("ideasPublic.thanks.intro")}</Text>
      </Group>
      <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
        <Stack gap={4} align="center">
          <Text size="sm" fw={600}>
            {t("ideasPublic.thanks.reference")}
          </Text>
          <Text fz={{ base: 28, sm: 34 }} fw={800} ff="monospace" data-testid="idea-reference">
            {reference}
          </Text>
        </Stack>
      </Paper>
      <Text>{t("ideasPublic.thanks.keep")}</Text>
      <Title order={2} fz="h4">
        {t("ideasPublic.thanks.nextTitle")}
      </Title>
      <List type="ordered" spacing="xs">
        <List.Item>{t("ideasPublic.thanks.next1")}</List.Item>
        <List.Item>{t("ideasPublic.thanks.next2")}</List.Item>
        <List.Item>{t("ideasPublic.thanks.next3")}</List.Item>
      </List>
      <Group gap="md" wrap="wrap">
        <Button component={Link} to="/pomysly" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
          {t("ideasPublic.thanks.another")}
        </Button>
        <Anchor component={Link} to="/pomysly/przyjete">
          {t("ideasPublic.list.link")}
        </Anchor>
      </Group>
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
