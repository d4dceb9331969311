/**
 * The checker: from the cells a reader found to the sorted list of findings. Pure: no I/O, no host.
 */
import { findCell, formatCells, TABLE_NAMES } from "./cells";
import { countBySeverity, describeCell, findingCell, shortColumnLabel, sortFindings, type Finding } from "./findings";
import { FORMATS, formatById, formatForYear } from "./formats";
import type { CellDecl, FormatDecl, FormatId, OrderRule, RuleDecl, SumRule } from "./model";
import { textFindings } from "./textChecks";
import { findingsForValue } from "./valueFindings";
import { arithmeticValue, formatNumber, parseCellText, roundAmount, type ParsedValue } from "./values";

/** One cell as a reader found it. */
export interface CellReading {
  id: string;
  text: string;
  /** Where it was found (a line number, a table position), for messages. */
  where?: string;
  /** The host's handle on the cell (a .docx table cell), passed through untouched. */
  source?: unknown;
}

/** What a reader hands the checker. */
export interface ReportReading {
  /** The format the report's labels follow; null when the reader could not tell. */
  format: FormatId | null;
  year: number | null;
  organization: string | null;
  cells: readonly CellReading[];
  /** Findings the reader made itself: FMT-* (format) and READ-* (placing, controls). */
  findings: readonly Finding[];
  /** Cells of the format that are absent for a reason a finding already gives (a superseded table, say). */
  explainedMissing?: readonly string[];
  /** Keys of findings the user dismissed (stored in the document): reported apart, not counted. */
  dismissed?: readonly string[];
  /** The report's text outside the tables, for the checks of figures quoted in it (TX-1). */
  paragraphs?: readonly string[];
}

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

export function resolveFormat(reading: Pick<ReportReading, "format" | "year">): FormatDecl {
  if (reading.format) return formatById(reading.format);
  return reading.year !== null ? formatForYear(reading.year) : FORMATS[0]!;
}

/** Main format first, then the others: a report may hold parts of a superseded format. */
function lookupCell(main: FormatDecl, id: string): CellDecl | undefined {
  return findCell(main, id) ?? FORMATS.map((format) => findCell(format, id)).find((cell) => cell !== undefined);
}

export function checkReport(reading: ReportReading): CheckResult {
  const format = resolveFormat(reading);
  const findings: Finding[] = [...reading.findings];
  const cells = readCells(format, reading.cells, findings);
  const explained = new Set(reading.explainedMissing ?? []);
  const rules = rulesToEvaluate(format, cells, explained);
  const ruleFindings = rules.flatMap((rule) => evaluateRule(rule, cells, explained));
  markLikelyCells(ruleFindings, cells);
  const values = Object.fromEntries([...cells].map(([id, cell]) => [id, cell.value]));
  findings.push(...ruleFindings, ...missingCellFindings(format, cells, explained), ...textFindings(format, reading.paragraphs ?? [], values));

  const order = new Map(formatCells(format).map((cell, index) => [cell.id, index]));
  const dismissedKeys = new Set(reading.dismissed ?? []);
  const sorted = sortFindings(findings.filter((finding) => !dismissedKeys.has(finding.key)), (id) => order.get(id) ?? order.size);
  const dismissed = sortFindings(findings.filter((finding) => dismissedKeys.has(finding.key)), (id) => order.get(id) ?? order.size);
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
    const table = format.tables.find((candidate) => candidate.id === decl.table) ?? FORMATS[0]!.tables[0]!;
    findings.push(...findingsForValue(table.valueRule, decl, text, parsed));
    // Differing copies: we cannot know which one the user means, so no arithmetic on it.
    const value = texts.length > 1 ? null : arithmeticValue(parsed);
    cells.set(id, { decl, text, parsed, value });
  }
  return cells;
}

function unknownCellFinding(id: string, reading: CellReading): Finding {
  return {
    rule: "READ-UNKNOWN-CELL",
    severity: "warning",
    category: "read",
    message: `发现未知的单元格标记“${id}”${reading.where ? `（${reading.where}）` : ""}，其内容“${reading.text.trim()}”未参与核对`,
    cells: [],
    expected: null,
    actual: null,
    table: null,
    key: `READ-UNKNOWN-CELL:${id}`,
  };
}

