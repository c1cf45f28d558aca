import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "./session.server";

export type DenialContext = { action: string; entityType: string; entityId?: string | null; ip?: string };

/**
 * Enforces a policy decision: logs the denial and throws 403. Use `notFound` instead when the
 * user must not learn that the thing exists at all.
 */
export async function authorize(user: AuthUser, allowed: boolean, ctx: DenialContext): Promise<void> {
  if (allowed) return;
  await recordAudit({
    actor: user,
    action: "permission.denied",
    entityType: ctx.entityType,
    entityId: ctx.entityId,
    summary: ctx.action,
    ip: ctx.ip,
  });
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
