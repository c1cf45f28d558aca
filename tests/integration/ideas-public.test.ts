// The residents' public idea form through real requests: a valid idea with consent, the consent
// rule, the honeypot and the signed minimum fill time, per-IP rate limiting, closed periods, the
// public list (never contact data), intake periods and erasure of contact data (on request and
// automatically after the retention time).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as formRoute from "~/routes/pomysly._index";
import * as thanksRoute from "~/routes/pomysly.dziekujemy.$reference";
import * as listRoute from "~/routes/pomysly.przyjete";
import * as intakesRoute from "~/routes/_app.pomysly.nabory";
import { createTranslator } from "~/utils/i18n";
import { runMaintenance } from "~/utils/maintenance.server";
import { purgeExpiredContacts } from "~/modules/ideas/erasure.server";
import { checkFormToken, issueFormToken } from "~/modules/ideas/submit.server";
import { hitRateLimit, ideaRateKey } from "~/modules/ideas/rate-limit.server";
import { formatReference, referenceYear } from "~/modules/ideas/reference";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run, testContext } from "../http";
import { countStatements } from "../query-count";

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/**
 * BKPPT's coordinator runs the intake; the workspace „Strategia transformacji regionu” is designated
 * and RIG takes part in it as an institution (so RIG's plain member sees the ideas); FRGK is outside.
 */
async function partnership(intake: Partial<{ opensAt: Date; closesAt: Date | null; publicList: boolean }> = {}) {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const rigMember = await signedIn({ institutionId: rig.id, name: "Łukasz Żak" });
  const outsider = await signedIn({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const workspace = await db.workspace.create({
    data: {
      name: "Strategia transformacji regionu",
      owningInstitutionId: bkppt.id,
      createdById: coordinator.user.id,
      institutions: { create: [{ institutionId: rig.id, role: "VIEWER" }] },
      members: { create: [{ userId: coordinator.user.id, role: "OWNER" }] },
    },
  });
  const open = await db.ideaIntake.create({
    data: {
      title: "Nabór pomysłów — jesień 2026",
      intro: "Czekamy na Wasze pomysły.",
      opensAt: intake.opensAt ?? new Date(Date.now() - 2 * DAY),
      closesAt: intake.closesAt === undefined ? new Date(Date.now() + 20 * DAY) : intake.closesAt,
      workspaceId: workspace.id,
      publicList: intake.publicList ?? true,
      createdById: coordinator.user.id,
    },
  });
  return { bkppt, rig, frgk, coordinator, rigMember, outsider, workspace, intake: open };
}

/** A form as a person leaves it after ten seconds of typing. */
function ideaForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    started: issueFormToken(new Date(Date.now() - 10_000)),
    website: "",
    title: "Opera na odkrywce",
    description: "Letnia scena operowa na dnie dawnej odkrywki: spektakle pod gołym niebem, które przyciągną turystów z całej Polski.",
    category: "CULTURE_TOURISM",
    location: "Bełchatów, odkrywka Szczerców",
    name: "",
    email: "",
    ...overrides,
  };
}

/** Posts the public form as a visitor without an account, from `ip`. */
function submit(form: Record<string, string>, ip = "203.0.113.7") {
  return run(
    (args: ActionFunctionArgs) => formRoute.action({ ...args, context: { ...testContext, clientIp: ip } }),
    makeRequest("/pomysly", { form }),
  );
}

const CONSENT_PL = createTranslator("pl")("ideasPublic.form.consent");

