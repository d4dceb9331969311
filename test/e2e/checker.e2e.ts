/**
 * The offline checker page (dist-e2e/checker.html, the same build as dist/checker.html), opened from file:// in
 * Chromium as a clerk opens it from a shared folder. Four files at once (a filled template with planted errors, a
 * WPS-made .docx without controls, a text report, a corrupt file); the findings shown are exactly the command
 * line's; the annotated copy, the cleared copy and a blank template are downloaded and read back with the
 * project's .docx reader; a dismissal travels in the copy; and the page makes no request at all.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AxeResults } from "axe-core";
import type { Browser, Download, Locator, Page } from "playwright-core";
import { strFromU8, unzipSync } from "fflate";
import { Workbook } from "exceljs";
import { checkReport, type CheckResult } from "../../src/domain/check";
import { groupFindings } from "../../src/domain/findings";
import { FORMAT_2021, type CellId } from "../../src/domain/formats";
import { findingMessage, foldSummary, groupHeadline } from "../../src/domain/wording";
import { annotateDocx } from "../../src/docx/service";
import { templateDocx } from "../../src/docx/template";
import { parseState } from "../../src/util/annotationPart";
import { readFailure } from "../../src/readers/failure";
import { documentXmlOf } from "../helpers/docx";
import { readReportBytes } from "../helpers/messages";
import { consistentValues, withValue } from "../helpers/reports";
import { fillControls } from "../support/controlTyping";
import { convertWithLibreOffice } from "../helpers/ooxml";
import { E2E_DIST, launch } from "./browser";

jest.setTimeout(120_000);

const OUTPUT = join(__dirname, "..", "..", "test-output", "checker");
const DOCS =
  process.env.GOV_REPORT_SCREENSHOTS === "docs"
    ? join(__dirname, "..", "..", "docs")
    : join(__dirname, "..", "..", "test-output", "screenshots");
const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PAGE_URL = pathToFileURL(join(E2E_DIST, "checker.html")).href;

mkdirSync(OUTPUT, { recursive: true });
mkdirSync(DOCS, { recursive: true });

/**
 * The report with planted errors: two cells that each break a column's balance (T3-A) and a row total (T3-C), so
 * that the numbers single them out, and a 表四 total (T4-A), which no single cell of its sum explains.
 */
const PLANTED: CellId[] = ["t3.1.total", "t3.2.natural", "t4.review.total"];
function plantedReport(): Uint8Array {
  let values = consistentValues("2021");
  const plus = (id: CellId, by: number) => (values = withValue(values, id, String(Number(values.get(id)) + by)));
  plus("t3.1.total", 4);
  plus("t3.2.natural", 3);
  plus("t4.review.total", 2);
  return fillControls(templateDocx(FORMAT_2021, { organization: "某某市某某局", year: 2024 }), values);
}

const corrupt = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(300).fill(7)]);

const FILES: { name: string; bytes: Uint8Array }[] = [
  { name: "某某局2024年报-填写.docx", bytes: plantedReport() },
  { name: "WPS模板.docx", bytes: readFileSync(join(EXAMPLES, "2021-template-wps-no-controls.docx")) },
  { name: "淮安市2024年报.txt", bytes: readFileSync(join(EXAMPLES, "2024-huaian-city.txt")) },
  { name: "损坏的报告.docx", bytes: corrupt },
];
// The same report as its agency publishes it, printed to PDF: pdf.js runs in the page as on the command line.
const PDF = { name: "某某局2024年报.pdf", bytes: convertWithLibreOffice(FILES[0]!.bytes, "planted.docx", "pdf", "pdf") };
for (const file of FILES) writeFileSync(join(OUTPUT, file.name), file.bytes);

