import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("dates in Europe/Warsaw", () => {
  it("formats winter time (UTC+1) in Polish", () => {
    expect(formatDateTime("2026-11-24T23:30:00Z", "pl")).toBe("25.11.2026, 00:30");
    expect(formatDate("2026-11-24T12:00:00Z", "pl")).toBe("24 listopada 2026");
  });
  it("formats summer time (UTC+2)", () => {
    expect(formatDateTime("2026-07-01T10:15:00Z", "pl")).toBe("01.07.2026, 12:15");
  });
});
