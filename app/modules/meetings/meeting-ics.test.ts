import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { warsawInstant } from "~/modules/tasks/deadline";
import { answerFromLink } from "./invitations.schema";
import { buildMeetingIcs, htmlToPlainText, mailAddress, warsawLocalStamp } from "./meeting-ics";

const base = {
  method: "REQUEST" as const,
  meeting: {
    id: "m1",
    title: "Warsztaty; wodór, etap 2",
    startsAt: warsawInstant("2026-10-26", "09:30"),
    endsAt: warsawInstant("2026-10-26", "11:00"),
    place: "Bełchatów",
    onlineUrl: null,
    description: "Linia 1\nLinia 2",
    url: "http://razem.test/spotkania/m1",
    sequence: 3,
    updatedAt: new Date("2026-10-01T10:00:00Z"),
  },
  organizer: { name: 'Park "BKPPT"', email: "biuro@bkppt.test" },
  attendee: { name: "Jan Gość", email: "gosc@example.pl" },
  host: "razem.test",
  now: new Date("2026-10-02T08:00:00Z"),
};

describe("meeting .ics", () => {
  it("writes a REQUEST with Warsaw local times (after the DST change), escaped text and CRLF lines", () => {
    const ics = buildMeetingIcs(base);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics).toContain("METHOD:REQUEST\r\n");
    expect(ics).toContain("DTSTART;TZID=Europe/Warsaw:20261026T093000\r\n");
    expect(ics).toContain("SUMMARY:Warsztaty\\; wodór\\, etap 2\r\n");
    expect(ics).toContain('ORGANIZER;CN="Park BKPPT":mailto:biuro@bkppt.test');
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(ics));
    for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-10-26T08:30:00.000Z");
    expect(event.description).toBe("Linia 1\nLinia 2");
    expect(event.sequence).toBe(3);
  });

  it("writes a CANCEL with STATUS:CANCELLED and no RSVP request", () => {
    const ics = buildMeetingIcs({ ...base, method: "CANCEL" });
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).not.toContain("RSVP=TRUE");
  });

  it("has small helpers that behave", () => {
    expect(warsawLocalStamp(new Date("2026-07-01T08:00:00Z"))).toBe("20260701T100000");
    expect(htmlToPlainText("<p>A &amp; B</p><ul><li>jeden</li><li>dwa</li></ul>")).toBe("A & B\n• jeden\n• dwa");
    expect(mailAddress("Razem <razem@localhost>")).toBe("razem@localhost");
    expect(answerFromLink("tak")).toBe("YES");
    expect(answerFromLink("moze")).toBe("MAYBE");
    expect(answerFromLink("NIE")).toBe("NO");
    expect(answerFromLink("x")).toBeNull();
  });
});
