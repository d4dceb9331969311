/**
 * The offline page's host: files instead of Word. It reads a report with the same readers as the command line,
 * checks it, and writes annotated, cleared and blank copies with the same .docx code; files come in through the
 * File API and go out as Blob downloads. Nothing is sent or stored anywhere.
 */
import type { Dismissal } from "../domain/annotations";
import { checkReport, type CheckResult } from "../domain/check";
import { formatById, type FormatId } from "../domain/formats";
import { reportReaders } from "../docx/readerList";
import { annotateDocx, clearDocx, docxDismissals } from "../docx/service";
import { templateDocx } from "../docx/template";
import { readFailure, type ReadFailure } from "../readers/failure";
import { readerFor } from "../readers/registry";
import { pagePdfEngine } from "./pdfEngine";
import { XLSX_TYPE } from "../shared/download";
import { figureSheets } from "../domain/figures";
import { figuresCsv } from "../export/csv";
import { figuresXlsx } from "../export/xlsx";

export const PAGE_READERS = reportReaders(pagePdfEngine);

/** A file as the page holds it: its bytes, what the check found, and the user's dismissals (a .docx stores them). */
export interface CheckedFile {
  /** Unique within the page (two files may share a name). */
  id: string;
  name: string;
  bytes: Uint8Array;
  /** A Word document the page can annotate, clear and store dismissals in. */
  isDocx: boolean;
  result: CheckResult | null;
  failure: ReadFailure | null;
  dismissals: Dismissal[];
  /** The cells' texts as read (id → text), for the export. */
  cells: ReadonlyMap<string, string>;
}

/** Reads and checks one file; a file that cannot be read gets its failure, never an exception. */
export async function checkFile(id: string, name: string, bytes: Uint8Array, dismissals?: readonly Dismissal[]): Promise<CheckedFile> {
  const base = { id, name, bytes, isDocx: false, result: null, failure: null, dismissals: [...(dismissals ?? [])], cells: new Map() };
  try {
    const reader = readerFor(PAGE_READERS, name, bytes);
    const isDocx = reader.id === "docx";
    const kept = dismissals ?? (isDocx ? docxDismissals(bytes) : []);
    const reading = await reader.read(bytes, {});
    const result = checkReport({ ...reading, dismissed: kept.map((dismissal) => dismissal.key) });
    const cells = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
    return { ...base, isDocx, result, dismissals: [...kept], cells };
  } catch (error) {
    return { ...base, failure: readFailure(error) };
  }
}

/** The file with the user's dismissal added (a reason) or taken back (null), checked again. */
export function withDismissal(file: CheckedFile, key: string, reason: string | null, today = new Date()): Promise<CheckedFile> {
  const others = file.dismissals.filter((dismissal) => dismissal.key !== key);
  const dismissals = reason === null ? others : [...others, { key, reason, date: today.toISOString().slice(0, 10) }];
  return checkFile(file.id, file.name, file.bytes, dismissals);
}

/** The annotated copy, as `gov-report check --annotate` writes it, with the page's dismissals stored in it. */
export function annotatedCopy(file: CheckedFile, options: { markBlanks?: boolean } = {}): { bytes: Uint8Array; marked: number } {
  const outcome = annotateDocx(file.bytes, { markBlanks: options.markBlanks, dismissals: file.dismissals });
  return { bytes: outcome.output, marked: outcome.marked };
}

export function clearedCopy(file: CheckedFile): ReturnType<typeof clearDocx> {
  return clearDocx(file.bytes);
}

export function blankTemplate(choice: { organization: string; year: number; format: FormatId }): { bytes: Uint8Array; name: string } {
  const bytes = templateDocx(formatById(choice.format), { organization: choice.organization, year: choice.year });
  return { bytes, name: `${choice.organization}${choice.year}年政府信息公开工作年度报告.docx` };
}

/** The figures of the files checked, as the command line's --xlsx and --csv write them. */
export async function figuresExport(
  files: readonly CheckedFile[],
  kind: "xlsx" | "csv",
): Promise<{ bytes: Uint8Array; name: string; type: string }> {
  const sheets = figureSheets(
    files.map((file) => ({
      file: file.name,
      result: file.result,
      cells: file.cells,
      error: file.failure?.error ?? null,
      errorCode: file.failure?.errorCode,
    })),
  );
  const name = `年报数据（${files.length} 份）.${kind}`;
  if (kind === "csv") return { bytes: figuresCsv(sheets), name, type: "text/csv" };
  return { bytes: await figuresXlsx(sheets), name, type: XLSX_TYPE };
}

/** "报告.docx" → "报告-标注.docx" */
export function siblingName(name: string, suffix: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}-${suffix}${name.slice(dot)}` : `${name}-${suffix}.docx`;
}
