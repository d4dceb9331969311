/**
 * Builders that turn a table declaration into rule instances. The rules themselves are data (SumRule, OrderRule);
 * these only spare each format file from listing 200 cell ids by hand.
 */
import { cellId, leafOf, leafPaths } from "../cells";
import type { GridDecl, HeaderNode, OrderRule, SumRule, TableId } from "../formatModel";

function leafKeys(nodes: readonly HeaderNode[]): string[] {
  return leafPaths(nodes).map((path) => leafOf(path).key ?? "");
}

/** Keys of the leaf rows under the group whose label is `groupLabel`. */
export function leafKeysUnder(nodes: readonly HeaderNode[], groupLabel: string): string[] {
  for (const node of nodes) {
    if (node.label === groupLabel) return leafKeys(node.children ?? [node]);
    if (node.children) {
      const found = leafKeysUnder(node.children, groupLabel);
      if (found.length > 0) return found;
    }
  }
  return [];
}

/** For every row: the total column equals the sum of the other columns (T3-C). */
export function rowTotals(id: string, table: TableId, grid: GridDecl, totalColumn: string): SumRule[] {
  const columns = leafKeys(grid.columns);
  return leafKeys(grid.rows).map((row) => ({
    kind: "sum",
    id,
    severity: "error",
    shape: "rowTotal",
    target: cellId(table, row, totalColumn),
    plus: columns.filter((column) => column !== totalColumn).map((column) => cellId(table, row, column)),
    minus: [],
  }));
}

/** For every column: the total row equals the sum of the given rows (T3-B). */
export function columnTotals(id: string, table: TableId, grid: GridDecl, totalRow: string, partRows: readonly string[]): SumRule[] {
  return leafKeys(grid.columns).map((column) => ({
    kind: "sum",
    id,
    severity: "error",
    shape: "columnTotal",
    target: cellId(table, totalRow, column),
    plus: partRows.map((row) => cellId(table, row, column)),
    minus: [],
  }));
}

/**
 * For every column: carried forward = received + carried over − handled (T3-A, printed in the table's corner as
 * 第一项加第二项之和，等于第三项加第四项之和).
 */
export function balances(
  id: string,
  table: TableId,
  grid: GridDecl,
  rows: { received: string; carriedOver: string; handled: string; carriedForward: string },
): SumRule[] {
  return leafKeys(grid.columns).map((column) => ({
    kind: "sum",
    id,
    severity: "error",
    shape: "balance",
    target: cellId(table, rows.carriedForward, column),
    plus: [cellId(table, rows.received, column), cellId(table, rows.carriedOver, column)],
    minus: [cellId(table, rows.handled, column)],
  }));
}

/** Within one row, groups of columns "<group>.<part>" whose "<group>.total" is the sum of the parts (T4-A). */
export function groupTotals(id: string, table: TableId, grid: GridDecl, groups: readonly string[]): SumRule[] {
  const columns = leafKeys(grid.columns);
  return leafKeys(grid.rows).flatMap((row) =>
    groups.map((group) => ({
      kind: "sum" as const,
      id,
      severity: "error" as const,
      shape: "groupTotal" as const,
      target: cellId(table, row, `${group}.total`),
      plus: columns
        .filter((column) => column.startsWith(`${group}.`) && column !== `${group}.total`)
        .map((column) => cellId(table, row, column)),
      minus: [],
    })),
  );
}

export function atMost(id: string, left: string, right: string): OrderRule {
  return { kind: "atMost", id, severity: "warning", left, right };
}
