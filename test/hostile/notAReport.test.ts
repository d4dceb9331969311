/**
 * Files that are not one report: nothing to check must never read as "错误 0 项"; two reports in one file are
 * refused; duplicate zip entries are refused; parts in UTF-16 or a declared encoding are read and written without
 * losing a character (hostile-files issue: "nothing found", "wrong diagnoses", XML encodings).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { checkReport } from "../../src/domain/check";
import { FORMAT_2021 } from "../../src/domain/formats";
import { annotateDocx, clearDocx } from "../../src/docx/service";
import { templateDocx } from "../../src/docx/template";
import { ReportReadError } from "../../src/readers/errors";
import { encodeGb18030, encodeUtf16le } from "../helpers/encodings";
import { EXAMPLES } from "../helpers/fixtures";
import { readReportBytes } from "../helpers/messages";
import { consistentValues } from "../helpers/reports";
import { fillControls } from "../helpers/docx";

const dir = mkdtempSync(join(tmpdir(), "gov-report-not-a-report-"));
const huaian = readFileSync(join(EXAMPLES, "2024-huaian-city.txt"), "utf8");

async function run(...argv: string[]) {
  let stdout = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: () => undefined });
  return { status, json: stdout.startsWith("{") ? JSON.parse(stdout) : null, stdout };
}

async function checkBytes(name: string, bytes: Uint8Array) {
  writeFileSync(join(dir, name), bytes);
  return await run("check", "--json", join(dir, name));
}

describe("a file that is no report", () => {
  it.each([
    ["blank.txt", strToU8("   \n\t\n  \n")],
    ["garbage.txt", strToU8("lorem ipsum dolor sit amet 1 2 3\nfoo bar 42\n")],
    ["big5.txt", Uint8Array.from([0xac, 0x46, 0xa9, 0xb2, 0xab, 0x48, 0xae, 0xa7, 0xa4, 0xbd, 0xb6, 0x7d, 0x0a])],
  ])("%s is an error READ-NOT-A-REPORT, not a clean report", async (name, bytes) => {
    const { status, json } = await checkBytes(name, bytes);
    expect(status).toBe(1);
    expect(json.reports[0].findings.map((finding: { rule: string }) => finding.rule)).toEqual(["READ-NOT-A-REPORT"]);
  });
});

describe("two reports in one file", () => {
  it("refuses a text with two reports one after the other, and says where each begins", async () => {
    const { status, json } = await checkBytes("twice.txt", strToU8(`${huaian}\n${huaian}`));
    expect(status).toBe(2);
    expect(json.reports[0]).toMatchObject({ errorCode: "SEVERAL_REPORTS" });
    expect(json.reports[0].error).toMatch(/^文件中有 2 份年度报告（分别从第 \d+ 行、第 \d+ 行开始）/);
  });
});

describe("zip packages", () => {
  it("refuses two entries of one name", async () => {
    const template = templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 });
    const files = unzipSync(template);
    // A copy under a name of the same length, renamed in the zip's bytes (local header and central directory).
    const zipped = zipSync({ ...files, "word/documenX.xml": strToU8("<w:document/>") });
    const name = strToU8("word/documenX.xml");
    for (let i = 0; i + name.length <= zipped.length; i++) {
      if (name.every((byte, k) => zipped[i + k] === byte)) zipped[i + name.length - 5] = "t".charCodeAt(0);
    }
    const error = await (async () => {
      try {
        await readReportBytes("dup.docx", zipped);
      } catch (caught) {
        return caught as ReportReadError;
      }
      throw new Error("read");
    })();
    expect(error.message).toContain("两个同名的部件");
  });
});

describe("parts in other encodings", () => {
  const filled = fillControls(templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 }), consistentValues("2021"));
  const reencoded = (encode: (xml: string) => Uint8Array, declaration: string) => {
    const files = unzipSync(filled);
    const xml = strFromU8(files["word/document.xml"]!).replace(/^<\?xml[^>]*\?>/, declaration);
    files["word/document.xml"] = new Uint8Array(encode(xml));
    return zipSync(files);
  };

  it.each([
    ["UTF-16 with a BOM", (xml: string) => encodeUtf16le(xml), '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>'],
    ["GB18030 as declared", (xml: string) => encodeGb18030(xml), '<?xml version="1.0" encoding="GB18030" standalone="yes"?>'],
  ])("reads document.xml in %s, and annotates it without losing a character", async (_name, encode, declaration) => {
    const bytes = reencoded(encode, declaration);
    const result = checkReport(await readReportBytes("enc.docx", bytes));
    expect(result).toMatchObject({ organization: "某市某局", cellsRead: 200, errors: 0 });
    const annotated = annotateDocx(bytes, { markBlanks: true }).output;
    const xml = strFromU8(unzipSync(annotated)["word/document.xml"]!);
    expect(xml).not.toContain("\ufffd");
    expect(xml).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
    expect(xml).toContain("某市某局");
    expect(checkReport(await readReportBytes("cleared.docx", clearDocx(annotated).output)).cellsRead).toBe(200);
  });
});

describe("what a file is, told right", () => {
  it("reads UTF-16 text without a byte-order mark as text", async () => {
    const { json } = await checkBytes("utf16.txt", new Uint8Array(encodeUtf16le(huaian, false)));
    expect(json.reports[0]).toMatchObject({ error: null, cellsRead: 200 });
  });

  it("reads a text that happens to start with PK as text, not as a damaged zip", async () => {
    const { json } = await checkBytes("pk.txt", strToU8(`PK 编号 17\n${huaian}`));
    expect(json.reports[0].error).toBeNull();
  });
});
