import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { WORKSPACE_ROLES } from "../workspaces.schema";

type Candidates = {
  people: { id: string; name: string; email: string; institution: { shortName: string } | null }[];
  institutions: { id: string; shortName: string; name: string }[];
};

function RoleSelect({ error, defaultValue = "EDITOR" }: { error?: string; defaultValue?: string }) {
  const t = useT();
  return (
    <Select
      name="role"
      label={t("workspaces.members.role")}
      required
      allowDeselect={false}
      defaultValue={defaultValue}
      data={WORKSPACE_ROLES.map((r) => ({ value: r, label: `${t(`workspaces.role.${r}`)} — ${t(`workspaces.role.${r}.hint`)}` }))}
      error={error}
      w={{ base: "100%", sm: 320 }}
    />
  );
}

/** OWNERs add a person (any active person of any partner institution) or a whole institution. */
export function AddMemberForms({
  candidates,
  truncated,
  intent,
  values = {},
  errors = {},
}: {
  candidates: Candidates;
  truncated: boolean;
  /** Which form the errors belong to. */
  intent?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const personErrors = intent === "addMember" ? errors : {};
  const institutionErrors = intent === "addInstitution" ? errors : {};
  return (
    <Group align="stretch" grow wrap="wrap" gap="md">
      <Card withBorder padding="lg" component="section" aria-labelledby="add-person" miw={300}>
        <Title order={3} fz="h5" id="add-person">
          {t("workspaces.members.addPerson")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("workspaces.members.addPersonHint")}
        </Text>
        {candidates.people.length === 0 ? (
          <Text size="sm">{t("workspaces.members.noCandidatesPeople")}</Text>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="addMember" />
            <Stack gap="sm">
              <Select
                name="userId"
                label={t("workspaces.members.person")}
                placeholder={t("workspaces.members.personPlaceholder")}
                description={truncated ? t("workspaces.members.truncated", { count: candidates.people.length }) : undefined}
                nothingFoundMessage={t("workspaces.members.nothingFound")}
                required
                searchable
                defaultValue={intent === "addMember" ? values.userId : undefined}
                data={candidates.people.map((p) => ({
                  value: p.id,
                  label: `${p.name} — ${p.institution?.shortName ?? "—"} (${p.email})`,
                }))}
                error={err(personErrors.userId)}
              />
              <RoleSelect error={err(personErrors.role)} defaultValue={intent === "addMember" ? values.role : undefined} />
              <Group>
                <Button type="submit" loading={busy}>
                  {t("workspaces.members.addPersonSubmit")}
                </Button>
              </Group>
            </Stack>
          </Form>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="add-institution" miw={300}>
        <Title order={3} fz="h5" id="add-institution">
          {t("workspaces.members.addInstitution")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("workspaces.members.addInstitutionHint")}
        </Text>
        {candidates.institutions.length === 0 ? (
          <Text size="sm">{t("workspaces.members.noCandidatesInstitutions")}</Text>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="addInstitution" />
            <Stack gap="sm">
              <Select
                name="institutionId"
                label={t("workspaces.members.institution")}
                placeholder={t("workspaces.members.institutionPlaceholder")}
                nothingFoundMessage={t("workspaces.members.nothingFound")}
                required
                searchable
                defaultValue={intent === "addInstitution" ? values.institutionId : undefined}
                data={candidates.institutions.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` }))}
                error={err(institutionErrors.institutionId)}
              />
              <RoleSelect error={err(institutionErrors.role)} defaultValue={intent === "addInstitution" ? values.role : undefined} />
              <Group>
                <Button type="submit" loading={busy}>
                  {t("workspaces.members.addInstitutionSubmit")}
                </Button>
              </Group>
            </Stack>
          </Form>
        )}
      </Card>
    </Group>
  );
}
