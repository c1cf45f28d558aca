// What every export prints about the draft besides its body, in the reader's language.
import type { Locale } from "~/locales";
import { formatDateTime } from "~/utils/dates";
import { createTranslator, type Translate } from "~/utils/i18n";
import type { ImageKind } from "./images-size";

/** A picture of the draft, read from the library (images.server.ts), with its size in pixels. */
export type ExportImage = { data: Buffer; type: ImageKind; width: number; height: number };

export type DraftReviewStatus = "DRAFT" | "IN_REVIEW" | "APPROVED";

export type ExportMeta = {
  workspaceName: string;
  exportedAt: Date;
  /** The draft's review status; absent for documents without one (meeting minutes). */
  status?: DraftReviewStatus;
  /** An extra line of context after the workspace (e.g. the meeting's date and place). */
  subtitle?: string;
  /** Language of the labels (page numbers, status); Polish unless the reader chose English. */
  locale?: Locale;
  /** The draft's pictures by their `src`; an image not in the map is printed as its placeholder. */
  images?: Map<string, ExportImage>;
};

export type ExportTexts = {
  t: Translate;
  locale: Locale;
  title: string;
  /** "Przestrzeń robocza: … · Status: Szkic · Wyeksportowano: 24.11.2026, 14:05" */
  metaLine: string;
  /** "Wyeksportowano 24.11.2026, 14:05" (Warsaw time) for the footer. */
  exported: string;
  imagePlaceholder: (alt: string) => string;
  /** The footer's page label split around its numbers: "Strona ", PAGE, " z ", PAGES. */
  pageParts: (string | { field: "page" | "pages" })[];
};

export function exportTexts(title: string, meta: ExportMeta): ExportTexts {
  const locale = meta.locale ?? "pl";
  const t = createTranslator(locale);
  const date = formatDateTime(meta.exportedAt, locale);
  const cleanTitle = title.replace(/\s+/g, " ").trim() || t("strategyExport.untitled");
  const metaLine = [
    t("strategyExport.meta.workspace", { name: meta.workspaceName }),
    meta.subtitle,
    meta.status ? t("strategyExport.meta.status", { status: t(`strategyExport.status.${meta.status}`) }) : undefined,
    t("strategyExport.meta.exportedAt", { date }),
  ]
    .filter((part): part is string => !!part)
    .join(" · ");
  const template = t("strategyExport.footer.page");
  const pageParts = template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === "{page}" ? { field: "page" as const } : part === "{pages}" ? { field: "pages" as const } : part));
  return {
    t,
    locale,
    title: cleanTitle,
    metaLine,
    exported: t("strategyExport.footer.exported", { date }),
    imagePlaceholder: (alt) => (alt ? t("strategyExport.image.placeholder", { alt }) : t("strategyExport.image.placeholderNoAlt")),
    pageParts,
  };
}
