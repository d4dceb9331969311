/**
 * The checker: from the cells a reader found to the sorted list of findings. Pure: no I/O, no host.
 */
import { findCell, formatCells } from "./cells";
import { countBySeverity, findingCell, readFinding, sortFindings, type Finding, type Term } from "./findings";
import { FORMATS, formatById, formatForYear, newestFormat, type FormatId } from "./formats";
import type { CellDecl, FormatDecl, OrderRule, RuleDecl, SumRule } from "./formatModel";
import type { CellReading, ReportReading } from "./reading";
import { textFindings } from "./textChecks";
import { findingsForValue } from "./valueFindings";
import { arithmeticValue, parseCellText, roundAmount, typedNumber, type ParsedValue } from "./values";

export type { CellReading, ReportReading } from "./reading";

export interface CheckResult {
  format: FormatId;
  year: number | null;
  organization: string | null;
  cellsRead: number;
  cellsExpected: number;
  findings: Finding[];
  /** Findings the user dismissed earlier; they still hold, but are not counted. */
  dismissed: Finding[];
  errors: number;
  warnings: number;
  /** The value of each cell found, as used in arithmetic (null: not a usable number), for checks across reports. */
  values: Record<string, number | null>;
}

interface CellState {
  decl: CellDecl;
  text: string;
  parsed: ParsedValue;
  /** null: present but not usable in arithmetic. */
  value: number | null;
}

export function resolveFormat(reading: Pick<ReportReading, "format" | "year">): FormatDecl<FormatId> {
  if (reading.format) return formatById(reading.format);
  return reading.year !== null ? formatForYear(reading.year) : newestFormat();
}

/** An agency name left as a template's placeholder: （机关名称）, ××市××局, XX局. */
const PLACEHOLDER_ORGANIZATION = /^[（(]?(?:机关名称|单位名称|本机关)[)）]?$|[×＊]{2,}|^[xX]{2,}/;

export function isPlaceholderOrganization(name: string): boolean {
  return PLACEHOLDER_ORGANIZATION.test(name.trim());
}

function organizationFindings(organization: string | null): Finding[] {
  if (organization === null || !isPlaceholderOrganization(organization)) return [];
  return [
    readFinding("FMT-ORG-PLACEHOLDER", "warning", null, "FMT-ORG-PLACEHOLDER", { kind: "placeholderOrganization", text: organization }),
  ];
}

/** Main format first, then the others: a report may hold parts of a superseded format. */
function lookupCell(main: FormatDecl, id: string): CellDecl | undefined {
  return findCell(main, id) ?? FORMATS.map((format) => findCell(format, id)).find((cell) => cell !== undefined);
}

export function checkReport(reading: ReportReading): CheckResult {
  const format = resolveFormat(reading);
  const findings: Finding[] = [...reading.findings, ...organizationFindings(reading.organization)];
  const cells = readCells(format, reading.cells, findings);
  const explained = new Set(reading.explainedMissing ?? []);
  const rules = rulesToEvaluate(format, cells, explained);
  const ruleFindings = rules.flatMap((rule) => evaluateRule(rule, cells, explained));
  markLikelyCells(ruleFindings, cells);
  const values = Object.fromEntries([...cells].map(([id, cell]) => [id, cell.value]));
  findings.push(
    ...ruleFindings,
    ...missingCellFindings(format, cells, explained),
    ...textFindings(format, reading.paragraphs ?? [], values),
  );

  const order = new Map(formatCells(format).map((cell, index) => [cell.id, index]));
  const dismissedKeys = new Set(reading.dismissed ?? []);
  const sorted = sortFindings(
    findings.filter((finding) => !dismissedKeys.has(finding.key)),
    (id) => order.get(id) ?? order.size,
  );
  const dismissed = sortFindings(
    findings.filter((finding) => dismissedKeys.has(finding.key)),
    (id) => order.get(id) ?? order.size,
  );
  const expectedIds = formatCells(format).map((cell) => cell.id);
  return {
    format: format.id,
    year: reading.year,
    organization: reading.organization,
    cellsRead: expectedIds.filter((id) => cells.has(id)).length,
    cellsExpected: expectedIds.length,
    findings: sorted,
    dismissed,
    ...countBySeverity(sorted),
    values,
  };
}

