/**
 * A PDF page's text items (strings with their positions, as pdf.js gives them) laid out as lines of text, the way
 * `pdftotext -layout` prints a page: items on one baseline make one line, left to right, and a wide gap between two
 * items becomes a run of spaces, so that table cells stay apart and the text reader's layout rules read the rows.
 * Page numbers and running headers or footers (the same line at the top or bottom of several pages) are dropped.
 * Pure geometry: no pdf.js here, so that it is tested with items built by hand.
 */
import type { SourcePosition } from "../domain/findings";
import { isPageNumberLine, isValueToken } from "./rows";

export interface PdfTextItem {
  text: string;
  /** Left edge and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** The font size: the height of a line of this text. */
  size: number;
}

export interface PdfLine {
  text: string;
  page: number;
  /** 1-based line number on its page, as a reader counts them from the top. */
  row: number;
  /**
   * The same line with "|" between its cells and an empty field for each blank cell, where the columns of a nearby
   * fuller row (a table row, or the header row above) say which cells the printed figures are in. A PDF prints
   * nothing for a blank cell, so only the positions tell where it was.
   */
  withBlanks?: string;
}

interface ItemLine {
  y: number;
  size: number;
  items: PdfTextItem[];
}

/** Touching items joined: one cell's text, with its left and right edges. */
interface Chunk {
  text: string;
  left: number;
  right: number;
  /** The gap before it, in characters of its font. */
  gapBefore: number;
}

/** Items whose baselines are within half a line of each other are on one line. */
function groupIntoLines(items: readonly PdfTextItem[]): ItemLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: ItemLine[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) < Math.min(last.size, item.size) * 0.5) last.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines;
}

/** A line's items joined where they touch (a word split into runs, CJK characters drawn one by one). */
function chunksOf(line: ItemLine): Chunk[] {
  const chunks: Chunk[] = [];
  for (const item of [...line.items].sort((a, b) => a.x - b.x)) {
    const last = chunks[chunks.length - 1];
    const em = Math.max(item.size, 1);
    const gap = last ? (item.x - last.right) / em : Infinity;
    if (last && gap < 0.3) {
      last.text += item.text;
      last.right = Math.max(last.right, item.x + item.width);
    } else chunks.push({ text: item.text, left: item.x, right: item.x + item.width, gapBefore: gap });
  }
  return chunks;
}

/**
 * The line as text: a gap under one character is one space; a wider gap is at least two spaces, which the text
 * reader takes as a cell boundary, and grows with the gap, as in pdftotext's layout.
 */
function lineText(chunks: readonly Chunk[]): string {
  return chunks
    .map((chunk, index) => {
      if (index === 0) return chunk.text;
      const spaces = chunk.gapBefore < 1 ? 1 : Math.max(2, Math.min(200, Math.round(chunk.gapBefore * 2)));
      return " ".repeat(spaces) + chunk.text;
    })
    .join("")
    .trimEnd();
}

const centre = (chunk: Chunk) => (chunk.left + chunk.right) / 2;

/** Where a line's trailing figures start (chunks from there on are values); chunks.length when none. */
function firstValueChunk(chunks: readonly Chunk[]): number {
  let first = chunks.length;
  while (first > 0 && isValueToken(chunks[first - 1]!.text)) first--;
  return first;
}

/** Lines within this many of a row may give it its columns; a header is at most this many lines tall. */
const COLUMN_SEARCH_LINES = 8;
const HEADER_LINES = 6;

/** Centres of chunks, those within half a character of each other taken as one column. */
function clusteredCentres(chunks: readonly Chunk[], em: number): number[] {
  const centres = chunks.map(centre).sort((a, b) => a - b);
  const columns: number[][] = [];
  for (const x of centres) {
    const last = columns[columns.length - 1];
    if (last && x - last[last.length - 1]! < em * 0.5) last.push(x);
    else columns.push([x]);
  }
  return columns.map((group) => group.reduce((a, b) => a + b, 0) / group.length);
}

/**
 * Candidate columns for a row whose figures may have lost blanks, nearest first: the cells of rows near it with more
 * figures than it, then the header above it, one more line at a time (a header's labels wrap over several lines).
 */
