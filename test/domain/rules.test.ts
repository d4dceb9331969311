import { checkReport } from "../../src/domain/check";
import { T3_COLUMN_KEYS } from "../../src/domain/formats/shared";
import type { FormatId } from "../../src/domain/model";
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
    expect(t3a[0]!.message).toContain("“科研机构”列收支不平衡");
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
    expect(t3c[0]!.message).toMatch(/^表三“（四）无法提供 · 2.没有现成信息需要另行制作”行的“总计”应为 \d+（.*），实际填写 99。/);
    expect(t3c[0]!.likely).toEqual({ id: "t3.3-4-2.total", value: t3c[0]!.expected });
  });

  it("T4-A: each 总计 of 表四 must equal its four parts", () => {
    const bad = withValue(good, "t4.suit-direct.total", "0");
    const t4a = errorsOf(bad, format).filter((finding) => finding.rule === "T4-A");
    expect(t4a).toHaveLength(1);
    expect(t4a[0]).toMatchObject({ target: "t4.suit-direct.total", actual: 0 });
    expect(t4a[0]!.message).toContain("表四“行政诉讼 · 未经复议直接起诉”的“总计”应为");
  });

  it("names the one cell that breaks a row and a column sum together, with the value that mends both", () => {
    const value = Number(good.get("t3.3-1.commercial"));
    const bad = withValue(good, "t3.3-1.commercial", String(value + 4));
    const errors = errorsOf(bad, format);
    expect(errors.map((finding) => finding.rule).sort()).toEqual(["T3-B", "T3-C"]);
    for (const finding of errors) {
      expect(finding.likely).toEqual({ id: "t3.3-1.commercial", value });
      expect(finding.message).toContain("最可能填错的是表三“（一）予以公开”行“商业企业”列");
    }
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
    expect(unchecked[0]!.message).toContain("未找到表三“（二）部分公开");
    expect(findings.some((finding) => finding.rule === "READ-MISSING-CELLS")).toBe(true);
  });

  it("does not check a rule over a cell that holds no number", () => {
    const findings = checkReport(readingOf(withValue(good, "t4.review.upheld", "见附件"), format)).findings;
    expect(findings.filter((finding) => finding.severity === "error").map((finding) => finding.rule)).toEqual(["T4-D"]);
    expect(findings.find((finding) => finding.category === "unchecked")?.message).toContain("不是有效数字");
  });

  it("counts a blank as 0 inside a sum and says so", () => {
    const bad = withValue(withValue(good, "t4.review.other", ""), "t4.review.total", "6");
    const findings = checkReport(readingOf(bad, format)).findings;
    expect(findings.find((finding) => finding.rule === "T4-D")?.message).toContain("为空白，计算时按 0 计");
    const t4a = findings.find((finding) => finding.rule === "T4-A");
    expect(t4a).toMatchObject({ expected: 4, actual: 6 });
    expect(t4a!.message).toContain("其中 1 个空白单元格按 0 计");
  });
});

describe("T2-B (2019 表二 plausibility, a warning)", () => {
  const good = consistentValues("2019");
  it("warns when more were published than made", () => {
    const findings = checkReport(readingOf(withValue(good, "t2.regulations.published", "6"), "2019")).findings;
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.target])).toEqual([["T2-B", "warning", "t2.regulations.published"]]);
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
    const rules = checkReport(readingOf(values, "2021")).findings.map((finding) => finding.rule).sort();
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
    expect(duplicate!.message).toContain("出现了 2 次，内容不同");
    expect(findings.some((finding) => finding.rule === "T4-A" && finding.category === "unchecked")).toBe(true);
  });
  it("reports an identical copy as a warning and still checks", () => {
    const reading = readingOf(good, "2021");
    const findings = checkReport({ ...reading, cells: [...reading.cells, { id: "t4.review.upheld", text: good.get("t4.review.upheld")! }] }).findings;
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([["READ-DUPLICATE-CELL", "warning"]]);
  });
  it("reports a tag that is no cell of any format", () => {
    const reading = readingOf(good, "2021");
    const findings = checkReport({ ...reading, cells: [...reading.cells, { id: "t3.9-9.natural", text: "1" }] }).findings;
    expect(findings.map((finding) => finding.rule)).toEqual(["READ-UNKNOWN-CELL"]);
  });
});
