/**
 * Lower-case and fold Polish (and other) diacritics, so "zolw" finds "Żółw" and sorting is
 * stable across engines. Ł/ł has no Unicode decomposition, hence the explicit map.
 */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .toLowerCase()
    .trim();
}
