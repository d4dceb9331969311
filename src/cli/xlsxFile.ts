/**
 * The folder's workbook, streamed: exceljs's WorkbookWriter writes each row as it is committed, so that a workbook
 * of thousands of reports does not sit in memory as cell objects (the in-memory writer took some 550 MB for 1,000
 * reports). Node only; the same sheets as the pane's and the page's (sheetPlans).
 */
import { PassThrough } from "node:stream";
import { stream } from "exceljs";
import type { FigureSheets } from "../domain/figures";
import { sheetPlans } from "../export/xlsx";

export async function figuresXlsxStreamed(sheets: FigureSheets): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "gov-report";
  for (const plan of sheetPlans(sheets)) {
    const sheet = workbook.addWorksheet(plan.name, { views: [{ state: "frozen", ...plan.frozen }] });
    if (plan.firstColumnWidth) sheet.getColumn(1).width = plan.firstColumnWidth;
    for (const header of plan.header) {
      const row = sheet.addRow([...header]);
      row.font = { bold: true };
      row.commit();
    }
    for (const values of plan.rows) sheet.addRow(values).commit();
    sheet.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}
