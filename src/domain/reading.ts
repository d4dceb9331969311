/**
 * The reading port: what every reader hands the checker, and the grid that readers of documents without our
 * content controls produce for the placement module. Nothing here knows of files, XML, Word or React.
 */
import type { Finding, SourcePosition } from "./findings";
import type { FormatId } from "./formats";

/** One cell as a reader found it. */
export interface CellReading {
  id: string;
  text: string;
  /** Where it was found (a line, a table row, a content control), for messages. */
  where?: SourcePosition;
  /** The host's handle on the cell (a .docx table cell), passed through untouched. */
  source?: unknown;
}

/** What a reader hands the checker. */
export interface ReportReading {
  /** The format the report's labels follow; null when the reader could not tell. */
  format: FormatId | null;
  year: number | null;
  organization: string | null;
  cells: readonly CellReading[];
  /** Findings the reader made itself: FMT-* (format) and READ-* (placing, controls). */
  findings: readonly Finding[];
  /** Cells of the format that are absent for a reason a finding already gives (a superseded table, say). */
  explainedMissing?: readonly string[];
  /** Keys of findings the user dismissed (stored in the document): reported apart, not counted. */
  dismissed?: readonly string[];
  /** The report's text outside the tables, for the checks of figures quoted in it (TX-1). */
  paragraphs?: readonly string[];
}

/** One cell of a table as printed: its text, where it was, and the host's handle on it. */
export interface GridCell {
  text: string;
  /** A cell known to be empty (an empty table cell, an empty field between separators), not a lost one. */
  where: SourcePosition;
  source?: unknown;
}

export interface GridRow {
  cells: GridCell[];
  where: SourcePosition;
}

/** A table as rows of cells, merged cells resolved (a vertically merged cell appears once, in its first row). */
export interface Grid {
  rows: GridRow[];
}

/** A document without content controls: its paragraphs outside tables, in order, and its tables. */
export interface GridDocument {
  paragraphs: string[];
  tables: Grid[];
}

/** What a caller may tell a reader. */
export interface ReadOptions {
  /** The report year, for a report whose title does not give it (--year). */
  year?: number | null;
}
