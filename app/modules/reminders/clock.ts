// Where "now" comes from. The scheduler and everything it runs take a Clock, so tests can set the
// time (including across the DST changes in Europe/Warsaw) instead of waiting for it.

export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

type Step = number | { minutes?: number; hours?: number; days?: number };

/** A clock that stands still until told otherwise: `set` jumps, `advance` moves forward. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): this {
    this.current = new Date(instant).getTime();
    return this;
  }

  /** Moves forward by milliseconds or by whole minutes/hours/days (of 24 real hours each). */
  advance(step: Step): this {
    const ms = typeof step === "number" ? step : ((step.days ?? 0) * 24 * 60 + (step.hours ?? 0) * 60 + (step.minutes ?? 0)) * 60_000;
    this.current += ms;
    return this;
  }
}
