import type { search as pl } from "../pl/search";

export const search: Record<keyof typeof pl, string> = {
  "search.title": "Search documents",
  "search.intro": "By file name and by the content of PDF, DOCX, TXT, MD and CSV documents — in every workspace you have access to. Letter case and Polish characters don't matter.",
  "search.label": "Search documents",
  "search.placeholder": "e.g. transition strategy",
  "search.submit": "Search",
  "search.workspace": "Workspace",
  "search.workspaceAll": "All workspaces",
  "search.empty.prompt": "Type what you are looking for",
  "search.empty.promptHint": "Find files by part of their name or by words in their content, e.g. “transformacja” or “zolw”.",
  "search.empty.none": "Nothing found for “{q}”",
  "search.empty.noneHint": "Check the spelling, use fewer words or search in all workspaces.",
  "search.results": "Search results",
  "search.resultsFor": "Results for “{q}”",
  "search.result.where": "Location:",
  "search.result.library": "Library",
  "search.result.updated": "Changed {date}",

  "search.text.label": "Content search",
  "search.text.PENDING": "The file's content is waiting to be prepared for search — for now you can find it by name.",
  "search.text.DONE": "The file's content is searchable.",
  "search.text.empty": "No text was found in the file (e.g. a scan) — you can find it by name.",
  "search.text.FAILED": "The file's content could not be read — you can find it by name only.",
  "search.text.UNSUPPORTED": "Content search does not cover this file type — you can find it by name.",

  "search.docx.title": "Document preview",
  "search.docx.note": "Simplified preview: text, headings, lists and tables, without images or page layout.",
  "search.docx.truncated": "The preview shows the beginning of the document. Download the file to see all of it.",
  "search.docx.failed": "The preview of this document could not be prepared. Download the file to open it.",
  "search.docx.tooLarge": "This document is too large to preview in the browser. Download the file to open it.",
  "search.docx.empty": "The document has no text to show.",
};
