import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as setupRoute from "~/routes/konfiguracja";
import * as loginRoute from "~/routes/logowanie";
import * as logoutRoute from "~/routes/wyloguj";
import * as profileRoute from "~/routes/_app.profil._index";
import * as sessionsRoute from "~/routes/_app.profil.sesje";
import * as resetRequestRoute from "~/routes/haslo.przypomnij";
import * as resetRoute from "~/routes/haslo.nowe.$token";
import * as appLayout from "~/routes/_app";
import { getCurrentSession, getCurrentUser } from "~/modules/auth/session.server";
import { buildInstitution, buildUser, loginAs, TEST_PASSWORD } from "../factories";
import { makeRequest, run } from "../http";

const cookieOf = (headers: Headers) =>
  headers
    .getSetCookie()
    .find((c) => c.startsWith("razem_session="))
    ?.split(";")[0];

async function auditActions() {
  return (await db.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((a) => a.action);
}

describe("first-run setup", () => {
  it("creates the first administrator and signs them in, then is gone (404)", async () => {
    const ok = await run(
      setupRoute.action,
      makeRequest("/konfiguracja", { form: { name: "Ewa Admin", email: "Ewa@Razem.test", password: "dlugie-haslo-1", passwordRepeat: "dlugie-haslo-1" } }),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/pulpit");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "ewa@razem.test" } });
    expect(admin.isAdmin).toBe(true);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(cookieOf(ok.headers)).toBeTruthy();

    expect((await run(setupRoute.loader, makeRequest("/konfiguracja"))).status).toBe(404);
    const again = await run(setupRoute.action, makeRequest("/konfiguracja", { form: { name: "Zły", email: "x@razem.test", password: "dlugie-haslo-1", passwordRepeat: "dlugie-haslo-1" } }));
    expect(again.status).toBe(404);
    expect(await db.user.count()).toBe(1);
  });

  it("answers bad input with translated field errors, not a 500", async () => {
    const res = await run(setupRoute.action, makeRequest("/konfiguracja", { form: { name: "", email: "nie-email", password: "krotkie", passwordRepeat: "inne" } }));
    expect(res.status).toBe(400);
    const errors = (res.data as { errors: Record<string, string> }).errors;
    expect(errors.name).toMatch(/^validation\./);
    expect(errors.email).toBe("validation.email");
    expect(errors.password).toMatch(/^validation.passwordTooShort/);
    expect(await db.user.count()).toBe(0);
  });
});

describe("sign in and out", () => {
  let email: string;
  beforeEach(async () => {
    const inst = await buildInstitution();
    email = (await buildUser({ institutionId: inst.id })).email;
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const wrong = await run(loginRoute.action, makeRequest("/logowanie", { form: { email, password: "zle-haslo-123" } }));
    const unknown = await run(loginRoute.action, makeRequest("/logowanie", { form: { email: "nikt@razem.test", password: "zle-haslo-123" } }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.data as { formError: string }).formError).toBe("login.invalid");
    expect((unknown.data as { formError: string }).formError).toBe("login.invalid");
    expect(cookieOf(wrong.headers)).toBeUndefined();
    expect(await auditActions()).toEqual(["auth.signin.failed", "auth.signin.failed"]);
  });

  it("signs in with an HttpOnly SameSite=Lax cookie, redirects safely, and signs out", async () => {
    const res = await run(loginRoute.action, makeRequest("/logowanie", { form: { email: email.toUpperCase(), password: TEST_PASSWORD, redirectTo: "//evil.example" } }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/pulpit");
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("razem_session="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0];
    expect((await getCurrentUser(makeRequest("/", { cookie })))?.email).toBe(email);
    // Only a hash of the cookie value is stored.
    const token = cookie.split("=")[1];
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();

    const out = await run(logoutRoute.action, makeRequest("/wyloguj", { cookie, form: {} }));
    expect(out.status).toBe(302);
    expect(await getCurrentUser(makeRequest("/", { cookie }))).toBeNull();
    expect(await auditActions()).toEqual(["auth.signin", "auth.signout"]);
  });

  it("throttles after five failures with a Polish message, even with the right password", async () => {
    for (let i = 0; i < 5; i++) await run(loginRoute.action, makeRequest("/logowanie", { form: { email, password: "zle-haslo-123" } }));
    const res = await run(loginRoute.action, makeRequest("/logowanie", { form: { email, password: TEST_PASSWORD } }));
    expect(res.status).toBe(429);
    expect((res.data as { formError: string }).formError).toMatch(/^login\.throttled\|/);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(cookieOf(res.headers)).toBeUndefined();
  });

  it("keeps a deactivated person out and ends their sessions", async () => {
    const user = await buildUser();
    const cookie = await loginAs(user.id);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await getCurrentUser(makeRequest("/", { cookie }))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const res = await run(loginRoute.action, makeRequest("/logowanie", { form: { email: user.email, password: TEST_PASSWORD } }));
    expect(res.status).toBe(401);
  });

  it("sends signed-out visitors of app pages to sign-in, keeping where they wanted to go", async () => {
    const res = await run(appLayout.loader, makeRequest("/administracja?x=1"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/logowanie?redirectTo=%2Fadministracja%3Fx%3D1");
  });
});

describe("sessions and passwords", () => {
  it("lists my sessions, ends one of mine, and cannot end someone else's", async () => {
    const me = await buildUser();
    const other = await buildUser();
    const current = await loginAs(me.id);
    const laptop = await loginAs(me.id);
    const theirs = await loginAs(other.id);
    const list = await run(sessionsRoute.loader, makeRequest("/profil/sesje", { cookie: current }));
    const sessions = (list.data as { sessions: { handle: string; current: boolean }[] }).sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const otherHandle = (await db.session.findFirstOrThrow({ where: { userId: other.id } })).id.slice(0, 16);
    const denied = await run(sessionsRoute.action, makeRequest("/profil/sesje", { cookie: current, form: { handle: otherHandle } }));
    expect(denied.status).toBe(404);
    expect(await getCurrentUser(makeRequest("/", { cookie: theirs }))).not.toBeNull();

    const laptopHandle = sessions.find((s) => !s.current)!.handle;
    const ended = await run(sessionsRoute.action, makeRequest("/profil/sesje", { cookie: current, form: { handle: laptopHandle } }));
    expect(ended.status).toBe(302);
    expect(await getCurrentUser(makeRequest("/", { cookie: laptop }))).toBeNull();
    expect(await getCurrentUser(makeRequest("/", { cookie: current }))).not.toBeNull();
  });

  it("slides the expiry of a session used in its second half", async () => {
    const me = await buildUser();
    const cookie = await loginAs(me.id);
    const DAY = 24 * 3600 * 1000;
    await db.session.updateMany({ where: { userId: me.id }, data: { expiresAt: new Date(Date.now() + 2 * DAY) } });
    const { user, setCookie } = await getCurrentSession(makeRequest("/", { cookie }));
    expect(user?.id).toBe(me.id);
    expect(setCookie).toMatch(/^razem_session=/);
    const row = await db.session.findFirstOrThrow({ where: { userId: me.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);

    await db.session.updateMany({ where: { userId: me.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getCurrentUser(makeRequest("/", { cookie }))).toBeNull();
  });

  it("changing the password ends the other sessions and keeps this one", async () => {
    const me = await buildUser();
    const here = await loginAs(me.id);
    const elsewhere = await loginAs(me.id);
    const wrong = await run(profileRoute.action, makeRequest("/profil", { cookie: here, form: { intent: "password", currentPassword: "zle", password: "nowe-haslo-456", passwordRepeat: "nowe-haslo-456" } }));
    expect(wrong.status).toBe(400);
    expect((wrong.data as { errors: Record<string, string> }).errors.currentPassword).toBe("password.currentWrong");
    const ok = await run(profileRoute.action, makeRequest("/profil", { cookie: here, form: { intent: "password", currentPassword: TEST_PASSWORD, password: "nowe-haslo-456", passwordRepeat: "nowe-haslo-456" } }));
    expect(ok.status).toBe(302);
    expect(await getCurrentUser(makeRequest("/", { cookie: here }))).not.toBeNull();
    expect(await getCurrentUser(makeRequest("/", { cookie: elsewhere }))).toBeNull();
  });

  it("resets a password by a single-use emailed link", async () => {
    const me = await buildUser({ email: "reset@razem.test" });
    const stale = await loginAs(me.id);
    const unknown = await run(resetRequestRoute.action, makeRequest("/haslo/przypomnij", { form: { email: "nikt@razem.test" } }));
    const known = await run(resetRequestRoute.action, makeRequest("/haslo/przypomnij", { form: { email: "reset@razem.test" } }));
    expect(unknown.data).toEqual(known.data);
    const files = fs.readdirSync(process.env.OUTBOX_DIR!);
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(process.env.OUTBOX_DIR!, files[0]), "utf8");
    expect(eml).toMatch(/To: reset@razem\.test/);
    const token = /http:\/\/razem\.test\/haslo\/nowe\/([\w-]+)/.exec(eml.replace(/=\r?\n/g, ""))![1];

    const loaded = await run(resetRoute.loader, makeRequest(`/haslo/nowe/${token}`), { token });
    expect(loaded.data).toEqual({ valid: true });
    const done = await run(resetRoute.action, makeRequest(`/haslo/nowe/${token}`, { form: { password: "zupelnie-nowe-1", passwordRepeat: "zupelnie-nowe-1" } }), { token });
    expect(done.status).toBe(302);
    expect(await getCurrentUser(makeRequest("/", { cookie: stale }))).toBeNull();
    const reused = await run(resetRoute.action, makeRequest(`/haslo/nowe/${token}`, { form: { password: "jeszcze-inne-1", passwordRepeat: "jeszcze-inne-1" } }), { token });
    expect(reused.status).toBe(410);
    const signIn = await run(loginRoute.action, makeRequest("/logowanie", { form: { email: "reset@razem.test", password: "zupelnie-nowe-1" } }));
    expect(signIn.status).toBe(302);
  });

  it("refuses an expired reset link", async () => {
    const me = await buildUser();
    const { hashToken } = await import("~/modules/auth/tokens.server");
    await db.passwordReset.create({ data: { userId: me.id, tokenHash: hashToken("stary-token"), expiresAt: new Date(Date.now() - 1000) } });
    const res = await run(resetRoute.loader, makeRequest("/haslo/nowe/stary-token"), { token: "stary-token" });
    expect(res.data).toEqual({ valid: false });
  });
});
