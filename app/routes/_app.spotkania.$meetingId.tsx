import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { RichTextView } from "~/components/RichTextField";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { requireUser } from "~/modules/auth/session.server";
import { loadMeetingAccess, requireMeeting, type MeetingContext } from "~/modules/meetings/access.server";
import { InvitationsSection } from "~/modules/meetings/components/InvitationsSection";
import { AgendaSection, AttendanceSection, MinutesSection, OutcomesSection } from "~/modules/meetings/components/MeetingSections";
import { invitationAction, loadInvitations, sendMeetingCancellation } from "~/modules/meetings/invitations.server";
import { allowedMeetingActions, canMeeting, type MeetingAction } from "~/modules/meetings/meetings.policy";
import { agendaItemSchema, minutesSchema, outcomeSchema, outcomeTaskSchema, walkInSchema } from "~/modules/meetings/meetings.schema";
import {
  addAgendaItem,
  addOutcome,
  addWalkIn,
  cancelMeeting,
  meetingPage,
  moveAgendaItem,
  outcomeToTask,
  peopleOptions,
  removeAgendaItem,
  removeOutcome,
  removeWalkIn,
  restoreMeeting,
  saveAttendance,
  saveMinutes,
  taskTeamsFor,
  trashMeeting,
  updateAgendaItem,
} from "~/modules/meetings/meetings.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import { taskUrl } from "~/modules/tasks/task-urls";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { formatDateTime, formatLongDay } from "~/utils/dates";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { saveMinutesToLibrary } from "~/modules/meetings/minutes-export.server";
import { redirectWithToast, refusalToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} — Razem` : "Razem" }];

/** The meeting, or — for its organisers only — the same meeting in the trash (to restore it). */
async function loadAny(user: AuthUser, meetingId: string): Promise<MeetingContext> {
  try {
    return await loadMeetingAccess(user, meetingId);
  } catch (e) {
    if (!(e instanceof Response) || e.status !== 404) throw e;
    const trashed = await loadMeetingAccess(user, meetingId, { trashed: true });
    if (!trashed.access.organizer) notFound();
    return trashed;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await loadAny(user, params.meetingId ?? "");
  const can = allowedMeetingActions(user, ctx.access);
  const trashed = !!ctx.meeting.deletedAt;
  const editable = can.edit && !trashed;
  const [{ meeting, tasks }, invitations, people, teams] = await Promise.all([
    meetingPage(ctx.meeting.id),
    loadInvitations(ctx.meeting.id, ctx.access, user),
    editable ? peopleOptions() : Promise.resolve([]),
    editable ? taskTeamsFor(user) : Promise.resolve([]),
  ]);
  const taskById = new Map(tasks.filter((x) => !x.deletedAt).map((x) => [x.id, x]));
  const attendanceByInvitation = new Map(meeting.attendance.filter((a) => a.invitationId).map((a) => [a.invitationId, a]));
  const attendance = [
    ...meeting.invitations.map((inv) => {
      const a = attendanceByInvitation.get(inv.id);
      return {
        key: inv.id,
        invitationId: inv.id,
        attendanceId: a?.id ?? null,
        name: a?.name ?? inv.user?.name ?? inv.guestName ?? inv.guestEmail ?? "—",
        organisation: a?.organisation ?? inv.user?.institution?.shortName ?? null,
        present: a?.present ?? false,
      };
    }),
    ...meeting.attendance.filter((a) => !a.invitationId).map((a) => ({ key: a.id, invitationId: null, attendanceId: a.id, name: a.name, organisation: a.organisation, present: a.present })),
  ];
  const { agenda, outcomes, invitations: _inv, attendance: _att, ...details } = meeting;
  return {
    meeting: details,
    agenda,
    attendance,
    outcomes: outcomes.map((o) => {
      const task = o.taskId ? taskById.get(o.taskId) : undefined;
      return { id: o.id, kind: o.kind, text: o.text, task: task ? { id: task.id, teamId: task.teamId, number: task.number, teamName: task.team.name } : null };
    }),
    invitations,
    people,
    teams,
    trashed,
    can: { ...can, edit: editable, manageAgenda: can.manageAgenda && !trashed, recordAttendance: can.recordAttendance && !trashed, editMinutes: can.editMinutes && !trashed, manageOutcomes: can.manageOutcomes && !trashed, cancel: can.cancel && !trashed },
    rsvp: ctx.access.invited && !ctx.access.cancelled && !trashed,
  };
}

type Failure = { intent: string; errors: FieldErrors; values: Record<string, string>; id?: string };

export async function action(args: ActionFunctionArgs) {
  const { request, params, context } = args;
  const user = await requireUser(request);
  const meetingId = params.meetingId ?? "";
  const ip = requestMeta(request, context).ip;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent.startsWith("invite") || intent.startsWith("rsvp")) return invitationAction(args, form, { user, meetingId });

  const values = formToObject(form);
  const here = `/spotkania/${meetingId}`;
  const fail = (errors: FieldErrors, status = 400, id?: string) => data<Failure>({ intent, errors, values, id }, { status });
  const need = (action: MeetingAction) => requireMeeting(user, meetingId, action, { ip });

  switch (intent) {
    case "restore": {
      const ctx = await loadMeetingAccess(user, meetingId, { trashed: true });
      if (!ctx.access.organizer) notFound(); // as on the page: the trash is the organisers' only
      await authorize(user, canMeeting(user, "delete", ctx.access), { action: "meeting.delete", entityType: "Meeting", entityId: meetingId, ip });
      await restoreMeeting(user, ctx, { ip });
      return redirectWithToast(here, { key: "meetings.restored" });
    }
    case "trash": {
      const ctx = await need("delete");
      await trashMeeting(user, ctx, { ip });
      return redirectWithToast("/spotkania", { key: "meetings.trashed" });
    }
    case "cancel": {
      const ctx = await need("cancel");
      await cancelMeeting(user, ctx, { ip });
      const mail = await sendMeetingCancellation(ctx.meeting.id);
      return redirectWithToast(here, mail.failed > 0 ? { key: "meetingInvitations.error.mail", vars: { count: mail.failed }, color: "red" } : { key: "meetings.cancelled" });
    }
    case "agendaAdd":
    case "agendaUpdate": {
      const ctx = await need("manageAgenda");
      const parsed = agendaItemSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error), 400, values.itemId);
      const res = intent === "agendaAdd" ? await addAgendaItem(user, ctx, parsed.data, { ip }) : await updateAgendaItem(user, ctx, values.itemId ?? "", parsed.data, { ip });
      if (res === "missing") notFound();
      if (res) return fail(res, 400, values.itemId);
      return redirectWithToast(here, { key: "meetings.saved" });
    }
    case "agendaRemove": {
      const ctx = await need("manageAgenda");
      if (!(await removeAgendaItem(user, ctx, values.itemId ?? "", { ip }))) notFound();
      return redirectWithToast(here, { key: "meetings.saved" });
    }
    case "agendaUp":
    case "agendaDown": {
      const ctx = await need("manageAgenda");
      await moveAgendaItem(user, ctx, values.itemId ?? "", intent === "agendaUp" ? -1 : 1, { ip });
      return redirectWithToast(here, { key: "meetings.saved" });
    }
    case "attendanceSave": {
      const ctx = await need("recordAttendance");
      const present = new Set(form.getAll("present").filter((v): v is string => typeof v === "string"));
      await saveAttendance(user, ctx, present, { ip });
      return redirectWithToast(here, { key: "meetings.attendance.saved" });
    }
    case "walkInAdd": {
      const ctx = await need("recordAttendance");
      const parsed = walkInSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addWalkIn(user, ctx, parsed.data, { ip });
      return redirectWithToast(here, { key: "meetings.attendance.saved" });
    }
    case "walkInRemove": {
      const ctx = await need("recordAttendance");
      if (!(await removeWalkIn(user, ctx, values.attendanceId ?? "", { ip }))) notFound();
      return redirectWithToast(here, { key: "meetings.attendance.saved" });
    }
    case "minutesSave": {
      const ctx = await need("editMinutes");
      const parsed = minutesSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      const res = await saveMinutes(user, ctx, parsed.data.minutes, parsed.data.version, { ip });
      if (!res.ok) return fail({ _form: "meetings.conflict" }, 409);
      return redirectWithToast(here, { key: "meetings.minutes.saved" });
    }
    case "minutesToLibrary": {
      const ctx = await need("editMinutes");
      const saved = await saveMinutesToLibrary(user, ctx, ip);
      if (!saved.ok) return redirectWithToast(here, refusalToast(saved.error));
      return redirectWithToast(here, { key: "meetings.minutesDoc.saved", vars: { name: saved.name, number: saved.number } });
    }
    case "outcomeAdd": {
      const ctx = await need("manageOutcomes");
      const parsed = outcomeSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addOutcome(user, ctx, parsed.data.kind, parsed.data.text, { ip });
      return redirectWithToast(here, { key: "meetings.saved" });
    }
    case "outcomeRemove": {
      const ctx = await need("manageOutcomes");
      if (!(await removeOutcome(user, ctx, values.outcomeId ?? "", { ip }))) notFound();
      return redirectWithToast(here, { key: "meetings.saved" });
    }
    case "outcomeTask": {
      const ctx = await need("manageOutcomes");
      const parsed = outcomeTaskSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error), 400, values.outcomeId);
      const res = await outcomeToTask(user, ctx, parsed.data, { ip });
      if (!res.ok) {
        if (res.status === 404) notFound();
        if (res.status === 403) await authorize(user, false, { action: "task.createFromMeeting", entityType: "Team", entityId: parsed.data.teamId, ip });
        return fail(res.errors ?? { _form: "meetings.outcomes.taskFailed" }, 400, values.outcomeId);
      }
      return redirectWithToast(taskUrl(res.teamId, res.taskId), { key: "meetings.outcomes.taskCreated" });
    }
    default:
      return fail({ _form: "validation.invalid" });
  }
}

export default function MeetingPage() {
  const { meeting, agenda, attendance, outcomes, invitations, people, teams, trashed, can, rsvp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as (Failure & { intent?: string }) | undefined;
  const t = useT();
  const locale = useLocale();
  // "piątek, 4 grudnia 2026, 17:00–19:00" (Warsaw time), as in the invitation; both ends in full across days.
  const when =
    warsawDate(new Date(meeting.startsAt)) === warsawDate(new Date(meeting.endsAt))
      ? t("meetingInvitations.when", { date: formatLongDay(meeting.startsAt, locale), start: warsawTime(new Date(meeting.startsAt)), end: warsawTime(new Date(meeting.endsAt)) })
      : `${formatDateTime(meeting.startsAt, locale)} – ${formatDateTime(meeting.endsAt, locale)}`;
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/spotkania" size="sm">
        {t("meetings.backToList")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t(`meetings.kind.${meeting.kind}`)}
            </Badge>
            {meeting.cancelledAt ? (
              <Badge color="red" tt="none">
                {t("meetings.cancelledBadge")}
              </Badge>
            ) : null}
          </Group>
          <Title order={2}>{meeting.title}</Title>
          <Text c="dimmed">{when}</Text>
        </Stack>
        <Group gap="xs">
          {can.edit ? (
            <Button component={Link} to={`/spotkania/${meeting.id}/edytuj`} variant="default" size="xs">
              {t("meetings.actions.edit")}
            </Button>
          ) : null}
          {can.cancel ? (
            <ConfirmAction label={t("meetings.actions.cancel")} title={t("meetings.actions.cancelTitle")} text={t("meetings.actions.cancelText")} confirmLabel={t("meetings.actions.cancel")} fields={{ intent: "cancel" }} />
          ) : null}
          {can.delete && !trashed ? (
            <ConfirmAction label={t("meetings.actions.trash")} title={t("meetings.actions.trashTitle")} text={t("meetings.actions.trashText")} confirmLabel={t("meetings.actions.trash")} fields={{ intent: "trash" }} />
          ) : null}
        </Group>
      </Group>
      {trashed ? (
        <Alert color="yellow" variant="light">
          <Group justify="space-between">
            <Text>{t("meetings.inTrash")}</Text>
            <Form method="post">
              <input type="hidden" name="intent" value="restore" />
              <Button type="submit" size="xs">
                {t("meetings.actions.restore")}
              </Button>
            </Form>
          </Group>
        </Alert>
      ) : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="details-h">
        <Stack gap="sm">
          <Title order={3} id="details-h">
            {t("meetings.details")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" style={{ margin: 0 }}>
            <Detail label={t("meetings.details.when")}>{when}</Detail>
            {meeting.place ? <Detail label={t("meetings.details.where")}>{meeting.place}</Detail> : null}
            {meeting.onlineUrl ? (
              <Detail label={t("meetings.details.online")}>
                <Anchor href={meeting.onlineUrl} target="_blank" rel="noreferrer">
                  {meeting.onlineUrl}
                </Anchor>
              </Detail>
            ) : null}
            <Detail label={t("meetings.details.organizer")}>{meeting.organizerInstitution.name}</Detail>
            {meeting.kind === "TRAINING" ? <Detail label={t("meetings.details.provider")}>{meeting.trainingProvider ?? t("meetings.details.ownTraining")}</Detail> : null}
            {meeting.workspace ? (
              <Detail label={t("meetings.details.workspace")}>
                <Anchor component={Link} to={`/przestrzenie/${meeting.workspace.id}`}>
                  {meeting.workspace.name}
                </Anchor>
              </Detail>
            ) : null}
            {meeting.team ? (
              <Detail label={t("meetings.details.team")}>
                <Anchor component={Link} to={`/zespoly/${meeting.team.id}`}>
                  {meeting.team.name}
                </Anchor>
              </Detail>
            ) : null}
            <Detail label={t("meetings.details.createdBy")}>{meeting.createdBy.name}</Detail>
          </SimpleGrid>
          {meeting.description ? <RichTextView html={meeting.description} /> : null}
        </Stack>
      </Card>
      <AgendaSection items={agenda} people={people} canEdit={can.manageAgenda} actionData={actionData} />
      <InvitationsSection data={invitations} can={{ invite: can.invite && !trashed, rsvp }} actionData={actionData} />
      <AttendanceSection meetingId={meeting.id} rows={attendance} canEdit={can.recordAttendance} actionData={actionData} />
      <MinutesSection minutes={meeting.minutes} updatedAt={meeting.minutesUpdatedAt} version={meeting.version} canEdit={can.editMinutes} workspaceName={meeting.workspace?.name ?? null} actionData={actionData} />
      <OutcomesSection outcomes={outcomes} teams={teams} canEdit={can.manageOutcomes} actionData={actionData} />
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
