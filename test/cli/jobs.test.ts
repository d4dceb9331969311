/**
 * `gov-report check --jobs N`: the compiled command line (worker threads need the compiled worker script) checks a
 * folder on N threads with exactly the output of one thread, in the files' order, and a bad file stays one row.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { EXAMPLES } from "../helpers/fixtures";
import { randomValues } from "../helpers/reports";
import { fillControls } from "../support/controlTyping";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "test-output", "build", "src", "cli", "main.js");
jest.setTimeout(120_000);

beforeAll(() => {
  // npm test compiles it first (pretest); run alone, this does.
  execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(ROOT, "tsconfig.tools.json")]);
});

describe("gov-report check --jobs", () => {
  const folder = mkdtempSync(join(tmpdir(), "gov-report-jobs-"));
  mkdirSync(join(folder, "sub"));
  const template = templateDocx(FORMAT_2021, { organization: "某某市某某局", year: 2024 });
  for (let i = 0; i < 12; i++)
    writeFileSync(join(folder, `r${String(i).padStart(2, "0")}.docx`), fillControls(template, randomValues("2021", i + 1)));
  writeFileSync(join(folder, "sub", "huaian.txt"), readFileSync(join(EXAMPLES, "2024-huaian-city.txt")));
  writeFileSync(join(folder, "r05-broken.docx"), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, "check", "--json", folder, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });

  it("gives on three threads exactly the report of one, file for file, in order", () => {
    const one = run("--jobs", "1");
    const three = run("--jobs", "3");
    expect(three.status).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    const reports = JSON.parse(three.stdout).reports as { file: string; errorCode?: string }[];
    expect(reports).toHaveLength(14);
    expect(reports.filter((report) => report.errorCode).map((report) => report.file)).toEqual([join(folder, "r05-broken.docx")]);
    expect(three.stderr).toMatch(/^已检查 14 份：\d+ 份有错误，1 个无法读取/m);
  });

  it("refuses a number of jobs that is not one", () => {
    for (const jobs of ["0", "x", "1.5", "999"]) {
      const result = run("--jobs", jobs);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("--jobs 应为 1–256 之间的整数");
    }
  });
});

describe("a folder check's temporary spool", () => {
  it("is removed when the check ends, also when a file cannot be read", async () => {
    const { main } = await import("../../src/cli/main");
    const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith("gov-report-spool-"));
    const before = spools();
    const folder = mkdtempSync(join(tmpdir(), "gov-report-folder-"));
    writeFileSync(join(folder, "a.txt"), readFileSync(join(EXAMPLES, "2024-huaian-city.txt")));
    writeFileSync(join(folder, "b.docx"), Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
    const status = await main(["check", folder], { stdout: () => undefined, stderr: () => undefined });
    expect(status).toBe(2);
    expect(spools()).toEqual(before);
  });
});
