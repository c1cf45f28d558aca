import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useT } from "~/utils/i18n-react";

/** Friendly 403/404/500 page in the reader's language; used by every route's ErrorBoundary. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500 && typeof console !== "undefined") console.error(error);
  const [title, text] =
    status === 404
      ? [t("error.404.title"), t("error.404.text")]
      : status === 403
        ? [t("error.403.title"), t("error.403.text")]
        : [t("error.title"), t("error.text")];
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Text c="dimmed" fw={700} fz={48} aria-hidden>
          {status}
        </Text>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        <Button component={Link} to="/pulpit" variant="light">
          {t("error.back")}
        </Button>
      </Stack>
    </Center>
  );
}
