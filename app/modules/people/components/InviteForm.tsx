import { Form, useNavigation } from "@remix-run/react";
import { Button, Group, Radio, Select, Stack, TextInput } from "@mantine/core";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";

type Props = {
  institutions: { id: string; shortName: string; name: string }[];
  /** A coordinator invites only into their own institution: shown, not chosen. */
  fixedInstitutionId: string | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

export function InviteForm({ institutions, fixedInstitutionId, values = {}, errors = {} }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const fixed = fixedInstitutionId ? institutions.find((i) => i.id === fixedInstitutionId) : undefined;
  return (
    <Form method="post" noValidate>
      <Stack>
        <TextInput name="email" type="email" label={t("admin.invite.email")} required autoComplete="off" defaultValue={values.email} error={err(errors.email)} />
        <TextInput name="name" label={t("admin.invite.name")} description={t("admin.invite.nameHint")} autoComplete="off" defaultValue={values.name} error={err(errors.name)} />
        {fixed ? (
          <>
            <input type="hidden" name="institutionId" value={fixed.id} />
            <TextInput label={t("admin.invite.institution")} value={`${fixed.shortName} — ${fixed.name}`} readOnly error={err(errors.institutionId)} />
          </>
        ) : (
          <Select
            name="institutionId"
            label={t("admin.invite.institution")}
            placeholder={t("admin.invite.institutionPlaceholder")}
            required
            searchable
            defaultValue={values.institutionId || (institutions.length === 1 ? institutions[0].id : null)}
            data={institutions.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` }))}
            error={err(errors.institutionId)}
          />
        )}
        <Radio.Group name="role" label={t("admin.invite.role")} defaultValue={values.role || "MEMBER"} error={err(errors.role)} required>
          <Stack gap="xs" mt="xs">
            <Radio value="MEMBER" label={t("role.MEMBER")} description={t("admin.invite.roleMemberHint")} />
            <Radio value="COORDINATOR" label={t("role.COORDINATOR")} description={t("admin.invite.roleCoordinatorHint")} />
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={busy}>
            {t("admin.invite.submit")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
