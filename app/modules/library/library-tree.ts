// Folder-tree helpers over one flat list of a workspace's folders (loaded in one query), so
// breadcrumbs, subfolders and "move to…" targets cost no extra queries whatever the depth.
export type FolderLike = { id: string; name: string; parentId: string | null };

const collator = new Intl.Collator("pl", { sensitivity: "base", numeric: true });
export const compareNames = (a: string, b: string) => collator.compare(a, b);

/** Root → folder, inclusive: [{id,name}, …]; [] for the root. Stops on cycles or missing parents. */
export function folderPath<T extends FolderLike>(folders: T[], folderId: string | null): T[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const path: T[] = [];
  const seen = new Set<string>();
  let current = folderId ? byId.get(folderId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** Ids of every folder below `folderId` (not including it). */
export function descendantIds(folders: FolderLike[], folderId: string): Set<string> {
  const children = new Map<string | null, string[]>();
  for (const f of folders) children.set(f.parentId, [...(children.get(f.parentId) ?? []), f.id]);
  const out = new Set<string>();
  const stack = [...(children.get(folderId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id) || id === folderId) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export function childFolders<T extends FolderLike>(folders: T[], parentId: string | null): T[] {
  return folders.filter((f) => f.parentId === parentId).sort((a, b) => compareNames(a.name, b.name));
}

export type FolderOption = { id: string; label: string; depth: number };

/** Every folder as "A / B / C", in tree order, for the "Przenieś do…" dialog. */
export function folderOptions(folders: FolderLike[]): FolderOption[] {
  const out: FolderOption[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    for (const f of childFolders(folders, parentId)) {
      const label = prefix ? `${prefix} / ${f.name}` : f.name;
      out.push({ id: f.id, label, depth });
      if (depth < 50) walk(f.id, label, depth + 1);
    }
  };
  walk(null, "", 0);
  return out;
}
