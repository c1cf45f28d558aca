import { Group, Text, ThemeIcon } from "@mantine/core";

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={32} radius="md" aria-hidden>
        <Text fw={800} c="white">
          R
        </Text>
      </ThemeIcon>
      <Text fw={750} fz="lg">
        Razem
      </Text>
    </Group>
  );
}