function columnCandidates(lines: readonly Chunk[][], index: number, em: number): number[][] {
  const chunks = lines[index]!;
  const first = firstValueChunk(chunks);
  const labelsEnd = first > 0 ? chunks[first - 1]!.right : -Infinity;
  const right = (line: readonly Chunk[]) => line.filter((chunk) => chunk.left >= labelsEnd);
  const candidates: number[][] = [];
  for (let distance = 1; distance <= COLUMN_SEARCH_LINES; distance++) {
    for (const other of [lines[index - distance], lines[index + distance]]) {
      if (other && firstValueChunk(other) < other.length) candidates.push(right(other).map(centre));
    }
  }
  const header: Chunk[] = [];
  for (let above = index - 1; above >= Math.max(0, index - HEADER_LINES); above--) {
    const line = lines[above]!;
    if (firstValueChunk(line) < line.length) break;
    header.push(...right(line));
    candidates.push(clusteredCentres(header, em));
  }
  return candidates;
}

/** The row with a "|" between cells and an empty field for each blank, from the first columns its figures fit. */
function withBlanksOf(lines: readonly Chunk[][], index: number, em: number): string | null {
  const chunks = lines[index]!;
  const values = chunks.length - firstValueChunk(chunks);
  if (values === 0) return null;
  for (const columns of columnCandidates(lines, index, em)) {
    if (columns.length <= values || columns.length > 40) continue;
    const row = rowWithBlanks(chunks, columns);
    if (row) return row;
  }
  return null;
}

/**
 * Each figure in the column whose centre is nearest, in order, every figure within half a column of its centre;
 * the row with "|" between cells and "" for the columns nothing was printed in. Null where the figures do not fit.
 */
function rowWithBlanks(chunks: readonly Chunk[], columns: readonly number[]): string | null {
  const first = firstValueChunk(chunks);
  const cells: string[] = columns.map(() => "");
  const spacing = Math.min(...columns.slice(1).map((x, i) => x - columns[i]!));
  let previous = -1;
  for (const chunk of chunks.slice(first)) {
    const x = centre(chunk);
    let best = -1;
    columns.forEach((column, i) => {
      if (best < 0 || Math.abs(column - x) < Math.abs(columns[best]! - x)) best = i;
    });
    if (best <= previous || Math.abs(columns[best]! - x) > spacing / 2) return null;
    cells[best] = chunk.text;
    previous = best;
  }
  const labels = lineText(chunks.slice(0, first))
    .split(/\s{2,}/)
    .filter((label) => label.trim() !== "");
  // Written as a markdown-style row, with the outer bars, so that a blank last cell keeps its field.
  return `| ${[...labels, ...cells].join(" | ")} |`;
}

/** A line's text with its digits generalised, so that "第 3 页" and "第 4 页" count as the same running line. */
const runningKey = (text: string) => text.normalize("NFKC").replace(/\s+/g, "").replace(/\d+/g, "#");

/**
 * Lines that open or close every page but perhaps one (the cover) with the same words: a running header or footer. A
 * table's header row repeated on the pages the table runs on is on fewer, and stays.
 */
function runningLines(pages: readonly string[][]): Set<string> {
  const least = Math.max(2, pages.length - 1);
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const ends = new Set([lines[0], lines[lines.length - 1]].filter((line): line is string => line !== undefined).map(runningKey));
    for (const key of ends) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([key, count]) => count >= least && key !== "").map(([key]) => key));
}

interface PageLine {
  text: string;
  withBlanks: string | null;
}

function pageLines(items: readonly PdfTextItem[]): PageLine[] {
  const itemLines = groupIntoLines(items.filter((item) => item.text.trim() !== ""));
  const lines = itemLines.map(chunksOf);
  return lines.map((chunks, index) => ({ text: lineText(chunks), withBlanks: withBlanksOf(lines, index, itemLines[index]!.size) }));
}

/** Every page's lines, top to bottom, without page numbers and running headers and footers. */
export function layoutPages(pages: readonly (readonly PdfTextItem[])[]): PdfLine[] {
  const laidOut = pages.map(pageLines);
  const running = pages.length > 1 ? runningLines(laidOut.map((lines) => lines.map((line) => line.text))) : new Set<string>();
  return laidOut.flatMap((lines, pageIndex) =>
    lines.flatMap(({ text, withBlanks }, index) => {
      const atEdge = index === 0 || index === lines.length - 1;
      if (atEdge && (isPageNumberLine(text) || running.has(runningKey(text)))) return [];
      return [{ text, page: pageIndex + 1, row: index + 1, ...(withBlanks ? { withBlanks } : {}) }];
    }),
  );
}

export function linePosition(lines: readonly PdfLine[]): (index: number) => SourcePosition {
  return (index) => {
    const line = lines[index];
    return line ? { kind: "page", page: line.page, row: line.row } : { kind: "line", line: index + 1 };
  };
}
