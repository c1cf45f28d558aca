// The bell's polling endpoint: only the caller's own notifications, never anyone else's.
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/powiadomienia.stan";
import { notify } from "~/modules/notifications/notifications.server";
import { buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";

describe("GET /powiadomienia/stan", () => {
  it("returns my unread count and latest notifications, uncached", async () => {
    const me = await buildUser({ name: "Ewa Polling" });
    const other = await buildUser({ name: "Jan Inny" });
    await notify({ userIds: [me.id], kind: "mention", title: "notifications.kind.mention", data: { name: "Jan", document: "Plan.pdf" }, url: "/pulpit" });
    await notify({ userIds: [other.id, me.id], kind: "mention", title: "notifications.kind.mention", data: { name: "Jan", document: "Tajne.pdf" }, url: "/pulpit" });
    await notify({ userIds: [other.id], kind: "mention", title: "notifications.kind.mention", data: { name: "Ewa", document: "Inne.pdf" }, url: "/pulpit" });

    const res = await run(loader, makeRequest("/powiadomienia/stan", { cookie: await loginAs(me.id) }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    const body = res.data as { unread: number; latest: { data: { document: string } }[] };
    expect(body.unread).toBe(2);
    expect(body.latest.map((n) => n.data.document).sort()).toEqual(["Plan.pdf", "Tajne.pdf"]);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const res = await run(loader, makeRequest("/powiadomienia/stan"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/logowanie/);
  });
});