function duplicateFinding(decl: CellDecl, copies: readonly CellReading[], differ: boolean): Finding {
  const texts = copies.map((copy) => `“${copy.text.trim()}”`).join("、");
  return {
    rule: "READ-DUPLICATE-CELL",
    severity: differ ? "error" : "warning",
    category: "read",
    message: differ
      ? `${describeCell(decl)}出现了 ${copies.length} 次，内容不同（${texts}），无法确定以哪个为准，相关核对已跳过；请删除多余的一份`
      : `${describeCell(decl)}出现了 ${copies.length} 次（${texts}），请删除多余的一份`,
    cells: copies.map((copy) => findingCell(decl, copy.text)),
    expected: null,
    actual: null,
    table: decl.table,
    key: `READ-DUPLICATE-CELL:${decl.id}`,
    target: decl.id,
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
  const substitute = (ids: readonly string[]) =>
    ids.map((id) => substitutions.get(id) ?? id).filter((id) => id !== "");
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
  const decl = cells.get(target)?.decl ?? lookupCell(FORMATS[0]!, target);
  const names = problem.map((id) => {
    const cell = cells.get(id)?.decl ?? lookupCell(FORMATS[0]!, id);
    return cell ? describeCell(cell) : id;
  });
  const shown = names.length > 3 ? `${names.slice(0, 3).join("、")}等 ${names.length} 个单元格` : names.join("、");
  const reason = why === "missing" ? `未找到${shown}` : `${shown}不是有效数字`;
  return {
    rule: rule.id,
    severity: "warning",
    category: "unchecked",
    message: `${decl ? describeCell(decl) : target}无法按 ${rule.id} 核对：${reason}`,
    cells: ruleCells(rule)
      .map((id) => cells.get(id))
      .filter((cell): cell is CellState => cell !== undefined)
      .map((cell) => findingCell(cell.decl, cell.text)),
    expected: null,
    actual: null,
    table: decl?.table ?? null,
    key: `${ruleKey(rule)}:unchecked`,
    target,
  };
}

function sumOf(ids: readonly string[], cells: Map<string, CellState>): number {
  return roundAmount(ids.reduce((total, id) => total + (cells.get(id)!.value ?? 0), 0));
}

/** More non-zero terms than this are cut with "…" so that a message stays readable in a narrow pane. */
const MAX_TERMS_SHOWN = 6;

/** "自然人 4 + 商业企业 3，其余为 0": the non-zero terms, so a long sum stays readable. */
function explainTerms(ids: readonly string[], cells: Map<string, CellState>, label: (cell: CellDecl) => string, showAll: boolean): string {
  const terms = ids.map((id) => cells.get(id)!);
  const shown = showAll ? terms : terms.filter((cell) => cell.value !== 0);
  if (shown.length === 0) return "各项均为 0";
  const listed = shown.slice(0, MAX_TERMS_SHOWN).map((cell) => `${label(cell.decl)} ${formatNumber(cell.value!)}`);
  const text = shown.length > MAX_TERMS_SHOWN ? `${listed.join(" + ")} + …（共 ${shown.length} 项）` : listed.join(" + ");
  const blanks = terms.filter((cell) => cell.parsed.status === "blank").length;
  const rest = shown.length < terms.length ? "，其余为 0" : "";
  return `${text}${rest}${blanks > 0 ? `；其中 ${blanks} 个空白单元格按 0 计` : ""}`;
}

function actualText(cell: CellState): string {
  if (cell.parsed.status === "blank") return "为空白";
  if (cell.parsed.status === "zeroMark") return `填写“${cell.text.trim()}”（按 0 计）`;
  return `填写 ${formatNumber(cell.value!)}`;
}

function evaluateSum(rule: SumRule, cells: Map<string, CellState>): Finding[] {
  const target = cells.get(rule.target)!;
  const expected = roundAmount(sumOf(rule.plus, cells) - sumOf(rule.minus, cells));
  if (expected === target.value) return [];
  const decl = target.decl;
  const columnLabel = (cell: CellDecl) => cell.columnPath[cell.columnPath.length - 1]!.label;
  const rowLeaf = (cell: CellDecl) => cell.rowPath[cell.rowPath.length - 1]!.label;
  let message: string;
  switch (rule.shape) {
    case "rowTotal":
      message = `表三“${decl.rowLabel}”行的“总计”应为 ${formatNumber(expected)}（${explainTerms(rule.plus, cells, columnLabel, false)}），实际${actualText(target)}`;
      break;
    case "columnTotal":
      message = `表三“${shortColumnLabel(decl)}”列的“（七）总计”应为 ${formatNumber(expected)}（${explainTerms(rule.plus, cells, rowLeaf, false)}），实际${actualText(target)}`;
      break;
    case "groupTotal": {
      const group = decl.columnPath.slice(0, -1).map((node) => node.label).join(" · ");
      message = `表四“${group}”的“总计”应为 ${formatNumber(expected)}（${explainTerms(rule.plus, cells, columnLabel, true)}），实际${actualText(target)}`;
      break;
    }
    case "balance": {
      const [received, carriedOver] = rule.plus.map((id) => cells.get(id)!);
      const handled = cells.get(rule.minus[0]!)!;
      const inflow = roundAmount((received!.value ?? 0) + (carriedOver!.value ?? 0));
      const outflow = roundAmount((handled.value ?? 0) + (target.value ?? 0));
      message =
        `表三“${shortColumnLabel(decl)}”列收支不平衡：本年新收 ${formatNumber(received!.value!)} + 上年结转 ${formatNumber(carriedOver!.value!)} = ${formatNumber(inflow)}，` +
        `而（七）总计 ${formatNumber(handled.value!)} + 结转下年度 ${formatNumber(target.value!)} = ${formatNumber(outflow)}；` +
        `若其他数字无误，“四、结转下年度继续办理”应为 ${formatNumber(expected)}，实际${actualText(target)}`;
      break;
    }
  }
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      category: "rule",
      message,
      cells: [rule.target, ...rule.plus, ...rule.minus].map((id) => findingCell(cells.get(id)!.decl, cells.get(id)!.text)),
      expected,
      actual: target.parsed.status === "blank" ? null : target.value,
      table: decl.table,
      key: ruleKey(rule),
      target: rule.target,
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
      message: `${describeCell(left.decl)}为 ${formatNumber(left.value!)}，大于“${right.decl.columnLabel}” ${formatNumber(right.value!)}，请核对`,
      cells: [findingCell(left.decl, left.text), findingCell(right.decl, right.text)],
      expected: right.value,
      actual: left.value,
      table: left.decl.table,
      key: ruleKey(rule),
      target: rule.left,
    },
  ];
}

