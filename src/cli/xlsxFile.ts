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

/** Rows between two looks at the zip: the zip that takes the sheets' bytes runs on the event loop. */
const ROWS_PER_TURN = 64;
/** A sheet's bytes the zip may hold unread before the rows wait for it. */
const MAX_BACKLOG_BYTES = 1 << 20;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A Node or readable-stream 2 stream, as far as its buffered bytes go. */
interface BufferedStream {
  writableLength?: number;
  readableLength?: number;
  _writableState?: { length: number };
  _readableState?: { length: number };
}

/**
 * The bytes of a sheet written but not yet taken by the zip. exceljs 4.4 writes a sheet's XML into its own stream
 * buffer (`_stream`), which hands each chunk on to the zip's entry stream (`pipes`, archiver's PassThrough) without
 * waiting for it: the compressor is slower than the rows, and a sheet of 5,000 reports' figures piled up some 40 MB
 * there. exceljs offers no back-pressure, so this reads those internals; a test holds them as they are
 * (test/cli/export.test.ts), and without them the workbook is still right, only not bounded.
 */
export function zipBacklog(sheet: unknown): number {
  const pipes = (sheet as { _stream?: { pipes?: BufferedStream[] } })._stream?.pipes ?? [];
  let bytes = 0;
  for (const pipe of pipes) {
    bytes += pipe.writableLength ?? pipe._writableState?.length ?? 0;
    bytes += pipe.readableLength ?? pipe._readableState?.length ?? 0;
  }
  return bytes;
}

/** Resolves once the zip has taken all but `maxBytes` of what the sheet has written. */
export async function zipCaughtUp(sheet: unknown, maxBytes = MAX_BACKLOG_BYTES): Promise<void> {
  while (zipBacklog(sheet) > maxBytes) await pause();
}

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
      if (++written % ROWS_PER_TURN !== 0) continue;
      await nextTurn();
      await zipCaughtUp(sheet);
    }
    sheet.commit();
  }
  await workbook.commit();
  if (failure !== null) throw failure;
}
