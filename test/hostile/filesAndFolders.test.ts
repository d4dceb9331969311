/**
 * Folders and outputs from anywhere (hostile-files issue, "output and folders" and "writing over the input"): no
 * crash, no hang, a Chinese message and exit 2 for what cannot be read or written, never a write over an input.
 */
import { execFileSync } from "node:child_process";
import { truncateSync } from "node:fs";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { EXAMPLES } from "../helpers/fixtures";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr, json: stdout.startsWith("{") ? JSON.parse(stdout) : null };
}

const root = mkdtempSync(join(tmpdir(), "gov-report-folders-"));
const report = readFileSync(join(EXAMPLES, "2024-huaian-city.txt"));
const docx = templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 });

describe("walking a folder", () => {
  const folder = join(root, "reports");
  mkdirSync(join(folder, "sub"), { recursive: true });
  writeFileSync(join(folder, "a.txt"), report);
  writeFileSync(join(folder, "sub", "b.docx"), docx);
  execFileSync("mkfifo", [join(folder, "pipe.txt")]);
  symlinkSync("/dev/zero", join(folder, "zero.txt"));
  symlinkSync(join(EXAMPLES, "2023-hongze-district.txt"), join(folder, "outside.txt"));
  symlinkSync(join(folder, "a.txt"), join(folder, "inside.txt"));

  it("reads regular files, skips a FIFO and links out of the tree with their own entries, and never hangs", async () => {
    const { status, json } = await run("check", "--json", folder);
    expect(status).toBe(2);
    const entries = (json.reports as { file: string; error: string | null; cellsRead: number }[]).map((entry) => [
      entry.file.slice(folder.length + 1),
      entry.error,
    ]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ["pipe.txt", "这是一个命名管道（FIFO），不是普通文件，已跳过"],
        ["zero.txt", "符号链接指向所检查文件夹之外，已跳过"],
        ["outside.txt", "符号链接指向所检查文件夹之外，已跳过"],
        ["a.txt", null],
        ["inside.txt", null],
        [join("sub", "b.docx"), null],
      ]),
    );
    expect(entries).toHaveLength(6);
  });

  it("refuses a device named directly, without reading it", async () => {
    const { status, json } = await run("check", "--json", "/dev/zero");
    expect(status).toBe(2);
    expect(json.reports[0].error).toContain("不是普通文件");
  });

  it("refuses a file larger than the bound before reading it", async () => {
    const big = join(root, "big.txt");
    writeFileSync(big, "");
    truncateSync(big, 300 * 1024 * 1024);
    const { json } = await run("check", "--json", big);
    expect(json.reports[0].error).toMatch(/超过 256 MB 的上限/);
  });
});

describe("writing outputs", () => {
  const input = join(root, "in.docx");
  writeFileSync(input, docx);

  it.each([
    ["a missing folder", () => join(root, "no-such-folder", "out.docx"), "所在文件夹不存在"],
    ["a file as the parent", () => join(input, "out.docx"), "不是文件夹"],
    [
      "a folder as the target",
      () => {
        mkdirSync(join(root, "dir.docx"), { recursive: true });
        return join(root, "dir.docx");
      },
      "这是一个文件夹",
    ],
  ])("explains %s in Chinese with exit 2", async (_name, target, message) => {
    const { status, stderr } = await run("new", "--org", "某局", "-o", target(), "--force");
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });

  it("explains a full disk", async () => {
    const full = join(root, "full.docx");
    symlinkSync("/dev/full", full);
    const { status, stderr } = await run("new", "--org", "某局", "-o", full, "--force");
    expect(status).toBe(2);
    expect(stderr).toContain("磁盘空间不足");
  });

  it.each([
    ["a summary page", "--summary", "full.html"],
    ["a workbook", "--xlsx", "full.xlsx"],
    ["a CSV file", "--csv", "full.csv"],
  ])("explains a full disk for %s written piece by piece, and the reports are still printed", async (_name, flag, name) => {
    const full = join(root, name);
    symlinkSync("/dev/full", full);
    const reports = join(root, `for-${name}`);
    mkdirSync(reports);
    writeFileSync(join(reports, "a.txt"), report);
    const { status, stdout, stderr } = await run("check", reports, flag, full, "--force");
    expect(status).toBe(2);
    expect(stderr).toContain(`无法写入 ${full}（磁盘空间不足）`);
    expect(stdout).toContain("a.txt ==");
  });

  it.each([
    ["a symbolic link", (target: string) => symlinkSync(input, target)],
    ["a hard link", (target: string) => linkSync(input, target)],
  ])("never writes over the input through %s, even with --force", async (name, make) => {
    const target = join(root, `${name.replace(/ /g, "-")}.docx`);
    make(target);
    const before = readFileSync(input);
    const { status, stderr } = await run("clear", input, "-o", target, "--force");
    expect(status).toBe(2);
    expect(stderr).toContain("不能是输入文件");
    expect(readFileSync(input)).toEqual(before);
  });
});
