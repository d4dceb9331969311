/**
 * The report template as WordprocessingML, built from the format declaration: title, opening paragraph, the six
 * section headings, prompts for the text sections, and tables 二, 三 and 四 laid out as the official tables, with a
 * locked rich-text content control tagged with the cell id in every data cell.
 */
import { cellId, leafOf, leafPaths, titleOf } from "../domain/cells";
import type { FormatDecl, GridDecl, HeaderNode, TableDecl } from "../domain/formatModel";
import { buildDocx, buildFlatOpc } from "./opc";
import { blockControl, cell, paragraph, row, run, table, type RunProps } from "./wml";

export interface TemplateOptions {
  organization: string;
  year: number;
}

/** Text block width on A4 with the 公文 margins (28 mm left, 26 mm right): 8845 twips. */
export const TEXT_WIDTH = 8845;
const TABLE_TEXT: RunProps = { font: "table", size: 20 };
const TABLE_NOTE: RunProps = { font: "note", size: 20 };
const BODY: RunProps = { font: "body", size: 32 };
const HEADER_FILL = "F2F2F2";
const DATA_FILL = "FFFFFF";

const body = (text: string) => paragraph({ firstLineChars: 2, lineExact: 560, align: "both", mark: BODY }, run(text, BODY));
const heading = (text: string) =>
  paragraph(
    { firstLineChars: 2, lineExact: 560, keepNext: true, outlineLevel: 0, mark: { font: "heading", size: 32 } },
    run(text, { font: "heading", size: 32 }),
  );
const subheading = (text: string) =>
  paragraph(
    { firstLineChars: 2, lineExact: 560, keepNext: true, outlineLevel: 1, mark: { font: "subheading", size: 32 } },
    run(text, { font: "subheading", size: 32 }),
  );

function labelParagraph(text: string, props: RunProps = TABLE_TEXT, align: "center" | "left" = "center"): string {
  return paragraph({ align, mark: props }, run(text, props));
}

/** Leaf count of a header node: how many grid columns (or rows) it spans. */
function breadth(node: HeaderNode): number {
  return node.children ? node.children.reduce((sum, child) => sum + breadth(child), 0) : 1;
}

function depth(nodes: readonly HeaderNode[]): number {
  return Math.max(0, ...nodes.map((node) => 1 + depth(node.children ?? [])));
}

const hasLabels = (nodes: readonly HeaderNode[]) => nodes.some((node) => node.label !== "");

interface Slot {
  column: number;
  span: number;
  merge?: "restart" | "continue";
  content: string;
}

class ControlIds {
  private next = 1000;
  take(): number {
    return this.next++;
  }
}

/** The column-header rows of a grid: groups span their leaves; a leaf above the bottom row spans down. */
function columnHeaderSlots(columns: readonly HeaderNode[], offset: number, levels: number): Slot[][] {
  const rows: Slot[][] = Array.from({ length: levels }, () => []);
  const visit = (nodes: readonly HeaderNode[], level: number, start: number) => {
    let column = start;
    for (const node of nodes) {
      const span = breadth(node);
      const spansDown = !node.children && level < levels - 1;
      rows[level]!.push({ column, span, merge: spansDown ? "restart" : undefined, content: labelParagraph(node.label) });
      if (spansDown)
        for (let below = level + 1; below < levels; below++) rows[below]!.push({ column, span, merge: "continue", content: "" });
      if (node.children) visit(node.children, level + 1, column);
      column += span;
    }
  };
  visit(columns, 0, offset);
  return rows;
}

/** The label cells of each data row: a group spans its rows (vMerge); a leaf above the last level spans right. */
function rowLabelSlots(rows: readonly HeaderNode[], levels: number): Slot[][] {
  const paths = leafPaths(rows);
  return paths.map((path, index) => {
    const slots: Slot[] = [];
    path.forEach((node, level) => {
      const isLeaf = level === path.length - 1;
      const span = isLeaf ? levels - level : 1;
      const first = index === 0 || paths[index - 1]![level] !== node;
      const merge = isLeaf ? undefined : first ? "restart" : "continue";
      slots.push({ column: level, span, merge, content: first ? labelParagraph(node.label, TABLE_TEXT, isLeaf ? "left" : "center") : "" });
    });
    return slots;
  });
}

function slotCells(slots: readonly Slot[], widths: readonly number[]): string[] {
  return [...slots]
    .sort((a, b) => a.column - b.column)
    .map((slot) => {
      const width = widths.slice(slot.column, slot.column + slot.span).reduce((a, b) => a + b, 0);
      return cell({ width, span: slot.span, vMerge: slot.merge, fill: HEADER_FILL }, ...(slot.content ? [slot.content] : []));
    });
}

function dataCell(
  table: TableDecl,
  rowPath: readonly HeaderNode[],
  columnPath: readonly HeaderNode[],
  width: number,
  span: number,
  ids: ControlIds,
): string {
  const tag = cellId(table.id, leafOf(rowPath).key ?? "", leafOf(columnPath).key ?? "");
  const title = [titleOf(rowPath), titleOf(columnPath)].filter((part) => part !== "").join(" · ");
  const content = paragraph({ align: "center", mark: TABLE_TEXT });
  return cell({ width, span, fill: DATA_FILL }, blockControl({ tag, title, id: ids.take(), locked: true }, content));
}

