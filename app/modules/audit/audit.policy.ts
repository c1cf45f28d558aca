import type { Actor } from "~/modules/auth/actor";

export type AuditAction = "browse" | "export";

/** The full log shows every institution's activity: platform administrators only. */
export function canAudit(actor: Actor, _action: AuditAction): boolean {
  return actor.isAdmin;
}
