// Every URL of the document library in one place (pages, resource routes, and the pattern the
// security headers use to let our own pages frame the inline preview).
const base = (workspaceId: string) => `/przestrzenie/${encodeURIComponent(workspaceId)}`;

export const libraryUrls = {
  root: (workspaceId: string) => `${base(workspaceId)}/biblioteka`,
  folder: (workspaceId: string, folderId: string | null) =>
    folderId ? `${base(workspaceId)}/biblioteka/folder/${encodeURIComponent(folderId)}` : `${base(workspaceId)}/biblioteka`,
  file: (workspaceId: string, documentId: string) => `${base(workspaceId)}/biblioteka/plik/${encodeURIComponent(documentId)}`,
  trash: (workspaceId: string) => `${base(workspaceId)}/biblioteka/kosz`,
  upload: (workspaceId: string, target: { folderId?: string | null; documentId?: string }) => {
    const params = new URLSearchParams();
    if (target.documentId) params.set("dokument", target.documentId);
    else if (target.folderId) params.set("folder", target.folderId);
    const qs = params.toString();
    return `${base(workspaceId)}/biblioteka/wyslij${qs ? `?${qs}` : ""}`;
  },
  download: (workspaceId: string, documentId: string, number: number) =>
    `${base(workspaceId)}/pliki/${encodeURIComponent(documentId)}/v/${number}/pobierz`,
  preview: (workspaceId: string, documentId: string, number: number) =>
    `${base(workspaceId)}/pliki/${encodeURIComponent(documentId)}/v/${number}/podglad`,
};

/** The inline preview route: the only responses our own pages may show in an <iframe>. */
export const PREVIEW_PATH_PATTERN = /^\/przestrzenie\/[^/]+\/pliki\/[^/]+\/v\/\d+\/podglad\/?$/;
