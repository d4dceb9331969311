/**
 * Cell ids: the public interface between the format, the documents and the add-in.
 *
 *   t{table}.{row}.{column}
 *
 * - table: 2, 3 or 4 (表二, 表三, 表四).
 * - row: the leaf row key. 表三 uses the official numbering: "1" = 一、本年新收…, "3-3-1" = 三（三）1.属于国家秘密,
 *   "3-7" = （七）总计, "4" = 四、结转下年度继续办理. 表二 uses short English names (regulations, licensing …).
 *   表四 has no row part: its one data row is named by the column group (review, suit-direct, suit-after-review).
 * - column: the leaf column key (natural, commercial, … total; issued, repealed, in-force …).
 *
 * Ids are lower-case ASCII, digits, "-" and "." only: `isCellId` tells them from any other tag.
 * Once published an id never changes meaning; a new format revision adds ids, it does not reuse them.
 */
import type { CellDecl, FormatDecl, GridDecl, HeaderNode, TableDecl, TableId } from "./formatModel";

export const CELL_ID_PATTERN = /^t[234](\.[a-z0-9][a-z0-9-]*){1,2}$/;

export function isCellId(tag: string): boolean {
  return CELL_ID_PATTERN.test(tag);
}

export function cellId(table: TableId, rowKey: string, columnKey: string): string {
  return [table, rowKey, columnKey].filter((part) => part !== "").join(".");
}

/** Leaf paths of a header tree, each as the list of nodes from the top. */
export function leafPaths(nodes: readonly HeaderNode[], above: readonly HeaderNode[] = []): HeaderNode[][] {
  return nodes.flatMap((node) => {
    const path = [...above, node];
    return node.children ? leafPaths(node.children, path) : [path];
  });
}

export function leafOf(path: readonly HeaderNode[]): HeaderNode {
  const leaf = path[path.length - 1];
  if (!leaf) throw new Error("empty header path");
  return leaf;
}

export function titleOf(path: readonly HeaderNode[]): string {
  return path
    .filter((node) => !node.omitFromTitle && node.label !== "")
    .map((node) => node.label)
    .join(" · ");
}

function gridCells(table: TableDecl, grid: GridDecl, gridIndex: number): CellDecl[] {
  const cells: CellDecl[] = [];
  for (const rowPath of leafPaths(grid.rows)) {
    for (const columnPath of leafPaths(grid.columns)) {
      const row = leafOf(rowPath);
      const column = leafOf(columnPath);
      const rowLabel = titleOf(rowPath);
      const columnLabel = titleOf(columnPath);
      cells.push({
        id: cellId(table.id, row.key ?? "", column.key ?? ""),
        table: table.id,
        gridIndex,
        rowPath,
        columnPath,
        valueType: column.valueType ?? "count",
        unit: column.unit ?? null,
        rowLabel,
        columnLabel,
        title: [rowLabel, columnLabel].filter((part) => part !== "").join(" · "),
      });
    }
  }
  return cells;
}

export function tableCells(table: TableDecl): CellDecl[] {
  return table.grids.flatMap((grid, index) => gridCells(table, grid, index));
}

const cellCache = new WeakMap<FormatDecl, { list: CellDecl[]; byId: Map<string, CellDecl> }>();

function cellIndex(format: FormatDecl) {
  let index = cellCache.get(format);
  if (!index) {
    const list = format.tables.flatMap(tableCells);
    index = { list, byId: new Map(list.map((cell) => [cell.id, cell])) };
    cellCache.set(format, index);
  }
  return index;
}

/** Every data cell of a format, in document order (table by table, row by row). */
export function formatCells(format: FormatDecl): readonly CellDecl[] {
  return cellIndex(format).list;
}

export function findCell(format: FormatDecl, id: string): CellDecl | undefined {
  return cellIndex(format).byId.get(id);
}

export const TABLE_NAMES: Record<TableId, string> = { t2: "表二", t3: "表三", t4: "表四" };
