// Meeting invitations: people of the partner institutions, whole institutions (each of their active
// people gets a personal row, `viaInstitutionId`) and external guests (name + e-mail, unique per
// meeting). Every new invitation gets a secret RSVP link (only its SHA-256 is stored) and an e-mail
// in the recipient's language (Polish for guests) with three answer links and an .ics invitation.
// Authorisation is the meetings module's (requireMeeting): "invite" for organisers, "view" + an
// invitation for answering. Every change is audited.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import type { Locale } from "~/locales";
import type { MeetingKind } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { db, isUniqueViolation } from "~/utils/db.server";
import { formatLongDay } from "~/utils/dates";
import { getEnv } from "~/utils/env.server";
import { fieldErrors, type FieldErrors } from "~/utils/forms";
import { createTranslator, type Translate } from "~/utils/i18n";
import { sendMail, type Mail } from "~/utils/mailer.server";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, type Toast } from "~/utils/toast.server";
import { requireMeeting } from "./access.server";
import {
  inviteGuestSchema,
  inviteInstitutionSchema,
  inviteRemoveSchema,
  inviteUsersSchema,
  invitationIdSchema,
  rsvpSchema,
  RSVP_LINK_VALUES,
  type RsvpAnswer,
  type RsvpState,
} from "./invitations.schema";
import { buildMeetingIcs, htmlToPlainText, mailAddress, type IcsMethod } from "./meeting-ics";
import type { MeetingAccess } from "./meetings.policy";

export const meetingPath = (meetingId: string) => `/spotkania/${meetingId}`;
export const rsvpPath = (token: string) => `/spotkania/odpowiedz/${token}`;

// ——— Reading ———

export type InvitationRow = {
  id: string;
  userId: string | null;
  name: string;
  email: string | null;
  guest: boolean;
  institution: string | null;
  viaInstitution: string | null;
  rsvp: RsvpState;
  rsvpAt: Date | null;
  emailedAt: Date | null;
};

export type InvitationsData = {
  institutions: { institutionId: string; name: string; shortName: string; people: number }[];
  invitations: InvitationRow[];
  counts: Record<RsvpState, number>;
  /** The viewer's own invitation (for their RSVP buttons), if any. */
  mine: { invitationId: string | null; rsvp: RsvpState } | null;
  /** For organisers: who and which institutions can still be invited. */
  candidates: { institution: string; people: { id: string; name: string }[] }[];
  institutionChoices: { id: string; name: string; shortName: string }[];
};

/**
 * The meeting's invited institutions and personal invitations with their answers. A fixed number of
 * queries: 2, plus 2 for organisers (the invite choices). `viewer` fills `mine`.
 */