/**
 * Where one cell sits in two or more broken sums and the same new value for it would mend all of them, the
 * numbers point at it. Otherwise we say nothing: naming a culprit the numbers do not single out would mislead.
 */
function markLikelyCells(findings: Finding[], cells: Map<string, CellState>): void {
  const broken = findings.filter((finding) => finding.category === "rule" && finding.expected !== null && finding.rule !== "T2-B");
  const fixes = new Map<string, { value: number; findings: Finding[]; consistent: boolean }>();
  for (const finding of broken) {
    const residual = roundAmount((finding.actual ?? 0) - finding.expected!);
    for (const [index, cell] of finding.cells.entries()) {
      const current = cells.get(cell.id)?.value ?? 0;
      const isMinus = index > 0 && isMinusTerm(finding, cell.id);
      const value = roundAmount(index === 0 ? current - residual : isMinus ? current - residual : current + residual);
      const entry = fixes.get(cell.id);
      if (!entry) fixes.set(cell.id, { value, findings: [finding], consistent: value >= 0 || cells.get(cell.id)?.decl.valueType === "signedCount" });
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
    const decl = cells.get(id)!.decl;
    finding.likely = { id, value: entry.value };
    finding.message += `。此格同时影响 ${entry.findings.length} 处核对，最可能填错的是${describeCell(decl)}，改为 ${formatNumber(entry.value)} 可使这些核对都成立`;
  }
}

function isMinusTerm(finding: Finding, id: string): boolean {
  // Only T3-A has a minus term: the （七）总计 row of the balance.
  return finding.rule === "T3-A" && id.startsWith("t3.3-7.");
}

function missingCellFindings(format: FormatDecl, cells: Map<string, CellState>, explained: Set<string>): Finding[] {
  return format.tables.flatMap((table) => {
    const missing = formatCells(format).filter((cell) => cell.table === table.id && !cells.has(cell.id) && !explained.has(cell.id));
    if (missing.length === 0) return [];
    const names = missing.slice(0, 5).map(describeCell).join("、");
    return [
      {
        rule: "READ-MISSING-CELLS",
        severity: "warning" as const,
        category: "read" as const,
        message: `${TABLE_NAMES[table.id]}有 ${missing.length} 个单元格未找到：${names}${missing.length > 5 ? " 等" : ""}`,
        cells: missing.map((cell) => findingCell(cell, null)),
        expected: null,
        actual: null,
        table: table.id,
        key: `READ-MISSING-CELLS:${table.id}`,
      },
    ];
  });
}
