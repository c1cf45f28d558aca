import { Link } from "@remix-run/react";
import { Anchor, Button, Card, Group, Progress, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useLocale, useT } from "~/utils/i18n-react";
import { formatBytes, formatSpeed } from "../format";
import type { UploadItem } from "./useUploads";

type Props = {
  items: UploadItem[];
  onCancel: (id: string) => void;
  onClear: () => void;
  /** Screen-reader announcement of the last finished upload. */
  announcement: string;
};

/** One row per file: name, progress bar with percent and speed, Cancel; then the outcome. */
export function UploadList({ items, onCancel, onClear, announcement }: Props) {
  const t = useT();
  const locale = useLocale();
  const finished = items.filter((i) => i.status === "done" || i.status === "error" || i.status === "cancelled").length;
  return (
    <>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {items.length ? (
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600} size="sm" component="h3">
                {t("library.upload.listLabel")}
              </Text>
              {finished > 0 ? (
                <Button size="compact-xs" variant="subtle" onClick={onClear}>
                  {t("library.upload.clear")}
                </Button>
              ) : null}
            </Group>
            <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {items.map((item) => {
                const running = item.status === "uploading" || item.status === "processing" || item.status === "queued";
                const percent = item.total ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
                return (
                  <li key={item.id}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                        {item.status === "done" && item.result ? (
                          <Anchor component={Link} to={item.result.url} size="sm">
                            {item.name}
                          </Anchor>
                        ) : (
                          item.name
                        )}
                      </Text>
                      {running ? (
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => onCancel(item.id)} aria-label={t("library.upload.cancelLabel", { name: item.name })}>
                          {t("library.upload.cancel")}
                        </Button>
                      ) : null}
                    </Group>
                    {running ? (
                      <>
                        <Progress value={percent} size="sm" mt={4} aria-label={t("library.upload.progressLabel", { name: item.name })} animated={item.status === "processing"} />
                        <Text size="xs" c="dimmed" mt={2}>
                          {item.status === "queued"
                            ? t("library.upload.queued")
                            : item.status === "processing"
                              ? t("library.upload.processing")
                              : t("library.upload.sending", { percent, size: formatBytes(item.size, locale), speed: formatSpeed(item.speed, locale) })}
                        </Text>
                      </>
                    ) : (
                      <Group gap={4} mt={2} wrap="nowrap" align="flex-start">
                        {item.status === "done" ? <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden /> : null}
                        {item.status === "error" ? <IconAlertCircle size={16} color="var(--mantine-color-red-8)" aria-hidden /> : null}
                        <Text size="xs" c={item.status === "error" ? "red.8" : "dimmed"}>
                          {item.message}
                        </Text>
                      </Group>
                    )}
                  </li>
                );
              })}
            </Stack>
          </Stack>
        </Card>
      ) : null}
    </>
  );
}
