import {
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconFileTypeDoc,
  IconFileTypePpt,
  IconFileZip,
  IconFolder,
  IconPhoto,
} from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { kindOfMime, type FileKind } from "../file-types";

const ICONS: Record<FileKind | "other", { Icon: typeof IconFile; color: string }> = {
  pdf: { Icon: IconFileTypePdf, color: "var(--mantine-color-red-7)" },
  word: { Icon: IconFileTypeDoc, color: "var(--mantine-color-blue-7)" },
  spreadsheet: { Icon: IconFileSpreadsheet, color: "var(--mantine-color-green-8)" },
  presentation: { Icon: IconFileTypePpt, color: "var(--mantine-color-orange-8)" },
  image: { Icon: IconPhoto, color: "var(--mantine-color-grape-7)" },
  text: { Icon: IconFileText, color: "var(--mantine-color-gray-7)" },
  archive: { Icon: IconFileZip, color: "var(--mantine-color-yellow-8)" },
  other: { Icon: IconFile, color: "var(--mantine-color-gray-7)" },
};

export function kindLabelKey(mimeType: string): MessageKey {
  return `library.kind.${kindOfMime(mimeType) ?? "other"}`;
}

/** Decorative: the type is also said in words where it matters (the file page). */
export function FileIcon({ mimeType, size = 20 }: { mimeType: string; size?: number }) {
  const { Icon, color } = ICONS[kindOfMime(mimeType) ?? "other"];
  return <Icon size={size} color={color} aria-hidden stroke={1.6} style={{ flexShrink: 0 }} />;
}

export function FolderIcon({ size = 20 }: { size?: number }) {
  return <IconFolder size={size} color="var(--mantine-color-teal-7)" aria-hidden stroke={1.6} style={{ flexShrink: 0 }} />;
}
