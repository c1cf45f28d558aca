import { Card, ScrollArea, Stack, Text, Title, Typography } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import type { DocxPreviewData } from "../search-types";

/**
 * The DOCX preview of the file page. `preview.html` comes from docxPreviewHtml, which converts
 * the document and passes it through a strict allowlist sanitizer (text structure and http(s)
 * links only; no scripts, styles, images or event handlers), so it is safe to insert.
 */
export function DocxPreview({ preview }: { preview: DocxPreviewData }) {
  const t = useT();
  let body: React.ReactNode;
  if (preview.status === "ok" && preview.html) {
    body = (
      <Stack gap="xs">
        <ScrollArea.Autosize mah="75vh" type="auto" offsetScrollbars>
          <Typography>
            <div className="docx-preview" style={{ overflowWrap: "anywhere" }} tabIndex={0} dangerouslySetInnerHTML={{ __html: preview.html }} />
          </Typography>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          {preview.truncated ? t("search.docx.truncated") : t("search.docx.note")}
        </Text>
      </Stack>
    );
  } else {
    const key = preview.status === "ok" ? "search.docx.empty" : preview.status === "tooLarge" ? "search.docx.tooLarge" : "search.docx.failed";
    body = (
      <Text size="sm" c="dimmed">
        {t(key)}
      </Text>
    );
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="docx-preview-title">
      <Stack gap="sm">
        <Title order={3} id="docx-preview-title" fz="h4">
          {t("search.docx.title")}
        </Title>
        {body}
      </Stack>
    </Card>
  );
}