export async function loadInvitations(meetingId: string, access: MeetingAccess, viewer?: { id: string; institutionId: string | null } | null): Promise<InvitationsData> {
  const [institutions, rows] = await Promise.all([
    db.meetingInstitution.findMany({
      where: { meetingId },
      orderBy: { createdAt: "asc" },
      select: { institutionId: true, institution: { select: { name: true, shortName: true } } },
    }),
    db.meetingInvitation.findMany({
      where: { meetingId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        userId: true,
        guestName: true,
        guestEmail: true,
        viaInstitutionId: true,
        rsvp: true,
        rsvpAt: true,
        emailedAt: true,
        user: { select: { name: true, email: true, institution: { select: { shortName: true } } } },
      },
    }),
  ]);
  const shortById = new Map(institutions.map((i) => [i.institutionId, i.institution.shortName]));
  const invitations: InvitationRow[] = rows
    .map((r) => ({
      id: r.id,
      userId: r.userId,
      name: r.user?.name ?? r.guestName ?? r.guestEmail ?? "",
      email: r.user?.email ?? r.guestEmail,
      guest: !r.userId,
      institution: r.user?.institution?.shortName ?? null,
      viaInstitution: r.viaInstitutionId ? (shortById.get(r.viaInstitutionId) ?? null) : null,
      rsvp: r.rsvp as RsvpState,
      rsvpAt: r.rsvpAt,
      emailedAt: r.emailedAt,
    }))
    .sort((a, b) => Number(a.guest) - Number(b.guest) || (a.institution ?? "").localeCompare(b.institution ?? "", "pl") || a.name.localeCompare(b.name, "pl"));
  const counts: Record<RsvpState, number> = { YES: 0, NO: 0, MAYBE: 0, PENDING: 0 };
  for (const r of invitations) counts[r.rsvp]++;
  const peopleByInstitution = new Map<string, number>();
  for (const r of rows) if (r.viaInstitutionId) peopleByInstitution.set(r.viaInstitutionId, (peopleByInstitution.get(r.viaInstitutionId) ?? 0) + 1);

  let mine: InvitationsData["mine"] = null;
  if (viewer) {
    const own = invitations.find((r) => r.userId === viewer.id);
    if (own) mine = { invitationId: own.id, rsvp: own.rsvp };
    // Invited through the institution without a personal row yet (joined later): may still answer.
    else if (viewer.institutionId && shortById.has(viewer.institutionId)) mine = { invitationId: null, rsvp: "PENDING" };
  }

  let candidates: InvitationsData["candidates"] = [];
  let institutionChoices: InvitationsData["institutionChoices"] = [];
  if (access.organizer && !access.cancelled) {
    const invitedUsers = new Set(rows.map((r) => r.userId).filter(Boolean));
    const [people, insts] = await Promise.all([
      db.user.findMany({
        where: { deactivatedAt: null, institution: { deletedAt: null } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, institution: { select: { shortName: true } } },
      }),
      db.institution.findMany({ where: { deletedAt: null }, orderBy: { shortName: "asc" }, select: { id: true, name: true, shortName: true } }),
    ]);
    const groups = new Map<string, { id: string; name: string }[]>();
    for (const p of people) {
      if (invitedUsers.has(p.id) || !p.institution) continue;
      const list = groups.get(p.institution.shortName) ?? [];
      list.push({ id: p.id, name: p.name });
      groups.set(p.institution.shortName, list);
    }
    candidates = [...groups].sort(([a], [b]) => a.localeCompare(b, "pl")).map(([institution, list]) => ({ institution, people: list }));
    institutionChoices = insts.filter((i) => !shortById.has(i.id));
  }
  return {
    institutions: institutions.map((i) => ({ institutionId: i.institutionId, name: i.institution.name, shortName: i.institution.shortName, people: peopleByInstitution.get(i.institutionId) ?? 0 })),
    invitations,
    counts,
    mine,
    candidates,
    institutionChoices,
  };
}

// ——— E-mail ———

type MailMeeting = {
  id: string;
  title: string;
  kind: MeetingKind;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  description: string;
  version: number;
  updatedAt: Date;
  organizerInstitution: { name: string; contactEmail: string | null };
  agenda: { title: string; startTime: string | null; durationMinutes: number | null; ownerName: string | null; owner: { name: string } | null }[];
};

const mailMeetingSelect = {
  id: true,
  title: true,
  kind: true,
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
  description: true,
  version: true,
  updatedAt: true,
  organizerInstitution: { select: { name: true, contactEmail: true } },
  agenda: {
    orderBy: { position: "asc" as const },
    select: { title: true, startTime: true, durationMinutes: true, ownerName: true, owner: { select: { name: true } } },
  },
};

/** "wtorek, 24 listopada 2026, 10:00–12:00" (Warsaw time); across days both ends in full. */
export function meetingWhen(meeting: { startsAt: Date; endsAt: Date }, locale: Locale): string {
  const t = createTranslator(locale);
  const sameDay = warsawDate(meeting.startsAt) === warsawDate(meeting.endsAt);
  if (sameDay) return t("meetingInvitations.when", { date: formatLongDay(meeting.startsAt, locale), start: warsawTime(meeting.startsAt), end: warsawTime(meeting.endsAt) });
  return `${formatLongDay(meeting.startsAt, locale)}, ${warsawTime(meeting.startsAt)} – ${formatLongDay(meeting.endsAt, locale)}, ${warsawTime(meeting.endsAt)}`;
}

function whereText(meeting: { place: string | null; onlineUrl: string | null }, t: Translate): string {
  return [meeting.place, meeting.onlineUrl ? t("meetingInvitations.online", { url: meeting.onlineUrl }) : null].filter(Boolean).join("; ");
}

function agendaLines(meeting: MailMeeting): string[] {
  return meeting.agenda.map((item, i) => {
    const owner = item.owner?.name ?? item.ownerName;
    const time = item.startTime ? `${item.startTime} ` : "";
    return `${i + 1}. ${time}${item.title}${owner ? ` — ${owner}` : ""}`;
  });
}

type Recipient = { name: string; email: string; locale: Locale; member: boolean };

