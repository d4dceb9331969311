/** The registry of format revisions and what is derived from it: the format ids, the cell ids, the lookups. */
import type { FormatCellId, FormatDecl } from "../formatModel";
import { FORMAT_LIST } from "./list";

/** "2019" | "2021": derived from the declarations. */
export type FormatId = (typeof FORMAT_LIST)[number]["id"];

/**
 * Every cell id of every format, derived from the declarations: a mistyped id in code fails to compile.
 * (Ids read from documents are plain strings until the checker has looked them up.)
 */
export type CellId = FormatCellId<(typeof FORMAT_LIST)[number]>;

/** Newest first. */
export const FORMATS: readonly FormatDecl<FormatId>[] = FORMAT_LIST;

export function formatById(id: string): FormatDecl<FormatId> {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`unknown format ${id}`);
  return format;
}

export function isFormatId(value: string): value is FormatId {
  return FORMATS.some((format) => format.id === value);
}

/** The format that applies to a report year (the newest whose first year is not after it). */
export function formatForYear(year: number): FormatDecl<FormatId> {
  return FORMATS.find((format) => format.firstYear <= year) ?? oldestFormat();
}

export function newestFormat(): FormatDecl<FormatId> {
  return FORMATS[0]!;
}

export function oldestFormat(): FormatDecl<FormatId> {
  return FORMATS[FORMATS.length - 1]!;
}

/** Does `newer` revise `older`, directly or through revisions in between? */
export function supersedes(newer: FormatDecl, older: FormatDecl): boolean {
  for (let step = newer.supersedes; step !== null; step = formatById(step).supersedes) if (step === older.id) return true;
  return false;
}

/** Report years the checker accepts (the disclosure regulations' first reports were for 2008). */
export const FIRST_CHECKED_YEAR = 2008;
export const LAST_ACCEPTED_YEAR = 2100;

/** The first year a template can be made for: the oldest declared format's. */
export function firstTemplateYear(): number {
  return oldestFormat().firstYear;
}

/** For tests, the benchmark and the docs tools that need one particular revision. */
export { FORMAT_2019 } from "./format2019";
export { FORMAT_2021 } from "./format2021";
