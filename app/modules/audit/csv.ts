// CSV for spreadsheets used in Polish offices.
//
// Separator: `;`, not `,`. Excel takes the CSV separator from the system "list separator", which on
// Polish Windows is `;` (the comma is the decimal separator there). A comma-separated file opened by
// double-click lands in one column; a semicolon-separated one opens as a table. LibreOffice asks on
// import and offers `;` as well. We do not write a `sep=;` first line: it makes Excel ignore the BOM
// and show Polish letters as mojibake.
//
// Encoding: UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without it, it reads
// the file as Windows-1250 and "ł" becomes "Å‚"). Rows end with CRLF (RFC 4180).

export const CSV_SEPARATOR = ";";
export const UTF8_BOM = "\uFEFF";
const EOL = "\r\n";

// A cell starting with one of these is run as a formula by Excel/LibreOffice ("CSV injection"):
// the log holds text typed by anonymous people (e.g. the e-mail tried in a failed sign-in).
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: formula-neutralised, quoted when it holds a separator, quote, line break or edge spaces. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes =
    text.includes(CSV_SEPARATOR) || text.includes('"') || text.includes("\n") || text.includes("\r") || text.includes(",") || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record including its line ending. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(CSV_SEPARATOR) + EOL;
}
