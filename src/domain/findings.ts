/**
 * Findings: what the checker says about a report, as data. A problem in the user's report is a finding, never an
 * exception. The Chinese wording of every finding is rendered in one place, `wording.ts`, from `detail`.
 */
import { TABLE_NAMES } from "./cells";
import type { CellDecl, Severity, SumRule, TableId } from "./formatModel";
import type { InvalidReason, ValueNote } from "./values";

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

/** Where something was found in the source, for messages: a line of a text file, a row of a .docx table. */
export type SourcePosition =
  | { kind: "line"; line: number }
  | { kind: "tableRow"; table: number; row: number }
  | { kind: "control" }
  | { kind: "page"; page: number; row: number };

/** A position as part of a finding's key; the words are those keys had before positions were data, so dismissals hold. */
export function positionKey(where: SourcePosition | null): string {
  if (!where) return "";
  switch (where.kind) {
    case "line":
      return `第 ${where.line} 行`;
    case "tableRow":
      return `表格 ${where.table} 第 ${where.row} 行`;
    case "page":
      return `第 ${where.page} 页第 ${where.row} 行`;
    case "control":
      return "内容控件";
  }
}

/** One term of a sum as the checker used it. */
export interface Term {
  id: string;
  value: number;
  /** Blank cells count as 0 and are said so. */
  blank: boolean;
  /** A placeholder (无, —, 不适用) counted as 0. */
  placeholder: string | null;
}

/** Why a row of numbers could not be placed in cells. */
export type UnplacedReason =
  | { reason: "noRow" }
  | { reason: "valueCount"; row: string; found: number; expected: number }
  | { reason: "duplicateRow"; row: string }
  | { reason: "outsideDataRow" };

/** The facts behind a finding; `wording.ts` turns each kind into one Chinese statement. */
export type FindingDetail =
  | {
      kind: "sum";
      shape: SumRule["shape"];
      target: Term;
      plus: Term[];
      minus: Term[];
      expected: number;
    }
  | { kind: "atMost"; left: Term; right: Term }
  | { kind: "unchecked"; ruleTarget: string; why: "missing" | "unusable"; problemCells: string[] }
  | { kind: "blank"; cell: string }
  | { kind: "placeholder"; cell: string; text: string }
  | { kind: "invalid"; cell: string; text: string; reason: InvalidReason }
  | { kind: "note"; cell: string; text: string; value: number; note: ValueNote }
  | { kind: "duplicate"; cell: string; texts: string[]; differ: boolean }
  | { kind: "unknownCell"; id: string; text: string; where: SourcePosition | null }
  | { kind: "nestedControl"; cell: string; inner: string }
  | { kind: "notAReport" }
  | { kind: "missingCells"; table: TableId; cells: string[] }
  | { kind: "unplaced"; table: TableId; where: SourcePosition | null; rowText: string; why: UnplacedReason }
  | { kind: "labelVariant"; table: TableId; where: SourcePosition | null; variant: string; label: string }
  | { kind: "oldLabel"; where: SourcePosition | null; variant: string; label: string; format: string; oldFormat: string }
  | { kind: "headingMissing"; section: number; heading: string }
  | { kind: "headingChanged"; section: number; heading: string; text: string; change: "renamed" | "renumbered" }
  | { kind: "titleMissing"; year: number | null; yearFrom: "override" | "text" | "none" }
  | { kind: "placeholderOrganization"; text: string }
  | { kind: "tableMissing"; table: TableId }
  | { kind: "outdatedFormat"; year: number; format: string; expected: string }
  | { kind: "newerFormat"; year: number; format: string; expected: string }
  | { kind: "oldLayout"; table: TableId; format: string; oldFormat: string; handling: "replaced" | "legacyRows" }
  | { kind: "carry"; cell: string; previousCell: string; now: number; before: number; previousYear: number }
  | { kind: "stock"; cell: string; now: number; before: number; plus: Term[]; minus: Term[]; expected: number }
  | { kind: "quoted"; quantity: string; context: string; quoted: number; tableValue: number; table: TableId };

