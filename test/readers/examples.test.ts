import { messageOf } from "../helpers/messages";
import { checkReport } from "../../src/domain/check";
import { readTextReport } from "../../src/readers/textReader";
import { example } from "../helpers/fixtures";

const check = (name: string) => checkReport(readTextReport(example(name)));
const cellsOf = (name: string) => new Map(readTextReport(example(name)).cells.map((cell) => [cell.id, cell.text]));
const summary = (name: string) =>
  check(name).findings.map((finding) => [finding.rule, finding.severity, finding.target ?? null, finding.expected, finding.actual]);

describe("the three published reports", () => {
  it("reads the 2019 seed as a 2019-format report for 2019 with every cell and no error", () => {
    const result = check("2019-bureau-seed.txt");
    expect(result).toMatchObject({ format: "2019", year: 2019, organization: null, cellsRead: 198, cellsExpected: 198, errors: 0 });
    expect(summary("2019-bureau-seed.txt")).toEqual([["FMT-TITLE-MISSING", "warning", null, null, null]]);
  });

  it("places the seed's numbers in the right cells", () => {
    const cells = cellsOf("2019-bureau-seed.txt");
    expect(cells.get("t2.normative-docs.made")).toBe("30");
    expect(cells.get("t2.procurement.items")).toBe("8");
    expect(cells.get("t2.procurement.amount")).toBe("160.5964万元");
    expect(cells.get("t3.3-6.total")).toBe("0");
  });

  it("finds the 2023 district report's two 表四 total errors and its 2019-style （六） row, and nothing else", () => {
    const result = check("2023-hongze-district.txt");
    expect(result).toMatchObject({ format: "2021", year: 2023, organization: "洪泽区人民政府", cellsRead: 179, cellsExpected: 200 });
    expect(summary("2023-hongze-district.txt")).toEqual([
      ["FMT-OLD-T3-OTHER", "error", null, null, null],
      ["FMT-LABEL-VARIANT", "warning", null, null, null],
      ["T4-A", "error", "t4.review.total", 11, 0],
      ["T4-A", "error", "t4.suit-after-review.total", 5, 0],
    ]);
    const t4 = result.findings.filter((finding) => finding.rule === "T4-A").map((finding) => messageOf(finding));
    expect(t4).toEqual([
      "表四“行政复议”四项之和为 11（结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0），“总计”填写 0，相差 11；若四项无误，“总计”应为 11",
      "表四“行政诉讼 · 复议后起诉”四项之和为 5（结果维持 5 + 结果纠正 0 + 其他结果 0 + 尚未审结 0），“总计”填写 0，相差 5；若四项无误，“总计”应为 5",
    ]);
  });

  it("places the district report's wrapped and misprinted rows", () => {
    const cells = cellsOf("2023-hongze-district.txt");
    expect(cells.get("t3.3-2.natural")).toBe("4");
    expect(cells.get("t3.3-3-2.natural")).toBe("0");
    expect(cells.get("t3.3-4-1.natural")).toBe("10");
    expect(cells.get("t3.3-5-5.total")).toBe("0");
    expect(cells.get("t3.3-6.natural")).toBe("0");
    expect(cells.get("t2.fees.amount")).toBe("7730.28");
    expect(cells.get("t2.penalty.decisions")).toBe("4119");
  });

  it("reads the 2024 city report completely and finds no error", () => {
    const result = check("2024-huaian-city.txt");
    expect(result).toMatchObject({
      format: "2021",
      year: 2024,
      organization: "淮安市人民政府",
      cellsRead: 200,
      cellsExpected: 200,
      errors: 0,
      warnings: 0,
    });
  });

  it("places the city report's interleaved merged labels", () => {
    const cells = cellsOf("2024-huaian-city.txt");
    expect(cells.get("t3.3-2.total")).toBe("454");
    expect(cells.get("t3.3-4-2.natural")).toBe("11");
    expect(cells.get("t3.3-6-1.total")).toBe("71");
    expect(cells.get("t3.3-6-2.natural")).toBe("6");
    expect(cells.get("t3.3-6-3.total")).toBe("110");
    expect(cells.get("t3.4.total")).toBe("103");
    expect(cells.get("t4.review.total")).toBe("351");
    expect(cells.get("t4.suit-after-review.total")).toBe("20");
    expect(cells.get("t2.penalty.decisions")).toBe("3985758");
  });

  it("finds an error planted in the city report, through the text reader", () => {
    const text = example("2024-huaian-city.txt").replace("3、其他                  108", "3、其他                  118");
    const result = checkReport(readTextReport(text));
    expect(result.findings.filter((finding) => finding.severity === "error").map((finding) => [finding.rule, finding.target])).toEqual([
      ["T3-C", "t3.3-6-3.total"],
      ["T3-B", "t3.3-7.natural"],
    ]);
  });
});
