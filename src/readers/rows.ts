/**
 * A report's tables as rows of label texts and value texts, whatever the source: a text file's lines, a
 * `|`-separated flattening, or the rows of a grid (a .docx table). Placement works on these.
 */
import type { SourcePosition } from "../domain/findings";
import type { Grid } from "../domain/reading";

export interface RawRow {
  /** Where the row was found, for messages. */
  where: SourcePosition;
  /** Label texts, left to right (segments of a line; header or label cells). */
  labels: string[];
  /** Value texts, left to right; "" for a cell known to be empty. */
  values: string[];
  /** The source of each value (a .docx table cell), carried into the cell readings. */
  refs?: unknown[];
}

/** A number (with a unit or a bracketed note typed after it, as in 22（其中修订16件）), or a mark for nothing. */
const VALUE_TOKEN = /^(?:[+\-−]?\d[\d,.]*(?:万元|元|件)?(?:\([^()]*\))?|[-—–―－/／]+|无)$/;
const PAGE_NUMBER = /^\s*(?:[-—－]\s*\d+\s*[-—－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;

export function isValueToken(token: string): boolean {
  return VALUE_TOKEN.test(token.normalize("NFKC").trim());
}

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER.test(line.normalize("NFKC"));
}

/** A layout or pasted line: trailing value tokens are values; the rest splits into label segments at wide gaps. */
/** A markdown table's separator row: | --- | :---: | */
const MARKDOWN_RULE = /^\s*:?-{3,}:?\s*$/;

/**
 * A row written with "|" between cells (a web page's table copied as text, a markdown table from an OCR tool): an
 * empty field between two separators is a blank cell, in its place.
 */
export function rowFromFields(line: string, where: SourcePosition): RawRow {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const fields = trimmed.split("|");
  if (fields.every((field) => MARKDOWN_RULE.test(field))) return { where, labels: [], values: [] };
  return rowFromCells(fields, where);
}

export function rowFromLine(line: string, where: SourcePosition): RawRow {
  if (line.includes("|")) return rowFromFields(line, where);
  if (line.includes("\t")) return rowFromCells(line.split("\t"), where);
  // Tokens with their offsets, so that the label text is one slice (linear in the line's length).
  const tokens = [...line.matchAll(/\S+/g)];
  let firstValue = tokens.length;
  while (firstValue > 0 && isValueToken(tokens[firstValue - 1]![0])) firstValue--;
  const values = tokens.slice(firstValue).map((token) => token[0]);
  const labelText = line.slice(0, firstValue < tokens.length ? tokens[firstValue]!.index : line.length).trim();
  const labels = labelText
    .split(/\s{2,}|\u3000+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
  return { where, labels, values };
}

/**
 * Cells of one table row (tab-separated, or a .docx row): trailing value-like or empty cells are values.
 * In pasted text a row of labels and empty cells has no values (trailing tabs); in a real table an empty cell is a
 * blank data cell, so `emptyCellsAreValues` keeps them.
 */
export function rowFromCells(
  cells: readonly string[],
  where: SourcePosition,
  options: { emptyCellsAreValues?: boolean; refs?: readonly unknown[] } = {},
): RawRow {
  const texts = cells.map((cell) => cell.trim());
  let firstValue = texts.length;
  while (firstValue > 0 && (texts[firstValue - 1] === "" || isValueToken(texts[firstValue - 1]!))) firstValue--;
  const labels = texts.slice(0, firstValue).filter((text) => text !== "");
  const values = texts.slice(firstValue);
  if (!options.emptyCellsAreValues && values.every((value) => value === "") && labels.length > 0) return { where, labels, values: [] };
  return { where, labels, values, ...(options.refs ? { refs: options.refs.slice(firstValue) } : {}) };
}

/** Is this text the `|`-separated flattening of a web page (a line "|" between cells)? */
export function isPipeFlattened(lines: readonly string[]): boolean {
  return lines.filter((line) => line.trim() === "|").length >= 20;
}

/**
 * The flattening puts every cell on its own line(s) with "|" lines between cells and nothing between rows.
 * A row is a run of label cells followed by a run of value cells.
 */
export function rowsFromPipeLines(lines: readonly string[], firstLine: number): RawRow[] {
  const cells: { text: string; line: number }[] = [];
  let current: string[] = [];
  let start = firstLine;
  const flush = (separated: boolean) => {
    if (current.length > 0 || separated) cells.push({ text: current.join(""), line: start });
    current = [];
  };
  lines.forEach((line, index) => {
    if (line.trim() === "|") {
      flush(true);
      start = firstLine + index + 1;
    } else if (line.trim() !== "") {
      if (current.length === 0) start = firstLine + index;
      current.push(line.trim());
    }
  });
  flush(false);

  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  for (const cell of cells) {
    const isValue = cell.text === "" || isValueToken(cell.text);
    if (!isValue && (row === null || row.values.length > 0)) {
      row = { where: { kind: "line", line: cell.line }, labels: [], values: [] };
      rows.push(row);
    }
    if (row === null) {
      row = { where: { kind: "line", line: cell.line }, labels: [], values: [] };
      rows.push(row);
    }
    if (isValue) row.values.push(cell.text);
    else row.labels.push(cell.text);
  }
  return rows;
}

/** The rows of a grid (a table as printed): in a real table an empty cell is a blank data cell. */
export function rowsFromGrid(grid: Grid): RawRow[] {
  return grid.rows.map((row) =>
    rowFromCells(
      row.cells.map((cell) => cell.text),
      row.where,
      { emptyCellsAreValues: true, refs: row.cells.map((cell) => cell.source) },
    ),
  );
}
