/**
 * What a .docx holds for a check, whether the element tree (reader.ts) or the stream (streamReader.ts) found it,
 * made into the one reading: by the controls' tags where there are any, else by the tables' labels.
 */
import { readFinding } from "../domain/findings";
import type { Grid, ReadOptions, ReportReading } from "../domain/reading";
import { readingFromControls, type TaggedCell } from "../readers/controls";
import { readingFromGrids } from "../readers/gridReader";

/** A control with a cell-id tag inside another one: read as part of the outer control's text, and reported. */
export interface NestedControl {
  outer: string;
  inner: string;
}

export interface FoundInDocx {
  /** The controls tagged with cell ids, with their texts. */
  cells: readonly TaggedCell[];
  nested: readonly NestedControl[];
  /** Paragraph texts outside tables, in order. */
  paragraphs: string[];
  /** The top-level tables, asked for only where there are no controls. */
  tables: () => Grid[];
  dismissed: readonly string[];
}

export interface DocxReading {
  reading: ReportReading;
  /** How the cells were found. */
  by: "controls" | "labels";
}

export function docxReading({ cells, nested, paragraphs, tables, dismissed }: FoundInDocx, options: ReadOptions): DocxReading {
  if (cells.length > 0) {
    const findings = nested.map(({ outer, inner }) =>
      readFinding("READ-NESTED-CONTROL", "warning", null, `READ-NESTED-CONTROL:${inner}`, { kind: "nestedControl", cell: outer, inner }),
    );
    return { reading: readingFromControls({ cells, paragraphs, year: options.year, dismissed, findings }), by: "controls" };
  }
  const reading = readingFromGrids({ paragraphs, tables: tables() }, options);
  return { reading: { ...reading, dismissed }, by: "labels" };
}
