// The file types the document library accepts. Shared by the browser (a first, friendly check
// before sending) and the server (which also checks the content, see sniff.server.ts).

/** How the server recognises the content of each type (magic bytes). */
export type Signature = "pdf" | "png" | "jpeg" | "gif" | "webp" | "ooxml" | "odf" | "ole2" | "zip" | "text";

/** Families for icons and preview decisions. */
export type FileKind = "pdf" | "word" | "spreadsheet" | "presentation" | "image" | "text" | "archive";

type FileType = { mime: string; kind: FileKind; signature: Signature };

export const FILE_TYPES = {
  pdf: { mime: "application/pdf", kind: "pdf", signature: "pdf" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kind: "word", signature: "ooxml" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kind: "spreadsheet", signature: "ooxml" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", kind: "presentation", signature: "ooxml" },
  odt: { mime: "application/vnd.oasis.opendocument.text", kind: "word", signature: "odf" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", kind: "spreadsheet", signature: "odf" },
  odp: { mime: "application/vnd.oasis.opendocument.presentation", kind: "presentation", signature: "odf" },
  doc: { mime: "application/msword", kind: "word", signature: "ole2" },
  xls: { mime: "application/vnd.ms-excel", kind: "spreadsheet", signature: "ole2" },
  ppt: { mime: "application/vnd.ms-powerpoint", kind: "presentation", signature: "ole2" },
  png: { mime: "image/png", kind: "image", signature: "png" },
  jpg: { mime: "image/jpeg", kind: "image", signature: "jpeg" },
  jpeg: { mime: "image/jpeg", kind: "image", signature: "jpeg" },
  gif: { mime: "image/gif", kind: "image", signature: "gif" },
  webp: { mime: "image/webp", kind: "image", signature: "webp" },
  txt: { mime: "text/plain", kind: "text", signature: "text" },
  md: { mime: "text/markdown", kind: "text", signature: "text" },
  csv: { mime: "text/csv", kind: "text", signature: "text" },
  zip: { mime: "application/zip", kind: "archive", signature: "zip" },
} as const satisfies Record<string, FileType>;

export type AllowedExtension = keyof typeof FILE_TYPES;

export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES) as AllowedExtension[];

/** "Raport.PDF" → "pdf"; "" when there is no extension. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return "";
  return name.slice(dot + 1).toLowerCase();
}

export function isAllowedExtension(ext: string): ext is AllowedExtension {
  return Object.prototype.hasOwnProperty.call(FILE_TYPES, ext);
}

export function fileTypeOf(name: string): FileType | null {
  const ext = extensionOf(name);
  return isAllowedExtension(ext) ? FILE_TYPES[ext] : null;
}

export function kindOfMime(mime: string): FileKind | null {
  for (const type of Object.values(FILE_TYPES)) if (type.mime === mime) return type.kind;
  return null;
}

/** Shown inline in the app (the preview route serves these with `Content-Disposition: inline`). */
export function isInlinePreviewable(mime: string): boolean {
  return mime === "application/pdf" || /^image\/(png|jpeg|gif|webp)$/.test(mime);
}

/** Shown as escaped text on the file page. */
export function isTextPreviewable(mime: string): boolean {
  return mime === "text/plain" || mime === "text/markdown" || mime === "text/csv";
}

/** For <input accept> and the dropzone: extensions and MIME types. */
export const ACCEPT_ATTRIBUTE = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",");

/** Human list for messages: "PDF, DOCX, …". */
export const ALLOWED_LIST = Array.from(new Set(ALLOWED_EXTENSIONS.filter((e) => e !== "jpeg"))).map((e) => e.toUpperCase()).join(", ");

export const MB = 1024 * 1024;
