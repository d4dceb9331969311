/**
 * The figures as an .xlsx workbook with exceljs (maintained, MIT; the `xlsx` package on the registry is frozen at
 * 0.18.5 with a prototype-pollution advisory): 数据 (one row per report, headed by table, row and column labels),
 * 问题 (every finding), 无法读取 (the files that could not be read). Runs in Node and in the browser.
 */
import { Workbook, type Worksheet } from "exceljs";
import type { FigureSheets, FigureValue } from "../domain/figures";

function addRows(sheet: Worksheet, header: readonly string[], rows: readonly FigureValue[][]): void {
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

export async function figuresXlsx(sheets: FigureSheets): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = "gov-report";
  const data = workbook.addWorksheet("数据");
  const blank = sheets.leading.map(() => "");
  const headers = [
    [...sheets.leading, ...sheets.columns.map((column) => column.table)],
    [...blank, ...sheets.columns.map((column) => column.row)],
    [...blank, ...sheets.columns.map((column) => column.column)],
  ];
  for (const header of headers) data.addRow(header).font = { bold: true };
  for (const row of sheets.rows) data.addRow(row);
  data.views = [{ state: "frozen", xSplit: 1, ySplit: 3 }];
  data.getColumn(1).width = 36;
  addRows(workbook.addWorksheet("问题"), sheets.findingHeader, sheets.findings);
  addRows(workbook.addWorksheet("无法读取"), sheets.failureHeader, sheets.failures);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
