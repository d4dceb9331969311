/**
 * A report whose data cells are content controls tagged with cell ids: the same reading for a .docx file and for
 * the document open in Word, so both hosts see the same cells, format and findings.
 */
import { formatCells, isCellId } from "../domain/cells";
import type { CellReading, ReportReading } from "../domain/reading";
import { FORMATS } from "../domain/formats";
import type { FormatId } from "../domain/formats";
import type { TablePlacement } from "./placement";
import { assembleReading, findHeadings, findTitle } from "./structure";

export interface TaggedCell {
  id: string;
  text: string;
  /** The host's handle, passed through to the cell reading. */
  source?: unknown;
}

/** The format whose own cell ids (absent from the other format) the controls carry. */
export function formatOfIds(ids: readonly string[]): FormatId | null {
  const present = new Set(ids);
  const own = (format: (typeof FORMATS)[number]) =>
    formatCells(format).filter((cell) => present.has(cell.id) && FORMATS.every((other) => other === format || !formatCells(other).some((o) => o.id === cell.id))).length;
  const ranked = FORMATS.map((format) => ({ id: format.id, hits: own(format) })).sort((a, b) => b.hits - a.hits);
  return ranked[0]!.hits > 0 && ranked[0]!.hits !== ranked[1]?.hits ? ranked[0]!.id : null;
}

export interface ControlReadInput {
  cells: readonly TaggedCell[];
  /** Paragraph texts outside tables, in order: the title and the section headings. */
  paragraphs: readonly string[];
  year?: number | null;
  dismissed?: readonly string[];
}

export function readingFromControls(input: ControlReadInput): ReportReading {
  const cells = input.cells.filter((cell) => isCellId(cell.id));
  const placements: TablePlacement[] = (["t2", "t3", "t4"] as const).map((table) => {
    const mine = cells.filter((cell) => cell.id.startsWith(`${table}.`));
    const readings: CellReading[] = mine.map((cell) => ({ id: cell.id, text: cell.text, where: { kind: "control" }, source: cell.source }));
    return { table, variant: formatOfIds(mine.map((cell) => cell.id)), cells: readings, findings: [], found: mine.length > 0 };
  });
  const reading = assembleReading({
    title: findTitle(input.paragraphs),
    headings: findHeadings(input.paragraphs),
    placements,
    yearOverride: input.year ?? null,
    knownFormat: formatOfIds(cells.map((cell) => cell.id)),
  });
  return { ...reading, dismissed: input.dismissed ?? [], paragraphs: input.paragraphs };
}
