// /profil/powiadomienia through its loader and action: defaults, saving (audited), validation
// errors as translation keys next to the fields (never a 500), only one's own settings.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as prefsRoute from "~/routes/_app.profil.powiadomienia";
import { buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

async function signedIn() {
  const user = await buildUser({ email: `osoba-${Math.random().toString(36).slice(2, 8)}@razem.test` });
  return { user, cookie: await loginAs(user.id) };
}

const save = (cookie: string, form: Record<string, string>, extra = "") =>
  run(
    prefsRoute.action,
    new Request("http://razem.test/profil/powiadomienia", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "preferences", ...form }).toString() + extra,
    }),
  );

describe("notification preferences page", () => {
  it("needs a signed-in person", async () => {
    const res = await run(prefsRoute.loader, makeRequest("/profil/powiadomienia"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/logowanie/);
    const post = await run(prefsRoute.action, makeRequest("/profil/powiadomienia", { form: { intent: "regenerateCalendar" } }));
    expect(post.status).toBe(302);
    expect(await db.notificationSetting.count()).toBe(0);
  });

  it("shows the defaults: immediately, 7:00, 3 and 1 days, no calendar", async () => {
    const { user, cookie } = await signedIn();
    const res = await run(prefsRoute.loader, makeRequest("/profil/powiadomienia", { cookie }));
    expect(res.data).toEqual({
      email: user.email,
      preferences: { emailMode: "IMMEDIATE", digestHour: 7, reminderDays: [3, 1], calendarActive: false },
    });
  });

  it("saves the e-mail mode, hour and reminder days, audited with what changed", async () => {
    const { user, cookie } = await signedIn();
    const other = await signedIn();
    const res = await save(cookie, { emailMode: "DIGEST", digestHour: "18" }, "&reminderDays=7&reminderDays=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/profil/powiadomienia");
    expect(await db.notificationSetting.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ emailMode: "DIGEST", digestHour: 18, reminderDays: "7,1" });
    expect(await db.notificationSetting.findUnique({ where: { userId: other.user.id } })).toBeNull();
    const page = await run(prefsRoute.loader, makeRequest("/profil/powiadomienia", { cookie }));
    expect(page.data).toMatchObject({ preferences: { emailMode: "DIGEST", digestHour: 18, reminderDays: [7, 1] } });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.notifications.update", actorId: user.id } });
    expect(JSON.parse(audit.changes!)).toEqual({ emailMode: ["IMMEDIATE", "DIGEST"], digestHour: [7, 18], reminderDays: ["3,1", "7,1"] });

    // No boxes ticked = no "due in N days" reminders; saving the same again writes no audit entry.
    expect((await save(cookie, { emailMode: "OFF", digestHour: "18" })).status).toBe(302);
    expect(await db.notificationSetting.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ emailMode: "OFF", reminderDays: "" });
    await save(cookie, { emailMode: "OFF", digestHour: "18" });
    expect(await db.auditLog.count({ where: { action: "user.notifications.update", actorId: user.id } })).toBe(2);
  });

  it("answers invalid input with 400 and translation keys per field", async () => {
    const { user, cookie } = await signedIn();
    const bad = await save(cookie, { emailMode: "CZASEM", digestHour: "24" }, "&reminderDays=5");
    expect(bad.status).toBe(400);
    expect(bad.data).toEqual({
      intent: "preferences",
      errors: { emailMode: "reminders.validation.emailMode", digestHour: "reminders.validation.digestHour", reminderDays: "reminders.validation.reminderDays" },
    });
    const missing = await save(cookie, {});
    expect(missing.status).toBe(400);
    expect((missing.data as { errors: Record<string, string> }).errors.emailMode).toBe("reminders.validation.emailMode");
    const unknown = await run(prefsRoute.action, makeRequest("/profil/powiadomienia", { cookie, form: { intent: "cośInnego" } }));
    expect(unknown.status).toBe(400);
    expect(await db.notificationSetting.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("shows a new calendar address once, in the action's answer only", async () => {
    const { user, cookie } = await signedIn();
    const res = await run(prefsRoute.action, makeRequest("/profil/powiadomienia", { cookie, form: { intent: "regenerateCalendar" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const url = (res.data as { calendarUrl: string }).calendarUrl;
    const token = url.split("/").pop()!.replace(/\.ics$/, "");
    const page = await run(prefsRoute.loader, makeRequest("/profil/powiadomienia", { cookie }));
    expect(page.data).toMatchObject({ preferences: { calendarActive: true } });
    expect(JSON.stringify(page.data)).not.toContain(token);
    const stored = await db.notificationSetting.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.calendarTokenHash).not.toContain(token);
  });
});
