/**
 * A report's figures as a table for a spreadsheet: one row per report, one column per cell, headed by the table,
 * row and column labels of the format; a sheet of every finding; a sheet of the files that could not be read.
 * Pure data: the CSV and .xlsx writers (src/export/) and every host build their output from this.
 */
import type { CheckResult } from "./check";
import type { CellDecl } from "./formatModel";
import { TABLE_NAMES, findCell, formatCells } from "./cells";
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

/** The sheets; `Rows` is arrays in memory, or passes that read the reports again (a folder's, from disk). */
export interface FigureSheets<Rows extends Iterable<FigureValue[]> = FigureValue[][]> {
  /** The fixed columns before the cells. */
  leading: readonly string[];
  columns: FigureColumn[];
  rows: Rows;
  findingHeader: readonly string[];
  findings: Rows;
  failureHeader: readonly string[];
  failures: Rows;
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

/** A report's row: the fixed columns, then its value of each column (null where its format has no such cell). */
function figureRow({ file, cells }: ReportFigures, result: CheckResult, columns: readonly FigureColumn[]): FigureValue[] {
  const format = result.format;
  const leading = [
    file,
    result.organization,
    result.year,
    format ? formatLabel(format) : null,
    result.errors,
    result.warnings,
    result.cellsRead,
  ];
  // A report of no known format: its texts as typed, by cell id.
  if (!format) return [...leading, ...columns.map((column) => cellValue(cells.get(column.id), undefined))];
  const own = formatById(format);
  return [
    ...leading,
    ...columns.map((column) => {
      const decl = findCell(own, column.id);
      return decl ? cellValue(cells.get(column.id), decl) : null;
    }),
  ];
}

/** The reports, read again at each call; with "unreadable", only those that could not be read (or more). */
export type ReportPasses = (only?: "unreadable") => Iterable<ReportFigures>;

/**
 * The sheets as passes over the reports: each sheet reads them again when it is written (a folder's, one by one
 * from the spool), so that memory does not grow with the number of reports. `formatIds`: the formats the reports
 * use, which give the columns.
 */
export function figureSheetPasses(reports: ReportPasses, formatIds: readonly string[]): FigureSheets<Iterable<FigureValue[]>> {
  const columns = figureColumns(formatIds);
  // A sheet's rows: one pass over the reports each time it is read; nothing of a report is kept once its rows are out.
  const pass = (rowsOf: (report: ReportFigures) => Iterable<FigureValue[]>, only?: "unreadable"): Iterable<FigureValue[]> => ({
    *[Symbol.iterator]() {
      for (const report of reports(only)) yield* rowsOf(report);
    },
  });
  return {
    leading: LEADING_COLUMNS,
    columns,
    rows: pass((report) => (report.result ? [figureRow(report, report.result, columns)] : [])),
    findingHeader: FINDING_COLUMNS,
    findings: pass((report) => report.result?.findings.map((finding) => findingRow(report.file, finding)) ?? []),
    failureHeader: FAILURE_COLUMNS,
    failures: pass((report) => (report.result === null ? [[report.file, report.error, report.errorCode ?? null]] : []), "unreadable"),
  };
}

/** The sheets in memory (the pane's report, the page's files). */
export function figureSheets(reports: readonly ReportFigures[]): FigureSheets {
  const sheets = figureSheetPasses(
    () => reports,
    reports.map((report) => report.result?.format ?? ""),
  );
  return { ...sheets, rows: [...sheets.rows], findings: [...sheets.findings], failures: [...sheets.failures] };
}
