// Every admin list is paginated: a count and one page, so a list costs the same whatever its length.
export const PAGE_SIZE = 25;

export type PageInfo = { page: number; pageSize: number; total: number; pageCount: number };

export function pageInfo(page: number, total: number, pageSize = PAGE_SIZE): PageInfo {
  return { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export function pageArgs(page: number, pageSize = PAGE_SIZE) {
  return { skip: (Math.max(1, page) - 1) * pageSize, take: pageSize };
}

/** Query params without empty values, for links that keep the current filters. */
export function searchParamsOf(values: Record<string, string | number | null | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  return params;
}
