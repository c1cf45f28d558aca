import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { runMaintenance } from "~/utils/maintenance.server";
import { buildUser, loginAs } from "../factories";

describe("maintenance", () => {
  it("removes expired sessions and stale throttle rows, keeps live ones", async () => {
    const user = await buildUser();
    await loginAs(user.id);
    await loginAs(user.id);
    const [first] = await db.session.findMany({ where: { userId: user.id } });
    await db.session.update({ where: { id: first.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await db.authThrottle.createMany({
      data: [
        { key: "email:old@razem.test", failures: 3, lastFailedAt: old },
        { key: "email:new@razem.test", failures: 3, lastFailedAt: new Date() },
      ],
    });
    const result = await runMaintenance();
    expect(result.expiredSessions).toBe(1);
    expect(result.staleThrottles).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await db.authThrottle.findMany()).map((r) => r.key)).toEqual(["email:new@razem.test"]);
  });
});
