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

/** Findings of one kind shown together: a table's 175 blank cells are one line, not 175. */
export interface FindingGroup {
  table: TableId | null;
  /** Stable identity of the group, for lists and their open/closed state. */
  id: string;
  findings: Finding[];
  /** A one-line summary when several findings were folded together; null for a single finding. */
  summary: string | null;
}

const KIND_TEXT: Record<string, string> = {
  blank: "个空白单元格（计算时按 0 计）",
  "zero-mark": "个单元格填写“无”“—”等（按 0 计）",
  unit: "个单元格写了单位",
  annotation: "个单元格数字后附有文字",
  fullWidth: "个单元格使用全角数字",
};

function kindOf(finding: Finding): string | null {
  if (finding.category === "unchecked") return `${finding.rule}:unchecked`;
  if (finding.category === "value") return `${finding.rule}:${finding.key.split(":").pop()}`;
  return null;
}

function summaryOf(kind: string, count: number): string {
  if (kind.endsWith(":unchecked")) return `${count} 项核对无法进行`;
  const suffix = kind.split(":").pop()!;
  return `${count} ${KIND_TEXT[suffix] ?? "个单元格有同类问题"}`;
}

/**
 * Groups sorted findings by table, folding more than `threshold` findings of one kind (same rule and kind of value
 * problem) into one group that a reader can open.
 */
export function groupFindings(findings: readonly Finding[], threshold = 3): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byKind = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const kind = kindOf(finding);
    const groupKey = kind ? `${finding.table ?? "none"}:${kind}` : null;
    const existing = groupKey ? byKind.get(groupKey) : undefined;
    if (existing) {
      existing.findings.push(finding);
      continue;
    }
    const group: FindingGroup = { table: finding.table, id: groupKey ?? finding.key, findings: [finding], summary: null };
    groups.push(group);
    if (groupKey) byKind.set(groupKey, group);
  }
  return groups.flatMap((group): FindingGroup[] => {
    if (group.findings.length <= threshold) {
      return group.findings.map((finding) => ({ table: group.table, id: finding.key, findings: [finding], summary: null }));
    }
    return [{ ...group, summary: summaryOf(group.id.slice(group.id.indexOf(":") + 1), group.findings.length) }];
  });
}
