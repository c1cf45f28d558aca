import { describe, expect, it } from "vitest";
import { addDays, daysUntil, deadlineFrom, dueBucket, isIsoDate, isoWeekday, warsawDate, warsawInstant, warsawTime } from "./deadline";

describe("Warsaw deadlines", () => {
  it("converts wall time to UTC in winter and summer", () => {
    expect(warsawInstant("2026-11-24", "14:00").toISOString()).toBe("2026-11-24T13:00:00.000Z");
    expect(warsawInstant("2026-07-01", "14:00").toISOString()).toBe("2026-07-01T12:00:00.000Z");
  });

  it("handles the DST changes (29 March and 25 October 2026)", () => {
    // 02:30 does not exist on 29 March: it reads as 03:30 CEST.
    expect(warsawInstant("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(warsawInstant("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(warsawInstant("2026-03-29", "01:59").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    // 02:30 happens twice on 25 October: the first (CEST) one is chosen.
    expect(warsawInstant("2026-10-25", "02:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(warsawInstant("2026-10-25", "04:00").toISOString()).toBe("2026-10-25T03:00:00.000Z");
  });

  it("a date without time falls due at the end of the Warsaw day", () => {
    const d = deadlineFrom("2026-11-24");
    expect(d.dueAt.toISOString()).toBe("2026-11-24T22:59:59.999Z");
    expect(d.dueHasTime).toBe(false);
    expect(deadlineFrom("2026-10-25").dueAt.toISOString()).toBe("2026-10-25T22:59:59.999Z");
    expect(deadlineFrom("2026-10-24").dueAt.toISOString()).toBe("2026-10-24T21:59:59.999Z");
    expect(deadlineFrom("2026-11-24", "09:15")).toMatchObject({ dueHasTime: true, dueDate: "2026-11-24" });
  });

  it("reads instants back as Warsaw dates and times", () => {
    expect(warsawDate(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
    expect(warsawTime(new Date("2026-07-01T22:15:00Z"))).toBe("00:15");
  });

  it("validates and shifts dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(daysUntil("2026-11-27", new Date("2026-11-24T23:30:00Z"))).toBe(2);
  });

  it("groups tasks for Moje zadania", () => {
    const now = new Date("2026-11-24T10:00:00Z"); // Tuesday
    const at = (date: string, time?: string) => ({ ...deadlineFrom(date, time) });
    expect(dueBucket(at("2026-11-23"), now)).toBe("overdue");
    expect(dueBucket(at("2026-11-24", "09:00"), now)).toBe("overdue");
    expect(dueBucket(at("2026-11-24"), now)).toBe("today");
    expect(dueBucket(at("2026-11-29"), now)).toBe("thisWeek");
    expect(dueBucket(at("2026-11-30"), now)).toBe("later");
    expect(dueBucket({ dueAt: null, dueDate: null }, now)).toBe("none");
    expect(dueBucket({ ...at("2026-11-23"), done: true }, now)).toBe("today");
  });
});
