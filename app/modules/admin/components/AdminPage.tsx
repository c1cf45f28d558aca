import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";

type Props = {
  title: string;
  intro?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
  maw?: number;
  children: ReactNode;
};

/** Common frame of the administration pages: back link, heading, intro, actions. */
export function AdminPage({ title, intro, back, actions, maw = 1100, children }: Props) {
  return (
    <Stack gap="lg" maw={maw}>
      <Stack gap={4}>
        {back ? (
          <Anchor component={Link} to={back.to} size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {back.label}
            </Group>
          </Anchor>
        ) : null}
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: "1 1 320px" }}>
            <Title order={1}>{title}</Title>
            {typeof intro === "string" ? <Text c="dimmed">{intro}</Text> : intro ? <div>{intro}</div> : null}
          </Stack>
          {actions ? <Group gap="xs">{actions}</Group> : null}
        </Group>
      </Stack>
      {children}
    </Stack>
  );
}

/** What to show instead of an empty table: says what is (not) there and what to do. */
export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="sm" ta="center">
        <Text c="dimmed" maw={520}>
          {text}
        </Text>
        {action}
      </Stack>
    </Card>
  );
}
