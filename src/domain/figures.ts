/**
 * A report's figures as a table for a spreadsheet: one row per report, one column per cell, headed by the table,
 * row and column labels of the format; a sheet of every finding; a sheet of the files that could not be read.
 * Pure data: the CSV and .xlsx writers (src/export/) and every host build their output from this.
 */
import type { CheckResult } from "./check";
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

function cellValue(text: string | undefined, id: string, formatId: string | null): FigureValue {
  if (text === undefined || text.trim() === "") return null;
  const decl = formatId ? formatCells(formatById(formatId)).find((cell) => cell.id === id) : undefined;
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

export function figureSheets(reports: readonly ReportFigures[]): FigureSheets {
  const read = reports.filter((report) => report.result !== null);
  const columns = figureColumns(read.map((report) => report.result!.format ?? ""));
  const rows = read.map(({ file, result, cells }) => {
    const format = result!.format;
    return [
      file,
      result!.organization,
      result!.year,
      format ? formatLabel(format) : null,
      result!.errors,
      result!.warnings,
      result!.cellsRead,
      ...columns.map((column) => cellValue(cells.get(column.id), column.id, format)),
    ];
  });
  return {
    leading: LEADING_COLUMNS,
    columns,
    rows,
    findingHeader: FINDING_COLUMNS,
    findings: read.flatMap(({ file, result }) => result!.findings.map((finding) => findingRow(file, finding))),
    failureHeader: FAILURE_COLUMNS,
    failures: reports.filter((report) => report.result === null).map((report) => [report.file, report.error, report.errorCode ?? null]),
  };
}
