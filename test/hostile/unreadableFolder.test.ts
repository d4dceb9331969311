/**
 * A subfolder that cannot be read is its own entry and the rest is checked. The tests run as root (CI), for whom
 * no folder is unreadable, so Node's readdir is made to fail for that one folder as it does for a user without rights.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs", () => {
  const actual = jest.requireActual("node:fs");
  return {
    ...actual,
    readdirSync: (path: string, options?: unknown) => {
      if (String(path).endsWith("locked")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return actual.readdirSync(path, options);
    },
  };
});

import { main } from "../../src/cli/main";
import { EXAMPLES } from "../helpers/fixtures";

it("reports a subfolder it cannot read as its own entry and checks the rest", async () => {
  const folder = mkdtempSync(join(tmpdir(), "gov-report-locked-"));
  mkdirSync(join(folder, "locked"));
  writeFileSync(join(folder, "a.txt"), readFileSync(join(EXAMPLES, "2024-huaian-city.txt")));
  let stdout = "";
  const status = await main(["check", "--json", folder], { stdout: (text) => (stdout += text), stderr: () => undefined });
  expect(status).toBe(2);
  const reports = JSON.parse(stdout).reports as { file: string; error: string | null }[];
  expect(reports.map((entry) => [entry.file.slice(folder.length + 1), entry.error])).toEqual([
    ["locked", "无法读取此文件夹（EACCES），其中的报告未检查"],
    ["a.txt", null],
  ]);
});
