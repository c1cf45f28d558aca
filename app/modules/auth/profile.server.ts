import { db } from "~/utils/db.server";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "./session.server";
import type { RequestMeta } from "./auth.server";

export async function updateProfile(user: AuthUser, input: { name: string; locale: "pl" | "en" }, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    await tx.user.update({ where: { id: user.id }, data: input });
    const changes = diffFields(before, input, ["name", "locale"]);
    if (Object.keys(changes).length > 0) {
      await recordAudit({ actor: user, action: "user.profile.update", entityType: "User", entityId: user.id, changes, ip: meta.ip }, tx);
    }
  });
}
