/** Turning check results into what the command prints: Chinese text for people, JSON for programs. */
import type { CheckResult } from "../domain/check";
import { groupFindings, type Finding, type FindingGroup } from "../domain/findings";
import type { TableId } from "../domain/formatModel";
import { tableTitle } from "../domain/tables";
import { countsText, findingMessage, groupHeadline, identityParts, SEVERITY_LABELS } from "../domain/wording";

export interface FileReport {
  file: string;
  result: CheckResult | null;
  error: string | null;
  /** The underlying library's or system's words for an unreadable file, for support; never shown as the message. */
  detail?: string | null;
  /** A stable code for why a file could not be read (ENCRYPTED, SEVERAL_REPORTS …). */
  errorCode?: string | null;
  /** The cells' texts as read (id → text), kept when the figures are exported. */
  cells?: ReadonlyMap<string, string>;
}

function findingJson(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: findingMessage(finding),
    cells: finding.cells.map(({ id, table, row, column, text }) => ({ id, table, row, column, text })),
    expected: finding.expected,
    actual: finding.actual,
    key: finding.key,
    likely: finding.likely ?? null,
  };
}

/** One report in the --json schema (documented in README.md). */
export function reportJson({ file, result, error, detail, errorCode }: FileReport): object {
  return {
    file,
    format: result?.format ?? null,
    year: result?.year ?? null,
    organization: result?.organization ?? null,
    cellsRead: result?.cellsRead ?? 0,
    cellsExpected: result?.cellsExpected ?? 0,
    findings: (result?.findings ?? []).map(findingJson),
    dismissed: (result?.dismissed ?? []).map((finding) => ({ rule: finding.rule, message: findingMessage(finding), key: finding.key })),
    error,
    ...(error !== null ? { errorCode: errorCode ?? "UNREADABLE" } : {}),
    ...(detail ? { detail } : {}),
  };
}

export interface RenderOptions {
  json: boolean;
  verbose: boolean;
}

/** A report's piece of the command's output: a member of the --json array (indented to sit in it), or text. */
export function renderReport(report: FileReport, { json, verbose }: RenderOptions): string {
  if (!json) return reportText(report, verbose);
  // Stringified inside the document's own shape, so that JSON.stringify indents it as a member of "reports".
  const wrapped = JSON.stringify({ reports: [reportJson(report)] }, null, 2);
  return wrapped.slice(WRAPPED_HEAD.length, wrapped.length - WRAPPED_TAIL.length);
}

const WRAPPED_HEAD = '{\n  "reports": [\n';
const WRAPPED_TAIL = "\n  ]\n}";

export function toJson(reports: readonly FileReport[]): object {
  return { reports: reports.map(reportJson) };
}

/** More findings of one kind than this are summarised in one line. */
const SUMMARY_THRESHOLD = 5;

function mark(finding: Finding): string {
  return finding.severity === "error" ? `✗ ${SEVERITY_LABELS.error}` : `! ${SEVERITY_LABELS.warning}`;
}

function findingLine(finding: Finding): string {
  return `  ${mark(finding)} [${finding.rule}] ${findingMessage(finding)}`;
}

function groupLines(group: FindingGroup): string[] {
  const first = group.findings[0]!;
  if (group.fix) {
    const rules = [...new Set(group.findings.map((finding) => finding.rule))].join("、");
    return [
      `  ${mark(first)} [${rules}] ${groupHeadline(group)}：`,
      ...group.findings.map((finding) => `      · ${findingMessage(finding)}`),
    ];
  }
  if (group.fold)
    return [`  ${mark(first)} [${first.rule}] ${groupHeadline(group)}，例如：${findingMessage(first)}（加 --verbose 逐条列出）`];
  return [findingLine(first)];
}

/** Blanks and other repeated value findings: one line each kind when there are many; one problem per likely cell. */
function summarise(findings: readonly Finding[], verbose: boolean): string[] {
  return groupFindings(findings, verbose ? Number.MAX_SAFE_INTEGER : SUMMARY_THRESHOLD).flatMap(groupLines);
}

export function reportText({ file, result, error }: FileReport, verbose = false): string {
  const out: string[] = [`== ${file} ==`];
  if (error !== null || result === null) {
    out.push(`  ✗ 无法读取：${error ?? "未知错误"}`, "");
    return out.join("\n");
  }
  out.push(identityParts(result).join("\u3000"));
  const groups = new Map<TableId | null, Finding[]>();
  for (const finding of result.findings) groups.set(finding.table, [...(groups.get(finding.table) ?? []), finding]);
  for (const [table, findings] of groups) out.push(`【${tableTitle(table)}】`, ...summarise(findings, verbose));
  if (result.dismissed.length > 0) {
    out.push(
      `（另有 ${result.dismissed.length} 项已在文档中标记为忽略，不计入：${result.dismissed.map((finding) => finding.rule).join("、")}）`,
    );
  }
  out.push(result.findings.length === 0 ? "未发现问题。" : `小计：${countsText(result)}`, "");
  return out.join("\n");
}

/** The closing line of a run over several files. */
export function totalsText(totals: { reports: number; withErrors: number; unreadable: number }): string {
  const clean = totals.reports - totals.withErrors - totals.unreadable;
  return `共 ${totals.reports} 份报告：${totals.withErrors} 份有错误，${clean} 份未发现错误${totals.unreadable > 0 ? `，${totals.unreadable} 份无法读取` : ""}`;
}

export function toText(reports: readonly FileReport[], verbose = false): string {
  const out = reports.map((report) => reportText(report, verbose));
  if (reports.length > 1) {
    out.push(
      totalsText({
        reports: reports.length,
        withErrors: reports.filter((report) => (report.result?.errors ?? 0) > 0).length,
        unreadable: reports.filter((report) => report.result === null).length,
      }),
    );
  }
  return out.join("\n");
}
