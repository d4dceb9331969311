import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { checkReport } from "../../src/domain/check";
import { readDocxReport } from "../../src/docx/reader";
import { documentXmlOf, fillControls } from "../helpers/docx";
import { consistentValues, withValue } from "../helpers/reports";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

describe("gov-report new, check --annotate, clear", () => {
  const folder = mkdtempSync(join(tmpdir(), "gov-report-cli-"));
  const at = (name: string) => join(folder, name);

  it("writes a template for the given year, agency and format", async () => {
    const { status, stdout } = await run("new", "--year", "2026", "--org", "某某市某某局", "-o", at("new.docx"));
    expect(status).toBe(0);
    expect(stdout).toContain("2021 年格式");
    const result = checkReport(readDocxReport(readFileSync(at("new.docx"))));
    expect(result).toMatchObject({ format: "2021", year: 2026, organization: "某某市某某局", cellsRead: 200, errors: 0 });
  });

  it("defaults to last calendar year and picks the 2019 format for 2019 and 2020, or as asked", async () => {
    await run("new", "--org", "某某局", "-o", at("default.docx"));
    expect(checkReport(readDocxReport(readFileSync(at("default.docx")))).year).toBe(new Date().getFullYear() - 1);
    await run("new", "--org", "某某局", "--year", "2020", "-o", at("y2020.docx"));
    expect(checkReport(readDocxReport(readFileSync(at("y2020.docx")))).format).toBe("2019");
    await run("new", "--org", "某某局", "--year", "2024", "--format", "2019", "-o", at("forced.docx"));
    expect(checkReport(readDocxReport(readFileSync(at("forced.docx")))).format).toBe("2019");
  });

  it("does not overwrite an existing file unless told to", async () => {
    writeFileSync(at("exists.docx"), "mine");
    const { status, stderr } = await run("new", "--org", "某某局", "-o", at("exists.docx"));
    expect(status).toBe(2);
    expect(stderr).toContain("文件已存在");
    expect(readFileSync(at("exists.docx"), "utf8")).toBe("mine");
  });

  it("annotates only .docx files", async () => {
    expect((await run("check", at("x.txt"), "--annotate", at("x.docx"))).stderr).toContain("--annotate 只能标注 .docx 文件");
  });

  it("rejects an unknown format", async () => {
    expect((await run("new", "--org", "某某局", "--format", "2030", "-o", at("x.docx"))).stderr).toContain("--format 应为 2021、2019 之一");
  });

  it("annotates a checked copy, exits 1 for errors, and clear restores the document", async () => {
    await run("new", "--year", "2025", "--org", "某某局", "-o", at("blank.docx"));
    const filled = fillControls(readFileSync(at("blank.docx")), withValue(consistentValues("2021"), "t3.3-1.total", "0"));
    writeFileSync(at("filled.docx"), filled);
    const checked = await run("check", at("filled.docx"), "--annotate", at("marked.docx"));
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain("已标注 1 个单元格");
    expect(existsSync(at("marked.docx"))).toBe(true);
    const cleared = await run("clear", at("marked.docx"), "-o", at("clean.docx"));
    expect(cleared).toMatchObject({ status: 0, stdout: expect.stringContaining("已恢复 1 个单元格的底纹，删除 1 条本工具添加的批注") });
    expect(documentXmlOf(readFileSync(at("clean.docx")))).toBe(documentXmlOf(filled));
  });

  it("checks .docx files in a folder alongside text files", async () => {
    const { stdout } = await run("check", "--json", at("new.docx"));
    expect(JSON.parse(stdout).reports[0]).toMatchObject({
      format: "2021",
      organization: "某某市某某局",
      cellsRead: 200,
      cellsExpected: 200,
    });
  });

  it("gives an unreadable .docx its Chinese error in the report list", async () => {
    writeFileSync(at("broken.docx"), "PK\u0003\u0004 broken");
    const { status, stdout } = await run("check", at("broken.docx"));
    expect(status).toBe(2);
    expect(stdout).toContain("无法读取：文件已损坏或不完整");
  });
});