/** What each file's region must say: every finding's words (or its fold's), as the command line checks it. */
async function expectedTexts(name: string, bytes: Uint8Array): Promise<{ result: CheckResult | null; texts: string[] }> {
  try {
    const result = checkReport(await readReportBytes(name, bytes));
    const texts = groupFindings(result.findings).flatMap((group) =>
      group.fold
        ? [foldSummary(group)]
        : group.fix
          ? [groupHeadline(group), ...group.findings.map(findingMessage)]
          : group.findings.map(findingMessage),
    );
    return { result, texts };
  } catch (error) {
    return { result: null, texts: [readFailure(error).error] };
  }
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
const axeResults: Record<string, unknown> = {};

async function audit(state: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !node.html.includes("data-tabster-dummy")) }))
      .filter((violation) => violation.nodes.length > 0)
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        targets: violation.nodes.map((node) => node.html.slice(0, 200)),
      }));
  });
  axeResults[state] = violations;
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
}

async function saved(download: Download, name: string): Promise<Uint8Array> {
  const path = join(OUTPUT, name);
  await download.saveAs(path);
  return readFileSync(path);
}

const region = (name: string): Locator => page.getByRole("region", { name, exact: true });

async function dropFiles(files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  await page
    .getByLabel("选择要检查的报告文件")
    .setInputFiles(files.map((file) => ({ name: file.name, mimeType: "application/octet-stream", buffer: Buffer.from(file.bytes) })));
  await page.getByText(`已检查 ${files.length} 个文件`).waitFor();
}

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(PAGE_URL);
  await page.getByRole("heading", { name: "政府信息公开工作年度报告 · 离线检查" }).waitFor();
});

afterAll(async () => {
  writeFileSync(join(OUTPUT, "axe.json"), JSON.stringify(axeResults, null, 2));
  await browser?.close();
});

