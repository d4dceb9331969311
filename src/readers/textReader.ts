/**
 * Reading a report from text: the `|`-separated flattening of a web page, tables pasted from Word or Excel
 * (tab-separated), and `pdftotext -layout` output. Pure: takes the text, returns what the checker needs.
 */
import { positionKey, type SourcePosition } from "../domain/findings";
import type { ReadOptions, ReportReading } from "../domain/reading";
import { labelKey } from "../domain/labels";
import { ReportReadError } from "./errors";
import { placeTable2, placeTable3, placeTable4 } from "./placement";
import { isPageNumberLine, isPipeFlattened, rowFromLine, rowsFromPipeLines, type RawRow } from "./rows";
import { assembleReading, findHeadings, findTitle, refuseSeveralReports, type HeadingHit } from "./structure";

interface Region {
  from: number;
  to: number;
}

function firstIndex(keys: readonly string[], from: number, test: (key: string) => boolean): number | undefined {
  const index = keys.findIndex((key, position) => position >= from && test(key));
  return index >= 0 ? index : undefined;
}

/** Line ranges of 表二, 表三 and 表四, from the headings, or from the tables' own first labels where a heading is missing. */
export function tableRegions(lines: readonly string[], headings: readonly HeadingHit[]): [Region, Region, Region] {
  const keys = lines.map(labelKey);
  const heading = (section: number) => headings.find((hit) => hit.section === section)?.paragraph;
  const t2Start = heading(1) ?? firstIndex(keys, 0, (key) => key.startsWith("第二十条")) ?? lines.length;
  const t3Start =
    heading(2) ??
    firstIndex(keys, t2Start, (key) => key.includes("勾稽关系") || key.includes("本年新收政府信息公开申请数量")) ??
    lines.length;
  const t4Start = heading(3) ?? firstIndex(keys, t3Start + 1, (key) => key.startsWith("行政复议")) ?? lines.length;
  const end = heading(4) ?? heading(5) ?? lines.length;
  return [
    { from: t2Start, to: Math.max(t2Start, t3Start) },
    { from: t3Start, to: Math.max(t3Start, t4Start) },
    { from: t4Start, to: Math.max(t4Start, end) },
  ];
}

/** Where line `index` (0-based) of the text was, for messages: a line of the file, or a line of a PDF page. */
export type LinePosition = (index: number) => SourcePosition;

const fileLine: LinePosition = (index) => ({ kind: "line", line: index + 1 });

function regionRows(lines: readonly string[], region: Region, pipe: boolean, positionOf: LinePosition): RawRow[] {
  const slice = lines.slice(region.from, region.to);
  if (pipe) return rowsFromPipeLines(slice, region.from + 1);
  return slice.flatMap((line, index) =>
    line.trim() === "" || isPageNumberLine(line) ? [] : [rowFromLine(line, positionOf(region.from + index))],
  );
}

/** A report is a few hundred lines of at most a few hundred characters; these bounds are far above any real one. */
export const MAX_TEXT_LINES = 100_000;
export const MAX_LINE_CHARS = 20_000;

function boundedLines(text: string): string[] {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/, MAX_TEXT_LINES + 1);
  if (lines.length > MAX_TEXT_LINES) throw new ReportReadError("TOO_LARGE", `文本超过 ${MAX_TEXT_LINES} 行，不像年度报告，已拒绝读取`);
  const long = lines.findIndex((line) => line.length > MAX_LINE_CHARS);
  if (long >= 0) throw new ReportReadError("TOO_LARGE", `第 ${long + 1} 行超过 ${MAX_LINE_CHARS} 个字符，不像年度报告，已拒绝读取`);
  return lines;
}

export function readTextReport(text: string, options: ReadOptions = {}): ReportReading {
  return readTextLines(boundedLines(text), options);
}

/** Reads the lines of a report's text; `positionOf` says where each line was (a PDF reader's lines are on pages). */
export function readTextLines(lines: readonly string[], options: ReadOptions = {}, positionOf: LinePosition = fileLine): ReportReading {
  refuseSeveralReports(lines, (index) => positionKey(positionOf(index)));
  const headings = findHeadings(lines);
  const pipe = isPipeFlattened(lines);
  const regions = tableRegions(lines, headings);
  const [t2, t3, t4] = regions.map((region) => regionRows(lines, region, pipe, positionOf)) as [RawRow[], RawRow[], RawRow[]];
  const prose = lines.filter((_, index) => !regions.some((region) => index >= region.from && index < region.to));
  const reading = assembleReading({
    title: findTitle(lines),
    headings,
    placements: [placeTable2(t2), placeTable3(t3), placeTable4(t4)],
    yearOverride: options.year ?? null,
  });
  return { ...reading, paragraphs: prose };
}
