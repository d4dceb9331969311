/** The command line refuses what it does not understand, per command, in Chinese; and one bad file never stops a folder. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { main, usage } from "../../src/cli/main";
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { EXAMPLES } from "../helpers/fixtures";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const folder = mkdtempSync(join(tmpdir(), "gov-report-options-"));
const report = join(EXAMPLES, "2024-huaian-city.txt");

describe("strict options", () => {
  it.each([
    [["check", "--jsn", report], "“check”命令没有选项 --jsn"],
    [["check", "--anotate", join(folder, "o.docx"), report], "“check”命令没有选项 --anotate"],
    [["check", "--json=yes", report], "选项 --json 不接受值"],
    [["new", "--org", "某局", "-o"], "--output 需要一个值"],
    [["new", "--org", "-o", "x.docx"], "的值以“-”开头"],
    [["clear", "--year", "2024", "a.docx", "-o", "b.docx"], "“clear”命令没有选项 --year"],
    [["check", "--mark-blanks", report], "选项 --mark-blanks 只能与 --annotate 一起使用"],
    [["check", "--no-comments", report], "选项 --no-comments 只能与 --annotate 一起使用"],
    [["new", "--org", "（机关名称）", "-o", join(folder, "p.docx")], "是占位文字"],
    [["new", "--org", "某局\u0007", "-o", join(folder, "c.docx")], "控制字符"],
    [["new", "--org", "某局", "--year", "2018", "-o", join(folder, "y.docx")], "--year 应为 2019–2100 之间的四位年份"],
  ])("refuses %j with exit 2 and says why", async (argv, message) => {
    const { status, stdout, stderr } = await run(...argv);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it("gives each command its own --help, and --version", async () => {
    const help = await run("check", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--annotate 标注后.docx");
    expect(help.stdout).not.toContain("gov-report new");
    expect((await run("new", "-h")).stdout).toContain("--org 机关名称");
    expect((await run("--version")).stdout).toMatch(/^gov-report \d+\.\d+\.\d+$/);
  });

  it("lists every option of every command in the usage, --force included", async () => {
    const text = usage();
    for (const option of [
      "--json",
      "--verbose",
      "--year",
      "--annotate",
      "--mark-blanks",
      "--no-comments",
      "--force",
      "--output",
      "--org",
      "--format",
    ]) {
      expect(text).toContain(option);
    }
  });

  it("still accepts a year for checking reports from before the templates (2008 on)", async () => {
    expect((await run("check", "--json", "--year", "2010", report)).status).not.toBe(2);
  });
});

describe("one bad file in a folder", () => {
  it("gives a document with &nbsp; its own Chinese error, checks the others, and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gov-report-folder-"));
    writeFileSync(join(dir, "a-good.docx"), templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 }));
    const bad = zipSync({
      "[Content_Types].xml": strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      "_rels/.rels": strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p></w:body></w:document>',
      ),
    });
    writeFileSync(join(dir, "b-nbsp.docx"), bad);
    writeFileSync(join(dir, "c-good.txt"), readFileSync(report));
    const { status, stdout } = await run("check", "--json", dir);
    expect(status).toBe(2);
    const reports = JSON.parse(stdout).reports as { file: string; error: string | null; detail?: string; cellsRead: number }[];
    expect(reports.map((entry) => [entry.file.slice(dir.length + 1), entry.error === null])).toEqual([
      ["a-good.docx", true],
      ["b-nbsp.docx", false],
      ["c-good.txt", true],
    ]);
    const error = reports[1]!.error!;
    expect(error).toContain("文档内容已损坏");
    expect(error).not.toMatch(/entity|undefined|unexpected/i);
    expect(reports[1]!.detail).toMatch(/entity/);
    expect(reports[2]!.cellsRead).toBe(200);
  });
});