function readCells(format: FormatDecl, readings: readonly CellReading[], findings: Finding[]): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  const seen = new Map<string, CellReading[]>();
  for (const reading of readings) seen.set(reading.id, [...(seen.get(reading.id) ?? []), reading]);

  for (const [id, copies] of seen) {
    const decl = lookupCell(format, id);
    if (!decl) {
      findings.push(unknownCellFinding(id, copies[0]!));
      continue;
    }
    const texts = [...new Set(copies.map((copy) => copy.text.trim()))];
    if (copies.length > 1) findings.push(duplicateFinding(decl, copies, texts.length > 1));
    const text = copies[0]!.text;
    const parsed = parseCellText(text, decl.valueType, decl.unit);
    const table =
      format.tables.find((candidate) => candidate.id === decl.table) ??
      newestFormat().tables.find((candidate) => candidate.id === decl.table)!;
    findings.push(...findingsForValue(table.valueRule, decl, text, parsed));
    // Differing copies: we cannot know which one the user means, so no arithmetic on it.
    const value = texts.length > 1 ? null : arithmeticValue(parsed);
    cells.set(id, { decl, text, parsed, value });
  }
  return cells;
}

function unknownCellFinding(id: string, reading: CellReading): Finding {
  return readFinding("READ-UNKNOWN-CELL", "warning", null, `READ-UNKNOWN-CELL:${id}`, {
    kind: "unknownCell",
    id,
    text: reading.text,
    where: reading.where ?? null,
  });
}

function duplicateFinding(decl: CellDecl, copies: readonly CellReading[], differ: boolean): Finding {
  return {
    rule: "READ-DUPLICATE-CELL",
    severity: differ ? "error" : "warning",
    category: "read",
    cells: copies.map((copy) => findingCell(decl, copy.text)),
    expected: null,
    actual: null,
    table: decl.table,
    key: `READ-DUPLICATE-CELL:${decl.id}`,
    target: decl.id,
    detail: { kind: "duplicate", cell: decl.id, texts: copies.map((copy) => copy.text), differ },
  };
}

/**
 * The main format's rules, with superseded rows standing in for the rows that replaced them, plus the rules of
 * other formats over cells of theirs that the report does hold (a 2019 表二 in a 2021 report is still checked).
 */
function rulesToEvaluate(format: FormatDecl, cells: Map<string, CellState>, explained: Set<string>): RuleDecl[] {
  const substitutions = new Map<string, string>();
  for (const legacy of format.legacyCells) {
    if (cells.has(legacy.legacy) && legacy.replaces.every((id) => !cells.has(id))) {
      legacy.replaces.forEach((id, index) => substitutions.set(id, index === 0 ? legacy.legacy : ""));
      legacy.replaces.forEach((id) => explained.add(id));
    }
  }
  const substitute = (ids: readonly string[]) => ids.map((id) => substitutions.get(id) ?? id).filter((id) => id !== "");
  const main = format.rules.map((rule) =>
    rule.kind === "sum" ? { ...rule, plus: substitute(rule.plus), minus: substitute(rule.minus) } : rule,
  );
  const keys = new Set(main.map(ruleKey));
  const foreign = FORMATS.filter((other) => other !== format)
    .flatMap((other) => other.rules)
    .filter((rule) => !keys.has(ruleKey(rule)) && ruleCells(rule).every((id) => cells.has(id)));
  return [...main, ...foreign];
}

function ruleKey(rule: RuleDecl): string {
  return rule.kind === "sum" ? `${rule.id}:${rule.target}` : `${rule.id}:${rule.left}:${rule.right}`;
}

function ruleCells(rule: RuleDecl): string[] {
  return rule.kind === "sum" ? [rule.target, ...rule.plus, ...rule.minus] : [rule.left, rule.right];
}

function evaluateRule(rule: RuleDecl, cells: Map<string, CellState>, explained: Set<string>): Finding[] {
  const ids = ruleCells(rule);
  const missing = ids.filter((id) => !cells.has(id));
  if (missing.length > 0) {
    return missing.every((id) => explained.has(id)) ? [] : [uncheckedFinding(rule, cells, missing, "missing")];
  }
  const unusable = ids.filter((id) => cells.get(id)!.value === null);
  if (unusable.length > 0) return [uncheckedFinding(rule, cells, unusable, "unusable")];
  return rule.kind === "sum" ? evaluateSum(rule, cells) : evaluateOrder(rule, cells);
}

function uncheckedFinding(rule: RuleDecl, cells: Map<string, CellState>, problem: string[], why: "missing" | "unusable"): Finding {
  const target = rule.kind === "sum" ? rule.target : rule.left;
  const decl = cells.get(target)?.decl ?? lookupCell(newestFormat(), target);
  return {
    rule: rule.id,
    severity: "warning",
    category: "unchecked",
    cells: ruleCells(rule)
      .map((id) => cells.get(id))
      .filter((cell): cell is CellState => cell !== undefined)
      .map((cell) => findingCell(cell.decl, cell.text)),
    expected: null,
    actual: null,
    table: decl?.table ?? null,
    key: `${ruleKey(rule)}:unchecked`,
    target,
    detail: { kind: "unchecked", ruleTarget: target, why, problemCells: problem },
  };
}

