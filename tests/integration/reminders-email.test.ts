// Notification e-mails through a real SMTP server on this machine: immediately, the daily digest at
// the chosen Warsaw hour (once a day), off, deactivated accounts, the recipient's language, retries
// and FAILED after three attempts, and no second e-mail after a "restart".
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { TestClock } from "~/modules/reminders/clock";
import { latestDigestMoment, sendPendingEmails } from "~/modules/reminders/email-delivery.server";
import { startScheduler } from "~/modules/reminders/scheduler.server";
import { notify } from "~/modules/notifications/notifications.server";
import { buildUser } from "../factories";

const inbox: ParsedMail[] = [];
let server: SMTPServer;
const REJECTED = "odrzucony@razem.test";

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (address.address === REJECTED) return callback(new Error("550 Mailbox unavailable"));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => inbox.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  inbox.length = 0;
});

const quiet = () => undefined;
const to = (mail: ParsedMail) => (mail.to && "text" in mail.to ? mail.to.text : "");

async function notifyTask(userId: string, task: string, createdAt?: Date) {
  await notify({
    userIds: [userId],
    kind: "task.assigned",
    actorId: null,
    title: "notifications.kind.taskAssigned",
    data: { name: "Magdalena Wróbel", task },
    url: "/zespoly/z1/zadania/t1",
    entityType: "Task",
    entityId: "t1",
  });
  if (createdAt) await db.notification.updateMany({ where: { userId, data: { contains: task } }, data: { createdAt } });
}

