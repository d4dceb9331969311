/**
 * Checks between two consecutive years of one agency's reports (spec §6.5):
 * X1 (error): this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column — it also holds
 *    across the 2020 (2019 format) → 2021 boundary, as those rows did not change;
 * X2 (warning, 2021 format): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for 规章 and
 *    行政规范性文件 (修订 and 自然失效 may legitimately be counted otherwise).
 */
import { findCell, formatCells } from "./cells";
import { countBySeverity, describeCell, findingCell, type Finding } from "./findings";
import { formatById, type CellId } from "./formats";
import { T3_COLUMN_KEYS } from "./formats/shared";
import type { CheckResult } from "./check";
import { formatNumber, roundAmount } from "./values";


function value(result: CheckResult, id: string): number | null | undefined {
  return result.values[id];
}

function carryOver(previous: CheckResult, current: CheckResult): Finding[] {
  const format = formatById(current.format);
  return T3_COLUMN_KEYS.flatMap((column) => {
    const carriedOver: CellId = `t3.2.${column}`;
    const carriedForward: CellId = `t3.4.${column}`;
    const now = value(current, carriedOver);
    const before = value(previous, carriedForward);
    if (now === undefined || now === null || before === undefined || before === null || now === before) return [];
    const cell = findCell(format, carriedOver)!;
    const lastYear = findCell(formatById(previous.format), carriedForward)!;
    return [
      {
        rule: "X1",
        severity: "error" as const,
        category: "rule" as const,
        message: `与 ${previous.year} 年度报告不衔接：${describeCell(cell)}为 ${formatNumber(now)}，应等于上年报告“四、结转下年度继续办理”的 ${formatNumber(before)}`,
        cells: [findingCell(cell, String(now)), { ...findingCell(lastYear, String(before)), table: `${previous.year} 年表三` }],
        expected: before,
        actual: now,
        table: "t3" as const,
        key: `X1:${carriedOver}`,
        target: carriedOver,
      },
    ];
  });
}

function inForce(previous: CheckResult, current: CheckResult): Finding[] {
  if (current.format !== "2021" || previous.format !== "2021") return [];
  const format = formatById("2021");
  return (["regulations", "normative-docs"] as const).flatMap((row) => {
    const inForceId: CellId = `t2.${row}.in-force`;
    const [before, issued, repealed, now] = [value(previous, inForceId), value(current, `t2.${row}.issued` satisfies CellId), value(current, `t2.${row}.repealed` satisfies CellId), value(current, inForceId)];
    if ([before, issued, repealed, now].some((number) => number === undefined || number === null)) return [];
    const expected = roundAmount(before! + issued! - repealed!);
    if (expected === now) return [];
    const cell = findCell(format, inForceId)!;
    return [
      {
        rule: "X2",
        severity: "warning" as const,
        category: "rule" as const,
        message: `${describeCell(cell)}为 ${formatNumber(now!)}；按上年 ${formatNumber(before!)} + 本年制发 ${formatNumber(issued!)} − 本年废止 ${formatNumber(repealed!)} 应为 ${formatNumber(expected)}（修订、自然失效等另行计数的，可忽略）`,
        cells: [findingCell(cell, String(now))],
        expected,
        actual: now!,
        table: "t2" as const,
        key: `X2:${inForceId}`,
        target: inForceId,
      },
    ];
  });
}

/** The current report with the findings its predecessor gives it; the previous report must be of the year before. */
export function withPreviousYear(previous: CheckResult, current: CheckResult): CheckResult {
  if (previous.year === null || current.year !== previous.year + 1) return current;
  const added = [...carryOver(previous, current), ...inForce(previous, current)];
  if (added.length === 0) return current;
  const order = new Map(formatCells(formatById(current.format)).map((cell, index) => [cell.id, index]));
  const findings = [...current.findings, ...added].sort(
    (a, b) => ["none", "t2", "t3", "t4"].indexOf(a.table ?? "none") - ["none", "t2", "t3", "t4"].indexOf(b.table ?? "none") || (order.get(a.target ?? "") ?? 0) - (order.get(b.target ?? "") ?? 0),
  );
  return { ...current, findings, ...countBySeverity(findings) };
}

/** Pairs each agency's reports of consecutive years and adds X1/X2 to the later one. Agencies are matched by name. */
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
