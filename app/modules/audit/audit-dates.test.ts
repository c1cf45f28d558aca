import { describe, expect, it } from "vitest";
import { parseDay, warsawDayRange, warsawMidnight, warsawTimestamp, warsawToday } from "./audit-dates";
import { parseAuditQuery } from "./audit-filters";

const iso = (d: Date | undefined) => d?.toISOString();

describe("parseDay", () => {
  it("accepts what <input type=date> sends and rejects everything else", () => {
    expect(parseDay("2026-03-29")).toEqual({ year: 2026, month: 3, day: 29 });
    expect(parseDay(" 2024-02-29 ")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ["2025-02-29", "2026-13-01", "2026-04-31", "29.03.2026", "2026-3-9", "", null, undefined, "2026-03-29T00:00"]) {
      expect(parseDay(bad), String(bad)).toBeNull();
    }
  });
});

describe("Warsaw days as UTC ranges", () => {
  it("winter day: UTC+1", () => {
    const r = warsawDayRange(parseDay("2026-01-15"), parseDay("2026-01-15"));
    expect(iso(r.from)).toBe("2026-01-14T23:00:00.000Z");
    expect(iso(r.to)).toBe("2026-01-15T23:00:00.000Z");
  });

  it("summer day: UTC+2", () => {
    const r = warsawDayRange(parseDay("2026-07-01"), parseDay("2026-07-01"));
    expect(iso(r.from)).toBe("2026-06-30T22:00:00.000Z");
    expect(iso(r.to)).toBe("2026-07-01T22:00:00.000Z");
  });

  it("the spring-forward day lasts 23 hours", () => {
    const r = warsawDayRange(parseDay("2026-03-29"), parseDay("2026-03-29"));
    expect(iso(r.from)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(r.to)).toBe("2026-03-29T22:00:00.000Z");
    expect(r.to!.getTime() - r.from!.getTime()).toBe(23 * 3600_000);
  });

  it("the fall-back day lasts 25 hours", () => {
    const r = warsawDayRange(parseDay("2026-10-25"), parseDay("2026-10-25"));
    expect(iso(r.from)).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(r.to)).toBe("2026-10-25T23:00:00.000Z");
    expect(r.to!.getTime() - r.from!.getTime()).toBe(25 * 3600_000);
  });

  it("crosses month and year ends, and leaves unset ends open", () => {
    expect(iso(warsawDayRange(null, parseDay("2026-12-31")).to)).toBe("2026-12-31T23:00:00.000Z");
    expect(warsawDayRange(null, parseDay("2026-12-31")).from).toBeUndefined();
    expect(iso(warsawMidnight({ year: 2027, month: 1, day: 1 }))).toBe("2026-12-31T23:00:00.000Z");
    expect(warsawDayRange(null, null)).toEqual({ from: undefined, to: undefined });
  });

  it("today and timestamps follow Warsaw, not UTC", () => {
    expect(warsawToday(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
    expect(warsawToday(new Date("2026-07-01T21:59:59Z"))).toBe("2026-07-01");
    expect(warsawToday(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
    expect(warsawTimestamp("2026-03-29T01:30:05Z")).toBe("2026-03-29 03:30:05");
    expect(warsawTimestamp(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01 01:00:00");
  });
});

describe("parseAuditQuery", () => {
  it("turns URL values into a filter with an inclusive day range", () => {
    const q = parseAuditQuery(new URLSearchParams("actor=abc123&type=Institution&action=auth.&from=2026-03-29&to=2026-03-30&page=3"));
    expect(q.filter.actorId).toBe("abc123");
    expect(q.filter.entityType).toBe("Institution");
    expect(q.filter.actionPrefix).toBe("auth.");
    expect(q.filter.action).toBeUndefined();
    expect(iso(q.filter.from)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(q.filter.to)).toBe("2026-03-30T22:00:00.000Z");
    expect(q.page).toBe(3);
    expect(q.errors).toEqual({});
  });

  it("treats a full action code as exact, drops junk, reports bad dates", () => {
    const q = parseAuditQuery(new URLSearchParams("action=auth.signin&actor=' OR 1=1&type=<b>&from=2026-02-30&page=-4"));
    expect(q.filter.action).toBe("auth.signin");
    expect(q.filter.actionPrefix).toBeUndefined();
    expect(q.filter.actorId).toBeUndefined();
    expect(q.filter.entityType).toBeUndefined();
    expect(q.filter.from).toBeUndefined();
    expect(q.errors.from).toBe("validation.invalid");
    expect(q.page).toBe(1);
  });

  it("flags an end before the start", () => {
    expect(parseAuditQuery(new URLSearchParams("from=2026-05-02&to=2026-05-01")).errors.to).toBe("audit.filter.rangeInvalid");
  });
});