function termOf(id: string, cells: Map<string, CellState>): Term {
  const cell = cells.get(id)!;
  return {
    id,
    value: cell.value ?? 0,
    blank: cell.parsed.status === "blank",
    placeholder: cell.parsed.status === "placeholder" ? cell.text.trim() : null,
  };
}

function sumOf(terms: readonly Term[]): number {
  return roundAmount(terms.reduce((total, term) => total + term.value, 0));
}

function evaluateSum(rule: SumRule, cells: Map<string, CellState>): Finding[] {
  const target = cells.get(rule.target)!;
  const plus = rule.plus.map((id) => termOf(id, cells));
  const minus = rule.minus.map((id) => termOf(id, cells));
  const expected = roundAmount(sumOf(plus) - sumOf(minus));
  if (expected === target.value) return [];
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      category: "rule",
      cells: [rule.target, ...rule.plus, ...rule.minus].map((id) => findingCell(cells.get(id)!.decl, cells.get(id)!.text)),
      expected,
      actual: typedNumber(target.parsed),
      table: target.decl.table,
      key: ruleKey(rule),
      target: rule.target,
      detail: { kind: "sum", shape: rule.shape, target: termOf(rule.target, cells), plus, minus, expected },
    },
  ];
}

function evaluateOrder(rule: OrderRule, cells: Map<string, CellState>): Finding[] {
  const left = cells.get(rule.left)!;
  const right = cells.get(rule.right)!;
  if (left.value! <= right.value!) return [];
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      category: "rule",
      cells: [findingCell(left.decl, left.text), findingCell(right.decl, right.text)],
      expected: right.value,
      actual: left.value,
      table: left.decl.table,
      key: ruleKey(rule),
      target: rule.left,
      detail: { kind: "atMost", left: termOf(rule.left, cells), right: termOf(rule.right, cells) },
    },
  ];
}

/**
 * Where one cell sits in two or more broken sums and the same new value for it would mend all of them, the
 * numbers point at it. Otherwise we say nothing: naming a culprit the numbers do not single out would mislead.
 */
function markLikelyCells(findings: Finding[], cells: Map<string, CellState>): void {
  const broken = findings.filter((finding) => finding.detail.kind === "sum");
  const fixes = new Map<string, { value: number; findings: Finding[]; consistent: boolean }>();
  for (const finding of broken) {
    const detail = finding.detail as Extract<Finding["detail"], { kind: "sum" }>;
    // target = Σ plus − Σ minus is off by `residual`: moving the target, a plus term or a minus term mends it.
    const residual = roundAmount(detail.target.value - detail.expected);
    const moves: [string, number][] = [
      [detail.target.id, -residual],
      ...detail.plus.map((term): [string, number] => [term.id, residual]),
      ...detail.minus.map((term): [string, number] => [term.id, -residual]),
    ];
    for (const [id, change] of moves) {
      const cell = cells.get(id)!;
      const value = roundAmount((cell.value ?? 0) + change);
      const entry = fixes.get(id);
      if (!entry) fixes.set(id, { value, findings: [finding], consistent: value >= 0 || cell.decl.valueType === "signedCount" });
      else {
        entry.findings.push(finding);
        entry.consistent &&= entry.value === value;
      }
    }
  }
  const candidates = [...fixes.entries()].filter(([, entry]) => entry.consistent && entry.findings.length >= 2);
  for (const finding of broken) {
    const mine = candidates.filter(([, entry]) => entry.findings.includes(finding));
    if (mine.length !== 1) continue;
    const [id, entry] = mine[0]!;
    finding.likely = { id, value: entry.value };
  }
}

function missingCellFindings(format: FormatDecl, cells: Map<string, CellState>, explained: Set<string>): Finding[] {
  return format.tables.flatMap((table) => {
    const missing = formatCells(format).filter((cell) => cell.table === table.id && !cells.has(cell.id) && !explained.has(cell.id));
    if (missing.length === 0) return [];
    return [
      {
        rule: "READ-MISSING-CELLS",
        severity: "warning" as const,
        category: "read" as const,
        cells: missing.map((cell) => findingCell(cell, null)),
        expected: null,
        actual: null,
        table: table.id,
        key: `READ-MISSING-CELLS:${table.id}`,
        detail: { kind: "missingCells" as const, table: table.id, cells: missing.map((cell) => cell.id) },
      },
    ];
  });
}
