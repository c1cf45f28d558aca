// Invitation by email through a real SMTP server listening on this machine.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as acceptRoute from "~/routes/zaproszenie.$token";
import { invitePerson } from "~/modules/people/invitations.server";
import { getCurrentUser, type AuthUser } from "~/modules/auth/session.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

const inbox: ParsedMail[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
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

async function coordinatorOf(institutionId: string): Promise<AuthUser> {
  const user = await buildUser({ institutionId, institutionRole: "COORDINATOR", name: "Katarzyna Nowak" });
  return (await getCurrentUser(makeRequest("/", { cookie: await loginAs(user.id) })))!;
}

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("invitations", () => {
  it("emails a single-use link that creates the account in the right institution and role", async () => {
    const rig = await buildInstitution({ shortName: "RIG", name: "Regionalna Izba Gospodarcza w Bełchatowie" });
    const coordinator = await coordinatorOf(rig.id);
    inbox.length = 0;
    const result = await invitePerson(coordinator, { email: "jan.kowalski@rig.razem.test", institutionId: rig.id, role: "MEMBER" }, meta);
    expect(result.ok).toBe(true);

    expect(inbox).toHaveLength(1);
    const mail = inbox[0];
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("jan.kowalski@rig.razem.test");
    expect(mail.subject).toBe("Zaproszenie do Razem — Regionalna Izba Gospodarcza w Bełchatowie");
    expect(mail.text).toContain("Katarzyna Nowak");
    const token = /http:\/\/razem\.test\/zaproszenie\/([\w-]+)/.exec(mail.text ?? "")![1];

    const page = await run(acceptRoute.loader, makeRequest(`/zaproszenie/${token}`), { token });
    expect(page.data).toMatchObject({ invitation: { email: "jan.kowalski@rig.razem.test", role: "MEMBER", inviter: "Katarzyna Nowak" } });

    const bad = await run(acceptRoute.action, makeRequest(`/zaproszenie/${token}`, { form: { name: "J", password: "krotkie", passwordRepeat: "krotkie" } }), { token });
    expect(bad.status).toBe(400);

    const form = { name: "Jan Kowalski", password: "moje-dobre-haslo", passwordRepeat: "moje-dobre-haslo" };
    const accepted = await run(acceptRoute.action, makeRequest(`/zaproszenie/${token}`, { form }), { token });
    expect(accepted.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: "jan.kowalski@rig.razem.test" } });
    expect(user).toMatchObject({ name: "Jan Kowalski", institutionId: rig.id, institutionRole: "MEMBER", isAdmin: false });

    const reused = await run(acceptRoute.action, makeRequest(`/zaproszenie/${token}`, { form }), { token });
    expect(reused.status).toBe(410);
    expect(await db.user.count({ where: { email: "jan.kowalski@rig.razem.test" } })).toBe(1);
    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "invitation." } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["invitation.accept", "invitation.create"]);
  });

  it("rejects expired and replaced invitations", async () => {
    const inst = await buildInstitution();
    const coordinator = await coordinatorOf(inst.id);
    const first = await invitePerson(coordinator, { email: "ola@razem.test", institutionId: inst.id, role: "MEMBER" }, meta);
    const second = await invitePerson(coordinator, { email: "ola@razem.test", institutionId: inst.id, role: "COORDINATOR" }, meta);
    if (!first.ok || !second.ok) throw new Error("invite failed");
    const firstToken = first.link.split("/").pop()!;
    const secondToken = second.link.split("/").pop()!;
    expect((await run(acceptRoute.loader, makeRequest("/"), { token: firstToken })).data).toEqual({ invitation: null });

    await db.invitation.update({ where: { id: second.invitationId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await run(acceptRoute.loader, makeRequest("/"), { token: secondToken })).data).toEqual({ invitation: null });
  });

  it("does not invite an address that already has an account", async () => {
    const inst = await buildInstitution();
    const coordinator = await coordinatorOf(inst.id);
    const existing = await buildUser();
    const result = await invitePerson(coordinator, { email: existing.email, institutionId: inst.id, role: "MEMBER" }, meta);
    expect(result).toEqual({ ok: false, reason: "emailTaken" });
  });
});
