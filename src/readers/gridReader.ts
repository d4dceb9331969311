/**
 * Reading a document without our content controls from its grid (paragraphs and tables as printed): each table
 * is told by its labels (表二, 表三 or 表四), its rows are built, and the placement module maps them to cells. Every
 * source of grids (.docx tables, and later HTML and PDF) goes through here.
 */
import { labelKey } from "../domain/labels";
import type { TableId } from "../domain/formatModel";
import type { Grid, GridDocument, ReadOptions, ReportReading } from "../domain/reading";
import { placeTable2, placeTable3, placeTable4 } from "./placement";
import { rowsFromGrid, type RawRow } from "./rows";
import { assembleReading, findHeadings, findTitle, refuseSeveralReports } from "./structure";

/** Words that only one table prints: 表三's first rows, 表四's lawsuit columns, 表二's block titles. */
const TABLE_SIGNS: [TableId, string[]][] = [
  ["t3", ["本年新收政府信息公开申请数量", "本年度办理结果"]],
  ["t4", ["未经复议直接起诉", "复议后起诉"]],
  ["t2", ["第二十条", "信息内容"]],
];

/** Which table a grid is, from its text; null for a table that is none of the three (a layout table, a cover). */
export function classifyTable(text: string): TableId | null {
  const key = labelKey(text);
  return TABLE_SIGNS.find(([, signs]) => signs.some((sign) => key.includes(sign)))?.[0] ?? null;
}

function gridText(grid: Grid): string {
  return grid.rows.map((row) => row.cells.map((cell) => cell.text).join("")).join("");
}

export function readingFromGrids(doc: GridDocument, options: ReadOptions = {}): ReportReading {
  refuseSeveralReports(doc.paragraphs, (index) => `第 ${index + 1} 段`);
  const rows: Record<TableId, RawRow[]> = { t2: [], t3: [], t4: [] };
  for (const grid of doc.tables) {
    const table = classifyTable(gridText(grid));
    if (table) rows[table].push(...rowsFromGrid(grid));
  }
  const reading = assembleReading({
    title: findTitle(doc.paragraphs),
    headings: findHeadings(doc.paragraphs),
    placements: [placeTable2(rows.t2), placeTable3(rows.t3), placeTable4(rows.t4)],
    yearOverride: options.year ?? null,
  });
  return { ...reading, paragraphs: doc.paragraphs };
}
