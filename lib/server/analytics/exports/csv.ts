import { stringify } from "csv-stringify/sync";

/**
 * CSV encoding for the exports. Quoting and escaping are csv-stringify's (RFC 4180: a field holding a comma, a
 * quote or a line break is quoted, quotes doubled); this file only decides how values become cells.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return, which some apps strip first)
 * as a formula: a display name like `=HYPERLINK(...)` would execute when an admin opens the file (OWASP "CSV
 * injection"). Such text gets a leading apostrophe, which spreadsheets show as text. Only strings are guarded:
 * numbers are written by us and a negative number must stay a number.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutralizeFormula(value);
}

/**
 * CSV text for some rows, each ending with LF. Not RFC 4180's CRLF on purpose: with a CRLF record delimiter
 * csv-stringify 6 no longer quotes a field holding a lone LF (a display name with a line break would split the
 * row), while with LF it quotes fields holding CR or LF. Excel, LibreOffice and Numbers all read LF files.
 */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { eof: true },
  );
}

/**
 * Excel only reads a CSV as UTF-8 (accented or non-Latin names) when it starts with a byte-order mark; every
 * other reader ignores it.
 */
export const CSV_BOM = "\uFEFF";
