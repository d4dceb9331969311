/**
 * The folder's workbook, streamed to its file: exceljs's WorkbookWriter writes each row as it is committed, and
 * each sheet reads the reports again (figureSheetPasses), so that neither the rows nor the workbook's bytes sit in
 * memory (the in-memory writer took some 550 MB for 1,000 reports). Node only; the same sheets as the pane's and
 * the page's (sheetPlans).
 */
import { PassThrough } from "node:stream";
import { stream } from "exceljs";
import type { FigureSheets, FigureValue } from "../domain/figures";
import { sheetPlans } from "../export/xlsx";
import type { OutputFile } from "./io";

/**
 * Rows between two turns of the event loop: the zip that takes the sheets' bytes runs on it, so a loop that never
 * yielded would hold a whole sheet in memory before the first byte is written.
 */
const ROWS_PER_TURN = 64;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export async function writeFiguresXlsx(sheets: FigureSheets<Iterable<FigureValue[]>>, output: OutputFile): Promise<void> {
  const out = new PassThrough();
  // The first write error is kept and thrown once exceljs is done; the bytes after it are dropped.
  let failure: unknown = null;
  out.on("data", (chunk: Buffer) => {
    if (failure !== null) return;
    try {
      output.write(chunk);
    } catch (error) {
      failure = error;
    }
  });
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
    let written = 0;
    for (const values of plan.rows) {
      sheet.addRow(values).commit();
      if (++written % ROWS_PER_TURN === 0) await nextTurn();
    }
    sheet.commit();
  }
  await workbook.commit();
  if (failure !== null) throw failure;
}
