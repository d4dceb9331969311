/**
 * Reading a report .docx: by content-control tag where the document has our controls (wherever they are: also
 * tables copied into another document), else by the labels of its tables, like last year's hand-typed report or
 * a WPS-made template.
 */
import type { AnnotationState } from "../domain/annotations";
import { isCellId } from "../domain/cells";
import type { Grid, GridRow, ReadOptions, ReportReading } from "../domain/reading";
import { hasExtension, startsWith, type ReportReader } from "../readers/registry";
import { ancestor, child, descendants, type XmlElement } from "../util/xml";
import { openDocx, parsePart, stateOf, type DocxPackage } from "./package";
export type { DocxReading, NestedControl } from "./docxReading";
import { docxReading, type DocxReading, type NestedControl } from "./docxReading";
import { streamDocxReport } from "./streamReader";
import { wordText } from "./wordText";

export interface DocxDocument {
  pkg: DocxPackage;
  xml: string;
  root: XmlElement;
  state: AnnotationState;
  /** The custom XML part holding the state, if the document has one. */
  statePart: string | null;
}

/** A data cell in the document: its table cell (null for a control outside a table), and the paragraph a comment anchors to. */
export interface LocatedCell {
  id: string;
  tc: XmlElement | null;
  paragraph: XmlElement | null;
  /** table/row/cell among all tables, rows and cells in document order. */
  at: string;
  /** The content control, where the cell was found by one. */
  sdt?: XmlElement;
}

export function loadDocx(bytes: Uint8Array): DocxDocument {
  return loadDocxPackage(openDocx(bytes));
}

/** (Re)reads a package, e.g. after clearing marks in memory. */
export function loadDocxPackage(pkg: DocxPackage): DocxDocument {
  const { xml, root } = parsePart(pkg, pkg.mainPart);
  return { pkg, xml, root, ...stateOf(pkg) };
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

function cellTagOf(sdt: XmlElement): string | null {
  const tag = tagOf(sdt);
  return tag && isCellId(tag) ? tag : null;
}

/** The nearest enclosing control that carries a cell id. */
function outerCellControl(sdt: XmlElement): XmlElement | null {
  for (let node = sdt.parent; node; node = node.parent) if (node.name === "w:sdt" && cellTagOf(node)) return node;
  return null;
}

/**
 * Every content control whose tag is a cell id, with the cell it stands in: block controls (a paragraph in the
 * cell) and inline ones (runs inside the cell's paragraph) alike. A control inside another cell control is not a
 * cell of its own: it is listed in `nested`.
 */
export function controlCells(doc: DocxDocument, nested: NestedControl[] = []): LocatedCell[] {
  const positions = cellPositions(doc.root);
  return [...descendants(doc.root, "w:sdt")].flatMap((sdt) => {
    const tag = cellTagOf(sdt);
    if (!tag) return [];
    const outer = outerCellControl(sdt);
    if (outer) {
      nested.push({ outer: cellTagOf(outer)!, inner: tag });
      return [];
    }
    const content = child(sdt, "w:sdtContent") ?? sdt;
    // A block or inline control sits in its cell; a cell-level control (w:tr/w:sdt/w:sdtContent/w:tc) holds it.
    const tc = ancestor(sdt, "w:tc") ?? child(content, "w:tc") ?? null;
    const paragraph = firstParagraph(content) ?? ancestor(sdt, "w:p") ?? null;
    return [{ id: tag, tc, paragraph, at: tc ? (positions.get(tc) ?? "") : "", sdt }];
  });
}

/** What a control shows: its content, or nothing when it shows its placeholder (w:showingPlcHdr). */
function controlText(cell: LocatedCell): string {
  const sdt = cell.sdt;
  if (!sdt) return "";
  const showingPlaceholder = child(child(sdt, "w:sdtPr") ?? sdt, "w:showingPlcHdr");
  if (showingPlaceholder && showingPlaceholder.attrs.get("w:val") !== "0" && showingPlaceholder.attrs.get("w:val") !== "false") return "";
  return wordText(child(sdt, "w:sdtContent") ?? sdt);
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

export function readDocx(doc: DocxDocument, options: ReadOptions = {}): DocxReading {
  const nested: NestedControl[] = [];
  const cells = controlCells(doc, nested).map((cell) => ({ id: cell.id, text: controlText(cell), source: cell }));
  const dismissed = doc.state.dismissals.map((dismissal) => dismissal.key);
  return docxReading({ cells, nested, paragraphs: paragraphsOutsideTables(doc), tables: () => tableGrids(doc), dismissed }, options);
}

/** The reading a check needs: streamed, or from the tree where the document holds what the stream leaves to it. */
export function readDocxReport(bytes: Uint8Array, options: ReadOptions = {}): ReportReading {
  return streamDocxReport(bytes, options) ?? readDocx(loadDocx(bytes), options).reading;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** .docx files: a zip package (or a file named .docx, which then gets the package's own error). */
export const DOCX_READER: ReportReader = {
  id: "docx",
  sniff: (bytes, name) => startsWith(bytes, ZIP_MAGIC) || hasExtension(name, ".docx"),
  read: (bytes, options) => readDocxReport(bytes, options),
};
