import { messageOf } from "../helpers/messages";
import { checkReport } from "../../src/domain/check";
import { readTextReport } from "../../src/readers/textReader";
import { example } from "../helpers/fixtures";
import { consistentValues, readingOf } from "../helpers/reports";

const textFindings = (text: string) => checkReport(readTextReport(text)).findings.filter((finding) => finding.rule === "TX-1");

describe("TX-1: figures quoted in the text", () => {
  const huaian = example("2024-huaian-city.txt");

  it("finds the city report's text consistent with its tables (行政复议 351, 行政诉讼 46, 上年结转 34, 顺延 103)", () => {
    expect(textFindings(huaian)).toEqual([]);
  });

  it("reports a 行政复议 figure in the text that differs from 表四, across a wrapped line", () => {
    const findings = textFindings(huaian.replace("政府信息公开行政复议 351\n件", "政府信息公开行政复议 350\n件"));
    expect(findings.map((finding) => [finding.severity, finding.expected, finding.actual, finding.table])).toEqual([
      ["warning", 351, 350, "t4"],
    ]);
    expect(messageOf(findings[0]!)).toContain("行政复议 350 件，与表四的 351 不一致");
  });

  it("reports 行政诉讼 against the sum of both 总计 columns, and 顺延到下年度 against 表三", () => {
    const text = huaian
      .replace("政府信息公开行政诉讼 46", "政府信息公开行政诉讼 44")
      .replace("另有 103 件顺延到下年度", "另有 105 件顺延到下年度");
    expect(textFindings(text).map((finding) => [finding.expected, finding.actual])).toEqual([
      [103, 105],
      [46, 44],
    ]);
  });

  it("sums the items of 不予公开 and leaves ambiguous words such as 受理 alone", () => {
    const values = consistentValues("2021");
    const denied = [...values].filter(([id]) => /^t3\.3-3-\d\.total$/.test(id)).reduce((sum, [, text]) => sum + Number(text), 0);
    const reading = readingOf(values, "2021");
    const check = (paragraphs: string[]) =>
      checkReport({ ...reading, paragraphs }).findings.map((finding) => [finding.rule, finding.expected, finding.actual]);
    expect(check([`全年不予公开 ${denied} 件。`])).toEqual([]);
    expect(check([`全年不予公开 ${denied + 2} 件。`])).toEqual([["TX-1", denied, denied + 2]]);
    expect(check(["全年受理政府信息公开申请 99999 件。"])).toEqual([]);
  });
});
