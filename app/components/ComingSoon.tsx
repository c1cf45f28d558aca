import { Link } from "@remix-run/react";
import { Button, Center, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconTools } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";

/** Friendly empty state for sections that later work fills in. */
export function ComingSoon({ title, what }: { title: MessageKey; what: MessageKey }) {
  const t = useT();
  return (
    <Center mih="50vh">
      <Stack align="center" ta="center" maw={520} gap="sm">
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconTools size={34} />
        </ThemeIcon>
        <Title order={1} fz="h2">
          {t(title)}
        </Title>
        <Text fw={600}>{t("comingSoon.title")}</Text>
        <Text c="dimmed">{t("comingSoon.text", { what: t(what) })}</Text>
        <Button component={Link} to="/pulpit" variant="light">
          {t("comingSoon.back")}
        </Button>
      </Stack>
    </Center>
  );
}
