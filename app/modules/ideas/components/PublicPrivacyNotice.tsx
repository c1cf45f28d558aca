import { Box, List, Text } from "@mantine/core";
import { useT } from "~/utils/i18n-react";

/**
 * The RODO information clause, folded in a native <details> (keyboard and screen-reader friendly,
 * no JavaScript needed). `id="rodo"` lets other places link to it.
 */
export function PublicPrivacyNotice({ contact, retentionDays, open = false }: { contact: string; retentionDays: number; open?: boolean }) {
  const t = useT();
  return (
    <Box component="details" id="rodo" open={open} style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 8, padding: "8px 12px" }}>
      <Text component="summary" fw={600} size="sm" style={{ cursor: "pointer" }}>
        {t("ideasPublic.form.privacyLink")}
      </Text>
      <Text fw={600} size="sm" mt="sm">
        {t("ideasPublic.privacy.title")}
      </Text>
      <List size="sm" spacing={6} mt="xs">
        <List.Item>{t("ideasPublic.privacy.admin")}</List.Item>
        <List.Item>{t("ideasPublic.privacy.scope")}</List.Item>
        <List.Item>{t("ideasPublic.privacy.purpose")}</List.Item>
        <List.Item>{t("ideasPublic.privacy.retention", { days: retentionDays })}</List.Item>
        <List.Item>{t("ideasPublic.privacy.rights", { contact })}</List.Item>
        <List.Item>{t("ideasPublic.privacy.ip")}</List.Item>
      </List>
    </Box>
  );
}
