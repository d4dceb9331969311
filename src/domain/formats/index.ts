/** The registry of format revisions. A new revision is one more file and one more line here. */
import type { FormatDecl, FormatId } from "../model";
import { FORMAT_2019, type T2CellId2019, type T3RowKey2019 } from "./format2019";
import { FORMAT_2021, type T2CellId2021, type T3RowKey2021 } from "./format2021";
import type { T3ColumnKey, T4CellId } from "./shared";

/**
 * Every cell id of every format, derived from the declarations: a mistyped id in code fails to compile.
 * (Ids read from documents are plain strings until the checker has looked them up.)
 */
export type CellId = T2CellId2019 | T2CellId2021 | `t3.${T3RowKey2019 | T3RowKey2021}.${T3ColumnKey}` | T4CellId;

/** Newest first. */
export const FORMATS: readonly FormatDecl[] = [FORMAT_2021, FORMAT_2019];

export function formatById(id: FormatId): FormatDecl {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`unknown format ${id}`);
  return format;
}

/** The format that applies to a report year (the newest whose first year is not after it). */
export function formatForYear(year: number): FormatDecl {
  return FORMATS.find((format) => format.firstYear <= year) ?? FORMATS[FORMATS.length - 1]!;
}

export function isFormatId(value: string): value is FormatId {
  return FORMATS.some((format) => format.id === value);
}

export { FORMAT_2019, FORMAT_2021 };