describe("submitting an idea", () => {
  it("a resident without an account sends an idea with contact data and consent: stored with a reference and the exact consent text, audited without personal data, handlers notified once an hour", async () => {
    const { coordinator, rigMember, outsider } = await partnership();
    const page = await run(formRoute.loader as (a: LoaderFunctionArgs) => unknown, makeRequest("/pomysly"));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ open: true, intake: { title: "Nabór pomysłów — jesień 2026" } });
    expect(checkFormToken((page.data as { token: string }).token)).toBe("tooFast");

    const res = await submit(ideaForm({ name: "Jan Kowalski", email: "jan.kowalski@example.com", consent: "on" }));
    const year = referenceYear(new Date());
    const reference = formatReference(year, 1);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/pomysly/dziekujemy/${reference}`);
    const idea = await db.idea.findUniqueOrThrow({ where: { reference } });
    expect(idea).toMatchObject({
      title: "Opera na odkrywce",
      category: "CULTURE_TOURISM",
      location: "Bełchatów, odkrywka Szczerców",
      contactName: "Jan Kowalski",
      contactEmail: "jan.kowalski@example.com",
      consentText: CONSENT_PL,
      status: "NEW",
    });
    expect(idea.consentAt).toBeInstanceOf(Date);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idea.submit", entityId: idea.id } });
    expect(audit).toMatchObject({ actorId: null, ip: null });
    expect(JSON.stringify(audit)).not.toMatch(/Kowalski|example\.com|203\.0\.113/);

    // The handlers: the designated workspace's members (directly or through RIG), not FRGK.
    const notified = await db.notification.findMany({ where: { kind: "idea.new" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([coordinator.user.id, rigMember.user.id].sort());
    expect(notified.map((n) => n.userId)).not.toContain(outsider.user.id);

    // The next idea gets the next number; nobody gets a second notification within the hour.
    const second = await submit(ideaForm({ title: "Zintegrowany city camping", category: "INFRASTRUCTURE" }));
    expect(second.headers.get("Location")).toBe(`/pomysly/dziekujemy/${formatReference(year, 2)}`);
    expect(await db.notification.count({ where: { kind: "idea.new" } })).toBe(2);
    const anonymous = await db.idea.findUniqueOrThrow({ where: { reference: formatReference(year, 2) } });
    expect(anonymous).toMatchObject({ contactName: null, contactEmail: null, consentAt: null, consentText: null });

    // The thank-you page knows the reference; unknown or malformed ones are 404.
    const thanks = await run(thanksRoute.loader, makeRequest(`/pomysly/dziekujemy/${reference}`), { reference });
    expect(thanks).toMatchObject({ status: 200, data: { reference } });
    expect((await run(thanksRoute.loader, makeRequest("/pomysly/dziekujemy/P-1999-0001"), { reference: "P-1999-0001" })).status).toBe(404);
    expect((await run(thanksRoute.loader, makeRequest("/pomysly/dziekujemy/x"), { reference: "x" })).status).toBe(404);
  });

  it("a reference taken out of order is skipped: the next free number is used", async () => {
    const { intake } = await partnership();
    const year = referenceYear(new Date());
    await db.idea.create({ data: { reference: formatReference(year, 2), intakeId: intake.id, title: "Wcześniejszy", description: "x".repeat(30), category: "OTHER" } });
    const res = await submit(ideaForm());
    expect(res.headers.get("Location")).toBe(`/pomysly/dziekujemy/${formatReference(year, 3)}`);
  });

  it("contact data without consent is refused next to the consent field and nothing is stored; other fields are checked too", async () => {
    await partnership();
    const contacts: Record<string, string>[] = [{ name: "Jan Kowalski" }, { email: "jan@example.com" }];
    for (const contact of contacts) {
      const res = await submit(ideaForm(contact));
      expect(res.status).toBe(400);
      expect(res.data).toMatchObject({ errors: { consent: "ideasPublic.validation.consent" } });
      // What the resident typed stays in the form.
      expect(res.data).toMatchObject({ values: { title: "Opera na odkrywce" } });
    }
    const bad = await submit(ideaForm({ title: "Ab", description: "krótko", category: "KOSMOS", email: "nie-email", consent: "on", location: "x".repeat(201) }));
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      errors: {
        title: 'validation.tooShort|{"min":5}',
        description: 'validation.tooShort|{"min":20}',
        category: "ideasPublic.validation.category",
        email: "validation.email",
        location: 'validation.tooLong|{"max":200}',
      },
    });
    const long = await submit(ideaForm({ description: "y".repeat(5001) }));
    expect(long.data).toMatchObject({ errors: { description: 'validation.tooLong|{"max":5000}' } });
    expect(await db.idea.count()).toBe(0);
    // Validation errors do not use up the IP's hourly allowance.
    expect(await db.rateLimit.count()).toBe(0);
  });

  it("a filled honeypot is refused with a neutral message, nothing stored, audited without personal data", async () => {
    await partnership();
    const res = await submit(ideaForm({ website: "http://spam.example", name: "Bot", email: "bot@example.com", consent: "on" }));
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ formError: "ideasPublic.error.refused", errors: {} });
    expect(await db.idea.count()).toBe(0);
    expect(await db.notification.count()).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idea.rejected.bot" } });
    expect(audit).toMatchObject({ summary: "honeypot", actorId: null, ip: null, entityId: null, changes: null });
    expect(JSON.stringify(audit)).not.toMatch(/bot@example|spam|203\.0\.113/);
  });

  it("too fast, forged, backdated, stale or missing timestamps are refused and nothing is stored", async () => {
    await partnership();
    const now = Date.now();
    const genuine = issueFormToken(new Date(now - 10_000));
    const [issuedAt, signature] = genuine.split(".");
    const cases: [string, string | undefined][] = [
      ["tooFast", issueFormToken(new Date(now - 1_000))],
      ["forged", `${issuedAt}.${signature.slice(0, -2)}AA`],
      // A bot backdating a fresh token keeps the fresh signature, which no longer matches.
      ["forged", `${Number(issuedAt) - 60_000}.${signature}`],
      ["forged", "1700000000000.abc"],
      ["stale", issueFormToken(new Date(now - 25 * HOUR))],
      ["missing", undefined],
    ];
    for (const [check, token] of cases) {
      const form = ideaForm();
      if (token === undefined) delete form.started;
      else form.started = token;
      const res = await submit(form);
      expect(res.status, check).toBe(400);
      expect(res.data, check).toMatchObject({ formError: "ideasPublic.error.refused" });
      // A fresh timestamp comes back, so a person caught by mistake just sends again.
      expect(checkFormToken((res.data as { token: string }).token, new Date(Date.now() + 5_000))).toBe("ok");
    }
    expect(await db.idea.count()).toBe(0);
    const audits = await db.auditLog.findMany({ where: { action: "idea.rejected.bot" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.summary).sort()).toEqual(cases.map(([c]) => c).sort());
  });

  it("rate limiting: the 6th idea in an hour from one IP gets 429 and nothing is stored; another IP still works; the window resets", async () => {
    await partnership();
    for (let i = 1; i <= 5; i++) expect((await submit(ideaForm({ title: `Pomysł numer ${i}` }), "198.51.100.1")).status).toBe(302);
    const sixth = await submit(ideaForm({ title: "Pomysł numer 6" }), "198.51.100.1");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(sixth.data).toMatchObject({ formError: expect.stringMatching(/^ideasPublic\.error\.rateLimited\|/) });
    expect(await db.idea.count()).toBe(5);
    expect(await db.idea.count({ where: { title: "Pomysł numer 6" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "idea.rejected.rateLimit" } })).toBe(1);

    expect((await submit(ideaForm({ title: "Z innego adresu" }), "198.51.100.2")).status).toBe(302);

    // The stored keys are hashes: no IP address in the table.
    const rows = await db.rateLimit.findMany();
    expect(rows.map((r) => r.key).sort()).toEqual([ideaRateKey("198.51.100.1"), ideaRateKey("198.51.100.2")].sort());
    expect(JSON.stringify(rows)).not.toContain("198.51.100");

    // An hour later the window is over.
    await db.rateLimit.update({ where: { key: ideaRateKey("198.51.100.1") }, data: { windowStart: new Date(Date.now() - HOUR - 1000) } });
    expect((await submit(ideaForm({ title: "Pomysł numer 6" }), "198.51.100.1")).status).toBe(302);
    expect(await db.idea.count()).toBe(7);
  });

  it("the fixed window counts per key and restarts after the window, with a controllable clock", async () => {
    const t0 = new Date("2026-10-01T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await hitRateLimit("test:a", 2, HOUR, t0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await hitRateLimit("test:a", 2, HOUR, at(1000))).toMatchObject({ allowed: true, remaining: 0 });
    expect(await hitRateLimit("test:a", 2, HOUR, at(2000))).toEqual({ allowed: false, retryAfterMs: HOUR - 2000 });
    expect(await hitRateLimit("test:b", 2, HOUR, at(2000))).toMatchObject({ allowed: true });
    expect(await hitRateLimit("test:a", 2, HOUR, at(HOUR))).toMatchObject({ allowed: true, remaining: 1 });
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key: "test:a" } })).toMatchObject({ count: 1, windowStart: at(HOUR) });
    // Maintenance forgets windows that ended long ago.
    const result = await runMaintenance(at(24 * HOUR + 30 * 60_000));
    expect(result.rateLimits).toBe(1);
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual(["test:a"]);
  });

  it("outside an open period the page says so (with the next opening) and submissions are refused", async () => {
    const { coordinator } = await partnership({ opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - DAY) });
    await db.ideaIntake.create({ data: { title: "Nabór pomysłów — wiosna 2027", opensAt: new Date(Date.now() + 40 * DAY), createdById: coordinator.user.id } });
    const page = await run(formRoute.loader as (a: LoaderFunctionArgs) => unknown, makeRequest("/pomysly"));
    expect(page.data).toMatchObject({ open: false, next: { title: "Nabór pomysłów — wiosna 2027" } });
    expect(page.data).not.toHaveProperty("token");
    const res = await submit(ideaForm());
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ formError: "ideasPublic.error.closed" });
    expect(await db.idea.count()).toBe(0);
  });

  it("refuses a huge body before parsing it", async () => {
    await partnership();
    const res = await submit(ideaForm({ description: "z".repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(await db.idea.count()).toBe(0);
  });
});

describe("the public list", () => {
  it("shows decided ideas of intakes with a public list — never contact data — in two queries per page", async () => {
    const { coordinator, intake } = await partnership();
    const hidden = await db.ideaIntake.create({
      data: { title: "Nabór wewnętrzny", opensAt: new Date(Date.now() - 90 * DAY), closesAt: new Date(Date.now() - 60 * DAY), publicList: false, createdById: coordinator.user.id },
    });
    const contact = { contactName: "Jan Kowalski", contactEmail: "jan.kowalski@example.com", consentAt: new Date(), consentText: CONSENT_PL };
    const make = (n: number, data: Record<string, unknown>) =>
      db.idea.create({ data: { reference: formatReference(2026, n), intakeId: intake.id, title: `Pomysł ${n}`, description: "Opis pomysłu mieszkańca regionu.", category: "SOCIAL", ...contact, ...data } });
    await make(1, { title: "Opera na odkrywce", status: "ACCEPTED", acceptedFor: "STRATEGY", closedAt: new Date() });
    await make(2, { title: "Zintegrowany city camping", status: "ACCEPTED", acceptedFor: "PROJECT", closedAt: new Date() });
    await make(3, { title: "Lotnisko w Kleszczowie", status: "REJECTED", publicReason: "Poza zakresem strategii.", closedAt: new Date() });
    await make(4, { title: "Nowy pomysł", status: "NEW" });
    await make(5, { title: "Duplikat opery", status: "ACCEPTED", acceptedFor: "STRATEGY", closedAt: new Date(), duplicateOfId: (await db.idea.findUniqueOrThrow({ where: { reference: formatReference(2026, 1) } })).id });
    await make(6, { title: "Ukryty", status: "ACCEPTED", acceptedFor: "STRATEGY", closedAt: new Date(), intakeId: hidden.id });
    await make(7, { title: "W koszu", status: "ACCEPTED", acceptedFor: "STRATEGY", closedAt: new Date(), deletedAt: new Date() });

    const accepted = await run(listRoute.loader, makeRequest("/pomysly/przyjete"));
    const items = (accepted.data as { items: { title: string; status: string; acceptedFor: string }[] }).items;
    expect(items.map((i) => i.title).sort()).toEqual(["Opera na odkrywce", "Zintegrowany city camping"]);
    const rejected = await run(listRoute.loader, makeRequest("/pomysly/przyjete?status=odrzucone"));
    expect((rejected.data as { items: unknown[] }).items).toEqual([expect.objectContaining({ title: "Lotnisko w Kleszczowie", publicReason: "Poza zakresem strategii." })]);
    for (const res of [accepted, rejected]) {
      const text = JSON.stringify(res.data);
      expect(text).not.toMatch(/Kowalski|example\.com|consent|contact|Zgadzam/i);
    }

    // Fixed cost: a count and a page, whatever the number of ideas.
    const few = await countStatements(() => run(listRoute.loader, makeRequest("/pomysly/przyjete")));
    for (let n = 10; n < 40; n++) await make(n, { status: "ACCEPTED", acceptedFor: "PROJECT", closedAt: new Date() });
    const many = await countStatements(() => run(listRoute.loader, makeRequest("/pomysly/przyjete?page=2")));
    expect(many).toBe(few);
    expect(few).toBe(2);
  });
});

describe("intake periods", () => {
  function intakesPost(cookie: string, form: Record<string, string>) {
    return run(intakesRoute.action, makeRequest("/pomysly/nabory", { cookie, form }));
  }

  it("a coordinator creates, edits and closes a period (audited); overlaps and unknown workspaces are field errors; a plain member gets an audited 403", async () => {
    const { coordinator, rigMember, workspace, intake } = await partnership({ closesAt: new Date(Date.now() + 5 * DAY) });
    const page = await run(intakesRoute.loader, makeRequest("/pomysly/nabory", { cookie: coordinator.cookie }));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ rows: [{ title: "Nabór pomysłów — jesień 2026", state: "open" }], workspaces: [{ id: workspace.id }] });

    const overlapping = await intakesPost(coordinator.cookie, { intent: "create", title: "Nabór nakładający się", opensOn: "2020-01-01", closesOn: "" });
    expect(overlapping.status).toBe(400);
    expect(overlapping.data).toMatchObject({ errors: { opensOn: expect.stringMatching(/^ideasPublic\.validation\.overlap\|/) } });
    const badWorkspace = await intakesPost(coordinator.cookie, { intent: "create", title: "Nabór wiosna 2030", opensOn: "2030-03-01", closesOn: "2030-03-31", workspaceId: "nie-ma" });
    expect(badWorkspace.data).toMatchObject({ errors: { workspaceId: "ideasPublic.validation.workspace" } });
    const backwards = await intakesPost(coordinator.cookie, { intent: "create", title: "Nabór wiosna 2030", opensOn: "2030-03-31", closesOn: "2030-03-01" });
    expect(backwards.data).toMatchObject({ errors: { closesOn: "ideasPublic.validation.closesBeforeOpens" } });

    const created = await intakesPost(coordinator.cookie, {
      intent: "create",
      title: "Nabór pomysłów — wiosna 2030",
      intro: "Wiosenny nabór.",
      opensOn: "2030-03-01",
      closesOn: "2030-03-31",
      workspaceId: workspace.id,
      publicList: "on",
    });
    expect(created.status).toBe(302);
    const spring = await db.ideaIntake.findFirstOrThrow({ where: { title: "Nabór pomysłów — wiosna 2030" } });
    // Warsaw days: opens at local midnight (CET, UTC+1) and closes at the end of 31 March (CEST, UTC+2).
    expect(spring.opensAt.toISOString()).toBe("2030-02-28T23:00:00.000Z");
    expect(spring.closesAt?.toISOString()).toBe("2030-03-31T22:00:00.000Z");
    expect(await db.auditLog.count({ where: { action: "idea.intake.create", entityId: spring.id } })).toBe(1);

    const edited = await intakesPost(coordinator.cookie, { intent: "update", id: spring.id, title: "Nabór pomysłów — wiosna 2030", intro: "Zmieniony wstęp.", opensOn: "2030-03-01", closesOn: "2030-04-15", workspaceId: workspace.id });
    expect(edited.status).toBe(302);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idea.intake.update", entityId: spring.id } });
    expect(Object.keys(JSON.parse(audit.changes ?? "{}")).sort()).toEqual(["closesAt", "intro", "publicList"]);

    const closed = await intakesPost(coordinator.cookie, { intent: "close", id: intake.id });
    expect(closed.status).toBe(302);
    expect((await db.ideaIntake.findUniqueOrThrow({ where: { id: intake.id } })).closesAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.auditLog.count({ where: { action: "idea.intake.close", entityId: intake.id } })).toBe(1);
    expect((await submit(ideaForm())).status).toBe(409);

    for (const res of [
      await run(intakesRoute.loader, makeRequest("/pomysly/nabory", { cookie: rigMember.cookie })),
      await intakesPost(rigMember.cookie, { intent: "close", id: spring.id }),
    ]) {
      expect(res.status).toBe(403);
    }
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: rigMember.user.id, summary: "idea.manageIntakes" } })).toBe(2);
  });
});

describe("the intakes list", () => {
  it("costs the same number of queries whatever the number of periods", async () => {
    const { coordinator } = await partnership();
    const load = () => run(intakesRoute.loader, makeRequest("/pomysly/nabory", { cookie: coordinator.cookie }));
    const few = await countStatements(load);
    for (let y = 2030; y < 2060; y++) {
      await db.ideaIntake.create({ data: { title: `Nabór ${y}`, opensAt: new Date(`${y}-03-01T00:00:00Z`), closesAt: new Date(`${y}-04-01T00:00:00Z`), createdById: coordinator.user.id } });
    }
    const many = await countStatements(load);
    expect(many).toBe(few);
    const page = await load();
    expect((page.data as { rows: unknown[]; page: { total: number } }).page.total).toBe(31);
    expect((page.data as { rows: unknown[] }).rows).toHaveLength(25);
  });
});

describe("erasing contact data", () => {
  async function ideaWithContact(intakeId: string, n: number, data: Record<string, unknown> = {}) {
    return db.idea.create({
      data: {
        reference: formatReference(2026, n),
        intakeId,
        title: `Pomysł ${n}`,
        description: "Opis pomysłu mieszkańca regionu.",
        category: "ECONOMIC",
        contactName: "Jan Kowalski",
        contactEmail: "jan.kowalski@example.com",
        consentAt: new Date(),
        consentText: CONSENT_PL,
        ...data,
      },
    });
  }

  it("on request: a coordinator erases by reference (audited without the data); a member who sees the idea gets 403; someone who cannot see it gets 404", async () => {
    const { coordinator, rigMember, outsider, intake } = await partnership();
    const idea = await ideaWithContact(intake.id, 1);
    const erase = (cookie: string, reference = idea.reference) => run(intakesRoute.action, makeRequest("/pomysly/nabory", { cookie, form: { intent: "erase", reference } }));

    const forbidden = await erase(rigMember.cookie);
    expect(forbidden.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: rigMember.user.id, entityId: idea.id, summary: "idea.eraseContact" } })).toBe(1);
    const invisible = await erase(outsider.cookie);
    expect(invisible.status).toBe(404);
    expect(invisible.data).toMatchObject({ errors: { reference: "ideasPublic.erase.notFound" } });
    expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ contactEmail: "jan.kowalski@example.com" });

    const bad = await erase(coordinator.cookie, "jan@example.com");
    expect(bad).toMatchObject({ status: 400, data: { errors: { reference: "ideasPublic.validation.reference" } } });

    const done = await erase(coordinator.cookie, idea.reference.toLowerCase());
    expect(done.status).toBe(302);
    const after = await db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(after).toMatchObject({ contactName: null, contactEmail: null, consentAt: null, consentText: null, title: "Pomysł 1" });
    expect(after.contactErasedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idea.contact.erase", entityId: idea.id } });
    expect(audit).toMatchObject({ actorId: coordinator.user.id, summary: idea.reference });
    expect(JSON.stringify(audit)).not.toMatch(/Kowalski|example\.com/);

    // Nothing left: a second request changes and audits nothing.
    expect((await erase(coordinator.cookie)).status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "idea.contact.erase" } })).toBe(1);
  });

  it("automatically, IDEAS_CONTACT_RETENTION_DAYS (180) after the idea was closed, by the maintenance job", async () => {
    const { intake } = await partnership();
    const now = new Date("2027-06-01T10:00:00Z");
    const old = await ideaWithContact(intake.id, 1, { status: "ACCEPTED", acceptedFor: "STRATEGY", closedAt: new Date(now.getTime() - 181 * DAY) });
    const exactly = await ideaWithContact(intake.id, 2, { status: "REJECTED", publicReason: "Nie teraz.", closedAt: new Date(now.getTime() - 180 * DAY) });
    const recent = await ideaWithContact(intake.id, 3, { status: "REJECTED", publicReason: "Nie teraz.", closedAt: new Date(now.getTime() - 179 * DAY) });
    const open = await ideaWithContact(intake.id, 4, { status: "IN_ANALYSIS", submittedAt: new Date(now.getTime() - 400 * DAY) });

    // Before the time nothing goes.
    expect(await purgeExpiredContacts(new Date(now.getTime() - 2 * DAY))).toBe(0);
    const result = await runMaintenance(now);
    expect(result.ideaContacts).toBe(2);
    for (const id of [old.id, exactly.id]) {
      expect(await db.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ contactName: null, contactEmail: null, consentAt: null, consentText: null, contactErasedAt: now });
    }
    for (const id of [recent.id, open.id]) expect(await db.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ contactEmail: "jan.kowalski@example.com", contactErasedAt: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idea.contact.purge" } });
    expect(audit).toMatchObject({ summary: "2", actorId: null });
    // Idempotent: a second run finds nothing.
    expect(await purgeExpiredContacts(now)).toBe(0);
  });
});
