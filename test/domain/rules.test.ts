import { groupFindings } from "../../src/domain/findings";
import { countsText, groupHeadline } from "../../src/domain/wording";
import { messageOf } from "../helpers/messages";
import { checkReport } from "../../src/domain/check";
import { T3_COLUMN_KEYS } from "../../src/domain/formats/shared";
import type { CellId, FormatId } from "../../src/domain/formats";
import { consistentValues, readingOf, withValue, without } from "../helpers/reports";

const FORMATS: FormatId[] = ["2021", "2019"];
const errorsOf = (values: Map<string, string>, format: FormatId) =>
  checkReport(readingOf(values, format)).findings.filter((finding) => finding.severity === "error");

describe.each(FORMATS)("rules on the %s format", (format) => {
  const good = consistentValues(format);

  it("finds nothing in a report whose every rule holds", () => {
    expect(checkReport(readingOf(good, format)).findings).toEqual([]);
  });

  it("T3-A: received + carried over must equal handled + carried forward, per column", () => {
    const bad = withValue(good, "t3.1.research", String(Number(good.get("t3.1.research")) + 3));
    const t3a = errorsOf(bad, format).filter((finding) => finding.rule === "T3-A");
    expect(t3a).toHaveLength(1);
    expect(t3a[0]).toMatchObject({ target: "t3.4.research", expected: 5, actual: 2 });
    // The same 3 also breaks 一、本年新收's row total: the numbers single out that cell, so no sum names another value.
    expect(t3a[0]!.likely).toEqual({ id: "t3.1.research", value: Number(good.get("t3.1.research")) });
    expect(messageOf(t3a[0]!)).toMatch(
      /^表三“科研机构”列勾稽关系不成立：本年新收 \d+ \+ 上年结转 \d+ = \d+，而（七）总计 \d+ \+ 结转下年度 2 = \d+，相差 3$/,
    );
  });

  it("T3-A that no single cell explains says what the carried-forward cell should hold if the other numbers are right", () => {
    // 本年新收 自然人 and its row's 总计 both 4 too many: the row adds up, two columns do not, no cell explains both.
    const bump = (values: typeof good, id: CellId) => withValue(values, id, String(Number(values.get(id)) + 4));
    const bad = bump(bump(good, "t3.1.natural"), "t3.1.total");
    const t3a = errorsOf(bad, format);
    expect(t3a.map((finding) => [finding.rule, finding.target, finding.likely])).toEqual([
      ["T3-A", "t3.4.natural", undefined],
      ["T3-A", "t3.4.total", undefined],
    ]);
    expect(messageOf(t3a[0]!)).toMatch(
      new RegExp(`，相差 4；若其他数字无误，“四、结转下年度继续办理”应为 ${Number(good.get("t3.4.natural")) + 4}$`),
    );
  });

  it("T3-B: （七）总计 must equal the sum of the outcome rows, per column", () => {
    const total = Number(good.get("t3.3-7.natural"));
    const bad = withValue(good, "t3.3-7.natural", String(total + 1));
    const t3b = errorsOf(bad, format).filter((finding) => finding.rule === "T3-B");
    expect(t3b).toHaveLength(1);
    expect(t3b[0]).toMatchObject({ target: "t3.3-7.natural", expected: total, actual: total + 1 });
  });

  it("T3-C: the 总计 column must equal the sum of the six applicant columns, per row", () => {
    const bad = withValue(good, "t3.3-4-2.total", "99");
    const t3c = errorsOf(bad, format).filter((finding) => finding.rule === "T3-C");
    expect(t3c.map((finding) => finding.target)).toEqual(["t3.3-4-2.total"]);
    // 99 also breaks the 总计 column's （七）总计, so the numbers single out this cell: no sum names another value.
    expect(messageOf(t3c[0]!)).toMatch(
      /^表三“（四）无法提供 · 2.没有现成信息需要另行制作”行各列之和为 \d+（.*），“总计”填写 99，相差 \d+$/,
    );
    expect(t3c[0]!.likely).toEqual({ id: "t3.3-4-2.total", value: t3c[0]!.expected });
  });

  it("T4-A: each 总计 of 表四 must equal its four parts", () => {
    const bad = withValue(good, "t4.suit-direct.total", "0");
    const t4a = errorsOf(bad, format).filter((finding) => finding.rule === "T4-A");
    expect(t4a).toHaveLength(1);
    expect(t4a[0]).toMatchObject({ target: "t4.suit-direct.total", actual: 0 });
    expect(messageOf(t4a[0]!)).toMatch(
      /^表四“行政诉讼 · 未经复议直接起诉”四项之和为 (\d+)（.*），“总计”填写 0，相差 \1；若四项无误，“总计”应为 \1$/,
    );
  });

  it("names the one cell that breaks a row and a column sum together, with the value that mends both", () => {
    const value = Number(good.get("t3.3-1.commercial"));
    const bad = withValue(good, "t3.3-1.commercial", String(value + 4));
    const errors = errorsOf(bad, format);
    expect(errors.map((finding) => finding.rule).sort()).toEqual(["T3-B", "T3-C"]);
    for (const finding of errors) {
      expect(finding.likely).toEqual({ id: "t3.3-1.commercial", value });
      // One statement: the sums say what does not add up; only the fix names a value.
      expect(messageOf(finding)).not.toContain("应为");
    }
    const groups = groupFindings(errors);
    expect(groups).toHaveLength(1);
    expect(groupHeadline(groups[0]!)).toBe(
      `最可能填错的是表三“（一）予以公开”行“商业企业”列：填写“${value + 4}”，改为 ${value} 可使以下 2 处核对都成立`,
    );
    expect(countsText({ errors: 2, warnings: 0, findings: errors })).toBe(
      "错误 2 项，警告 0 项；2 处核对不成立，改正 1 个单元格即可全部解决",
    );
  });

  it("names no culprit when the numbers do not single one out", () => {
    const bad = withValue(good, "t4.review.total", "1");
    expect(errorsOf(bad, format)[0]!.likely).toBeUndefined();
  });

  it("does not check a rule whose cell is missing, and says why instead of assuming 0", () => {
    const reading = readingOf(without(good, "t3.3-2.legal-service"), format);
    const findings = checkReport(reading).findings;
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
    const unchecked = findings.filter((finding) => finding.category === "unchecked");
    expect(unchecked.map((finding) => finding.rule).sort()).toEqual(["T3-B", "T3-C"]);
    expect(messageOf(unchecked[0]!)).toContain("未找到表三“（二）部分公开");
    expect(findings.some((finding) => finding.rule === "READ-MISSING-CELLS")).toBe(true);
  });

  it("does not check a rule over a cell that holds no number", () => {
    const findings = checkReport(readingOf(withValue(good, "t4.review.upheld", "见附件"), format)).findings;
    expect(findings.filter((finding) => finding.severity === "error").map((finding) => finding.rule)).toEqual(["T4-D"]);
    expect(messageOf(findings.find((finding) => finding.category === "unchecked"))).toContain("不是有效数字");
  });

  it("counts a blank as 0 inside a sum and says so", () => {
    const bad = withValue(withValue(good, "t4.review.other", ""), "t4.review.total", "6");
    const findings = checkReport(readingOf(bad, format)).findings;
    expect(messageOf(findings.find((finding) => finding.rule === "T4-D"))).toContain("为空白，计算时按 0 计");
    const t4a = findings.find((finding) => finding.rule === "T4-A");
    expect(t4a).toMatchObject({ expected: 4, actual: 6 });
    expect(messageOf(t4a!)).toContain("其中 1 个空白单元格按 0 计");
  });
});