export interface Finding {
  /** The spec's rule id (T3-A …), a value rule (T2-A, T3-D, T4-D), or FMT-* / READ-* (see docs in README). */
  rule: string;
  severity: Severity;
  category: FindingCategory;
  cells: FindingCell[];
  /** What the rule computes for the checked cell from the other cells. */
  expected: number | null;
  /** What the checked cell holds, whenever it reads as a number (also one its value rule rejects); else null. */
  actual: number | null;
  /** Table the finding belongs to, for grouping; null for the whole report. */
  table: TableId | null;
  /** Stable identity across checks: dismissals are stored by it. */
  key: string;
  /** The checked cell (a sum rule's total), if any. */
  target?: string;
  /** A cell the numbers single out as the one most likely wrong, with the value that would fix every rule it breaks. */
  likely?: { id: string; value: number };
  detail: FindingDetail;
}

export function findingCell(cell: CellDecl, text: string | null): FindingCell {
  return { id: cell.id, table: TABLE_NAMES[cell.table], row: cell.rowLabel, column: cell.columnLabel, text };
}

/** A finding about the report's format (FMT-*) or about reading it (READ-*), not tied to cells. */
export function readFinding(rule: string, severity: Severity, table: TableId | null, key: string, detail: FindingDetail): Finding {
  return {
    rule,
    severity,
    category: rule.startsWith("FMT-") ? "format" : "read",
    cells: [],
    expected: null,
    actual: null,
    table,
    key,
    detail,
  };
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

/** Broken sums whose numbers single out one cell: one problem, one cell to change, every sum it mends. */
export interface CellFix {
  id: string;
  /** The value that mends every sum in `findings`. */
  value: number;
  /** What the cell holds now. */
  text: string | null;
}

/** Findings shown together: one cell that explains several broken sums, or a table's 175 blank cells in one line. */
export interface FindingGroup {
  table: TableId | null;
  /** Stable identity of the group, for lists and their open/closed state. */
  id: string;
  findings: Finding[];
  /** Several findings of one kind folded into one line ("blank", "placeholder" …); null otherwise. */
  fold: { kind: string; severity: Severity } | null;
  /** Set when the findings are the sums that one cell breaks. */
  fix: CellFix | null;
}

function foldKind(finding: Finding): string | null {
  if (finding.category === "unchecked") return `${finding.rule}:unchecked`;
  if (finding.category !== "value") return null;
  const detail = finding.detail;
  if (detail.kind === "note") return `${finding.rule}:${detail.note.kind}`;
  if (detail.kind === "invalid") return `${finding.rule}:${detail.reason}`;
  return `${finding.rule}:${detail.kind}`;
}

/** The cell a broken sum's numbers single out, with the typed text. */
function fixOf(finding: Finding): CellFix | null {
  if (!finding.likely) return null;
  const text = finding.cells.find((cell) => cell.id === finding.likely!.id)?.text ?? null;
  return { id: finding.likely.id, value: finding.likely.value, text };
}

/**
 * Groups sorted findings by table: the sums that one likely cell breaks become one group (shown once, as one
 * problem), and more than `threshold` findings of one kind (same rule and kind of value problem) fold into one group
 * that a reader can open.
 */
export function groupFindings(findings: readonly Finding[], threshold = 3): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byKey = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const fix = fixOf(finding);
    const kind = fix ? null : foldKind(finding);
    const groupKey = fix ? `fix:${fix.id}` : kind ? `${finding.table ?? "none"}:${kind}` : null;
    const existing = groupKey ? byKey.get(groupKey) : undefined;
    if (existing) {
      existing.findings.push(finding);
      continue;
    }
    const group: FindingGroup = {
      table: finding.table,
      id: groupKey ?? finding.key,
      findings: [finding],
      fold: kind ? { kind, severity: finding.severity } : null,
      fix,
    };
    groups.push(group);
    if (groupKey) byKey.set(groupKey, group);
  }
  return groups.flatMap((group): FindingGroup[] => {
    if (group.fix || group.fold === null || group.findings.length > threshold) return [group];
    return group.findings.map((finding) => ({ table: group.table, id: finding.key, findings: [finding], fold: null, fix: null }));
  });
}

/** How many sums break, and how many of them a single cell each explains (with how many cells that takes). */
export function brokenSumSummary(findings: readonly Finding[]): { broken: number; explained: number; cellsToFix: number } {
  const sums = findings.filter((finding) => finding.detail.kind === "sum" && finding.severity === "error");
  const explained = sums.filter((finding) => finding.likely);
  return { broken: sums.length, explained: explained.length, cellsToFix: new Set(explained.map((finding) => finding.likely!.id)).size };
}
