/**
 * Reading a report .docx: by content-control tag where the document has our controls (wherever they are: also
 * tables copied into another document), else by the labels of its tables, like last year's hand-typed report or
 * a WPS-made template.
 */
import { isAnnotationPart, parseState, EMPTY_STATE, type AnnotationState } from "../domain/annotations";
import { isCellId } from "../domain/cells";
import type { ReportReading } from "../domain/check";
import { labelKey } from "../domain/labels";
import type { TableId } from "../domain/model";
import type { ReadOptions } from "../readers";
import { placeTable2, placeTable3, placeTable4, type TablePlacement } from "../readers/placement";
import { readingFromControls } from "../readers/controls";
import { rowFromCells, type RawRow } from "../readers/rows";
import { assembleReading, findHeadings, findTitle } from "../readers/structure";
import { ancestor, child, descendants, wordText, type XmlElement } from "../util/xml";
import { openDocx, parsePart, partText, type DocxPackage } from "./package";

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
  const statePart = [...pkg.files.keys()].find((path) => /^customXml\/item\d+\.xml$/.test(path) && isAnnotationPart(partText(pkg, path) ?? "")) ?? null;
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
    rowsOf(tbl).forEach((tr, rowIndex) => cellsOf(tr).forEach((tc, cellIndex) => positions.set(tc, `${tableIndex}/${rowIndex}/${cellIndex}`)));
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
    return [{ id: tag, tc: tc ?? sdt, paragraph: firstParagraph(content), at: tc ? positions.get(tc) ?? "" : "" }];
  });
}

function controlText(doc: DocxDocument, cell: LocatedCell): string {
  const sdt = ancestorOrSelfControl(cell);
  return sdt ? wordText(doc.xml, child(sdt, "w:sdtContent") ?? sdt) : "";
}

function ancestorOrSelfControl(cell: LocatedCell): XmlElement | undefined {
  const paragraph = cell.paragraph;
  return paragraph ? ancestor(paragraph, "w:sdt") : undefined;
}

/** Paragraph texts outside tables, in order: for the title and the section headings. */
function paragraphsOutsideTables(doc: DocxDocument): string[] {
  return [...descendants(doc.root, "w:p")].filter((p) => !ancestor(p, "w:tbl")).map((p) => wordText(doc.xml, p));
}

const TABLE_SIGNS: [TableId, string[]][] = [
  ["t3", ["本年新收政府信息公开申请数量", "本年度办理结果"]],
  ["t4", ["未经复议直接起诉", "复议后起诉"]],
  ["t2", ["第二十条", "信息内容"]],
];

function classifyTable(text: string): TableId | null {
  const key = labelKey(text);
  return TABLE_SIGNS.find(([, signs]) => signs.some((sign) => key.includes(sign)))?.[0] ?? null;
}

function tableRows(doc: DocxDocument, tbl: XmlElement, tableNumber: number, positions: Map<XmlElement, string>): RawRow[] {
  return rowsOf(tbl).map((tr, rowIndex) => {
    const cells = cellsOf(tr).filter((tc) => !isMergedContinuation(tc));
    const refs: LocatedCell[] = cells.map((tc) => ({ id: "", tc, paragraph: firstParagraph(tc), at: positions.get(tc) ?? "" }));
    return rowFromCells(
      cells.map((tc) => wordText(doc.xml, tc)),
      `表格 ${tableNumber} 第 ${rowIndex + 1} 行`,
      { emptyCellsAreValues: true, refs },
    );
  });
}

function placementsByLabels(doc: DocxDocument): TablePlacement[] {
  const positions = cellPositions(doc.root);
  const rows: Record<TableId, RawRow[]> = { t2: [], t3: [], t4: [] };
  [...descendants(doc.root, "w:tbl")]
    .filter((tbl) => !ancestor(tbl, "w:tbl"))
    .forEach((tbl, index) => {
      const table = classifyTable(wordText(doc.xml, tbl));
      if (table) rows[table].push(...tableRows(doc, tbl, index + 1, positions));
    });
  return [placeTable2(rows.t2), placeTable3(rows.t3), placeTable4(rows.t4)];
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
    const cells = controls.map((cell) => ({ id: cell.id, text: controlText(doc, cell), source: cell }));
    return { reading: readingFromControls({ cells, paragraphs, year: options.year, dismissed }), by: "controls" };
  }
  const reading = assembleReading({ title: findTitle(paragraphs), headings: findHeadings(paragraphs), placements: placementsByLabels(doc), yearOverride: options.year ?? null });
  return { reading: { ...reading, dismissed, paragraphs }, by: "labels" };
}

export function readDocxReport(bytes: Uint8Array, options: ReadOptions = {}): ReportReading {
  return readDocx(loadDocx(bytes), options).reading;
}
