/** The .docx operations the command line and the offline page offer, from bytes to bytes: check and annotate, clear, fill. */
import { cellsToMark, type Dismissal } from "../domain/annotations";
import { checkReport, type CheckResult } from "../domain/check";
import type { ReadOptions } from "../domain/reading";
import { annotate, clearMarks, locateByControls, type ClearReport } from "./annotate";
import { planTotals, type TotalsPlan } from "../domain/totals";
import { formatNumber } from "../domain/values";
import { ReportReadError } from "../readers/errors";
import { setControlTexts } from "./controlText";
import { saveDocx, setPartText } from "./package";
import { loadDocx, loadDocxPackage, readDocx, type LocatedCell } from "./reader";

export interface AnnotateRequest extends ReadOptions {
  markBlanks?: boolean;
  comments?: boolean;
  date?: string;
  /** The dismissals to honour and store in the copy, in place of those the document holds (the offline page's). */
  dismissals?: readonly Dismissal[];
}

export interface AnnotateOutcome {
  result: CheckResult;
  output: Uint8Array;
  /** Cells shaded. */
  marked: number;
}

/** Checks a .docx and writes a copy with the marks; marks from an earlier run are cleared first. */
export function annotateDocx(bytes: Uint8Array, request: AnnotateRequest = {}): AnnotateOutcome {
  let doc = loadDocx(bytes);
  const cleared = clearMarks(doc);
  if (cleared.shadings + cleared.comments + cleared.notFound > 0) doc = loadDocxPackage(doc.pkg);
  if (request.dismissals) doc.state = { ...doc.state, dismissals: [...request.dismissals] };
  const { reading, by } = readDocx(doc, request);
  const result = checkReport(reading);
  const located = by === "controls" ? locateByControls(doc) : locateByReading(reading.cells);
  const marks = cellsToMark(result.findings, { markBlanks: request.markBlanks });
  annotate(doc, marks, located, { comments: request.comments, date: request.date });
  const marked = marks.reduce((sum, mark) => sum + (located.get(mark.cell)?.length ?? 0), 0);
  return { result, output: saveDocx(doc.pkg), marked };
}

function locateByReading(cells: readonly { id: string; source?: unknown }[]): Map<string, LocatedCell[]> {
  const located = new Map<string, LocatedCell[]>();
  for (const cell of cells) {
    const source = cell.source as LocatedCell | undefined;
    if (source) located.set(cell.id, [...(located.get(cell.id) ?? []), { ...source, id: cell.id }]);
  }
  return located;
}

/** The findings dismissed in a .docx (stored in its state part), with their reasons. */
export function docxDismissals(bytes: Uint8Array): Dismissal[] {
  return [...loadDocx(bytes).state.dismissals];
}

/** Removes our marks and comments; returns the cleaned file and what went. */
export function clearDocx(bytes: Uint8Array): { output: Uint8Array; report: ClearReport } {
  const doc = loadDocx(bytes);
  const report = clearMarks(doc);
  return { output: saveDocx(doc.pkg), report };
}

/**
 * Computes the totals of a template .docx (one with our content controls) and writes them into their controls:
 * blank totals, and typed ones only with `overwrite`. Nothing else changes.
 */
export function fillDocxTotals(
  bytes: Uint8Array,
  options: { overwrite?: boolean; year?: number | null } = {},
): { output: Uint8Array; plan: TotalsPlan } {
  const doc = loadDocx(bytes);
  const { reading, by } = readDocx(doc, { year: options.year ?? null });
  if (by !== "controls")
    throw new ReportReadError("NOT_DOCX", "只能为带内容控件的模板（本工具或加载项生成的模板）计算合计；这份文档的表格没有内容控件");
  const plan = planTotals(reading, { overwrite: options.overwrite });
  if (plan.changes.length > 0) {
    const texts = new Map(plan.changes.map((change) => [change.id, formatNumber(change.value)]));
    setPartText(doc.pkg, doc.pkg.mainPart, setControlTexts(doc.xml, texts));
  }
  return { output: saveDocx(doc.pkg), plan };
}
