import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";

export type InstitutionFormValues = Partial<Record<
  "name" | "shortName" | "description" | "contactEmail" | "contactPhone" | "address" | "website" | "logoUrl",
  string | null
>>;

type Props = {
  values?: InstitutionFormValues;
  errors?: FieldErrors;
  submitLabel: string;
  cancelTo: string;
};

/** Create and edit share this form; errors arrive as translation keys from the server. */
export function InstitutionForm({ values = {}, errors = {}, submitLabel, cancelTo }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const v = (key: keyof InstitutionFormValues) => values[key] ?? "";
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="save" />
      <Stack>
        <TextInput name="name" label={t("admin.institution.name")} required defaultValue={v("name")} error={err(errors.name)} maxLength={200} />
        <TextInput
          name="shortName"
          label={t("admin.institution.shortName")}
          description={t("admin.institution.shortNameHint")}
          required
          defaultValue={v("shortName")}
          error={err(errors.shortName)}
          maxLength={20}
          autoCapitalize="characters"
        />
        <Textarea
          name="description"
          label={t("admin.institution.description")}
          description={t("admin.institution.descriptionHint")}
          defaultValue={v("description")}
          error={err(errors.description)}
          autosize
          minRows={3}
          maxRows={10}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput name="contactEmail" type="email" label={t("admin.institution.contactEmail")} autoComplete="off" defaultValue={v("contactEmail")} error={err(errors.contactEmail)} />
          <TextInput name="contactPhone" type="tel" label={t("admin.institution.contactPhone")} autoComplete="off" defaultValue={v("contactPhone")} error={err(errors.contactPhone)} />
        </SimpleGrid>
        <TextInput name="address" label={t("admin.institution.address")} defaultValue={v("address")} error={err(errors.address)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput name="website" type="url" label={t("admin.institution.website")} placeholder="https://" defaultValue={v("website")} error={err(errors.website)} />
          <TextInput
            name="logoUrl"
            type="url"
            label={t("admin.institution.logoUrl")}
            description={t("admin.institution.logoUrlHint")}
            placeholder="https://"
            defaultValue={v("logoUrl")}
            error={err(errors.logoUrl)}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t("form.cancel")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
