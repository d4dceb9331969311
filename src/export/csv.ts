/**
 * The figures as CSV, for Excel and WPS: UTF-8 with a BOM (without it both read the file as GBK and garble the
 * Chinese), CRLF line ends, RFC 4180 quoting. Written here because it is a dozen lines; exceljs's CSV writer is
 * Node-only (streams), and the offline page writes CSV too.
 */
import type { FigureSheets, FigureValue } from "../domain/figures";

/** A text a spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe (OWASP's advice). */
function field(value: FigureValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: readonly FigureValue[]) => values.map(field).join(",");

/** The figures sheet: three header lines (table, row, column), then one line per report; written line by line. */
export function* figuresCsvPieces(sheets: FigureSheets<Iterable<FigureValue[]>>): Generator<string> {
  const blank = sheets.leading.map(() => "");
  yield "\ufeff";
  yield `${line([...sheets.leading, ...sheets.columns.map((column) => column.table)])}\r\n`;
  yield `${line([...blank, ...sheets.columns.map((column) => column.row)])}\r\n`;
  yield `${line([...blank, ...sheets.columns.map((column) => column.column)])}\r\n`;
  for (const row of sheets.rows) yield `${line(row)}\r\n`;
}

export function figuresCsv(sheets: FigureSheets<Iterable<FigureValue[]>>): Uint8Array {
  return new TextEncoder().encode([...figuresCsvPieces(sheets)].join(""));
}
