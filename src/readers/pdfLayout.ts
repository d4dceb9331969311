/**
 * A PDF page's text items (strings with their positions, as pdf.js gives them) laid out as lines of text, the way
 * `pdftotext -layout` prints a page: items on one baseline make one line, left to right, and a wide gap between two
 * items becomes a run of spaces, so that table cells stay apart and the text reader's layout rules read the rows.
 * Page numbers and running headers or footers (the same line at the top or bottom of several pages) are dropped.
 * Pure geometry: no pdf.js here, so that it is tested with items built by hand.
 */
import type { SourcePosition } from "../domain/findings";
import { isPageNumberLine } from "./rows";

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
}

interface ItemLine {
  y: number;
  size: number;
  items: PdfTextItem[];
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

/**
 * Joins one line's items: touching items (a word split into runs, CJK characters drawn one by one) join without a
 * space; a gap under one character is one space; a wider gap is at least two spaces, which the text reader takes as
 * a cell boundary, and grows with the gap, as in pdftotext's layout.
 */
function lineText(line: ItemLine): string {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  let text = "";
  let end: number | null = null;
  for (const item of items) {
    if (end !== null) {
      const gap = item.x - end;
      const em = Math.max(item.size, 1);
      if (gap >= em * 0.3) text += " ".repeat(Math.max(gap < em ? 1 : 2, Math.min(200, Math.round(gap / (em / 2)))));
    }
    text += item.text;
    end = Math.max(end ?? -Infinity, item.x + item.width);
  }
  return text.trimEnd();
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

/** Every page's lines, top to bottom, without page numbers and running headers and footers. */
export function layoutPages(pages: readonly (readonly PdfTextItem[])[]): PdfLine[] {
  const texts = pages.map((items) =>
    groupIntoLines(items.filter((item) => item.text.trim() !== ""))
      .map(lineText)
      .filter((text) => text.trim() !== ""),
  );
  const running = pages.length > 1 ? runningLines(texts) : new Set<string>();
  return texts.flatMap((lines, pageIndex) =>
    lines.flatMap((text, index) => {
      const atEdge = index === 0 || index === lines.length - 1;
      if (atEdge && (isPageNumberLine(text) || running.has(runningKey(text)))) return [];
      return [{ text, page: pageIndex + 1, row: index + 1 }];
    }),
  );
}

export function linePosition(lines: readonly PdfLine[]): (index: number) => SourcePosition {
  return (index) => {
    const line = lines[index];
    return line ? { kind: "page", page: line.page, row: line.row } : { kind: "line", line: index + 1 };
  };
}
