import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { Anchor, Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { LanguageSwitch } from "~/components/AuthLayout";
import { Logo } from "~/components/Logo";
import { useT } from "~/utils/i18n-react";

/**
 * The frame of the residents' public pages (/pomysly…): phone first — one column, full width on a
 * phone, a readable measure on a desktop — with the language switch and links for partners.
 */
export function PublicLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <Box mih="100vh" bg="var(--mantine-color-default-hover)" py={{ base: "sm", sm: "xl" }} px={{ base: "xs", sm: "md" }}>
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <Stack w="100%" maw={760} mx="auto" gap="md">
        <Group justify="space-between" px="xs" component="header">
          <Anchor component={Link} to="/pomysly" underline="never" c="inherit" aria-label={`Razem — ${t("ideasPublic.title")}`}>
            <Logo />
          </Anchor>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} component="main" id="main" tabIndex={-1}>
          <Stack gap="md">
            <Title order={1} fz={{ base: "h2", sm: "h1" }}>
              {title}
            </Title>
            {typeof intro === "string" ? <Text>{intro}</Text> : intro ? <div>{intro}</div> : null}
            {children}
          </Stack>
        </Paper>
        <Group component="footer" justify="center" gap="lg" px="xs">
          <Anchor component={Link} to="/pomysly/przyjete" size="sm">
            {t("ideasPublic.list.link")}
          </Anchor>
          <Anchor component={Link} to="/logowanie" size="sm">
            {t("ideasPublic.signIn")}
          </Anchor>
        </Group>
        <Text c="dimmed" size="xs" ta="center">
          {t("app.tagline")}
        </Text>
      </Stack>
    </Box>
  );
}

/** Plain text with paragraphs separated by empty lines (an intake's intro). */
export function PublicParagraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <Text key={i} style={{ whiteSpace: "pre-line" }}>
          {p}
        </Text>
      ))}
    </>
  );
}
