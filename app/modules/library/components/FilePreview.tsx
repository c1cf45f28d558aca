import { Anchor, Card, Image, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import { isInlinePreviewable } from "../file-types";

type Props = {
  name: string;
  mimeType: string;
  previewUrl: string;
  text: { text: string; truncated: boolean } | null;
};

/**
 * PDFs in a same-origin <iframe> (the preview route may be framed by us only), images as <img>,
 * text/Markdown/CSV as plain text: React escapes it, so nothing in a file can become HTML.
 */
export function FilePreview({ name, mimeType, previewUrl, text }: Props) {
  const t = useT();
  let body: React.ReactNode;
  if (mimeType === "application/pdf") {
    body = (
      <Stack gap="xs">
        <iframe src={previewUrl} title={t("library.preview.frameTitle", { name })} style={{ width: "100%", height: "75vh", border: 0, borderRadius: 8, background: "var(--mantine-color-gray-1)" }} />
        <Anchor href={previewUrl} target="_blank" rel="noopener" size="sm">
          {t("library.preview.openNewTab")}
        </Anchor>
      </Stack>
    );
  } else if (isInlinePreviewable(mimeType)) {
    body = <Image src={previewUrl} alt={t("library.preview.imageAlt", { name })} fit="contain" mah="75vh" w="auto" maw="100%" radius="sm" />;
  } else if (text) {
    body = (
      <Stack gap="xs">
        <ScrollArea.Autosize mah="60vh" type="auto" offsetScrollbars>
          <pre style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: "var(--mantine-font-size-sm)", fontFamily: "var(--mantine-font-family-monospace)" }} tabIndex={0}>
            {text.text}
          </pre>
        </ScrollArea.Autosize>
        {text.truncated ? (
          <Text size="xs" c="dimmed">
            {t("library.preview.truncated")}
          </Text>
        ) : null}
      </Stack>
    );
  } else {
    body = (
      <Text size="sm" c="dimmed">
        {t("library.preview.none")}
      </Text>
    );
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="library-preview-title">
      <Stack gap="sm">
        <Title order={3} id="library-preview-title" fz="h4">
          {t("library.preview.title")}
        </Title>
        {body}
      </Stack>
    </Card>
  );
}
