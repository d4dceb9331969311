/**
 * Exporting a folder's figures (--xlsx, --csv) and its summary page (--summary): every report in its row with every
 * value in its column, every finding in the findings sheet, every unreadable file in its own sheet.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Workbook, stream } from "exceljs";
import { zipBacklog, zipCaughtUp } from "../../src/cli/xlsxFile";
import { main } from "../../src/cli/main";
import { terminalProgress, NO_PROGRESS } from "../../src/cli/progress";
import { checkReport } from "../../src/domain/check";
import { LEADING_COLUMNS, figureColumns, figureSheetPasses, figureSheets } from "../../src/domain/figures";
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { figuresCsv } from "../../src/export/csv";
import { summaryHtml } from "../../src/export/summaryPage";
import { EXAMPLES } from "../helpers/fixtures";
import { consistentValues, randomValues, withValue } from "../helpers/reports";
import { fillControls } from "../support/controlTyping";

const folder = mkdtempSync(join(tmpdir(), "gov-report-export-"));
const reports = join(folder, "reports");
mkdirSync(reports);
const random = randomValues("2021", 11);
const good = consistentValues("2021");
writeFileSync(join(reports, "a-random.docx"), fillControls(templateDocx(FORMAT_2021, { organization: "甲市甲局", year: 2024 }), random));
writeFileSync(
  join(reports, "b-one-error.docx"),
  fillControls(templateDocx(FORMAT_2021, { organization: "乙市乙局", year: 2024 }), withValue(good, "t4.review.total", "99")),
);
writeFileSync(join(reports, "c-huaian.txt"), readFileSync(join(EXAMPLES, "2024-huaian-city.txt")));
writeFileSync(join(reports, "d-broken.docx"), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const cellValue = (value: unknown) => (value && typeof value === "object" && "richText" in value ? String(value) : value);

describe("gov-report check FOLDER --xlsx --csv --summary", () => {
  const xlsx = join(folder, "数据.xlsx");
  const csv = join(folder, "数据.csv");
  const summary = join(folder, "汇总.html");
  let outcome: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    outcome = await run("check", reports, "--xlsx", xlsx, "--csv", csv, "--summary", summary);
  });

  it("still prints the check and exits 2 for the unreadable file, with a final line naming what it wrote", () => {
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toContain("== ");
    expect(outcome.stderr).toMatch(/^已检查 4 份：2 份有错误，1 个无法读取，用时 \d+\.\d 秒；已写入 .*数据\.xlsx、.*数据\.csv$/m);
  });

  it("writes a workbook: a row per report with every typed value in its cell's column, every finding, every failure", async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["数据", "问题", "无法读取"]);
    const data = workbook.getWorksheet("数据")!;
    const columns = figureColumns(["2021"]);
    // A blank label is a cell with no value, which a reader may not list at the end of a row.
    const header = (row: number) => {
      const values = (data.getRow(row).values as unknown[]).slice(8);
      return columns.map((_, index) => values[index] ?? "");
    };
    expect(header(1)).toEqual(columns.map((column) => column.table));
    expect(header(2)).toEqual(columns.map((column) => column.row));
    expect(header(3)).toEqual(columns.map((column) => column.column));
    const rows = [4, 5, 6].map((row) => (data.getRow(row).values as unknown[]).slice(1).map(cellValue));
    expect(rows.map((row) => row[0])).toEqual([
      join(reports, "a-random.docx"),
      join(reports, "b-one-error.docx"),
      join(reports, "c-huaian.txt"),
    ]);
    expect(data.rowCount).toBe(6);
    // Every random figure of the first report, as a number, in its column.
    const first = rows[0]!;
    const wrong = columns.filter((column, index) => Number(first[7 + index]) !== Number(random.get(column.id as never)));
    expect(wrong).toEqual([]);
    expect(rows[1]!.slice(0, 7)).toEqual([
      join(reports, "b-one-error.docx"),
      "乙市乙局",
      2024,
      "2021 年格式（国办公开办函〔2021〕30号）",
      1,
      0,
      200,
    ]);
    const findings = workbook.getWorksheet("问题")!;
    const b = findings.getSheetValues().filter((row) => Array.isArray(row) && row[1] === join(reports, "b-one-error.docx")) as unknown[][];
    expect(b.map((row) => [row[3], row[4], row[7], row[8]])).toEqual([["T4-A", "错误", 6, 99]]);
    const failures = workbook.getWorksheet("无法读取")!;
    expect(failures.rowCount).toBe(2);
    expect((failures.getRow(2).values as unknown[]).slice(1, 2)).toEqual([join(reports, "d-broken.docx")]);
  });

  it("writes CSV with a BOM, three header lines and a line per report", () => {
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines.slice(0, 3).map((line) => line.split(",").length)).toEqual([207, 207, 207]);
    expect(lines.filter((line) => line !== "")).toHaveLength(6);
    expect(lines[3]!.startsWith(`${join(reports, "a-random.docx")},甲市甲局,2024,`)).toBe(true);
  });

  it("writes the summary page, one self-contained file", () => {
    const html = readFileSync(summary, "utf8");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html).toContain("共 4 份报告：2 份有错误，1 份无法读取");
  });

  it("refuses an output with the wrong extension, and --force without an output", async () => {
    expect((await run("check", reports, "--xlsx", join(folder, "x.csv"))).stderr).toContain("--xlsx 的输出文件应以 .xlsx 结尾");
    expect((await run("check", reports, "--force")).stderr).toContain("选项 --force 只能与 --annotate、--summary、--xlsx、--csv 一起使用");
  });
});

describe("the figures and the CSV writer", () => {
  it("quotes commas, quotes and line breaks, and defuses text a spreadsheet would run as a formula", () => {
    const result = checkReport({ format: "2021", year: 2024, organization: '=HYPERLINK("x")', cells: [], findings: [] });
    const sheets = figureSheets([{ file: 'a,"b".docx', result, cells: new Map([["t2.fees.amount", "12,5\n万元"]]), error: null }]);
    const text = new TextDecoder().decode(figuresCsv(sheets));
    expect(text).toContain(`"a,""b"".docx","'=HYPERLINK(""x"")",2024,`);
    expect(text).toContain(`"12,5\n万元"`);
  });

  it("keeps a text that is no number as typed, and a blank as empty", () => {
    const result = checkReport({ format: "2021", year: 2024, organization: "某局", cells: [], findings: [] });
    const cells = new Map([
      ["t2.regulations.issued", "５"],
      ["t2.regulations.repealed", "若干"],
      ["t2.regulations.in-force", ""],
    ]);
    const [row] = figureSheets([{ file: "a.docx", result, cells, error: null }]).rows;
    expect(row!.slice(7, 10)).toEqual([5, "若干", null]);
  });

  it("reads the reports again for each sheet as it is written, and lays every format's values on the same columns", () => {
    const of2019 = checkReport({ format: "2019", year: 2020, organization: "丙局", cells: [], findings: [] });
    const of2021 = checkReport({ format: "2021", year: 2024, organization: "丁局", cells: [], findings: [] });
    const known = [...figureColumns(["2019", "2021"])];
    const only2021 = known.find((column) => !figureColumns(["2019"]).some((other) => other.id === column.id))!;
    const shared = known.find((column) => figureColumns(["2019"]).some((other) => other.id === column.id))!;
    const reports = [
      { file: "2019.docx", result: of2019, cells: new Map([[shared.id, "3"]]), error: null },
      { file: "2021.docx", result: of2021, cells: new Map([[only2021.id, "7"]]), error: null },
      { file: "broken.docx", result: null, cells: new Map<string, string>(), error: "文件已损坏", errorCode: "DOCX-CORRUPT" },
    ];
    let passes = 0;
    const sheets = figureSheetPasses(
      function* () {
        passes++;
        yield* reports;
      },
      ["2021", "2019"],
    );
    expect(passes).toBe(0);
    const rows = [...sheets.rows];
    expect(passes).toBe(1);
    expect([...sheets.failures]).toEqual([["broken.docx", "文件已损坏", "DOCX-CORRUPT"]]);
    expect(passes).toBe(2);
    const place = (id: string) => LEADING_COLUMNS.length + sheets.columns.findIndex((column) => column.id === id);
    expect(rows.map((row) => [row[0], row[place(shared.id)], row[place(only2021.id)]])).toEqual([
      ["2019.docx", 3, null],
      ["2021.docx", null, 7],
    ]);
    // The same sheets as the one-pass, in-memory form the pane and the page use.
    const inMemory = figureSheets(reports);
    expect(rows).toEqual(inMemory.rows);
    expect([...sheets.findings]).toEqual(inMemory.findings);
  });

  it("embeds the data so that no report text can end the page's script", () => {
    const result = checkReport({ format: "2021", year: 2024, organization: "</script><script>alert(1)</script>", cells: [], findings: [] });
    const html = summaryHtml([{ file: "x.docx", result, error: null }], "2026-12-01");
    expect(html.match(/<script>alert/g)).toBeNull();
  });
});

describe("the streamed workbook", () => {
  it("sees the bytes exceljs has written and its zip not yet taken (the internals its back-pressure reads), and waits for them", async () => {
    const out = new PassThrough();
    out.resume();
    const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet("数据");
    expect(zipBacklog(sheet)).toBe(0);
    // Written with no turn of the event loop: the zip cannot have taken them.
    for (let row = 0; row < 500; row++) sheet.addRow(Array.from({ length: 300 }, (_, column) => row * column)).commit();
    expect(zipBacklog(sheet)).toBeGreaterThan(1 << 20);
    // What the writer waits for between rows: the zip taking the sheet's bytes down to the bound.
    await zipCaughtUp(sheet, 1 << 16);
    expect(zipBacklog(sheet)).toBeLessThanOrEqual(1 << 16);
    sheet.commit();
    await workbook.commit();
  });
});

describe("progress on the terminal", () => {
  it("draws a bar only on a terminal", () => {
    expect(terminalProgress({ isTTY: false } as NodeJS.WriteStream)).toBe(NO_PROGRESS);
    let written = "";
    const stream = {
      isTTY: true,
      columns: 100,
      write: (text: string) => ((written += text), true),
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    };
    const progress = terminalProgress(stream as unknown as NodeJS.WriteStream);
    progress.start(2);
    progress.advance("a.docx");
    progress.advance("b.docx");
    progress.stop();
    expect(written).toContain("检查中");
  });
});
