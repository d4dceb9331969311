/**
 * Bounded work on untrusted input (hostile-files issue, "XML" and "bounded work"): nesting, element count, entity
 * and character references, broken parts of an annotated file, and work that stays linear in the input's size.
 */
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { FORMAT_2021 } from "../../src/domain/formats";
import { annotateDocx } from "../../src/docx/service";
import { templateDocx } from "../../src/docx/template";
import { readTextReport } from "../../src/readers/textReader";
import { parseXml, XmlError } from "../../src/util/xml";
import { withDocumentXml } from "../helpers/docx";
import { EXAMPLES } from "../helpers/fixtures";
import { readReportBytes } from "../helpers/messages";
import { consistentValues, withValue } from "../helpers/reports";
import { fillControls } from "../helpers/docx";

const dir = mkdtempSync(join(tmpdir(), "gov-report-bounds-"));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

function xmlError(source: string): XmlError {
  try {
    parseXml(source);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("XML from anywhere", () => {
  it("refuses 10,000 levels of nesting without overflowing the stack", async () => {
    expect(xmlError("<a>".repeat(10_000) + "</a>".repeat(10_000)).message).toContain("嵌套超过 256 层");
  });

  it.each([
    ["an unknown entity", "<a>&foo;</a>"],
    ["an out-of-range character reference", "<a>&#x110000;</a>"],
    ["an unquoted attribute", "<a x=1/>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["a name starting with a digit", "<1a/>"],
  ])("refuses %s with a Chinese message, keeping the parser's words apart", async (_name, source) => {
    const error = xmlError(source);
    expect(error.message).toMatch(/^XML 格式不正确（第 \d+ 行第 \d+ 列）$/);
    expect(error.detail).not.toBe("");
  });

  it("refuses a document of millions of empty paragraphs (a small zip) by its element count", async () => {
    const bytes = withDocumentXml(templateDocx(FORMAT_2021, { organization: "某局", year: 2024 }), (xml) =>
      xml.replace("<w:body>", `<w:body>${"<w:p/>".repeat(1_100_000)}`),
    );
    expect(bytes.length).toBeLessThan(1_000_000);
    await expect(readReportBytes("many.docx", bytes)).rejects.toThrow(/XML 元素超过 1000000 个/);
  });

  it("gives clear and re-annotation a Chinese error, not a crash, for a DTD or bad XML in comments.xml", async () => {
    const annotated = annotateDocx(
      fillControls(
        templateDocx(FORMAT_2021, { organization: "某局", year: 2024 }),
        withValue(consistentValues("2021"), "t4.review.total", "9"),
      ),
      {},
    ).output;
    for (const [name, comments] of [
      ["dtd", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><w:comments ${W}/>`],
      ["broken", `<w:comments ${W}><w:comment>`],
    ] as const) {
      const files = unzipSync(annotated);
      files["word/comments.xml"] = strToU8(comments);
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, zipSync(files));
      for (const argv of [
        ["clear", file, "-o", join(dir, `${name}-clear.docx`)],
        ["check", file, "--annotate", join(dir, `${name}-again.docx`)],
      ]) {
        const { status, stderr } = await run(...argv);
        expect(status).toBe(2);
        expect(stderr).toMatch(/^无法读取：文档内容已损坏|^无法读取：.*DTD/);
      }
    }
  });
});

/** The fastest of three runs, in milliseconds. */
function fastest(work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const quietly = (work: () => void) => () => {
  try {
    work();
  } catch {
    // refusing is fine: how long it takes is what is measured
  }
};

describe("work that stays linear (4× the input, well under 16× the time)", () => {
  // Text lines are bounded at 20,000 characters (longer ones are refused at once), so text is measured below that.
  it.each([
    ["a malformed 1 MB tag", 250_000, (size: number) => quietly(() => parseXml(`<w:p ${'a="1" '.repeat(size / 6)}`))],
    ["a 1 MB line of text", 250_000, (size: number) => quietly(() => readTextReport(`一、总体情况\n${"字".repeat(size)}`))],
    [
      "a run of digits before 件 in prose",
      4_000,
      (size: number) => quietly(() => readTextReport(`一、总体情况\n${"1".repeat(size)}件结转下年度`)),
    ],
    [
      "a layout line of many values",
      4_000,
      (size: number) => quietly(() => readTextReport(`三、收到和处理政府信息公开申请情况\n（一）予以公开 ${"1 ".repeat(size / 2)}`)),
    ],
  ])("%s", async (_name, size, make) => {
    const small = fastest(make(size));
    const large = fastest(make(size * 4));
    expect(large / Math.max(small, 0.5)).toBeLessThan(10);
  });
});

describe("the internal-error guard", () => {
  it("is reached by no input in the project's own corpus", async () => {
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(join(EXAMPLES, ".."));
    const { status, stdout } = await run("check", "--json", ...files);
    expect(status).not.toBe(3);
    const reports = JSON.parse(stdout).reports as { file: string; errorCode?: string }[];
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.filter((entry) => entry.errorCode === "INTERNAL")).toEqual([]);
  });
});
