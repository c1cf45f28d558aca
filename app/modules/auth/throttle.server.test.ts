import { describe, expect, it } from "vitest";
import { delayAfterFailures, recordFailure, remainingBlockMs, throttleKeys, clearAccountFailures } from "./throttle.server";

describe("sign-in throttling", () => {
  it("lets the first four failures through, then delays with growing waits", () => {
    expect([1, 2, 3, 4].map((n) => delayAfterFailures(n, 5))).toEqual([0, 0, 0, 0]);
    expect(delayAfterFailures(5, 5)).toBe(30_000);
    expect(delayAfterFailures(6, 5)).toBe(60_000);
    expect(delayAfterFailures(7, 5)).toBe(120_000);
    expect(delayAfterFailures(50, 5)).toBe(30 * 60_000);
  });

  it("blocks an account after five failures from any address, and a success clears it", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < 5; i++) await recordFailure(throttleKeys("Ala@Razem.test", `10.0.0.${i}`), now);
    expect(await remainingBlockMs(throttleKeys("ala@razem.test", "10.0.0.99"), now)).toBe(30_000);
    expect(await remainingBlockMs(throttleKeys("ktos@razem.test", "10.0.0.99"), now)).toBe(0);
    await clearAccountFailures("ala@razem.test");
    expect(await remainingBlockMs(throttleKeys("ala@razem.test", "10.0.0.99"), now)).toBe(0);
  });

  it("blocks an address that tries many different accounts", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < 30; i++) await recordFailure(throttleKeys(`osoba${i}@razem.test`, "192.0.2.7"), now);
    expect(await remainingBlockMs(throttleKeys("nowa@razem.test", "192.0.2.7"), now)).toBeGreaterThan(0);
    expect(await remainingBlockMs(throttleKeys("nowa@razem.test", "192.0.2.8"), now)).toBe(0);
  });
});
