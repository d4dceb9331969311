/**
 * A report's figures as a table for a spreadsheet: one row per report, one column per cell, headed by the table,
 * row and column labels of the format; a sheet of every finding; a sheet of the files that could not be read.
 * Pure data: the CSV and .xlsx writers (src/export/) and every host build their output from this.
 */
import type { CheckResult } from "./check";
import type { CellDecl } from "./formatModel";
import { TABLE_NAMES, formatCells } from "./cells";
import type { Finding } from "./findings";
import { FORMATS, formatById } from "./formats";
import { parseCellText, typedNumber } from "./values";
import { SEVERITY_LABELS, findingMessage, formatLabel } from "./wording";
import { tableTitle } from "./tables";

export interface FigureColumn {
  id: string;
  table: string;
  row: string;
  column: string;
}

/** A cell's value for the sheet: the number it reads as, else the text as typed, else null (blank or not found). */
export type FigureValue = number | string | null;

export interface ReportFigures {
  file: string;
  result: CheckResult | null;
  /** The cells' texts as read (id → text). */
  cells: ReadonlyMap<string, string>;
  error: string | null;
  errorCode?: string | null;
}

export interface FigureSheets {
  /** The fixed columns before the cells. */
  leading: readonly string[];
  columns: FigureColumn[];
  rows: FigureValue[][];
  findingHeader: readonly string[];
  findings: FigureValue[][];
  failureHeader: readonly string[];
  failures: FigureValue[][];
}

export const LEADING_COLUMNS = ["文件", "机关", "年度", "格式", "错误", "警告", "已读单元格"] as const;
const FINDING_COLUMNS = ["文件", "表", "规则", "级别", "单元格", "说明", "应为", "实际"] as const;
const FAILURE_COLUMNS = ["文件", "原因", "代码"] as const;

/** The cells of every format the reports use, the newest format's first, each cell once. */
export function figureColumns(formatIds: readonly string[]): FigureColumn[] {
  const used = FORMATS.filter((format) => formatIds.includes(format.id));
  const seen = new Set<string>();
  const columns: FigureColumn[] = [];
  for (const format of used.length > 0 ? used : [FORMATS[0]!]) {
    for (const cell of formatCells(format)) {
      if (seen.has(cell.id)) continue;
      seen.add(cell.id);
      columns.push({ id: cell.id, table: TABLE_NAMES[cell.table], row: cell.rowLabel, column: cell.columnLabel });
    }
  }
  return columns;
}

function cellValue(text: string | undefined, decl: CellDecl | undefined): FigureValue {
  if (text === undefined || text.trim() === "") return null;
  if (!decl) return text;
  const number = typedNumber(parseCellText(text, decl.valueType, decl.unit));
  return number ?? text;
}

function findingRow(file: string, finding: Finding): FigureValue[] {
  const target = finding.cells.find((cell) => cell.id === finding.target) ?? finding.cells[0];
  const cell = target ? `${target.table}“${target.row}”行“${target.column}”列` : "";
  return [
    file,
    tableTitle(finding.table),
    finding.rule,
    SEVERITY_LABELS[finding.severity],
    cell,
    findingMessage(finding),
    finding.expected,
    finding.actual,
  ];
}

/**
 * The sheets, in one pass over the reports (a folder's may be read back one by one from disk): each report keeps
 * only its row of values in its own format's cell order and its findings' rows, and the rows are laid on the
 * columns of every format seen once the last report is in.
 */
export function figureSheets(reports: Iterable<ReportFigures>): FigureSheets {
  // values: in the format's cell order; for a report of no known format, the texts as typed, by cell id.
  const read: { leading: FigureValue[]; format: string | null; values: FigureValue[] | ReadonlyMap<string, string> }[] = [];
  const findings: FigureValue[][] = [];
  const failures: FigureValue[][] = [];
  for (const { file, result, cells, error, errorCode } of reports) {
    if (result === null) {
      failures.push([file, error, errorCode ?? null]);
      continue;
    }
    const format = result.format;
    const own = format ? formatCells(formatById(format)) : [];
    read.push({
      leading: [
        file,
        result.organization,
        result.year,
        format ? formatLabel(format) : null,
        result.errors,
        result.warnings,
        result.cellsRead,
      ],
      format,
      values: format ? own.map((cell) => cellValue(cells.get(cell.id), cell)) : cells,
    });
    for (const finding of result.findings) findings.push(findingRow(file, finding));
  }
  const columns = figureColumns(read.map((report) => report.format ?? ""));
  const places = new Map<string, Map<string, number>>();
  const placeOf = (format: string) =>
    places.get(format) ?? places.set(format, new Map(formatCells(formatById(format)).map((cell, index) => [cell.id, index]))).get(format)!;
  const rows = read.map(({ leading, format, values }) => {
    if (!Array.isArray(values))
      return [...leading, ...columns.map((column) => cellValue((values as ReadonlyMap<string, string>).get(column.id), undefined))];
    const place = placeOf(format!);
    return [...leading, ...columns.map((column) => (place.has(column.id) ? values[place.get(column.id)!]! : null))];
  });
  return { leading: LEADING_COLUMNS, columns, rows, findingHeader: FINDING_COLUMNS, findings, failureHeader: FAILURE_COLUMNS, failures };
}
