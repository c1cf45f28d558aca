// Answering an invitation by the secret link from the e-mail (/spotkania/odpowiedz/<token>), without
// signing in: guests have no account, and people of the partners may read mail on a phone. The link
// is the authorisation; only its SHA-256 is stored, so an unknown token is a plain 404.
import { recordAudit } from "~/modules/audit/audit.server";
import { hashToken } from "~/modules/auth/tokens.server";
import { db } from "~/utils/db.server";
import type { RsvpAnswer, RsvpState } from "./invitations.schema";

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const select = {
  id: true,
  rsvp: true,
  guestName: true,
  guestEmail: true,
  user: { select: { name: true, email: true } },
  meeting: {
    select: {
      id: true,
      title: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      place: true,
      onlineUrl: true,
      cancelledAt: true,
      deletedAt: true,
      organizerInstitution: { select: { name: true } },
      agenda: { orderBy: { position: "asc" as const }, select: { id: true, title: true, startTime: true } },
    },
  },
};

export type RsvpView =
  | { state: "open" | "cancelled" | "deleted"; name: string; rsvp: RsvpState; meeting: {
      title: string;
      kind: string;
      startsAt: Date;
      endsAt: Date;
      place: string | null;
      onlineUrl: string | null;
      organiser: string;
      agenda: { id: string; title: string; startTime: string | null }[];
    } };

async function findByToken(token: string) {
  if (!TOKEN.test(token)) return null;
  return db.meetingInvitation.findUnique({ where: { rsvpTokenHash: hashToken(token) }, select });
}

/** What the answer page shows for a token, or null (unknown token → 404). */
export async function rsvpView(token: string): Promise<RsvpView | null> {
  const row = await findByToken(token);
  if (!row) return null;
  const m = row.meeting;
  return {
    state: m.deletedAt ? "deleted" : m.cancelledAt ? "cancelled" : "open",
    name: row.user?.name ?? row.guestName ?? row.guestEmail ?? "",
    rsvp: row.rsvp as RsvpState,
    // A deleted meeting shows only that it is gone.
    meeting: {
      title: m.title,
      kind: m.kind,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.deletedAt ? null : m.place,
      onlineUrl: m.deletedAt || m.cancelledAt ? null : m.onlineUrl,
      organiser: m.organizerInstitution.name,
      agenda: m.deletedAt ? [] : m.agenda,
    },
  };
}

export type RsvpResult = { ok: true } | { ok: false; reason: "notFound" | "cancelled" | "deleted" };

/** Records the answer for the link's invitee (audited as "meeting.rsvp", no actor, label = their e-mail). */
export async function recordRsvpByToken(token: string, answer: RsvpAnswer, ip: string | null): Promise<RsvpResult> {
  const row = await findByToken(token);
  if (!row) return { ok: false, reason: "notFound" };
  if (row.meeting.deletedAt) return { ok: false, reason: "deleted" };
  if (row.meeting.cancelledAt) return { ok: false, reason: "cancelled" };
  await db.$transaction(async (tx) => {
    await tx.meetingInvitation.update({ where: { id: row.id }, data: { rsvp: answer, rsvpAt: new Date() } });
    await recordAudit(
      {
        actor: null,
        actorLabel: row.user?.email ?? row.guestEmail ?? null,
        action: "meeting.rsvp",
        entityType: "MeetingInvitation",
        entityId: row.id,
        summary: `${row.meeting.title}: ${answer}`,
        ip,
      },
      tx,
    );
  });
  return { ok: true };
}