function icsFor(meeting: MailMeeting, method: IcsMethod, recipient: Recipient, now: Date, t: Translate): string {
  const env = getEnv();
  const url = `${env.appUrl}${meetingPath(meeting.id)}`;
  const description = [
    `${t(`meetingInvitations.kind.${meeting.kind}`)}. ${t("meetingInvitations.mail.organiser", { organiser: meeting.organizerInstitution.name })}`,
    htmlToPlainText(meeting.description),
    ...agendaLines(meeting),
  ]
    .filter(Boolean)
    .join("\n");
  return buildMeetingIcs({
    method,
    meeting: { ...meeting, description, url, sequence: meeting.version },
    organizer: { name: meeting.organizerInstitution.name, email: meeting.organizerInstitution.contactEmail || mailAddress(env.MAIL_FROM) },
    attendee: { name: recipient.name, email: recipient.email },
    host: new URL(env.appUrl).hostname,
    now,
  });
}

/** The invitation e-mail (text + .ics REQUEST attachment). Pure apart from the configuration. */
export function invitationMail(meeting: MailMeeting, recipient: Recipient, token: string, now: Date): Mail & { attachments: MailAttachment[] } {
  const t = createTranslator(recipient.locale);
  const appUrl = getEnv().appUrl;
  const when = meetingWhen(meeting, recipient.locale);
  const where = whereText(meeting, t);
  const link = (answer: RsvpAnswer) => `${appUrl}${rsvpPath(token)}?odp=${RSVP_LINK_VALUES[answer]}`;
  const agenda = agendaLines(meeting);
  const lines = [
    t("meetingInvitations.mail.greeting", { name: recipient.name }),
    "",
    t("meetingInvitations.mail.intro", { organiser: meeting.organizerInstitution.name }),
    "",
    t("meetingInvitations.mail.what", { title: meeting.title, kind: t(`meetingInvitations.kind.${meeting.kind}`) }),
    t("meetingInvitations.mail.when", { when }),
    ...(where ? [t("meetingInvitations.mail.where", { where })] : []),
    t("meetingInvitations.mail.organiser", { organiser: meeting.organizerInstitution.name }),
    ...(agenda.length ? ["", t("meetingInvitations.mail.agenda"), ...agenda] : []),
    "",
    t("meetingInvitations.mail.rsvp"),
    `  ${t("meetingInvitations.mail.rsvpYes", { link: link("YES") })}`,
    `  ${t("meetingInvitations.mail.rsvpNo", { link: link("NO") })}`,
    `  ${t("meetingInvitations.mail.rsvpMaybe", { link: link("MAYBE") })}`,
    "",
    ...(recipient.member ? [t("meetingInvitations.mail.details", { link: `${appUrl}${meetingPath(meeting.id)}` })] : []),
    t("meetingInvitations.mail.ics"),
    "",
    `— ${t("meetingInvitations.mail.signature")}`,
  ];
  return {
    to: recipient.email,
    subject: t("meetingInvitations.mail.subject", { title: meeting.title, when }),
    text: lines.join("\n"),
    attachments: [icsAttachment(icsFor(meeting, "REQUEST", recipient, now, t), "REQUEST")],
  };
}

export type MailAttachment = { filename: string; content: string; contentType: string };

function icsAttachment(content: string, method: IcsMethod): MailAttachment {
  return { filename: method === "CANCEL" ? "odwolane.ics" : "zaproszenie.ics", content, contentType: `text/calendar; charset=utf-8; method=${method}` };
}

/**
 * Sends through the foundation mailer. Its `Mail` type has no attachments yet; nodemailer receives
 * the whole object (sendMail spreads it), so the .ics goes along.
 */
async function sendWithAttachment(mail: Mail & { attachments: MailAttachment[] }): Promise<void> {
  const message: Mail = mail;
  await sendMail(message);
}

function recipientOf(row: { guestName: string | null; guestEmail: string | null; user: { name: string; email: string; locale: string; deactivatedAt: Date | null } | null }): Recipient | null {
  if (row.user) return row.user.deactivatedAt ? null : { name: row.user.name, email: row.user.email, locale: row.user.locale === "en" ? "en" : "pl", member: true };
  if (row.guestEmail) return { name: row.guestName ?? row.guestEmail, email: row.guestEmail, locale: "pl", member: false };
  return null;
}

const recipientSelect = {
  id: true,
  guestName: true,
  guestEmail: true,
  user: { select: { name: true, email: true, locale: true, deactivatedAt: true } },
};

