import { messageOf } from "../helpers/messages";
import { checkReport } from "../../src/domain/check";
import { readTextReport } from "../../src/readers/textReader";
import { rowFromLine, rowsFromPipeLines } from "../../src/readers/rows";
import { consistentValues, withValue } from "../helpers/reports";
import { tabReport } from "../helpers/textReports";

const rulesOf = (text: string, year?: number) =>
  checkReport(readTextReport(text, { year })).findings.map((finding) => [finding.rule, finding.severity]);

describe("tab-separated tables pasted from Word or Excel", () => {
  it.each(["2021", "2019"] as const)("reads every cell of a %s report and finds nothing wrong", (format) => {
    const title = format === "2021" ? "某某市某某局2024年政府信息公开工作年度报告" : "某某市某某局2019年政府信息公开工作年度报告";
    const result = checkReport(readTextReport(tabReport(format, consistentValues(format), { title })));
    expect(result).toMatchObject({ format, organization: "某某市某某局", errors: 0, warnings: 0 });
    expect(result.cellsRead).toBe(result.cellsExpected);
  });

  it("keeps an empty cell as a blank, in its column", () => {
    const good = consistentValues("2021");
    const zero = [...good].find(([id, text]) => id.startsWith("t3.3-") && id.endsWith(".research") && text === "0")![0];
    const result = checkReport(readTextReport(tabReport("2021", withValue(good, zero, ""))));
    expect(result.findings.map((finding) => [finding.rule, finding.target])).toEqual([["T3-D", zero]]);
  });

  it("finds a planted error", () => {
    const text = tabReport("2021", withValue(consistentValues("2021"), "t4.suit-direct.corrected", "9"));
    expect(rulesOf(text)).toEqual([["T4-A", "error"]]);
  });
});

describe("the format a report follows", () => {
  const good2019 = consistentValues("2019");

  it("flags a 2021-or-later report written in the 2019 format", () => {
    const text = tabReport("2019", good2019, { title: "某某局2022年政府信息公开工作年度报告" });
    const result = checkReport(readTextReport(text));
    expect(result.format).toBe("2019");
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toEqual([["FMT-OLD-FORMAT", "error"]]);
  });

  it("flags a 2019 表二 in a report that otherwise follows 2021", () => {
    const values2021 = consistentValues("2021");
    const mixed = new Map([...values2021].filter(([id]) => !id.startsWith("t2.")));
    const text2021 = tabReport("2021", mixed);
    const table2 = tabReport("2019", new Map([...good2019].filter(([id]) => id.startsWith("t2."))));
    const t2Lines = table2.split("\n").filter((line) => /\t/.test(line) || line.startsWith("第二十条"));
    const text = text2021.replace("二、主动公开政府信息情况\n", `二、主动公开政府信息情况\n${t2Lines.join("\n")}\n`);
    const result = checkReport(readTextReport(text));
    expect(result.format).toBe("2021");
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toEqual([["FMT-OLD-T2", "error"]]);
  });

  it("flags 规范性文件 where the 2021 表二 says 行政规范性文件", () => {
    const text = tabReport("2021", consistentValues("2021")).replace("\n行政规范性文件\t", "\n规范性文件\t");
    const result = checkReport(readTextReport(text));
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toEqual([["FMT-OLD-LABEL", "error"]]);
    expect(result.cellsRead).toBe(200);
  });

  it("warns about a renamed, a renumbered and a missing heading", () => {
    const headings = [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、政府信息公开工作存在的主要问题及改进情况",
      "七、其他需要报告的事项",
    ];
    const text = tabReport("2021", consistentValues("2021"), { headings }).replace("一、总体情况\n", "");
    expect(rulesOf(text)).toEqual([
      ["FMT-HEADING-MISSING", "warning"],
      ["FMT-HEADING-RENAMED", "warning"],
      ["FMT-HEADING-RENUMBERED", "warning"],
    ]);
  });

  it("reports a missing table as an error rather than 175 unchecked rules", () => {
    const values = new Map([...consistentValues("2021")].filter(([id]) => !id.startsWith("t4.")));
    expect(rulesOf(tabReport("2021", values))).toEqual([["FMT-TABLE-MISSING", "error"]]);
  });

  it("takes the year from --year when the report has no title", () => {
    const text = tabReport("2021", consistentValues("2021"), { title: "（无标题）" });
    const result = checkReport(readTextReport(text, { year: 2025 }));
    expect(result.year).toBe(2025);
    expect(messageOf(result.findings[0]!)).toContain("年份按指定的 2025 年");
  });
});

describe("rows that cannot be placed", () => {
  it("reports a 表三 row with too few numbers, with its line, instead of guessing the columns", () => {
    const text = tabReport("2021", consistentValues("2021"), { separator: "  " }).replace(/(（一）予以公开(?: +\d+){3}) +\d+/, "$1");
    const result = checkReport(readTextReport(text));
    const unplaced = result.findings.find((finding) => finding.rule === "READ-UNPLACED");
    expect(messageOf(unplaced!)).toMatch(/^表三（文件第 \d+ 行）“.*”对应“（一）予以公开”行，但有 6 个数，应为 7 个/);
    expect(result.cellsRead).toBe(193);
    expect(result.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("reports numbers under a label no table has", () => {
    const text = tabReport("2021", consistentValues("2021")).replace("\n行政强制\t", "\n行政检查\t");
    const findings = checkReport(readTextReport(text)).findings;
    expect(messageOf(findings.find((finding) => finding.rule === "READ-UNPLACED")!)).toContain("“行政检查");
  });
});

describe("notes typed into number cells", () => {
  it("keeps a bracketed note with its number in pasted text, reads the number and reports the note", () => {
    const text = tabReport("2021", withValue(consistentValues("2021"), "t2.normative-docs.issued", "12（其中修订3件）"));
    const findings = checkReport(readTextReport(text)).findings;
    expect(findings.map((finding) => [finding.rule, finding.target, finding.actual])).toEqual([["T2-A", "t2.normative-docs.issued", 12]]);
    expect(messageOf(findings[0]!)).toContain("数字后附有文字“(其中修订3件)”");
  });
});

describe("row splitting", () => {
  it("splits a layout line into label segments and trailing values", () => {
    expect(rowFromLine("本            2.其他法律行政法规禁止公开     30  1  0", { kind: "line", line: 1 })).toEqual({
      where: { kind: "line", line: 1 },
      labels: ["本", "2.其他法律行政法规禁止公开"],
      values: ["30", "1", "0"],
    });
  });

  it("keeps empty cells of a `|` flattening as blanks", () => {
    const rows = rowsFromPipeLines(["规章", "|", "0", "|", "", "|", "3", "|", "规范性文件", "|", "1"], 1);
    expect(rows.map((row) => [row.labels, row.values])).toEqual([
      [["规章"], ["0", "", "3"]],
      [["规范性文件"], ["1"]],
    ]);
  });
});
