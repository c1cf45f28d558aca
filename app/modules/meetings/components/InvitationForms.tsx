import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { EMAIL_MAX, GUEST_NAME_MAX } from "../invitations.schema";

export type InvitationCandidates = { institution: string; people: { id: string; name: string }[] }[];
export type InstitutionChoice = { id: string; name: string; shortName: string };

type Props = {
  candidates: InvitationCandidates;
  institutionChoices: InstitutionChoice[];
  /** The failed intent's errors and posted values (from the action), if any. */
  intent?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

/** The organiser's forms: people (grouped by institution), a whole institution, an external guest. */
export function InvitationForms({ candidates, institutionChoices, intent, errors = {}, values = {} }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const mine = (name: string) => (intent === name ? errors : {});
  const vals = (name: string) => (intent === name ? values : {});
  return (
    <Card withBorder component="section" aria-labelledby="invite-add-title">
      <Stack gap="md">
        <Title order={4} id="invite-add-title">
          {t("meetingInvitations.add.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="inviteUsers" />
            <Stack gap="sm">
              <MultiSelect
                name="userIds"
                label={t("meetingInvitations.invitePeople.label")}
                placeholder={t("meetingInvitations.invitePeople.placeholder")}
                searchable
                hidePickedOptions
                required
                defaultValue={(vals("inviteUsers").userIds ?? "").split(",").filter(Boolean)}
                data={candidates.map((g) => ({ group: g.institution, items: g.people.map((p) => ({ value: p.id, label: p.name })) }))}
                error={err(mine("inviteUsers").userIds)}
              />
              <Group>
                <Button type="submit" loading={busy}>
                  {t("meetingInvitations.invitePeople.submit")}
                </Button>
              </Group>
            </Stack>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="inviteInstitution" />
            <Stack gap="sm">
              <Select
                name="institutionId"
                label={t("meetingInvitations.inviteInstitution.label")}
                placeholder={t("meetingInvitations.inviteInstitution.placeholder")}
                description={t("meetingInvitations.inviteInstitution.hint")}
                required
                defaultValue={vals("inviteInstitution").institutionId || null}
                data={institutionChoices.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` }))}
                error={err(mine("inviteInstitution").institutionId)}
              />
              <Group>
                <Button type="submit" loading={busy} disabled={institutionChoices.length === 0}>
                  {t("meetingInvitations.inviteInstitution.submit")}
                </Button>
              </Group>
            </Stack>
          </Form>
        </SimpleGrid>
        <Form method="post" noValidate aria-labelledby="invite-guest-title">
          <input type="hidden" name="intent" value="inviteGuest" />
          <Stack gap="sm">
            <Title order={5} id="invite-guest-title">
              {t("meetingInvitations.inviteGuest.title")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                name="guestName"
                label={t("meetingInvitations.inviteGuest.name")}
                autoComplete="off"
                required
                maxLength={GUEST_NAME_MAX}
                defaultValue={vals("inviteGuest").guestName}
                error={err(mine("inviteGuest").guestName)}
              />
              <TextInput
                name="guestEmail"
                type="email"
                label={t("meetingInvitations.inviteGuest.email")}
                autoComplete="off"
                required
                maxLength={EMAIL_MAX}
                defaultValue={vals("inviteGuest").guestEmail}
                error={err(mine("inviteGuest").guestEmail)}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={busy}>
                {t("meetingInvitations.inviteGuest.submit")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Stack>
    </Card>
  );
}