describe("the offline checker page, from file://", () => {
  it("opens with its title, offline policy and no problem for axe", async () => {
    expect(await page.title()).toBe("政府信息公开工作年度报告 · 离线检查");
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
    await audit("empty");
    await page.screenshot({ path: join(DOCS, "checker-empty.png") });
  });

  it("checks four files at once, each in its region, with exactly the command line's findings", async () => {
    await dropFiles(FILES);
    for (const file of FILES) {
      const { result, texts } = await expectedTexts(file.name, file.bytes);
      const text = (await region(file.name).textContent()) ?? "";
      for (const expected of texts) expect(`${file.name}: ${text.includes(expected) ? "" : expected}`).toBe(`${file.name}: `);
      if (result) {
        const summary = region(file.name).getByLabel(`${file.name} 的检查结果`);
        expect(await summary.textContent()).toContain(
          `${result.errors}错误${result.warnings}警告${result.cellsRead}/${result.cellsExpected}`,
        );
      }
    }
    expect(await region("损坏的报告.docx").textContent()).toContain("无法读取");
    const planted = checkReport(await readReportBytes(FILES[0]!.name, FILES[0]!.bytes));
    expect(planted.findings.map((finding) => [finding.rule, finding.likely?.id ?? null]).sort()).toEqual([
      ["T3-A", "t3.1.total"],
      ["T3-A", "t3.2.natural"],
      ["T3-C", "t3.1.total"],
      ["T3-C", "t3.2.natural"],
      ["T4-A", null],
    ]);
    await audit("results");
    await region(FILES[0]!.name).screenshot({ path: join(DOCS, "checker-result.png") });
  });

  it("exports the figures of the files checked, as the command line's --xlsx does", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出数据（.xlsx）" }).click()]);
    expect(download.suggestedFilename()).toBe("年报数据（4 份）.xlsx");
    const workbook = new Workbook();
    await workbook.xlsx.load((await saved(download, "figures.xlsx")) as unknown as ArrayBuffer);
    const data = workbook.getWorksheet("数据")!;
    expect(data.rowCount).toBe(3 + 3);
    expect(data.getRow(4).getCell(1).value).toBe(FILES[0]!.name);
    expect(data.getRow(4).getCell(2).value).toBe("某某市某某局");
    expect(workbook.getWorksheet("无法读取")!.getRow(2).getCell(1).value).toBe("损坏的报告.docx");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出数据（.csv）" }).click()]);
    const text = Buffer.from(await saved(csv, "figures.csv")).toString("utf8");
    expect(text.startsWith("\ufeff文件,机关,年度")).toBe(true);
  });

  it("reads a PDF in the page with pdf.js, with the same findings as the .docx it was printed from", async () => {
    await dropFiles([PDF]);
    const { result, texts } = await expectedTexts(PDF.name, PDF.bytes);
    expect(result?.cellsRead).toBe(200);
    const text = (await region(PDF.name).textContent()) ?? "";
    expect(texts.filter((expected) => !text.includes(expected))).toEqual([]);
    expect(text).toContain("5错误0警告200/200");
    // A PDF cannot be marked or store a dismissal: no such buttons.
    expect(await region(PDF.name).getByRole("button", { name: "下载标注副本" }).count()).toBe(0);
  });

  it("downloads the annotated copy: exactly the cells the command line marks, the planted ones", async () => {
    // A sum that no single cell explains (T4-A here) has all its cells shaded, as the command line and Word do.
    const t4Sum = ["t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending", "t4.review.total"];
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      region(FILES[0]!.name).getByRole("button", { name: "下载标注副本" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("某某局2024年报-填写-标注.docx");
    const copy = await saved(download, "annotated.docx");
    const marks = parseState(strFromU8(unzipSync(copy)["customXml/item1.xml"]!))
      .marks.map((mark) => mark.cell)
      .sort();
    const cli = parseState(strFromU8(unzipSync(annotateDocx(FILES[0]!.bytes).output)["customXml/item1.xml"]!)).marks.map(
      (mark) => mark.cell,
    );
    expect(marks).toEqual([...cli].sort());
    expect(marks).toEqual([...new Set([...PLANTED, ...t4Sum])].sort());
    expect(checkReport(await readReportBytes("annotated.docx", copy)).cellsRead).toBe(200);
    await page.getByText("已下载标注副本：标注了 7 个单元格").waitFor();
  });

  it("clears a marked copy back to the document as it was before", async () => {
    const annotated = readFileSync(join(OUTPUT, "annotated.docx"));
    await dropFiles([{ name: "标注后.docx", bytes: annotated }]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      region("标注后.docx").getByRole("button", { name: "清除标记" }).click(),
    ]);
    const cleared = await saved(download, "cleared.docx");
    expect(documentXmlOf(cleared)).toBe(documentXmlOf(FILES[0]!.bytes));
    await region("标注后.docx").getByText("已恢复 7 个单元格的底纹").waitFor();
  });

  it("stores a dismissal with its reason in the downloaded copy", async () => {
    const file = region(FILES[0]!.name);
    await file.getByRole("button", { name: "忽略此问题…" }).first().click();
    await page.getByRole("dialog").getByRole("textbox").fill("经核实，该数字以业务系统为准");
    await audit("dismiss-dialog");
    await page.getByRole("dialog").getByRole("button", { name: "忽略" }).click();
    await file.getByText("已忽略 1 项").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), file.getByRole("button", { name: "下载标注副本" }).click()]);
    const copy = await saved(download, "dismissed.docx");
    const state = parseState(strFromU8(unzipSync(copy)["customXml/item1.xml"]!));
    expect(state.dismissals.map((dismissal) => dismissal.reason)).toEqual(["经核实，该数字以业务系统为准"]);
    expect((await readReportBytes("dismissed.docx", copy)).dismissed).toHaveLength(1);
  });

  it("downloads a blank template for a chosen agency, year and format", async () => {
    await page.getByRole("button", { name: "下载空白模板" }).click();
    await page.getByLabel("机关名称").fill("某某县某某局");
    await page.getByLabel("报告年度").fill("2025");
    await audit("template-form");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 2025 年度报告模板（.docx）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("某某县某某局2025年政府信息公开工作年度报告.docx");
    const reading = await readReportBytes("template.docx", await saved(download, "template.docx"));
    expect([reading.format, reading.year, reading.organization, reading.cells.length]).toEqual(["2021", 2025, "某某县某某局", 200]);
  });

  it("made no request at all besides opening itself (downloads are blob: URLs in the page)", () => {
    expect(requests.filter((url) => url !== PAGE_URL && !url.startsWith("blob:"))).toEqual([]);
  });
});
