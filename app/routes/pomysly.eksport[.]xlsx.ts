// GET /pomysly/eksport.xlsx?<the inbox's filters> — the ideas as an Excel workbook (built without
// dependencies, ideas-export.server.ts). The same checks, contact rule and audit as the CSV.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireUser } from "~/modules/auth/session.server";
import { requireInbox } from "~/modules/ideas/access.server";
import { ideasExportFilename, ideasXlsx } from "~/modules/ideas/ideas-export.server";
import { canIdea } from "~/modules/ideas/ideas.policy";
import { hasInboxFilters, inboxFiltersOf, inboxParams, parseInboxQuery } from "~/modules/ideas/inbox.schema";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { ip } = requestMeta(request, context);
  const access = await requireInbox(user, "export", ip);
  const filters = inboxFiltersOf(parseInboxQuery(new URL(request.url).searchParams));
  const withContact = canIdea(user, "eraseContact", access);
  const body = await ideasXlsx(user, filters, user.locale, withContact);
  await recordAudit({
    actor: user,
    action: "idea.export",
    entityType: "Idea",
    summary: withContact ? "XLSX (z danymi kontaktowymi)" : "XLSX",
    changes: { format: [null, "xlsx"], contact: [null, withContact], ...(hasInboxFilters(filters) ? { filters: [null, inboxParams(filters).toString()] } : {}) },
    ip,
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${ideasExportFilename("xlsx")}"`,
      "Content-Length": String(body.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