/** 表三 and 表四: one grid with a corner cell, nested column headers and nested row labels. */
function singleGridTable(decl: TableDecl, grid: GridDecl, labelWidths: readonly number[], ids: ControlIds): string {
  const labelLevels = hasLabels(grid.rows) ? depth(grid.rows) : 0;
  const columnLevels = depth(grid.columns);
  const leafColumns = leafPaths(grid.columns);
  const usedLabelWidths = labelWidths.slice(0, labelLevels);
  const dataWidth = Math.floor((TEXT_WIDTH - usedLabelWidths.reduce((a, b) => a + b, 0)) / leafColumns.length);
  const widths = [...usedLabelWidths, ...leafColumns.map(() => dataWidth)];

  const headerRows = columnHeaderSlots(grid.columns, labelLevels, columnLevels).map((slots, level) => {
    if (labelLevels > 0) {
      const corner = grid.corner ? labelParagraph(grid.corner, TABLE_NOTE) : "";
      slots.push({
        column: 0,
        span: labelLevels,
        merge: columnLevels > 1 ? (level === 0 ? "restart" : "continue") : undefined,
        content: level === 0 ? corner : "",
      });
    }
    return row(slotCells(slots, widths), { header: true });
  });
  const labelRows = rowLabelSlots(grid.rows, labelLevels);
  const dataRows = leafPaths(grid.rows).map((rowPath, index) => {
    const labels = labelLevels > 0 ? slotCells(labelRows[index]!, widths) : [];
    const values = leafColumns.map((columnPath) => dataCell(decl, rowPath, columnPath, dataWidth, 1, ids));
    return row([...labels, ...values]);
  });
  return table(widths, [...headerRows, ...dataRows]);
}

/** 表二: blocks under titles (第二十条第（一）项 …) sharing one grid of a label column and three value columns. */
function blockTable(decl: TableDecl, ids: ControlIds): string {
  const valueColumns = Math.max(...decl.grids.map((grid) => leafPaths(grid.columns).length));
  const labelWidth = 2645;
  const valueWidth = Math.floor((TEXT_WIDTH - labelWidth) / valueColumns);
  const widths = [labelWidth, ...Array.from({ length: valueColumns }, () => valueWidth)];
  // k columns in a block share the value columns; the last one takes what is left.
  const spans = (count: number) => Array.from({ length: count }, (_, index) => (index === count - 1 ? valueColumns - count + 1 : 1));
  const rows = decl.grids.flatMap((grid) => {
    const columns = leafPaths(grid.columns);
    const columnSpans = spans(columns.length);
    const titleRow = row([cell({ width: TEXT_WIDTH, span: valueColumns + 1, fill: HEADER_FILL }, labelParagraph(grid.title ?? ""))], {});
    const headerRow = row([
      cell({ width: labelWidth, fill: HEADER_FILL }, labelParagraph(grid.corner ?? "")),
      ...columns.map((path, index) =>
        cell({ width: valueWidth * columnSpans[index]!, span: columnSpans[index], fill: HEADER_FILL }, labelParagraph(titleOf(path))),
      ),
    ]);
    const dataRows = leafPaths(grid.rows).map((rowPath) =>
      row([
        cell({ width: labelWidth, fill: HEADER_FILL }, labelParagraph(leafOf(rowPath).label, TABLE_TEXT, "left")),
        ...columns.map((columnPath, index) =>
          dataCell(decl, rowPath, columnPath, valueWidth * columnSpans[index]!, columnSpans[index]!, ids),
        ),
      ]),
    );
    return [titleRow, headerRow, ...dataRows];
  });
  return table(widths, rows);
}

function tableXml(decl: TableDecl, ids: ControlIds): string {
  if (decl.grids.length > 1) return blockTable(decl, ids);
  const grid = decl.grids[0]!;
  return singleGridTable(decl, grid, [500, 800, 2245], ids);
}

const OVERVIEW_PARTS = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"];

/** The document body (paragraphs and tables) of a fresh report, without a section break. */
export function templateBody(format: FormatDecl, options: TemplateOptions): string {
  const { organization, year } = options;
  const ids = new ControlIds();
  const tables = new Map(format.tables.map((decl) => [decl.heading, decl]));
  const parts: string[] = [
    paragraph(
      { align: "center", lineExact: 700, after: 240, mark: { font: "title", size: 44 } },
      run(`${organization}${year}年政府信息公开工作年度报告`, { font: "title", size: 44 }),
    ),
    body(
      `本报告由${organization}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${format.issuedBy}的要求编制。` +
        `全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。` +
        `本报告中所列数据统计期限为${year}年1月1日至12月31日。如对本报告有疑问，请与${organization}联系（地址：          ，邮编：      ，电话：          ）。`,
    ),
  ];
  format.headings.forEach((headingText, index) => {
    parts.push(heading(headingText));
    const decl = tables.get(headingText);
    if (decl) {
      parts.push(tableXml(decl, ids), paragraph({ mark: BODY }));
      return;
    }
    if (index === 0) {
      for (const part of OVERVIEW_PARTS) parts.push(subheading(part), body(`（请概述本年度${part.replace(/^（.）/, "")}工作情况。）`));
    } else if (index === format.headings.length - 1) {
      parts.push(
        body(`${year}年，本机关依据《政府信息公开信息处理费管理办法》收取政府信息公开信息处理费    元。`),
        body("（其他需要报告的事项。）"),
      );
    } else {
      parts.push(body("（请填写本部分内容。）"));
    }
  });
  return parts.join("");
}

/** The template as a .docx file and as the flat-OPC string that the add-in hands to insertOoxml. */
export function templateDocx(format: FormatDecl, options: TemplateOptions): Uint8Array {
  return buildDocx(templateBody(format, options), `${options.organization}${options.year}年政府信息公开工作年度报告`);
}

export function templateFlatOpc(format: FormatDecl, options: TemplateOptions): string {
  return buildFlatOpc(templateBody(format, options));
}
