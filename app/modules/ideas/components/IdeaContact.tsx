// The resident's contact data (only on this page, only for those who handle the idea), the consent
// they gave, and — for the coordinators — erasing it on request (RODO). After erasure only the
// date remains: "dane kontaktowe usunięte".
import { Alert, Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { IconShieldLock } from "@tabler/icons-react";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

type Contact = {
  erasedAt: string | Date | null;
  name: string | null;
  email: string | null;
  consentAt: string | Date | null;
  consentText: string | null;
};

export function IdeaContact({ contact, reference, canErase }: { contact: Contact; reference: string; canErase: boolean }) {
  const t = useT();
  const locale = useLocale();
  const has = !!(contact.name || contact.email);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-kontakt">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-kontakt">
          {t("ideasInbox.contact.title")}
        </Title>
        {contact.erasedAt ? (
          <Alert color="gray" variant="light" icon={<IconShieldLock size={18} aria-hidden />}>
            {t("ideasInbox.contact.erasedAt", { date: formatDateTime(contact.erasedAt, locale) })}
          </Alert>
        ) : !has ? (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.contact.none")}
          </Text>
        ) : (
          <>
            <Stack gap={2}>
              {contact.name ? <Text size="sm">{contact.name}</Text> : null}
              {contact.email ? (
                <Anchor href={`mailto:${contact.email}`} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {contact.email}
                </Anchor>
              ) : null}
            </Stack>
            {contact.consentAt ? (
              <Text size="xs" c="dimmed">
                {t("ideasInbox.contact.consentAt", { date: formatDateTime(contact.consentAt, locale) })}
              </Text>
            ) : null}
            {contact.consentText ? (
              <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                „{contact.consentText}”
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {t("ideasInbox.contact.internal")}
            </Text>
            {canErase ? (
              <div>
                <ConfirmAction
                  label={t("ideasInbox.contact.erase")}
                  title={t("ideasInbox.contact.eraseTitle", { reference })}
                  text={t("ideasInbox.contact.eraseText")}
                  confirmLabel={t("ideasInbox.contact.eraseConfirm")}
                  fields={{ intent: "contact.erase" }}
                />
              </div>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}
