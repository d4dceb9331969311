import { encodeGb18030 } from "../helpers/encodings";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { EXAMPLES } from "../helpers/fixtures";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const example = (name: string) => join(EXAMPLES, name);

describe("gov-report check", () => {
  it("prints the findings in Chinese, grouped by table, and exits 1 when a report has errors", async () => {
    const { status, stdout } = await run("check", example("2023-hongze-district.txt"));
    expect(status).toBe(1);
    expect(stdout).toContain("机关：洪泽区人民政府　年度：2023　格式：2021 年格式（国办公开办函〔2021〕30号）　已读单元格：179/200");
    expect(stdout).toContain("【表四 政府信息公开行政复议、行政诉讼情况】\n  ✗ 错误 [T4-A] 表四“行政复议”四项之和为 11");
    expect(stdout).toContain("小计：错误 3 项，警告 1 项");
  });

  it("exits 0 when no report has an error", async () => {
    const { status, stdout } = await run("check", example("2024-huaian-city.txt"), example("2019-bureau-seed.txt"));
    expect(status).toBe(0);
    expect(stdout).toContain("共 2 份报告：0 份有错误，2 份未发现错误");
  });

  it("prints the documented JSON schema", async () => {
    const { status, stdout } = await run("check", "--json", example("2023-hongze-district.txt"));
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["reports"]);
    const [report] = json.reports;
    expect(report).toMatchObject({
      format: "2021",
      year: 2023,
      organization: "洪泽区人民政府",
      cellsRead: 179,
      cellsExpected: 200,
      error: null,
    });
    const t4 = report.findings.find((finding: { rule: string }) => finding.rule === "T4-A");
    expect(Object.keys(t4)).toEqual(["rule", "severity", "message", "cells", "expected", "actual", "key", "likely"]);
    expect(report.dismissed).toEqual([]);
    expect(t4).toMatchObject({ severity: "error", expected: 11, actual: 0 });
    expect(t4.cells[0]).toEqual({ id: "t4.review.total", table: "表四", row: "", column: "行政复议 · 总计", text: "0" });
  });

  it("checks every report in a folder and its subfolders, and keeps going past an unreadable file", async () => {
    const folder = mkdtempSync(join(tmpdir(), "gov-report-"));
    mkdirSync(join(folder, "sub"));
    copyFileSync(example("2024-huaian-city.txt"), join(folder, "sub", "a.txt"));
    writeFileSync(join(folder, "b.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(folder, "notes.md"), "not a report");
    const { status, stdout } = await run("check", "--json", folder);
    const reports = JSON.parse(stdout).reports;
    expect(reports.map((report: { file: string }) => report.file)).toEqual([join(folder, "b.doc"), join(folder, "sub", "a.txt")]);
    expect(reports[0].error).toContain("另存为” .docx");
    expect(reports[1]).toMatchObject({ format: "2021", error: null });
    expect(status).toBe(2);
  });

  it("reads a GB18030 text file as Chinese Windows saves it", async () => {
    const folder = mkdtempSync(join(tmpdir(), "gov-report-"));
    const utf8 = readFileSync(example("2024-huaian-city.txt"), "utf8");
    const gb = encodeGb18030(utf8);
    writeFileSync(join(folder, "gb.txt"), gb);
    const { status, stdout } = await run("check", "--json", join(folder, "gb.txt"));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).reports[0]).toMatchObject({ organization: "淮安市人民政府", cellsRead: 200 });
  });

  it("uses --year for a report without a title", async () => {
    const { stdout } = await run("check", "--json", "--year", "2020", example("2019-bureau-seed.txt"));
    expect(JSON.parse(stdout).reports[0]).toMatchObject({ year: 2020, format: "2019" });
  });

  it.each([
    [["check"], "请给出要检查的文件或文件夹"],
    [["check", "--year", "24", "x.txt"], "--year 应为 2008–2100 之间的四位年份"],
    [["check", "--year"], "选项 --year 需要一个值"],
    [["frobnicate"], "未知的命令“frobnicate”"],
  ])("answers usage error %j with exit 2 and a Chinese message", async (argv, message) => {
    const { status, stderr } = await run(...argv);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });

  it("gives a missing file its own error and exit 2", async () => {
    const { status, stdout } = await run("check", "--json", "/no/such/report.txt");
    expect(status).toBe(2);
    expect(JSON.parse(stdout).reports[0]).toMatchObject({ file: "/no/such/report.txt", error: "文件或文件夹不存在" });
  });
});