/** E-mails the invitations (tokens as created) and stamps `emailedAt`; returns how many failed. */
export async function sendInvitationEmails(meetingId: string, tokens: Map<string, string>, now = new Date()): Promise<{ sent: number; failed: number }> {
  if (tokens.size === 0) return { sent: 0, failed: 0 };
  const [meeting, rows] = await Promise.all([
    db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: mailMeetingSelect }),
    db.meetingInvitation.findMany({ where: { id: { in: [...tokens.keys()] } }, select: recipientSelect }),
  ]);
  const sent: string[] = [];
  let failed = 0;
  for (const row of rows) {
    const recipient = recipientOf(row);
    if (!recipient) continue;
    try {
      await sendWithAttachment(invitationMail(meeting, recipient, tokens.get(row.id)!, now));
      sent.push(row.id);
    } catch (error) {
      failed++;
      console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "meeting invitation e-mail failed", invitationId: row.id, error: error instanceof Error ? error.message : String(error) }));
    }
  }
  if (sent.length) await db.meetingInvitation.updateMany({ where: { id: { in: sent } }, data: { emailedAt: now } });
  return { sent: sent.length, failed };
}

/**
 * Tells everyone invited (app people with an active account and guests) that the meeting is called
 * off, with an .ics METHOD:CANCEL (same UID, SEQUENCE = the meeting's version) that removes it from
 * their calendars. Call after setting `cancelledAt` (and bumping `version`).
 */
export async function sendMeetingCancellation(meetingId: string, now = new Date()): Promise<{ sent: number; failed: number }> {
  const [meeting, rows] = await Promise.all([
    db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: mailMeetingSelect }),
    db.meetingInvitation.findMany({ where: { meetingId, rsvp: { not: "NO" } }, select: recipientSelect }),
  ]);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const recipient = recipientOf(row);
    if (!recipient) continue;
    const t = createTranslator(recipient.locale);
    const when = meetingWhen(meeting, recipient.locale);
    const text = [
      t("meetingInvitations.mail.greeting", { name: recipient.name }),
      "",
      t("meetingInvitations.mail.cancelIntro", { organiser: meeting.organizerInstitution.name }),
      "",
      t("meetingInvitations.mail.what", { title: meeting.title, kind: t(`meetingInvitations.kind.${meeting.kind}`) }),
      t("meetingInvitations.mail.when", { when }),
      "",
      t("meetingInvitations.mail.cancelIcs"),
      "",
      `— ${t("meetingInvitations.mail.signature")}`,
    ].join("\n");
    try {
      await sendWithAttachment({
        to: recipient.email,
        subject: t("meetingInvitations.mail.cancelSubject", { title: meeting.title, when }),
        text,
        attachments: [icsAttachment(icsFor(meeting, "CANCEL", recipient, now, t), "CANCEL")],
      });
      sent++;
    } catch (error) {
      failed++;
      console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "meeting cancellation e-mail failed", meetingId, error: error instanceof Error ? error.message : String(error) }));
    }
  }
  return { sent, failed };
}

// ——— Changes ———

export type InvitationActionContext = { user: AuthUser; meetingId: string };

/** Form fields as posted; repeated fields (several people) are joined with commas. */
function formValues(form: FormData | Record<string, string>): Record<string, string> {
  if (!(form instanceof FormData)) return form;
  const out: Record<string, string> = {};
  for (const key of new Set(form.keys())) out[key] = form.getAll(key).filter((v): v is string => typeof v === "string").join(",");
  return out;
}

function newToken(): { token: string; hash: string } {
  const token = generateToken();
  return { token, hash: hashToken(token) };
}

/**
 * Handles the intents "inviteUsers", "inviteInstitution", "inviteGuest", "inviteRemove",
 * "inviteResend" (organisers: requireMeeting "invite") and "rsvp" (a signed-in invitee answers for
 * themselves). Success redirects back to the page with a toast; invalid input returns
 * `{ intent, errors, values }` with 400 (errors are translation keys per field).
 */
