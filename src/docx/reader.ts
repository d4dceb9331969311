/**
 * Reading a report .docx: by content-control tag where the document has our controls (wherever they are: also
 * tables copied into another document), else by the labels of its tables, like last year's hand-typed report or
 * a WPS-made template.
 */
import { EMPTY_STATE, type AnnotationState } from "../domain/annotations";
import { isCellId } from "../domain/cells";
import type { Grid, GridRow, ReadOptions, ReportReading } from "../domain/reading";
import { readingFromControls } from "../readers/controls";
import { readingFromGrids } from "../readers/gridReader";
import { hasExtension, startsWith, type ReportReader } from "../readers/registry";
import { isAnnotationPart, parseState } from "../util/annotationPart";
import { ancestor, child, descendants, type XmlElement } from "../util/xml";
import { openDocx, parsePart, partText, type DocxPackage } from "./package";
import { wordText } from "./wordText";

export interface DocxDocument {
  pkg: DocxPackage;
  xml: string;
  root: XmlElement;
  state: AnnotationState;
  /** The custom XML part holding the state, if the document has one. */
  statePart: string | null;
}

/** A data cell in the document: its table cell, and the paragraph a comment anchors to. */
export interface LocatedCell {
  id: string;
  tc: XmlElement;
  paragraph: XmlElement | null;
  /** table/row/cell among all tables, rows and cells in document order. */
  at: string;
}

export function loadDocx(bytes: Uint8Array): DocxDocument {
  return loadDocxPackage(openDocx(bytes));
}

/** (Re)reads a package, e.g. after clearing marks in memory. */
export function loadDocxPackage(pkg: DocxPackage): DocxDocument {
  const { xml, root } = parsePart(pkg, pkg.mainPart);
  const statePart =
    [...pkg.files.keys()].find((path) => /^customXml\/item\d+\.xml$/.test(path) && isAnnotationPart(partText(pkg, path) ?? "")) ?? null;
  const state = statePart ? parseState(partText(pkg, statePart)!) : EMPTY_STATE;
  return { pkg, xml, root, state, statePart };
}

function tagOf(sdt: XmlElement): string | undefined {
  const sdtPr = child(sdt, "w:sdtPr");
  return sdtPr ? child(sdtPr, "w:tag")?.attrs.get("w:val") : undefined;
}

/** Position of every table cell: "table/row/cell", counted over the whole document. */
export function cellPositions(root: XmlElement): Map<XmlElement, string> {
  const positions = new Map<XmlElement, string>();
  [...descendants(root, "w:tbl")].forEach((tbl, tableIndex) => {
    rowsOf(tbl).forEach((tr, rowIndex) =>
      cellsOf(tr).forEach((tc, cellIndex) => positions.set(tc, `${tableIndex}/${rowIndex}/${cellIndex}`)),
    );
  });
  return positions;
}

/** Rows of a table, also those wrapped in a row-level content control, not those of nested tables. */
function rowsOf(tbl: XmlElement): XmlElement[] {
  return [...descendants(tbl, "w:tr")].filter((tr) => ancestor(tr, "w:tbl") === tbl);
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return [...descendants(tr, "w:tc")].filter((tc) => ancestor(tc, "w:tr") === tr);
}

function isMergedContinuation(tc: XmlElement): boolean {
  const vMerge = child(child(tc, "w:tcPr") ?? tc, "w:vMerge");
  return vMerge !== undefined && vMerge.attrs.get("w:val") !== "restart";
}

function firstParagraph(element: XmlElement): XmlElement | null {
  return descendants(element, "w:p").next().value ?? null;
}

/** Every content control whose tag is a cell id, with the cell it stands in. */
export function controlCells(doc: DocxDocument): LocatedCell[] {
  const positions = cellPositions(doc.root);
  return [...descendants(doc.root, "w:sdt")].flatMap((sdt) => {
    const tag = tagOf(sdt);
    if (!tag || !isCellId(tag)) return [];
    const tc = ancestor(sdt, "w:tc");
    const content = child(sdt, "w:sdtContent") ?? sdt;
    return [{ id: tag, tc: tc ?? sdt, paragraph: firstParagraph(content), at: tc ? (positions.get(tc) ?? "") : "" }];
  });
}

function controlText(cell: LocatedCell): string {
  const sdt = ancestorOrSelfControl(cell);
  return sdt ? wordText(child(sdt, "w:sdtContent") ?? sdt) : "";
}

function ancestorOrSelfControl(cell: LocatedCell): XmlElement | undefined {
  const paragraph = cell.paragraph;
  return paragraph ? ancestor(paragraph, "w:sdt") : undefined;
}

/** Paragraph texts outside tables, in order: for the title and the section headings. */
function paragraphsOutsideTables(doc: DocxDocument): string[] {
  return [...descendants(doc.root, "w:p")].filter((p) => !ancestor(p, "w:tbl")).map((p) => wordText(p));
}

/** A table as a grid: vertically merged continuation cells left out, each cell keeping its place in the document. */
function tableGrid(tbl: XmlElement, tableNumber: number, positions: Map<XmlElement, string>): Grid {
  const rows: GridRow[] = rowsOf(tbl).map((tr, rowIndex) => {
    const where = { kind: "tableRow" as const, table: tableNumber, row: rowIndex + 1 };
    const cells = cellsOf(tr)
      .filter((tc) => !isMergedContinuation(tc))
      .map((tc) => {
        const source: LocatedCell = { id: "", tc, paragraph: firstParagraph(tc), at: positions.get(tc) ?? "" };
        return { text: wordText(tc), where, source };
      });
    return { cells, where };
  });
  return { rows };
}

function tableGrids(doc: DocxDocument): Grid[] {
  const positions = cellPositions(doc.root);
  return [...descendants(doc.root, "w:tbl")]
    .filter((tbl) => !ancestor(tbl, "w:tbl"))
    .map((tbl, index) => tableGrid(tbl, index + 1, positions));
}

export interface DocxReading {
  reading: ReportReading;
  /** How the cells were found. */
  by: "controls" | "labels";
}

export function readDocx(doc: DocxDocument, options: ReadOptions = {}): DocxReading {
  const controls = controlCells(doc);
  const paragraphs = paragraphsOutsideTables(doc);
  const dismissed = doc.state.dismissals.map((dismissal) => dismissal.key);
  if (controls.length > 0) {
    const cells = controls.map((cell) => ({ id: cell.id, text: controlText(cell), source: cell }));
    return { reading: readingFromControls({ cells, paragraphs, year: options.year, dismissed }), by: "controls" };
  }
  const reading = readingFromGrids({ paragraphs, tables: tableGrids(doc) }, options);
  return { reading: { ...reading, dismissed }, by: "labels" };
}

export function readDocxReport(bytes: Uint8Array, options: ReadOptions = {}): ReportReading {
  return readDocx(loadDocx(bytes), options).reading;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** .docx files: a zip package (or a file named .docx, which then gets the package's own error). */
export const DOCX_READER: ReportReader = {
  id: "docx",
  sniff: (bytes, name) => startsWith(bytes, ZIP_MAGIC) || hasExtension(name, ".docx"),
  read: (bytes, options) => readDocxReport(bytes, options),
};
