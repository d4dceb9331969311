/**
 * The folder summary page that `gov-report check FOLDER --summary` writes, opened from file:// in Chromium: sorted
 * by a column, filtered (only reports with errors; by rule), a row opened to its findings, the unreadable file's
 * own row, the total line, a rule's link to its explanation, and no request made.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { consistentValues, withValue } from "../helpers/reports";
import { fillControls } from "../support/controlTyping";
import { launch } from "./browser";

jest.setTimeout(60_000);

const DOCS =
  process.env.GOV_REPORT_SCREENSHOTS === "docs"
    ? join(__dirname, "..", "..", "docs")
    : join(__dirname, "..", "..", "test-output", "screenshots");
const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
mkdirSync(DOCS, { recursive: true });

const folder = mkdtempSync(join(tmpdir(), "gov-report-summary-"));
const reports = join(folder, "各部门年报");
const summary = join(folder, "汇总.html");
let browser: Browser;
let page: Page;
const requests: string[] = [];

const rowTexts = () => page.locator("#rows > tr:not(.details)").allTextContents();

beforeAll(async () => {
  mkdirSync(reports);
  const good = consistentValues("2021");
  const report = (name: string, organization: string, values: Map<string, string>) =>
    writeFileSync(join(reports, name), fillControls(templateDocx(FORMAT_2021, { organization, year: 2024 }), values));
  report("财政局.docx", "某市财政局", good);
  report("教育局.docx", "某市教育局", withValue(withValue(good, "t4.review.total", "99"), "t3.3-1.natural", "50"));
  report("公安局.docx", "某市公安局", withValue(good, "t4.review.total", "1"));
  writeFileSync(join(reports, "淮安市.txt"), readFileSync(join(EXAMPLES, "2024-huaian-city.txt")));
  writeFileSync(join(reports, "损坏.docx"), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]));
  const status = await main(["check", reports, "--summary", summary], { stdout: () => undefined, stderr: () => undefined });
  expect(status).toBe(2);
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(summary).href);
});

afterAll(async () => {
  await browser?.close();
});

describe("the folder summary page", () => {
  it("lists every report, the unreadable one in its own row, and a total line", async () => {
    const rows = await rowTexts();
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row.includes("损坏.docx"))).toContain("无法读取：");
    expect(rows[rows.length - 1]).toMatch(/^合计：5 份（无法读取 1 份）/);
    await page.screenshot({ path: join(DOCS, "summary.png") });
  });

  it("sorts by errors, most first on the second click", async () => {
    const errors = page.getByRole("button", { name: "错误", exact: true });
    await errors.click();
    await errors.click();
    expect(await page.locator('th[data-key="errors"]').getAttribute("aria-sort")).toBe("descending");
    const first = (await rowTexts())[0]!;
    expect(first).toContain("教育局.docx");
  });

  it("filters to the reports with errors, and by rule", async () => {
    await page.getByLabel("只看有错误或无法读取的报告").check();
    // The Huaian report has warnings only.
    const names = (await rowTexts()).slice(0, -1).map((row) => /^(\S+?\.(docx|txt))/.exec(row)?.[1]);
    expect(names.sort()).toEqual(["公安局.docx", "损坏.docx", "教育局.docx"].sort());
    await page.getByLabel("按规则：").selectOption("T3-C");
    const byRule = (await rowTexts()).slice(0, -1);
    expect(byRule).toHaveLength(1);
    expect(byRule[0]).toContain("教育局.docx");
    await page.getByLabel("按规则：").selectOption("");
    await page.getByLabel("只看有错误或无法读取的报告").uncheck();
  });

  it("opens a row to its findings, and links a rule to its explanation", async () => {
    const row = page.locator("#rows > tr", { hasText: "公安局.docx" });
    await row.getByRole("button", { name: "展开" }).click();
    const details = page.locator("#rows > tr.details");
    await details.waitFor();
    expect(await details.textContent()).toContain("表四“行政复议”四项之和为 6");
    expect(await row.getByRole("button", { name: "收起" }).getAttribute("aria-expanded")).toBe("true");
    await details.getByRole("link", { name: "T4-A" }).click();
    expect(page.url()).toMatch(/#rule-T4-A$/);
    expect(await page.locator("#rule-T4-A + dd").textContent()).toContain("总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结");
  });

  it("makes no request besides opening itself", () => {
    expect(requests.filter((url) => !url.startsWith(pathToFileURL(summary).href))).toEqual([]);
  });
});
