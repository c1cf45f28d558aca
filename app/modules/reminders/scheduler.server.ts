// The scheduler inside the server process: every minute it generates recurring tasks, sends due
// reminders and delivers waiting e-mails. It keeps no state of its own — everything it has done is
// in the database (ReminderLog, Notification.emailState, TaskRecurrence.generatedUntil,
// NotificationSetting.lastDigestAt) — so a restart carries on where it stopped and catches up.
// Ticks never overlap (the next one is planned after the previous one ends); a failing job is
// logged and the others still run; nothing here can crash the server.
import { systemClock, type Clock } from "./clock";
import { sendPendingEmails } from "./email-delivery.server";
import { generateRecurringTasks } from "./recurrences.server";
import { runReminders } from "./reminders.server";

export type SchedulerLog = (level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => void;

export type Job = { name: string; run: (now: Date, log: SchedulerLog) => Promise<unknown> };

/** In this order: new recurring tasks can already be due for a reminder, reminders can be e-mailed. */
export const DEFAULT_JOBS: Job[] = [
  { name: "recurrences", run: (now) => generateRecurringTasks(now) },
  { name: "reminders", run: (now) => runReminders(now) },
  { name: "emails", run: (now, log) => sendPendingEmails(now, log) },
];

export type TickReport = { at: Date; results: Record<string, unknown>; errors: Record<string, string> };

export type Scheduler = {
  /** Runs one tick now (or joins the one in progress). */
  tick(): Promise<TickReport>;
  /** Stops planning ticks and waits for the running one to finish. */
  stop(): Promise<void>;
};

const consoleLog: SchedulerLog = (level, msg, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
};

export type SchedulerOptions = {
  clock?: Clock;
  /** Pause between the end of one tick and the start of the next. */
  intervalMs?: number;
  /** Delay of the first tick after start (let the server settle). */
  firstTickMs?: number;
  log?: SchedulerLog;
  jobs?: Job[];
  /** false: no timers, ticks only when `tick()` is called (tests). */
  autoStart?: boolean;
};

export function startScheduler(options: SchedulerOptions = {}): Scheduler {
  const clock = options.clock ?? systemClock;
  const intervalMs = options.intervalMs ?? 60_000;
  const log = options.log ?? consoleLog;
  const jobs = options.jobs ?? DEFAULT_JOBS;
  let running: Promise<TickReport> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function runTick(): Promise<TickReport> {
    const at = clock.now();
    const report: TickReport = { at, results: {}, errors: {} };
    for (const job of jobs) {
      try {
        report.results[job.name] = await job.run(at, log);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.errors[job.name] = message;
        log("error", "scheduler job failed", { job: job.name, error: message });
      }
    }
    return report;
  }

  function tick(): Promise<TickReport> {
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  }

  function plan(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      tick()
        .catch((error: unknown) => log("error", "scheduler tick failed", { error: String(error) }))
        .finally(() => plan(intervalMs));
    }, delay);
    timer.unref?.();
  }

  if (options.autoStart !== false) {
    plan(options.firstTickMs ?? 5_000);
    log("info", "scheduler started", { intervalMs });
  }

  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
    },
  };
}
