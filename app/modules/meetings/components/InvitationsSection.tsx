import { Form, useNavigation } from "@remix-run/react";
import { Badge, Button, Card, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { FormError } from "~/components/FormError";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDateTime } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { RSVP_ORDER, type RsvpState } from "../invitations.schema";
import { InvitationForms, type InstitutionChoice, type InvitationCandidates } from "./InvitationForms";
import { RsvpButtons } from "./RsvpButtons";
import { RsvpStatusLabel } from "./RsvpStatusLabel";

/** The data of loadInvitations (dates may arrive serialised). */
export type InvitationsSectionData = {
  institutions: { institutionId: string; name: string; shortName: string; people: number }[];
  invitations: {
    id: string;
    userId: string | null;
    name: string;
    email: string | null;
    guest: boolean;
    institution: string | null;
    viaInstitution: string | null;
    rsvp: RsvpState;
    rsvpAt: Date | string | null;
    emailedAt: Date | string | null;
  }[];
  counts: Record<RsvpState, number>;
  mine: { invitationId: string | null; rsvp: RsvpState } | null;
  candidates: InvitationCandidates;
  institutionChoices: InstitutionChoice[];
};

type Props = {
  data: InvitationsSectionData;
  /** `invite`: the organiser's forms and row actions; `rsvp`: the viewer may answer (invited, not cancelled). */
  can: { invite: boolean; rsvp: boolean };
  /** The action's answer for a failed invitation intent. */
  actionData?: { intent?: string; errors?: FieldErrors; values?: Record<string, string> } | null;
};

/** Invited institutions and people with their answers; the organiser's invite forms; my own answer. */
export function InvitationsSection({ data, can, actionData }: Props) {
  const t = useT();
  const locale = useLocale();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const ownIntent = actionData?.intent && (actionData.intent.startsWith("invite") || actionData.intent === "rsvp") ? actionData : null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invitations-title">
      <Stack gap="md">
        <Title order={3} id="invitations-title">
          {t("meetingInvitations.title")}
        </Title>

        <FormError message={err(ownIntent?.errors?._form)} />

        {can.rsvp && data.mine ? <RsvpButtons rsvp={data.mine.rsvp} /> : null}

        <Group gap="xs" aria-label={t("meetingInvitations.counts")} role="list">
          {RSVP_ORDER.map((state) => (
            <Badge key={state} variant="light" color="gray" size="lg" tt="none" role="listitem">
              {t("meetingInvitations.counts.item", { label: t(`meetingInvitations.rsvp.${state}`), count: data.counts[state] })}
            </Badge>
          ))}
        </Group>

        <Stack gap="xs">
          <Title order={4}>
            {t("meetingInvitations.institutions")}
          </Title>
          {data.institutions.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("meetingInvitations.institutions.none")}
            </Text>
          ) : (
            <List spacing="xs" listStyleType="none" p={0}>
              {data.institutions.map((i) => (
                <List.Item key={i.institutionId}>
                  <Group gap="sm" wrap="wrap">
                    <Text fw={600}>{i.shortName}</Text>
                    <Text size="sm">{i.name}</Text>
                    <Text size="sm" c="dimmed">
                      {t("meetingInvitations.institution.people", { count: i.people })}
                    </Text>
                    {can.invite ? (
                      <ConfirmAction
                        label={t("meetingInvitations.remove")}
                        ariaLabel={t("meetingInvitations.removeInstitution.label", { name: i.shortName })}
                        title={t("meetingInvitations.removeInstitution.label", { name: i.shortName })}
                        text={t("meetingInvitations.removeInstitution.confirm", { name: i.shortName })}
                        confirmLabel={t("meetingInvitations.remove")}
                        fields={{ intent: "inviteRemove", institutionId: i.institutionId }}
                      />
                    ) : null}
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>

        <Stack gap="xs">
          <Title order={4}>
            {t("meetingInvitations.people")}
          </Title>
          {data.invitations.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("meetingInvitations.people.none")}
            </Text>
          ) : (
            <DataTable
              caption={t("meetingInvitations.people")}
              minWidth={can.invite ? 760 : 520}
              columns={[
                { label: t("meetingInvitations.col.person") },
                { label: t("meetingInvitations.col.organisation") },
                { label: t("meetingInvitations.col.rsvp") },
                ...(can.invite ? [{ label: t("meetingInvitations.col.emailed") }, { label: t("meetingInvitations.col.actions"), hidden: true }] : []),
              ]}
            >
              {data.invitations.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.name}
                    </Text>
                    {row.guest && row.email ? (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                        {row.email}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.guest ? t("meetingInvitations.guest") : (row.institution ?? "—")}</Text>
                    {row.viaInstitution ? (
                      <Text size="xs" c="dimmed">
                        {t("meetingInvitations.via", { institution: row.viaInstitution })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <RsvpStatusLabel rsvp={row.rsvp} />
                  </Table.Td>
                  {can.invite ? (
                    <>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {row.emailedAt ? t("meetingInvitations.emailed", { date: formatDateTime(row.emailedAt, locale) }) : t("meetingInvitations.notEmailed")}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          <Form method="post">
                            <input type="hidden" name="intent" value="inviteResend" />
                            <input type="hidden" name="invitationId" value={row.id} />
                            <Button type="submit" size="xs" variant="default" disabled={busy} aria-label={t("meetingInvitations.resend.label", { name: row.name })}>
                              {t("meetingInvitations.resend")}
                            </Button>
                          </Form>
                          <ConfirmAction
                            label={t("meetingInvitations.remove")}
                            ariaLabel={t("meetingInvitations.remove.label", { name: row.name })}
                            title={t("meetingInvitations.remove.label", { name: row.name })}
                            text={t("meetingInvitations.remove.confirm", { name: row.name })}
                            confirmLabel={t("meetingInvitations.remove")}
                            fields={{ intent: "inviteRemove", invitationId: row.id }}
                          />
                        </Group>
                      </Table.Td>
                    </>
                  ) : null}
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </Stack>

        {can.invite ? (
          <InvitationForms
            // Remounted when someone was invited, so the forms are empty again (the failed intent keeps its values).
            key={data.invitations.length + data.institutions.length}
            candidates={data.candidates}
            institutionChoices={data.institutionChoices}
            intent={ownIntent?.intent}
            errors={ownIntent?.errors}
            values={ownIntent?.values}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
