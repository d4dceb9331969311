/** Findings: what the checker says about a report. A problem in the user's report is a finding, never an exception. */
import { TABLE_NAMES } from "./cells";
import type { CellDecl, Severity, TableId } from "./model";

export interface FindingCell {
  id: string;
  /** 表二 / 表三 / 表四 */
  table: string;
  row: string;
  column: string;
  /** The text as typed; null where the cell was not found. */
  text: string | null;
}

export type FindingCategory = "rule" | "value" | "unchecked" | "format" | "read";

export interface Finding {
  /** The spec's rule id (T3-A …), a value rule (T2-A, T3-D, T4-D), or FMT-* / READ-* (see docs in README). */
  rule: string;
  severity: Severity;
  category: FindingCategory;
  message: string;
  cells: FindingCell[];
  /** What the rule computes for the checked cell from the other cells. */
  expected: number | null;
  /** What the checked cell holds. */
  actual: number | null;
  /** Table the finding belongs to, for grouping; null for the whole report. */
  table: TableId | null;
  /** Stable identity across checks: dismissals are stored by it. */
  key: string;
  /** The checked cell (a sum rule's total), if any. */
  target?: string;
  /** A cell the numbers single out as the one most likely wrong, with the value that would fix every rule it breaks. */
  likely?: { id: string; value: number };
}

export function findingCell(cell: CellDecl, text: string | null): FindingCell {
  return { id: cell.id, table: TABLE_NAMES[cell.table], row: cell.rowLabel, column: cell.columnLabel, text };
}

/** 表三“（一）予以公开”行“自然人”列 — how a clerk finds a cell on paper. */
export function describeCell(cell: CellDecl): string {
  const table = TABLE_NAMES[cell.table];
  if (cell.rowLabel === "") return `${table}“${cell.columnLabel}”`;
  if (cell.table === "t3") return `${table}“${cell.rowLabel}”行“${shortColumnLabel(cell)}”列`;
  return `${table}“${cell.rowLabel}”的“${cell.columnLabel}”`;
}

/** 表三's column names are unique without their group (商业企业, not 法人或其他组织 · 商业企业). */
export function shortColumnLabel(cell: CellDecl): string {
  return cell.table === "t3" ? cell.columnPath[cell.columnPath.length - 1]!.label : cell.columnLabel;
}

const TABLE_ORDER: Record<string, number> = { none: 0, t2: 1, t3: 2, t4: 3 };

/** Report-wide findings first, then table by table; errors before warnings; then in document order. */
export function sortFindings(findings: readonly Finding[], cellOrder: (id: string) => number): Finding[] {
  const firstCell = (finding: Finding) =>
    finding.target ? cellOrder(finding.target) : Math.min(...finding.cells.map((cell) => cellOrder(cell.id)), Number.MAX_SAFE_INTEGER);
  return [...findings].sort(
    (a, b) =>
      (TABLE_ORDER[a.table ?? "none"] ?? 9) - (TABLE_ORDER[b.table ?? "none"] ?? 9) ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      firstCell(a) - firstCell(b),
  );
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}