describe("notification e-mails", () => {
  it("new notifications wait as PENDING; 'immediately' sends one e-mail each, with an absolute link, once", async () => {
    const ola = await buildUser({ email: "ola@razem.test", name: "Aleksandra Nowak" });
    await notifyTask(ola.id, "Raport kwartalny");
    expect((await db.notification.findFirstOrThrow({ where: { userId: ola.id } })).emailState).toBe("PENDING");

    const now = new Date("2026-03-10T10:00:00Z");
    expect(await sendPendingEmails(now, quiet)).toMatchObject({ sent: 1, failed: 0 });
    expect(inbox).toHaveLength(1);
    expect(to(inbox[0])).toBe("ola@razem.test");
    expect(inbox[0].subject).toBe("Razem: Magdalena Wróbel przydziela Ci zadanie „Raport kwartalny”");
    expect(inbox[0].text).toContain("http://razem.test/zespoly/z1/zadania/t1");
    expect(inbox[0].text).toContain("http://razem.test/profil/powiadomienia");
    const row = await db.notification.findFirstOrThrow({ where: { userId: ola.id } });
    expect(row).toMatchObject({ emailState: "SENT", emailedAt: now });

    // A second tick and a "restarted" scheduler send nothing more.
    await sendPendingEmails(now, quiet);
    const restarted = startScheduler({ clock: new TestClock(now), autoStart: false, log: quiet });
    await restarted.tick();
    await restarted.stop();
    expect(inbox).toHaveLength(1);
  });

  it("writes in the recipient's language", async () => {
    const john = await buildUser({ email: "john@razem.test", locale: "en" });
    await notifyTask(john.id, "Quarterly report");
    await sendPendingEmails(new Date(), quiet);
    expect(inbox[0].subject).toBe("Razem: Magdalena Wróbel assigned you the task “Quarterly report”");
    expect(inbox[0].text).toMatch(/^Hello,/);
  });

  it("'off' and deactivated accounts get nothing (SKIPPED)", async () => {
    const off = await buildUser({ email: "off@razem.test" });
    await db.notificationSetting.create({ data: { userId: off.id, emailMode: "OFF" } });
    const gone = await buildUser({ email: "gone@razem.test", deactivatedAt: new Date() });
    await notifyTask(off.id, "A");
    await notifyTask(gone.id, "B");
    expect(await sendPendingEmails(new Date(), quiet)).toMatchObject({ sent: 0, skipped: 2 });
    expect(inbox).toHaveLength(0);
    expect((await db.notification.findMany()).map((n) => n.emailState)).toEqual(["SKIPPED", "SKIPPED"]);
  });

  it("the daily digest comes at the chosen Warsaw hour, once a day, with everything from before it", async () => {
    const ola = await buildUser({ email: "digest@razem.test" });
    await db.notificationSetting.create({ data: { userId: ola.id, emailMode: "DIGEST", digestHour: 7 } });
    await notifyTask(ola.id, "Pierwsze", new Date("2026-03-10T15:00:00Z"));
    await notifyTask(ola.id, "Drugie", new Date("2026-03-10T18:00:00Z"));
    const clock = new TestClock("2026-03-10T20:00:00Z");
    const scheduler = startScheduler({ clock, autoStart: false, log: quiet });

    await scheduler.tick(); // evening: nothing yet
    clock.set("2026-03-11T05:59:59Z"); // 06:59:59 CET
    await scheduler.tick();
    expect(inbox).toHaveLength(0);
    clock.set("2026-03-11T06:00:00Z"); // 07:00 CET
    await scheduler.tick();
    expect(inbox).toHaveLength(1);
    expect(inbox[0].subject).toBe("Razem: podsumowanie dnia — 2 nowe powiadomienia");
    expect(inbox[0].text).toContain("„Pierwsze”");
    expect(inbox[0].text).toContain("„Drugie”");
    expect(inbox[0].text).toContain("http://razem.test/zespoly/z1/zadania/t1");
    clock.advance({ minutes: 1 });
    await scheduler.tick();
    expect(inbox).toHaveLength(1);

    // Arrives after today's digest: waits until tomorrow 07:00, even across restarts.
    await notifyTask(ola.id, "Trzecie", new Date("2026-03-11T10:00:00Z"));
    clock.set("2026-03-11T20:00:00Z");
    await scheduler.tick();
    await scheduler.stop();
    const restarted = startScheduler({ clock: clock.set("2026-03-12T06:00:00Z"), autoStart: false, log: quiet });
    await restarted.tick();
    await restarted.tick();
    await restarted.stop();
    expect(inbox).toHaveLength(2);
    expect(inbox[1].subject).toBe("Razem: podsumowanie dnia — 1 nowe powiadomienie");
    expect(inbox[1].text).toContain("„Trzecie”");
    expect(inbox[1].text).not.toContain("„Pierwsze”");
    expect(await db.notification.count({ where: { userId: ola.id, emailState: "SENT" } })).toBe(3);
  });

  it("a digest missed while the server was down goes out at the first tick after the hour", async () => {
    const ola = await buildUser({ email: "late@razem.test" });
    await db.notificationSetting.create({ data: { userId: ola.id, emailMode: "DIGEST", digestHour: 16 } });
    await notifyTask(ola.id, "Zaległe", new Date("2026-07-01T08:00:00Z"));
    await sendPendingEmails(new Date("2026-07-01T13:59:00Z"), quiet); // 15:59 CEST
    expect(inbox).toHaveLength(0);
    await sendPendingEmails(new Date("2026-07-01T18:30:00Z"), quiet); // server back at 20:30
    expect(inbox).toHaveLength(1);
    await sendPendingEmails(new Date("2026-07-02T13:00:00Z"), quiet);
    expect(inbox).toHaveLength(1);
  });

  it("retries a failing address and marks it FAILED after three attempts", async () => {
    const bad = await buildUser({ email: REJECTED });
    const good = await buildUser({ email: "good@razem.test" });
    await notifyTask(bad.id, "Nie dojdzie");
    await notifyTask(good.id, "Dojdzie");
    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendPendingEmails(new Date(), quiet);
      states.push((await db.notification.findFirstOrThrow({ where: { userId: bad.id } })).emailState!);
    }
    expect(states).toEqual(["RETRY1", "RETRY2", "FAILED", "FAILED"]);
    expect(inbox.map(to)).toEqual(["good@razem.test"]);
  });

  it("knows the latest digest moment in Warsaw time, DST included", () => {
    expect(latestDigestMoment(new Date("2026-03-29T06:30:00Z"), 7).toISOString()).toBe("2026-03-29T05:00:00.000Z");
    expect(latestDigestMoment(new Date("2026-03-29T04:30:00Z"), 7).toISOString()).toBe("2026-03-28T06:00:00.000Z");
  });
});
