// GET  /przestrzenie/:ws/strategie/:draft/eksport/(docx|pdf|md)[?wersja=N] — the draft (or a version)
//      as a file, for everyone who sees the draft (404 otherwise).
// POST the same URL — saves that file into the workspace library (needs the library's "addContent").
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { contentDisposition } from "~/modules/library/library-http.server";
import { requireLibrary } from "~/modules/library/library.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { loadDraftAccess } from "~/modules/strategy/access.server";
import { auditDraftExport, EXPORT_MIME, parseExportFormat, renderDraftFile, saveDraftFileToLibrary } from "~/modules/strategy/export-draft.server";
import { notFound } from "~/modules/auth/authorize.server";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, refusalToast } from "~/utils/toast.server";

function versionParam(request: Request, form?: FormData): number | null {
  const raw = form?.get("wersja") ?? new URL(request.url).searchParams.get("wersja");
  const n = Number(raw);
  return typeof raw === "string" && /^\d{1,6}$/.test(raw) && n > 0 ? n : null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const format = parseExportFormat(params.format);
  const ctx = await loadDraftAccess(user, params.draftId ?? "", { workspaceId: params.workspaceId });
  if (!format) notFound();
  const file = await renderDraftFile(ctx, format, { versionNumber: versionParam(request), locale: user.locale });
  await auditDraftExport(user, ctx, file, requestMeta(request, context).ip);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": EXPORT_MIME[format],
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "Content-Length": String(file.content.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ip = requestMeta(request, context).ip;
  const format = parseExportFormat(params.format);
  const ctx = await loadDraftAccess(user, params.draftId ?? "", { workspaceId: params.workspaceId });
  if (!format) notFound();
  const lib = await requireLibrary(user, ctx.draft.workspaceId, "addContent", ip);
  const form = await request.formData();
  const file = await renderDraftFile(ctx, format, { versionNumber: versionParam(request, form), locale: user.locale });
  const saved = await saveDraftFileToLibrary(lib, file);
  const back = `/przestrzenie/${ctx.draft.workspaceId}/strategie/${ctx.draft.id}`;
  if (!saved.ok) return redirectWithToast(back, refusalToast(saved.error));
  await recordAudit({ actor: user, action: "strategy.export.save", entityType: "StrategyDraft", entityId: ctx.draft.id, summary: `${ctx.draft.title} → ${saved.name} (v${saved.number})`, ip });
  return redirectWithToast(libraryUrls.file(ctx.draft.workspaceId, saved.documentId), { key: "strategyExport.library.saved", vars: { name: saved.name, number: saved.number } });
}
