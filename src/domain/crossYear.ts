/**
 * Checks between two consecutive years of one agency's reports (spec §6.5), declared by each format as
 * `crossYearRules`: X1 (this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column) and X2
 * (现行有效件数 carried forward by 本年制发 and 本年废止). A rule of the later report's format applies when both
 * reports hold its cells, whichever formats they follow.
 */
import { findCell, formatCells } from "./cells";
import { countBySeverity, findingCell, sortFindings, type Finding, type Term } from "./findings";
import { FORMATS, formatById } from "./formats";
import type { CarryRule, CrossYearRule, StockRule } from "./formatModel";
import type { CheckResult } from "./check";
import { formatNumber, roundAmount } from "./values";

/** What a report gives the report of the year after: its year, format and the figures the rules carry forward. */
export type PreviousYear = Pick<CheckResult, "format" | "year" | "values">;

/** The cells a report's successor reads from it (the `previous` side of every format's cross-year rules). */
export const CARRIED_CELLS: ReadonlySet<string> = new Set(FORMATS.flatMap((format) => format.crossYearRules.map((rule) => rule.previous)));

/** A report as its successor needs it: a few figures, not the whole result. */
export function previousYearOf(result: CheckResult): PreviousYear {
  return {
    format: result.format,
    year: result.year,
    values: Object.fromEntries([...CARRIED_CELLS].map((id) => [id, result.values[id] ?? null])),
  };
}

function known(result: PreviousYear, id: string): number | null {
  return result.values[id] ?? null;
}

function term(result: CheckResult, id: string): Term | null {
  const value = known(result, id);
  return value === null ? null : { id, value, blank: false, placeholder: null };
}

function carry(rule: CarryRule, previous: PreviousYear, current: CheckResult): Finding[] {
  const now = known(current, rule.current);
  const before = known(previous, rule.previous);
  if (now === null || before === null || now === before) return [];
  const cell = findCell(formatById(current.format), rule.current)!;
  const lastYear = findCell(formatById(previous.format), rule.previous)!;
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      category: "rule",
      cells: [
        findingCell(cell, formatNumber(now)),
        { ...findingCell(lastYear, formatNumber(before)), table: `${previous.year} 年${findingCell(lastYear, null).table}` },
      ],
      expected: before,
      actual: now,
      table: cell.table,
      key: `${rule.id}:${rule.current}`,
      target: rule.current,
      detail: { kind: "carry", cell: rule.current, previousCell: rule.previous, now, before, previousYear: previous.year! },
    },
  ];
}

function stock(rule: StockRule, previous: PreviousYear, current: CheckResult): Finding[] {
  const now = known(current, rule.current);
  const before = known(previous, rule.previous);
  const plus = rule.plus.map((id) => term(current, id));
  const minus = rule.minus.map((id) => term(current, id));
  if (now === null || before === null || [...plus, ...minus].some((part) => part === null)) return [];
  const sum = (terms: (Term | null)[]) => terms.reduce((total, part) => total + part!.value, 0);
  const expected = roundAmount(before + sum(plus) - sum(minus));
  if (expected === now) return [];
  const cell = findCell(formatById(current.format), rule.current)!;
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      category: "rule",
      cells: [findingCell(cell, formatNumber(now))],
      expected,
      actual: now,
      table: cell.table,
      key: `${rule.id}:${rule.current}`,
      target: rule.current,
      detail: { kind: "stock", cell: rule.current, now, before, plus: plus as Term[], minus: minus as Term[], expected },
    },
  ];
}

function crossFindings(rule: CrossYearRule, previous: PreviousYear, current: CheckResult): Finding[] {
  return rule.kind === "carry" ? carry(rule, previous, current) : stock(rule, previous, current);
}

/** The current report with the findings its predecessor gives it; the previous report must be of the year before. */
export function withPreviousYear(previous: PreviousYear, current: CheckResult): CheckResult {
  if (previous.year === null || current.year !== previous.year + 1) return current;
  const added = formatById(current.format).crossYearRules.flatMap((rule) => crossFindings(rule, previous, current));
  if (added.length === 0) return current;
  const order = new Map(formatCells(formatById(current.format)).map((cell, index) => [cell.id, index]));
  const findings = sortFindings([...current.findings, ...added], (id) => order.get(id) ?? order.size);
  return { ...current, findings, ...countBySeverity(findings) };
}

/** Pairs each agency's reports of consecutive years and adds the cross-year findings to the later one. Agencies are matched by name. */
export function checkAcrossYears<T extends { result: CheckResult | null }>(reports: readonly T[]): T[] {
  const byAgency = new Map<string, T[]>();
  for (const report of reports) {
    const name = report.result?.organization;
    if (name && report.result?.year) byAgency.set(name, [...(byAgency.get(name) ?? []), report]);
  }
  const updated = new Map<T, T>();
  for (const group of byAgency.values()) {
    for (const current of group) {
      const previous = group.find((candidate) => candidate.result!.year === current.result!.year! - 1);
      if (previous) updated.set(current, { ...current, result: withPreviousYear(previous.result!, current.result!) });
    }
  }
  return reports.map((report) => updated.get(report) ?? report);
}
