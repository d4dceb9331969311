/**
 * The figures as an .xlsx workbook with exceljs (maintained, MIT; the `xlsx` package on the registry is frozen at
 * 0.18.5 with a prototype-pollution advisory): 数据 (one row per report, headed by table, row and column labels),
 * 问题 (every finding), 无法读取 (the files that could not be read). Runs in Node and in the browser.
 */
import { Workbook } from "exceljs";
import type { FigureSheets, FigureValue } from "../domain/figures";

/** A sheet as both writers lay it out: header rows in bold, then the rows, the header frozen. */
export interface SheetPlan {
  name: string;
  header: readonly (readonly FigureValue[])[];
  rows: Iterable<FigureValue[]>;
  frozen: { xSplit: number; ySplit: number };
  firstColumnWidth?: number;
}

export function sheetPlans(sheets: FigureSheets<Iterable<FigureValue[]>>): SheetPlan[] {
  const blank = sheets.leading.map(() => "");
  return [
    {
      name: "数据",
      header: [
        [...sheets.leading, ...sheets.columns.map((column) => column.table)],
        [...blank, ...sheets.columns.map((column) => column.row)],
        [...blank, ...sheets.columns.map((column) => column.column)],
      ],
      rows: sheets.rows,
      frozen: { xSplit: 1, ySplit: 3 },
      firstColumnWidth: 36,
    },
    { name: "问题", header: [sheets.findingHeader], rows: sheets.findings, frozen: { xSplit: 0, ySplit: 1 } },
    { name: "无法读取", header: [sheets.failureHeader], rows: sheets.failures, frozen: { xSplit: 0, ySplit: 1 } },
  ];
}

/** In memory (the pane and the page export one report, or a few). The command line streams (src/cli/xlsxFile.ts). */
export async function figuresXlsx(sheets: FigureSheets): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = "gov-report";
  for (const plan of sheetPlans(sheets)) {
    const sheet = workbook.addWorksheet(plan.name);
    for (const header of plan.header) sheet.addRow([...header]).font = { bold: true };
    for (const row of plan.rows) sheet.addRow(row);
    sheet.views = [{ state: "frozen", ...plan.frozen }];
    if (plan.firstColumnWidth) sheet.getColumn(1).width = plan.firstColumnWidth;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
