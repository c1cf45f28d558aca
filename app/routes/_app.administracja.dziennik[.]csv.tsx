// GET /administracja/dziennik.csv?<the page's filters> — resource route, streamed download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsvFilename, auditCsvStream } from "~/modules/audit/audit-export.server";
import { activeFilters, parseAuditQuery } from "~/modules/audit/audit-filters";
import { canAudit } from "~/modules/audit/audit.policy";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { ip } = requestMeta(request, context);
  await authorize(user, canAudit(user, "export"), { action: "audit.export", entityType: "AuditLog", ip });
  const query = parseAuditQuery(new URL(request.url).searchParams);
  // A malformed date must not silently widen the export to the whole log.
  if (Object.keys(query.errors).length > 0) throw new Response("Bad Request: invalid date filter", { status: 400 });
  // Exporting the log is itself an event: who took a copy of it, with which filters.
  const filters = activeFilters(query.values);
  await recordAudit({
    actor: user,
    action: "audit.export",
    entityType: "AuditLog",
    summary: "CSV",
    changes: Object.keys(filters).length > 0 ? filters : undefined,
    ip,
  });
  return new Response(auditCsvStream(query.filter, user.locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditCsvFilename()}"`,
      "Cache-Control": "no-store",
    },
  });
}
