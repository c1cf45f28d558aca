// Types shared by the search module's server code and its components (no server imports here).
import type { Segment } from "./folding";

/** Where a version's text extraction stands (DocumentText.status; no row yet counts as PENDING). */
export const TEXT_STATUSES = ["PENDING", "DONE", "FAILED", "UNSUPPORTED"] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

export type ExtractionStatusInfo = {
  status: TextStatus;
  /** Characters of text found (0 for a scan without a text layer). */
  chars: number;
  extractedAt: string | null;
};

/** A library document or a strategy draft (co-edited in the browser; no file, no extraction). */
export type SearchHitKind = "document" | "draft";

export type SearchHit = {
  kind: SearchHitKind;
  id: string;
  name: string;
  nameSegments: Segment[];
  mimeType: string;
  updatedAt: string;
  url: string;
  workspace: { id: string; name: string };
  /** Folder names from the library root down; [] for the root and for drafts. */
  folderPath: string[];
  snippet: Segment[] | null;
  /** Extraction status of the current version's text (the hint when it is not searchable yet); DONE for drafts. */
  textStatus: TextStatus;
};

/** The DOCX preview of a version (docx-preview.server.ts): sanitized HTML, or why there is none. */
export type DocxPreviewData = { status: "ok"; html: string; truncated: boolean } | { status: "tooLarge" } | { status: "failed" };
