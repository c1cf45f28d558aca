// GET /pomysly/eksport.csv?<the inbox's filters> — the ideas as a streamed CSV file (UTF-8 BOM, `;`).
// Outside the page layout (a download, not a page); the session and the inbox are checked here:
// 404 for a person without an inbox, an audited 403 without the right to export. Contact data
// only for those responsible for it (ideas-export.server.ts); the export itself is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireUser } from "~/modules/auth/session.server";
import { requireInbox } from "~/modules/ideas/access.server";
import { ideasCsvStream, ideasExportFilename } from "~/modules/ideas/ideas-export.server";
import { canIdea } from "~/modules/ideas/ideas.policy";
import { hasInboxFilters, inboxFiltersOf, inboxParams, parseInboxQuery } from "~/modules/ideas/inbox.schema";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { ip } = requestMeta(request, context);
  const access = await requireInbox(user, "export", ip);
  const filters = inboxFiltersOf(parseInboxQuery(new URL(request.url).searchParams));
  const withContact = canIdea(user, "eraseContact", access);
  await recordAudit({
    actor: user,
    action: "idea.export",
    entityType: "Idea",
    summary: withContact ? "CSV (z danymi kontaktowymi)" : "CSV",
    changes: { format: [null, "csv"], contact: [null, withContact], ...(hasInboxFilters(filters) ? { filters: [null, inboxParams(filters).toString()] } : {}) },
    ip,
  });
  return new Response(ideasCsvStream(user, filters, user.locale, withContact), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ideasExportFilename("csv")}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
