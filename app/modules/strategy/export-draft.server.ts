// Turning a draft (now, or one of its versions) into a file: a download, or a new document (version)
// in the workspace library. Rights are checked by the caller (loadDraftAccess / requireLibrary).
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import type { Library } from "~/modules/library/library.server";
import { saveGeneratedFile } from "~/modules/library/save-generated.server";
import type { UploadResult } from "~/modules/library/library.server";
import type { Locale } from "~/locales";
import { createTranslator } from "~/utils/i18n";
import type { DraftContext } from "./access.server";
import { draftToDocx } from "./export/docx.server";
import { resolveDraftImages } from "./export/images.server";
import { draftToMarkdown } from "./export/markdown";
import { draftToPdf } from "./export/pdf.server";
import { exportFileName, type PmNode } from "./export/prosemirror";
import type { ReviewStatus } from "./strategy.schema";
import { currentContent, getVersion } from "./versions.server";

export const EXPORT_FORMATS = ["docx", "pdf", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};

export function parseExportFormat(value: string | undefined): ExportFormat | null {
  return (EXPORT_FORMATS as readonly string[]).includes(value ?? "") ? (value as ExportFormat) : null;
}

export type DraftFile = { content: Buffer; fileName: string; format: ExportFormat };

/** The file for the draft now (compacted state + pending edits) or for version `versionNumber`. */
export async function renderDraftFile(ctx: DraftContext, format: ExportFormat, opts: { versionNumber?: number | null; locale: Locale; now?: Date }): Promise<DraftFile> {
  const t = createTranslator(opts.locale);
  let doc: PmNode;
  let title = ctx.draft.title;
  if (opts.versionNumber) {
    const version = await getVersion(ctx.draft.id, opts.versionNumber);
    doc = version.json as unknown as PmNode;
    title = `${title} — ${version.name ?? t("strategyExport.file.version", { number: version.number })}`;
  } else {
    doc = (await currentContent(ctx.draft.id)) as unknown as PmNode;
  }
  // Markdown keeps the addresses as they are; the binary formats embed the pictures themselves.
  const images = format === "md" ? undefined : await resolveDraftImages(ctx.draft.workspaceId, doc);
  const meta = { workspaceName: ctx.workspace.name, exportedAt: opts.now ?? new Date(), status: ctx.draft.reviewStatus as ReviewStatus, locale: opts.locale, images };
  let content: Buffer;
  if (format === "docx") content = await draftToDocx(title, doc, meta);
  else if (format === "pdf") content = await draftToPdf(title, doc, meta);
  else content = Buffer.from(draftToMarkdown(title, doc), "utf8");
  return { content, fileName: exportFileName(title, format), format };
}

export async function auditDraftExport(user: AuthUser, ctx: DraftContext, file: DraftFile, ip?: string) {
  await recordAudit({ actor: user, action: "strategy.export", entityType: "StrategyDraft", entityId: ctx.draft.id, summary: `${ctx.draft.title} → ${file.fileName}`, ip });
}

/**
 * Saves the file into the library folder "Eksporty projektów strategii" (a same-named file gets a
 * new version). The library is shared, so the folder and the note are in Polish whoever saves.
 */
export async function saveDraftFileToLibrary(lib: Library, file: DraftFile): Promise<UploadResult> {
  const t = createTranslator("pl");
  return saveGeneratedFile(lib, {
    folderName: t("strategyExport.library.folder"),
    name: file.fileName,
    ext: file.format,
    content: file.content,
    note: t("strategyExport.library.note"),
  });
}
