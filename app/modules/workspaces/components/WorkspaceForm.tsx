import { useState } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, ColorSwatch, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { WORKSPACE_COLORS, WORKSPACE_ICONS } from "../workspaces.schema";
import { WorkspaceAvatar, workspaceColor, workspaceIcon } from "./WorkspaceIcon";

export type WorkspaceFormValues = Partial<Record<"name" | "description" | "color" | "icon" | "owningInstitutionId", string | null>>;

type Props = {
  values?: WorkspaceFormValues;
  errors?: FieldErrors;
  institutions: { id: string; shortName: string; name: string }[];
  /** A coordinator creates for their own institution: shown, not chosen. */
  fixedInstitutionId?: string | null;
  submitLabel: string;
  cancelTo: string;
};

/** Create and settings share this form; errors arrive as translation keys from the server. */
export function WorkspaceForm({ values = {}, errors = {}, institutions, fixedInstitutionId, submitLabel, cancelTo }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const [color, setColor] = useState(workspaceColor(values.color ?? "teal"));
  const [icon, setIcon] = useState(values.icon || "folders");
  const fixed = fixedInstitutionId ? institutions.find((i) => i.id === fixedInstitutionId) : undefined;
  const CurrentIcon = workspaceIcon(icon);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="save" />
      <Stack>
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ paddingTop: 26 }}>
            <WorkspaceAvatar color={color} icon={icon} size="xl" />
          </div>
          <TextInput
            name="name"
            label={t("workspaces.form.name")}
            description={t("workspaces.form.nameHint")}
            required
            defaultValue={values.name ?? ""}
            error={err(errors.name)}
            maxLength={120}
            style={{ flex: 1 }}
          />
        </Group>
        <Textarea
          name="description"
          label={t("workspaces.form.description")}
          description={t("workspaces.form.descriptionHint")}
          defaultValue={values.description ?? ""}
          error={err(errors.description)}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            name="color"
            label={t("workspaces.form.color")}
            value={color}
            onChange={(v) => v && setColor(workspaceColor(v))}
            allowDeselect={false}
            data={WORKSPACE_COLORS.map((c) => ({ value: c, label: t(`workspaces.color.${c}`) }))}
            leftSection={<ColorSwatch color={`var(--mantine-color-${color}-6)`} size={16} aria-hidden />}
            renderOption={({ option }) => (
              <Group gap="xs" wrap="nowrap">
                <ColorSwatch color={`var(--mantine-color-${option.value}-6)`} size={14} aria-hidden />
                {option.label}
              </Group>
            )}
            error={err(errors.color)}
          />
          <Select
            name="icon"
            label={t("workspaces.form.icon")}
            value={icon}
            onChange={(v) => v && setIcon(v)}
            allowDeselect={false}
            data={WORKSPACE_ICONS.map((i) => ({ value: i, label: t(`workspaces.icon.${i}`) }))}
            leftSection={<CurrentIcon size={16} aria-hidden />}
            renderOption={({ option }) => {
              const Icon = workspaceIcon(option.value);
              return (
                <Group gap="xs" wrap="nowrap">
                  <Icon size={16} aria-hidden />
                  {option.label}
                </Group>
              );
            }}
            error={err(errors.icon)}
          />
        </SimpleGrid>
        {fixed ? (
          <>
            <input type="hidden" name="owningInstitutionId" value={fixed.id} />
            <TextInput
              label={t("workspaces.form.owningInstitution")}
              description={t("workspaces.form.owningInstitutionHint")}
              value={`${fixed.shortName} — ${fixed.name}`}
              readOnly
              error={err(errors.owningInstitutionId)}
            />
          </>
        ) : (
          <Select
            name="owningInstitutionId"
            label={t("workspaces.form.owningInstitution")}
            description={t("workspaces.form.owningInstitutionHint")}
            placeholder={t("workspaces.form.owningInstitutionPlaceholder")}
            required
            searchable
            allowDeselect={false}
            defaultValue={values.owningInstitutionId || (institutions.length === 1 ? institutions[0].id : null)}
            data={institutions.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` }))}
            error={err(errors.owningInstitutionId)}
          />
        )}
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