describe("T2-B (2019 表二 plausibility, a warning)", () => {
  const good = consistentValues("2019");
  it("warns when more were published than made", () => {
    const findings = checkReport(readingOf(withValue(good, "t2.regulations.published", "6"), "2019")).findings;
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.target])).toEqual([
      ["T2-B", "warning", "t2.regulations.published"],
    ]);
    expect(findings[0]).toMatchObject({ expected: 5, actual: 6 });
  });
  it("warns when the published total is below this year's publications", () => {
    const findings = checkReport(readingOf(withValue(good, "t2.normative-docs.total-published", "2"), "2019")).findings;
    expect(findings.map((finding) => finding.rule)).toEqual(["T2-B"]);
  });
});

describe("superseded parts", () => {
  it("checks a 2021 report's single （六）其他处理 row in place of the three rows it replaced", () => {
    const good = consistentValues("2021");
    const values = new Map([...good].filter(([id]) => !id.startsWith("t3.3-6-")));
    for (const column of T3_COLUMN_KEYS) {
      const sum = (["1", "2", "3"] as const).reduce((total, item) => total + Number(good.get(`t3.3-6-${item}.${column}`)), 0);
      values.set(`t3.3-6.${column}`, String(sum));
    }
    expect(checkReport(readingOf(values, "2021")).findings).toEqual([]);
    values.set("t3.3-6.natural", "100");
    const rules = checkReport(readingOf(values, "2021"))
      .findings.map((finding) => finding.rule)
      .sort();
    expect(rules).toEqual(["T3-B", "T3-C"]);
  });
});

describe("duplicates and unknown cells", () => {
  const good = consistentValues("2021");
  it("reports a cell found twice with different texts and leaves it out of the sums", () => {
    const reading = readingOf(good, "2021");
    const cells = [...reading.cells, { id: "t4.review.upheld", text: "7" }];
    const findings = checkReport({ ...reading, cells }).findings;
    const duplicate = findings.find((finding) => finding.rule === "READ-DUPLICATE-CELL");
    expect(duplicate).toMatchObject({ severity: "error" });
    expect(messageOf(duplicate!)).toContain("出现了 2 次，内容不同");
    expect(findings.some((finding) => finding.rule === "T4-A" && finding.category === "unchecked")).toBe(true);
  });
  it("reports an identical copy as a warning and still checks", () => {
    const reading = readingOf(good, "2021");
    const findings = checkReport({
      ...reading,
      cells: [...reading.cells, { id: "t4.review.upheld", text: good.get("t4.review.upheld")! }],
    }).findings;
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([["READ-DUPLICATE-CELL", "warning"]]);
  });
  it("reports a tag that is no cell of any format", () => {
    const reading = readingOf(good, "2021");
    const findings = checkReport({ ...reading, cells: [...reading.cells, { id: "t3.9-9.natural", text: "1" }] }).findings;
    expect(findings.map((finding) => finding.rule)).toEqual(["READ-UNKNOWN-CELL"]);
  });
});
