// "Wstaw obraz": pick an image from the workspace library (searchable grid of thumbnails); the
// draft stores the library's preview address, which is authorised on every request.
import { useEffect, useState } from "react";
import { Anchor, Button, Image, Loader, Modal, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { Link, useFetcher } from "@remix-run/react";
import { IconSearch } from "@tabler/icons-react";
import { libraryUrls } from "~/modules/library/library-urls";
import { useT } from "~/utils/i18n-react";
import type { LibraryImage } from "../library-images.server";

type Props = { workspaceId: string; opened: boolean; onClose: () => void; onPick: (image: { src: string; alt: string }) => void };

/** "Mapa-regionu.png" → "Mapa regionu": a reasonable alternative text until the author changes it. */
function altFromName(name: string): string {
  return name.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ").trim();
}

export function LibraryImagePicker({ workspaceId, opened, onClose, onPick }: Props) {
  const t = useT();
  const fetcher = useFetcher<{ items: LibraryImage[]; more: boolean }>();
  const [query, setQuery] = useState("");
  const url = `/przestrzenie/${encodeURIComponent(workspaceId)}/strategie/obrazy`;

  // Load when opened and after typing stops for a moment.
  useEffect(() => {
    if (!opened) return;
    const timer = window.setTimeout(() => fetcher.load(`${url}?q=${encodeURIComponent(query)}`), query ? 250 : 0);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetcher is stable enough; reload on query/open only
  }, [opened, query, url]);

  const items = fetcher.data?.items ?? [];
  const loading = fetcher.state === "loading";
  return (
    <Modal opened={opened} onClose={onClose} title={t("strategy.images.title")} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t("strategy.images.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-autofocus
        />
        <div aria-live="polite" aria-busy={loading}>
          {loading && items.length === 0 ? (
            <Loader size="sm" aria-label={t("strategy.images.loading")} />
          ) : items.length === 0 && fetcher.data ? (
            <Stack gap={4}>
              <Text>{query ? t("strategy.images.noMatch", { query }) : t("strategy.images.empty")}</Text>
              <Anchor component={Link} to={libraryUrls.root(workspaceId)} size="sm">
                {t("strategy.images.toLibrary")}
              </Anchor>
            </Stack>
          ) : (
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
              {items.map((image) => (
                <UnstyledButton
                  key={image.id}
                  onClick={() => onPick({ src: image.url, alt: altFromName(image.name) })}
                  aria-label={t("strategy.images.insert", { name: image.name })}
                  style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 6, padding: 6 }}
                >
                  <Image src={image.url} alt="" h={96} fit="contain" loading="lazy" />
                  <Text size="xs" mt={4} lineClamp={2}>
                    {image.name}
                  </Text>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          )}
        </div>
        {fetcher.data?.more ? (
          <Text size="sm" c="dimmed">
            {t("strategy.images.more")}
          </Text>
        ) : null}
        <Button variant="default" onClick={onClose} style={{ alignSelf: "flex-end" }}>
          {t("strategy.images.cancel")}
        </Button>
      </Stack>
    </Modal>
  );
}
