/**
 * A report whose data cells are content controls tagged with cell ids: the same reading for a .docx file and for
 * the document open in Word, so both hosts see the same cells, format and findings.
 */
import { formatCells, isCellId } from "../domain/cells";
import type { Finding } from "../domain/findings";
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

/**
 * The format whose cells the controls carry: the one whose set of cell ids best matches the ids present (Jaccard
 * index), so that a revision that only adds cells is told from the one it revises. A tie tells nothing.
 */
export function formatOfIds(ids: readonly string[]): FormatId | null {
  const present = new Set(ids);
  if (present.size === 0) return null;
  const ranked = FORMATS.map((format) => {
    const own = new Set(formatCells(format).map((cell) => cell.id));
    const shared = [...present].filter((id) => own.has(id)).length;
    return { id: format.id, score: shared / (own.size + present.size - shared) };
  }).sort((a, b) => b.score - a.score);
  return ranked[0]!.score > 0 && ranked[0]!.score !== ranked[1]?.score ? ranked[0]!.id : null;
}

export interface ControlReadInput {
  cells: readonly TaggedCell[];
  /** Paragraph texts outside tables, in order: the title and the section headings. */
  paragraphs: readonly string[];
  year?: number | null;
  dismissed?: readonly string[];
  /** Findings the host made while finding the controls (a nested control). */
  findings?: readonly Finding[];
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
    findings: input.findings ?? [],
  });
  return { ...reading, dismissed: input.dismissed ?? [], paragraphs: input.paragraphs };
}
