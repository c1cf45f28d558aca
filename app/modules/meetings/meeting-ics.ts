// The iCalendar invitation (RFC 5545 + iTIP, RFC 5546) attached to meeting e-mails: METHOD:REQUEST
// for an invitation (and a resend), METHOD:CANCEL when the meeting is called off. One VEVENT whose
// UID is stable per meeting, so calendar clients update or remove the same event; SEQUENCE follows
// the meeting's version. Times are Warsaw wall-clock (TZID=Europe/Warsaw with its VTIMEZONE).
// Pure text building: the escaping and folding come from the personal feed's writer.
import { escapeText, foldLine, meetingUid, utcStamp, WARSAW_VTIMEZONE } from "~/modules/reminders/ics.server";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";

export type IcsMethod = "REQUEST" | "CANCEL";

export type MeetingIcsInput = {
  method: IcsMethod;
  meeting: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    place: string | null;
    onlineUrl: string | null;
    /** Plain text (already stripped of HTML). */
    description: string;
    /** Absolute address of the meeting page. */
    url: string;
    sequence: number;
    updatedAt: Date;
  };
  organizer: { name: string; email: string };
  /** The invitee the message is for (omitted: no ATTENDEE line). */
  attendee?: { name: string; email: string } | null;
  /** Host part of the UID (the app's host name). */
  host: string;
  now: Date;
};

export { meetingUid };

/** The Warsaw wall-clock time of an instant as a local DATE-TIME (20260330T100000). */
export function warsawLocalStamp(instant: Date): string {
  return `${warsawDate(instant).replace(/-/g, "")}T${warsawTime(instant).replace(":", "")}00`;
}

/** Rich text (sanitised HTML) as plain text with line breaks between blocks. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|div|blockquote)>|<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "• ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

/** "Razem <razem@localhost>" → razem@localhost */
export function mailAddress(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match ? match[1] : from).trim();
}

/** A quoted CN parameter value (RFC 5545 §3.2: no DQUOTE inside). */
function cn(name: string): string {
  return `"${name.replace(/["\r\n]/g, "").trim()}"`;
}

export function meetingLocation(meeting: { place: string | null; onlineUrl: string | null }): string {
  return [meeting.place, meeting.onlineUrl].filter(Boolean).join(" — ");
}

export function buildMeetingIcs(input: MeetingIcsInput): string {
  const { meeting, method } = input;
  const location = meetingLocation(meeting);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Razem//Spotkania//PL",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...WARSAW_VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:${meetingUid(meeting.id, input.host)}`,
    `DTSTAMP:${utcStamp(input.now)}`,
    `LAST-MODIFIED:${utcStamp(meeting.updatedAt)}`,
    `SEQUENCE:${meeting.sequence}`,
    `DTSTART;TZID=Europe/Warsaw:${warsawLocalStamp(meeting.startsAt)}`,
    `DTEND;TZID=Europe/Warsaw:${warsawLocalStamp(meeting.endsAt)}`,
    `SUMMARY:${escapeText(meeting.title)}`,
  ];
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  lines.push(
    `DESCRIPTION:${escapeText(meeting.description)}`,
    `URL:${meeting.url}`,
    `ORGANIZER;CN=${cn(input.organizer.name)}:mailto:${input.organizer.email}`,
  );
  if (input.attendee) {
    const partstat = method === "CANCEL" ? "" : ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE";
    lines.push(`ATTENDEE;CN=${cn(input.attendee.name)};ROLE=REQ-PARTICIPANT${partstat}:mailto:${input.attendee.email}`);
  }
  lines.push(`STATUS:${method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
