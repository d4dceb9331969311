import { messageOf } from "../helpers/messages";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { checkReport } from "../../src/domain/check";
import { T3_COLUMN_KEYS } from "../../src/domain/formats/shared";
import { withPreviousYear } from "../../src/domain/crossYear";
import { consistentValues, readingOf, withValue } from "../helpers/reports";
import { tabReport } from "../helpers/textReports";

/** Last year's report whose carried-forward row and 现行有效件数 lead exactly into this year's. */
function pair() {
  const current = consistentValues("2021");
  let previous = consistentValues("2021");
  for (const column of T3_COLUMN_KEYS) {
    const carried = current.get(`t3.2.${column}`)!;
    previous = withValue(previous, `t3.4.${column}`, carried);
    const handled = Number(previous.get(`t3.3-7.${column}`));
    previous = withValue(previous, `t3.1.${column}`, String(handled + Number(carried) - Number(previous.get(`t3.2.${column}`))));
  }
  for (const row of ["regulations", "normative-docs"] as const) {
    const inForce =
      Number(current.get(`t2.${row}.in-force`)) - Number(current.get(`t2.${row}.issued`)) + Number(current.get(`t2.${row}.repealed`));
    previous = withValue(previous, `t2.${row}.in-force`, String(inForce));
  }
  return { previous, current };
}

const check = (values: Map<string, string>, year: number) => checkReport(readingOf(values, "2021", year));

describe("checks across two years of one agency", () => {
  it("finds nothing when last year's carried-forward row is this year's carried-over row", async () => {
    const { previous, current } = pair();
    expect(check(previous, 2023).findings).toEqual([]);
    expect(withPreviousYear(check(previous, 2023), check(current, 2024)).findings).toEqual([]);
  });

  it("X1: reports a carried-over cell that does not match last year's carried-forward cell", async () => {
    const { previous, current } = pair();
    const result = withPreviousYear(check(withValue(previous, "t3.4.natural", "9"), 2023), check(current, 2024));
    const x1 = result.findings.filter((finding) => finding.rule === "X1");
    expect(x1.map((finding) => [finding.severity, finding.target, finding.expected, finding.actual])).toEqual([
      ["error", "t3.2.natural", 9, Number(current.get("t3.2.natural"))],
    ]);
    expect(messageOf(x1[0]!)).toContain("与 2023 年度报告不衔接");
    expect(result.errors).toBe(1);
  });

  it("X2: warns when 现行有效件数 does not follow from last year's and this year's changes", async () => {
    const { previous, current } = pair();
    const result = withPreviousYear(check(previous, 2023), check(withValue(current, "t2.regulations.in-force", "99"), 2024));
    expect(result.findings.map((finding) => [finding.rule, finding.severity, finding.target])).toEqual([
      ["X2", "warning", "t2.regulations.in-force"],
    ]);
  });

  it("compares only consecutive years", async () => {
    const { previous, current } = pair();
    expect(withPreviousYear(check(withValue(previous, "t3.4.natural", "9"), 2022), check(current, 2024)).findings).toEqual([]);
  });

  it("gov-report check applies it to the reports of one agency found in a folder", async () => {
    const { previous, current } = pair();
    const folder = mkdtempSync(join(tmpdir(), "gov-report-years-"));
    writeFileSync(
      join(folder, "2023.txt"),
      tabReport("2021", withValue(previous, "t3.4.total", "1"), { title: "某某县某某局2023年政府信息公开工作年度报告" }),
    );
    writeFileSync(join(folder, "2024.txt"), tabReport("2021", current, { title: "某某县某某局2024年政府信息公开工作年度报告" }));
    writeFileSync(join(folder, "other.txt"), tabReport("2021", current, { title: "另一个局2024年政府信息公开工作年度报告" }));
    let stdout = "";
    const status = await main(["check", "--json", folder], { stdout: (text) => (stdout += text), stderr: () => undefined });
    const reports = JSON.parse(stdout).reports;
    expect(reports.map((report: { findings: { rule: string }[] }) => report.findings.map((finding) => finding.rule))).toEqual([
      ["T3-A", "T3-C"],
      ["X1"],
      [],
    ]);
    expect(status).toBe(1);
    // As text too: the 2024 report, checked before its year before was read, is printed again with X1.
    let text = "";
    expect(await main(["check", folder], { stdout: (piece) => (text += piece), stderr: () => undefined })).toBe(1);
    const block2024 = text.slice(text.indexOf("2024.txt =="), text.indexOf("other.txt =="));
    expect(block2024).toContain("[X1]");
    expect(text).toContain("共 3 份报告：2 份有错误，1 份未发现错误");
  });
});
