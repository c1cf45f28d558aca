import { useEffect, useRef, useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Box, Button, Checkbox, Fieldset, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { FormError } from "~/components/FormError";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { HONEYPOT_FIELD, IDEA_CATEGORIES, LIMITS, TOKEN_FIELD } from "../ideas-public.schema";
import { PublicPrivacyNotice } from "./PublicPrivacyNotice";

export type PublicFormValues = Partial<Record<"title" | "description" | "category" | "location" | "name" | "email" | "consent", string>>;

type Props = {
  token: string;
  values?: PublicFormValues;
  errors?: FieldErrors;
  formError?: string | null;
  privacy: { contact: string; retentionDays: number };
};

/** The order fields appear in: the first one with an error gets the focus after a failed send. */
const FIELD_ORDER = ["title", "description", "category", "location", "name", "email", "consent"] as const;

/**
 * The residents' idea form. Phone first (one column, 16 px inputs so phones do not zoom, a full-width
 * button), works without JavaScript, errors next to their fields and announced; after a failed send
 * the focus moves to the first field to correct (or to the message when no field is at fault).
 */
export function PublicIdeaForm({ token, values = {}, errors = {}, formError, privacy }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [descriptionLength, setDescriptionLength] = useState((values.description ?? "").length);
  const hasErrors = Object.values(errors).some(Boolean);

  useEffect(() => {
    if (!hasErrors && !formError) return;
    const first = FIELD_ORDER.find((f) => errors[f]);
    const field = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
    (field ?? messageRef.current)?.focus();
  }, [errors, formError, hasErrors]);

  const summary = formError ? err(formError) : hasErrors ? t("ideasPublic.form.errorSummary") : undefined;

  return (
    <Form method="post" noValidate ref={formRef} aria-label={t("ideasPublic.form.label")}>
      <Stack gap="lg">
        <div ref={messageRef} tabIndex={-1}>
          <FormError message={summary} />
        </div>
        <Text size="sm" c="dimmed">
          {t("ideasPublic.requiredNote")}
        </Text>
        <input type="hidden" name={TOKEN_FIELD} value={token} />
        <Fieldset legend={t("ideasPublic.form.idea")} variant="unstyled">
          <Stack gap="md">
            <TextInput
              name="title"
              size="md"
              label={t("ideasPublic.form.title")}
              description={t("ideasPublic.form.titleHint")}
              required
              maxLength={LIMITS.titleMax}
              defaultValue={values.title}
              error={err(errors.title)}
            />
            <Textarea
              name="description"
              size="md"
              label={t("ideasPublic.form.description")}
              description={`${t("ideasPublic.form.descriptionHint")} ${t("ideasPublic.form.count", { count: descriptionLength, max: LIMITS.descriptionMax })}`}
              required
              autosize
              minRows={6}
              maxRows={16}
              maxLength={LIMITS.descriptionMax}
              defaultValue={values.description}
              onChange={(e) => setDescriptionLength(e.currentTarget.value.length)}
              error={err(errors.description)}
            />
            <NativeSelect
              name="category"
              size="md"
              label={t("ideasPublic.form.category")}
              required
              defaultValue={values.category ?? ""}
              data={[{ value: "", label: t("ideasPublic.form.categoryPlaceholder"), disabled: true }, ...IDEA_CATEGORIES.map((c) => ({ value: c, label: t(`ideasPublic.category.${c}`) }))]}
              error={err(errors.category)}
            />
            <TextInput
              name="location"
              size="md"
              label={t("ideasPublic.form.location")}
              description={t("ideasPublic.form.locationHint")}
              maxLength={LIMITS.locationMax}
              defaultValue={values.location}
              error={err(errors.location)}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t("ideasPublic.form.contact")}>
          <Stack gap="md">
            <Text size="sm">{t("ideasPublic.form.contactHint")}</Text>
            <TextInput name="name" size="md" label={t("ideasPublic.form.name")} autoComplete="name" maxLength={LIMITS.nameMax} defaultValue={values.name} error={err(errors.name)} />
            <TextInput
              name="email"
              type="email"
              inputMode="email"
              size="md"
              label={t("ideasPublic.form.email")}
              autoComplete="email"
              maxLength={LIMITS.emailMax}
              defaultValue={values.email}
              error={err(errors.email)}
            />
            <Checkbox
              name="consent"
              size="md"
              label={t("ideasPublic.form.consent")}
              description={t("ideasPublic.form.consentHint")}
              defaultChecked={values.consent === "on"}
              error={err(errors.consent)}
            />
            <PublicPrivacyNotice contact={privacy.contact} retentionDays={privacy.retentionDays} />
          </Stack>
        </Fieldset>
        {/* The honeypot: off-screen, hidden from assistive technology and out of the tab order. */}
        <Box aria-hidden style={{ position: "absolute", left: "-10000px", top: "auto", width: 1, height: 1, overflow: "hidden" }}>
          <label htmlFor="idea-website">{t("ideasPublic.form.honeypot")}</label>
          <input id="idea-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </Box>
        <Button type="submit" size="md" loading={busy} leftSection={<IconSend size={18} aria-hidden />} w={{ base: "100%", sm: "auto" }} style={{ alignSelf: "flex-start" }}>
          {t("ideasPublic.form.submit")}
        </Button>
      </Stack>
    </Form>
  );
}