export async function invitationAction(args: Pick<ActionFunctionArgs, "request" | "context">, form: FormData | Record<string, string>, ctx: InvitationActionContext) {
  const { user, meetingId } = ctx;
  const ip = requestMeta(args.request, args.context).ip;
  const values = formValues(form);
  const intent = values.intent ?? "";
  const here = new URL(args.request.url).pathname;
  const done = (toast: Toast) => redirectWithToast(here, toast);
  const failed = (errors: FieldErrors, status = 400) => data({ intent, errors, values }, { status });
  const mailed = (result: { failed: number }, toast: Toast): Toast =>
    result.failed > 0 ? { key: "meetingInvitations.error.mail", vars: { count: result.failed }, color: "red" } : toast;

  if (intent === "rsvp") {
    const { meeting, access } = await requireMeeting(user, meetingId, "view", { ip });
    const parsed = rsvpSchema.safeParse(values);
    if (!parsed.success) return failed(fieldErrors(parsed.error));
    if (meeting.cancelledAt) return failed({ _form: "meetingInvitations.error.cancelled" }, 409);
    if (!access.invited) return failed({ _form: "meetingInvitations.error.notInvited" }, 403);
    const answer = parsed.data.answer;
    await db.$transaction(async (tx) => {
      const existing = await tx.meetingInvitation.findUnique({ where: { meetingId_userId: { meetingId, userId: user.id } }, select: { id: true } });
      const row = existing
        ? await tx.meetingInvitation.update({ where: { id: existing.id }, data: { rsvp: answer, rsvpAt: new Date() }, select: { id: true } })
        : await tx.meetingInvitation.create({
            // Invited through the institution but without a personal row (joined later).
            data: { meetingId, userId: user.id, viaInstitutionId: user.institutionId, invitedById: user.id, rsvp: answer, rsvpAt: new Date() },
            select: { id: true },
          });
      await recordAudit({ actor: user, action: "meeting.rsvp", entityType: "MeetingInvitation", entityId: row.id, summary: `${meeting.title}: ${answer}`, ip }, tx);
    });
    return done({ key: "meetingInvitations.done.rsvp", vars: { answer: createTranslator(user.locale)(`meetingInvitations.rsvp.${answer}`) } });
  }

  // Every other intent is the organisers' (authorise before validating).
  const { meeting } = await requireMeeting(user, meetingId, "invite", { ip });
  switch (intent) {
    case "inviteUsers": {
      const parsed = inviteUsersSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const ids = parsed.data.userIds;
      const people = await db.user.findMany({ where: { id: { in: ids }, deactivatedAt: null, institution: { deletedAt: null } }, select: { id: true, email: true } });
      if (people.length !== ids.length) return failed({ userIds: "meetingInvitations.error.unknownPeople" });
      const tokens = new Map<string, string>();
      await db.$transaction(async (tx) => {
        const already = new Set(
          (await tx.meetingInvitation.findMany({ where: { meetingId, userId: { in: ids } }, select: { userId: true } })).map((r) => r.userId),
        );
        const fresh = people.filter((p) => !already.has(p.id));
        if (fresh.length === 0) return;
        const withTokens = fresh.map((p) => ({ p, ...newToken() }));
        const created = await tx.meetingInvitation.createManyAndReturn({
          data: withTokens.map(({ p, hash }) => ({ meetingId, userId: p.id, rsvpTokenHash: hash, invitedById: user.id })),
          select: { id: true, userId: true },
        });
        for (const row of created) tokens.set(row.id, withTokens.find((w) => w.p.id === row.userId)!.token);
        await recordAudit(
          { actor: user, action: "meeting.invite.users", entityType: "Meeting", entityId: meetingId, summary: `${meeting.title}: ${fresh.map((p) => p.email).join(", ")}`, ip },
          tx,
        );
      });
      if (tokens.size === 0) return done({ key: "meetingInvitations.done.nothing", color: "blue" });
      const result = await sendInvitationEmails(meetingId, tokens);
      return done(mailed(result, { key: "meetingInvitations.done.users", vars: { count: tokens.size } }));
    }
    case "inviteInstitution": {
      const parsed = inviteInstitutionSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const institution = await db.institution.findFirst({ where: { id: parsed.data.institutionId, deletedAt: null }, select: { id: true, name: true, shortName: true } });
      if (!institution) return failed({ institutionId: "meetingInvitations.error.unknownInstitution" });
      const tokens = new Map<string, string>();
      try {
        await db.$transaction(async (tx) => {
          await tx.meetingInstitution.create({ data: { meetingId, institutionId: institution.id } });
          const people = await tx.user.findMany({
            where: { institutionId: institution.id, deactivatedAt: null, meetingInvitations: { none: { meetingId } } },
            select: { id: true },
          });
          const withTokens = people.map((p) => ({ p, ...newToken() }));
          const created = await tx.meetingInvitation.createManyAndReturn({
            data: withTokens.map(({ p, hash }) => ({ meetingId, userId: p.id, viaInstitutionId: institution.id, rsvpTokenHash: hash, invitedById: user.id })),
            select: { id: true, userId: true },
          });
          for (const row of created) tokens.set(row.id, withTokens.find((w) => w.p.id === row.userId)!.token);
          await recordAudit(
            { actor: user, action: "meeting.invite.institution", entityType: "Meeting", entityId: meetingId, summary: `${meeting.title}: ${institution.shortName} (${created.length})`, ip },
            tx,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) return failed({ institutionId: "meetingInvitations.error.institutionExists" }, 409);
        throw error;
      }
      const result = await sendInvitationEmails(meetingId, tokens);
      return done(mailed(result, { key: "meetingInvitations.done.institution", vars: { name: institution.shortName, count: tokens.size } }));
    }
    case "inviteGuest": {
      const parsed = inviteGuestSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const { guestName, guestEmail } = parsed.data;
      const { token, hash } = newToken();
      let id: string;
      try {
        id = await db.$transaction(async (tx) => {
          const row = await tx.meetingInvitation.create({ data: { meetingId, guestName, guestEmail, rsvpTokenHash: hash, invitedById: user.id }, select: { id: true } });
          await recordAudit({ actor: user, action: "meeting.invite.guest", entityType: "MeetingInvitation", entityId: row.id, summary: `${meeting.title}: ${guestName} <${guestEmail}>`, ip }, tx);
          return row.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return failed({ guestEmail: "meetingInvitations.error.guestExists" }, 409);
        throw error;
      }
      const result = await sendInvitationEmails(meetingId, new Map([[id, token]]));
      return done(mailed(result, { key: "meetingInvitations.done.guest", vars: { name: guestName } }));
    }
    case "inviteRemove": {
      const parsed = inviteRemoveSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      if (parsed.data.institutionId) {
        const institutionId = parsed.data.institutionId;
        const link = await db.meetingInstitution.findUnique({
          where: { meetingId_institutionId: { meetingId, institutionId } },
          select: { id: true, institution: { select: { shortName: true } } },
        });
        if (!link) return failed({ _form: "validation.invalid" }, 404);
        await db.$transaction(async (tx) => {
          await tx.meetingInstitution.delete({ where: { id: link.id } });
          const removed = await tx.meetingInvitation.deleteMany({ where: { meetingId, viaInstitutionId: institutionId, rsvp: "PENDING" } });
          await recordAudit(
            { actor: user, action: "meeting.invite.remove", entityType: "Meeting", entityId: meetingId, summary: `${meeting.title}: ${link.institution.shortName} (${removed.count})`, ip },
            tx,
          );
        });
        return done({ key: "meetingInvitations.done.removed", vars: { name: link.institution.shortName } });
      }
      const row = await db.meetingInvitation.findFirst({
        where: { id: parsed.data.invitationId!, meetingId },
        select: { id: true, guestName: true, guestEmail: true, user: { select: { name: true, email: true } } },
      });
      if (!row) return failed({ _form: "validation.invalid" }, 404);
      const name = row.user?.name ?? row.guestName ?? row.guestEmail ?? "";
      await db.$transaction(async (tx) => {
        await tx.meetingInvitation.delete({ where: { id: row.id } });
        await recordAudit({ actor: user, action: "meeting.invite.remove", entityType: "MeetingInvitation", entityId: row.id, summary: `${meeting.title}: ${row.user?.email ?? row.guestEmail}`, ip }, tx);
      });
      return done({ key: "meetingInvitations.done.removed", vars: { name } });
    }
    case "inviteResend": {
      const parsed = invitationIdSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const row = await db.meetingInvitation.findFirst({
        where: { id: parsed.data.invitationId, meetingId },
        select: { id: true, guestName: true, guestEmail: true, user: { select: { name: true, email: true } } },
      });
      if (!row) return failed({ _form: "validation.invalid" }, 404);
      // A fresh link: the old one stops working (only hashes are stored, so it cannot be re-sent).
      const { token, hash } = newToken();
      await db.$transaction(async (tx) => {
        await tx.meetingInvitation.update({ where: { id: row.id }, data: { rsvpTokenHash: hash } });
        await recordAudit({ actor: user, action: "meeting.invite.resend", entityType: "MeetingInvitation", entityId: row.id, summary: `${meeting.title}: ${row.user?.email ?? row.guestEmail}`, ip }, tx);
      });
      const result = await sendInvitationEmails(meetingId, new Map([[row.id, token]]));
      return done(mailed(result, { key: "meetingInvitations.done.resent", vars: { name: row.user?.name ?? row.guestName ?? "" } }));
    }
    default:
      return failed({ _form: "validation.invalid" });
  }
}
