import { messageOf } from "../helpers/messages";
import { checkReport } from "../../src/domain/check";
import type { CellId } from "../../src/domain/formats";
import { parseCellText } from "../../src/domain/values";
import { consistentValues, fullWidth, readingOf, withValue } from "../helpers/reports";

describe("parseCellText", () => {
  it.each([
    ["12", 12],
    ["  7 ", 7],
    ["1,234", 1234],
    ["3 985 758", 3985758],
  ])("reads %j as %d with no note", (text, value) => {
    expect(parseCellText(text, "count")).toEqual({ status: "number", value, notes: [] });
  });

  it.each([
    ["１２３", 123],
    ["1，234，567", 1234567],
    ["\u3000５\u3000", 5],
    ["７７３０．２８", 7730.28],
  ])("reads full-width %j as %d and says so", (text, value) => {
    expect(parseCellText(text, text.includes("．") ? "amount" : "count", "万元")).toEqual({
      status: "number",
      value,
      notes: [{ kind: "fullWidth" }],
    });
  });

  it("reads a blank", () => {
    expect(parseCellText("", "count")).toEqual({ status: "blank" });
    expect(parseCellText(" \u3000 ", "count")).toEqual({ status: "blank" });
  });

  it.each(["无", "—", "－", "/", "／", "——", "-", "不适用", "无此项", "N/A", "n/a", "不涉及"])(
    "reads %j as a placeholder for 0",
    (text) => {
      expect(parseCellText(text, "count")).toMatchObject({ status: "placeholder" });
    },
  );

  it("notes a unit typed into a count cell", () => {
    expect(parseCellText("22件", "count")).toEqual({ status: "number", value: 22, notes: [{ kind: "unit", unit: "件" }] });
  });

  it("notes 万元 typed into a 万元 cell", () => {
    expect(parseCellText("7730.28万元", "amount", "万元")).toEqual({
      status: "number",
      value: 7730.28,
      notes: [{ kind: "unit", unit: "万元" }],
    });
  });

  it("converts 元 in a 万元 cell and says so", () => {
    expect(parseCellText("251000元", "amount", "万元")).toEqual({
      status: "number",
      value: 25.1,
      notes: [{ kind: "yuanConverted", yuan: 251000 }],
    });
  });

  it("takes 2019 采购总金额 as written, with its unit, and notes a missing unit", () => {
    expect(parseCellText("160.5964万元", "amount", null)).toEqual({ status: "number", value: 160.5964, notes: [] });
    expect(parseCellText("160", "amount", null)).toEqual({ status: "number", value: 160, notes: [{ kind: "unitMissing" }] });
  });

  it("keeps the number before a note and reports the note", () => {
    expect(parseCellText("22（其中修订16件）", "count")).toEqual({
      status: "number",
      value: 22,
      notes: [{ kind: "annotation", text: "(其中修订16件)" }],
    });
  });

  it("reads a signed count", () => {
    expect(parseCellText("+1036", "signedCount")).toMatchObject({ status: "number", value: 1036 });
    expect(parseCellText("－14", "signedCount")).toMatchObject({ status: "number", value: -14 });
  });

  it.each([
    ["2.5", "count", "decimalCount"],
    ["-3", "count", "negativeCount"],
    ["-3", "amount", "negativeCount"],
    ["1.5", "signedCount", "decimalCount"],
    ["见附件", "count", "noNumber"],
    ["约5", "count", "leadingText"],
    ["3 5", "count", "multipleNumbers"],
    ["3-5", "count", "multipleNumbers"],
    ["1,23", "count", "badSeparator"],
    ["1234,5", "count", "badSeparator"],
    ["5元", "count", "wrongUnit"],
    ["5件", "amount", "wrongUnit"],
  ] as const)("rejects %j in a %s cell as %s", (text, type, reason) => {
    expect(parseCellText(text, type, type === "amount" ? "万元" : null)).toMatchObject({ status: "invalid", reason });
  });

  it("notes an amount with more than four decimals", () => {
    expect(parseCellText("1.23456", "amount", "万元")).toMatchObject({ status: "number", notes: [{ kind: "precision", decimals: 5 }] });
  });
});

describe("value findings", () => {
  const good = consistentValues("2021");
  const findingsFor = (id: CellId, text: string) => checkReport(readingOf(withValue(good, id, text), "2021")).findings;

  it("gives each table its value rule id", () => {
    expect(findingsFor("t2.licensing.decisions", "").map((finding) => finding.rule)).toEqual(["T2-A"]);
    expect(findingsFor("t4.review.upheld", "x").map((finding) => finding.rule)).toContain("T4-D");
    expect(findingsFor("t3.3-1.natural", "无").map((finding) => finding.rule)).toContain("T3-D");
  });

  it("reads a full-width number as the same number, checks with it, and warns", () => {
    const value = good.get("t3.3-1.natural")!;
    const typed = fullWidth(value);
    const findings = findingsFor("t3.3-1.natural", typed);
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.actual])).toEqual([["T3-D", "warning", Number(value)]]);
    expect(messageOf(findings[0]!)).toContain("是全角数字，已按");
  });

  it("warns about a zero mark and counts it as 0", () => {
    const findings = checkReport(readingOf(withValue(withValue(good, "t4.review.pending", "—"), "t4.review.total", "6"), "2021")).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "T4-D", severity: "warning", actual: null });
    expect(messageOf(findings[0]!)).toBe("表四“行政复议 · 尚未审结”填写“—”，计算时按 0 计；标准格式应填数字 0");
  });

  it("warns about a unit and a note, and checks with the number", () => {
    const findings = findingsFor("t2.regulations.issued", "12件");
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.actual])).toEqual([["T2-A", "warning", 12]]);
    expect(messageOf(findingsFor("t2.regulations.issued", "12（其中修订3件）")[0]!)).toContain("数字后附有文字");
  });

  it("gives the converted value when 元 is typed in a 万元 cell", () => {
    const [finding] = findingsFor("t2.fees.amount", "251000元");
    expect(messageOf(finding!)).toBe(
      "表二“行政事业性收费”的“本年收费金额（单位：万元）”填写“251000元”，该栏单位为万元，已将 251000 元折算为 25.1 万元；请核对并按万元填写",
    );
    expect(finding!.actual).toBe(25.1);
  });

  it.each([
    ["2.5", "件数应为整数"],
    ["-1", "不能为负数"],
    ["见附件", "不是数字"],
  ])("makes %j an error with the raw text", (text, reason) => {
    const [finding] = findingsFor("t3.3-2.other", text).filter((candidate) => candidate.category === "value");
    expect(finding).toMatchObject({ severity: "error", rule: "T3-D", cells: [{ id: "t3.3-2.other", text }] });
    expect(messageOf(finding!)).toContain(reason);
  });
});
