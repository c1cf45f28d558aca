import type { ReactNode } from "react";
import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/utils/i18n-react";
import { Logo } from "./Logo";

/** Centered card for the pages people see before signing in. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-default-hover)">
      <Stack w="100%" maw={440} gap="md">
        <Group justify="space-between">
          <Logo />
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" component="main" id="main">
          <Stack gap="md">
            <Title order={1} fz="h2">
              {title}
            </Title>
            {intro ? <Text c="dimmed">{intro}</Text> : null}
            {children}
          </Stack>
        </Paper>
        <Text c="dimmed" size="xs" ta="center">
          {t("app.tagline")}
        </Text>
      </Stack>
    </Center>
  );
}

/** Plain links styled as a switch; works without JavaScript. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  const other = locale === "pl" ? "en" : "pl";
  return (
    <Box component={Form} method="post" action="/jezyk">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <Anchor component="button" type="submit" size="sm" lang={other} aria-label={`${t("menu.language")}: ${t(`lang.${other}`)}`}>
        {t(`lang.${other}`)}
      </Anchor>
    </Box>
  );
}
