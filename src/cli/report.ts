/** Turning check results into what the command prints: Chinese text for people, JSON for programs. */
import type { CheckResult } from "../domain/check";
import { formatById } from "../domain/formats";
import { groupFindings, type Finding } from "../domain/findings";
import type { TableId } from "../domain/model";
import { tableTitle } from "../domain/tables";

export interface FileReport {
  file: string;
  result: CheckResult | null;
  error: string | null;
}

/** The --json schema (documented in README.md). */
export function toJson(reports: readonly FileReport[]): object {
  return {
    reports: reports.map(({ file, result, error }) => ({
      file,
      format: result?.format ?? null,
      year: result?.year ?? null,
      organization: result?.organization ?? null,
      cellsRead: result?.cellsRead ?? 0,
      cellsExpected: result?.cellsExpected ?? 0,
      findings: (result?.findings ?? []).map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        cells: finding.cells.map(({ id, table, row, column, text }) => ({ id, table, row, column, text })),
        expected: finding.expected,
        actual: finding.actual,
        key: finding.key,
      })),
      dismissed: (result?.dismissed ?? []).map((finding) => ({ rule: finding.rule, message: finding.message, key: finding.key })),
      error,
    })),
  };
}

/** More findings of one kind than this are summarised in one line. */
const SUMMARY_THRESHOLD = 5;

function findingLine(finding: Finding): string {
  const mark = finding.severity === "error" ? "✗ 错误" : "! 警告";
  return `  ${mark} [${finding.rule}] ${finding.message}`;
}

/** Blanks and other repeated value findings: one line each kind when there are many. */
function summarise(findings: readonly Finding[], verbose: boolean): string[] {
  if (verbose) return findings.map(findingLine);
  return groupFindings(findings, SUMMARY_THRESHOLD).map((group) => {
    const first = group.findings[0]!;
    if (group.summary === null) return findingLine(first);
    const mark = first.severity === "error" ? "✗ 错误" : "! 警告";
    return `  ${mark} [${first.rule}] ${group.summary}，例如：${first.message}（加 --verbose 逐条列出）`;
  });
}

export function toText(reports: readonly FileReport[], verbose = false): string {
  const out: string[] = [];
  for (const { file, result, error } of reports) {
    out.push(`== ${file} ==`);
    if (error !== null || result === null) {
      out.push(`  ✗ 无法读取：${error ?? "未知错误"}`, "");
      continue;
    }
    const format = formatById(result.format);
    out.push(
      `机关：${result.organization ?? "（未识别）"}\u3000年度：${result.year ?? "（未识别）"}\u3000格式：${format.id} 年格式（${format.issuedBy}）\u3000读取单元格：${result.cellsRead}/${result.cellsExpected}`,
    );
    const groups = new Map<TableId | null, Finding[]>();
    for (const finding of result.findings) groups.set(finding.table, [...(groups.get(finding.table) ?? []), finding]);
    for (const [table, findings] of groups) out.push(`【${tableTitle(table)}】`, ...summarise(findings, verbose));
    if (result.dismissed.length > 0) out.push(`（另有 ${result.dismissed.length} 项已在文档中标记为忽略，不计入：${result.dismissed.map((finding) => finding.rule).join("、")}）`);
    out.push(result.findings.length === 0 ? "未发现问题。" : `小计：错误 ${result.errors} 项，警告 ${result.warnings} 项`, "");
  }
  if (reports.length > 1) {
    const unreadable = reports.filter((report) => report.result === null).length;
    const withErrors = reports.filter((report) => (report.result?.errors ?? 0) > 0).length;
    out.push(`共 ${reports.length} 份报告：${withErrors} 份有错误，${reports.length - withErrors - unreadable} 份未发现错误${unreadable > 0 ? `，${unreadable} 份无法读取` : ""}`);
  }
  return out.join("\n");
}
