/**
 * npm run bench [-- --json]: how long the engine takes. Prints figures; asserts nothing (speed goals live here,
 * not in timed tests).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { checkReport } from "../../src/domain/check";
import { FORMAT_2021, type CellId } from "../../src/domain/formats";
import { templateDocx, templateFlatOpc } from "../../src/docx/template";
import { loadDocx, readDocx } from "../../src/docx/reader";
import { fillControls } from "../support/controlTyping";
import { convertWithLibreOffice } from "../helpers/ooxml";
import { readTextReport } from "../../src/readers/textReader";
import { checkAndMark, clearMarks, insertTemplate } from "../../src/word/adapter";
import { fillTotals } from "../../src/word/fill";
import { FakeWord } from "../support/fakeWord";
import { CLI_READERS } from "../../src/cli/readers";
import { readWith } from "../../src/readers/registry";
import { cmsPage } from "../helpers/htmlReports";
import { consistentValues } from "../helpers/reports";
import { tabReport } from "../helpers/textReports";
import { batchFigures } from "./batch";

const EXAMPLES = join(process.cwd(), "test", "fixtures", "examples");

/** Mean milliseconds per call over enough calls to fill about `budgetMs`. */
function timeIt(fn: () => void, budgetMs = 1500): number {
  for (let i = 0; i < 5; i++) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function engineFigures() {
  const texts = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), "utf8") }));
  const full2021 = readTextReport(texts.find((entry) => entry.name.startsWith("2024"))!.text);
  const checkMs = timeIt(() => checkReport(full2021));
  const perExample = Object.fromEntries(texts.map(({ name, text }) => [name, round(timeIt(() => checkReport(readTextReport(text)), 800))]));
  const textReadMs = Object.values(perExample).reduce((a, b) => a + b, 0) / texts.length;
  return {
    checkMsPerReport: round(checkMs),
    textReadMsPerReport: round(textReadMs),
    textReadMsPerExample: perExample,
    checkSecondsPer1000: round(checkMs),
    textReadSecondsPer1000: round(textReadMs),
  };
}

/** Mean milliseconds per call of an asynchronous `fn`, as timeIt. */
async function timeItAsync(fn: () => Promise<unknown>, budgetMs = 1500): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    await fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

/** The generated full report printed to PDF by LibreOffice, made once and kept in test-output/ (null without soffice). */
function generatedPdf(values: Map<CellId, string>): Uint8Array | null {
  const file = join(process.cwd(), "test-output", "bench", "report-2021.pdf");
  if (existsSync(file)) return readFileSync(file);
  try {
    const docx = fillControls(templateDocx(FORMAT_2021, { organization: "某某市某某局", year: 2024 }), values);
    const pdf = convertWithLibreOffice(docx, "report-2021.docx", "pdf", "pdf");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pdf);
    return pdf;
  } catch {
    return null;
  }
}

/** Reading and checking one generated full 2021 report in each layout the readers take. */
export async function readerFigures() {
  const values = consistentValues("2021");
  const text = new TextEncoder().encode(tabReport("2021", values));
  const html = new TextEncoder().encode(cmsPage(values, "utf-8"));
  const pdf = generatedPdf(values);
  const read = (name: string, bytes: Uint8Array) => async () => checkReport(await readWith(CLI_READERS, name, bytes));
  const docx = fillControls(templateDocx(FORMAT_2021, { organization: "某某局", year: 2024 }), values);
  return {
    // A filled template: streamed as a check reads it, and through the element tree (as annotating does), in one run.
    docxMsPerReport: round(await timeItAsync(read("report.docx", docx), 400)),
    docxTreeMsPerReport: round(await timeItAsync(async () => checkReport(readDocx(loadDocx(docx)).reading), 400)),
    textMsPerReport: round(await timeItAsync(read("report.txt", text), 800)),
    htmlMsPerReport: round(await timeItAsync(read("report.html", html), 800)),
    pdfMsPerReport: pdf ? round(await timeItAsync(read("report.pdf", pdf), 3000)) : null,
  };
}

/** context.sync() calls per operation on the full template, against the fake Word that counts them. */
export async function syncFigures() {
  const word = new FakeWord();
  const insert = await word.counting(() =>
    insertTemplate(word, { ooxml: templateFlatOpc(FORMAT_2021, { organization: "某某局", year: 2025 }) }),
  );
  const texts = new Map(
    readTextReport(readFileSync(join(EXAMPLES, "2024-huaian-city.txt"), "utf8")).cells.map((cell) => [cell.id, cell.text]),
  );
  for (const [tag, text] of texts) word.document.type(tag, text);
  const clean = await word.counting(() => checkAndMark(word));
  for (const control of word.document.controls()) word.document.type(control.tag, "7");
  const allWrong = await word.counting(() => checkAndMark(word));
  const fill = await word.counting(() => fillTotals(word, { overwrite: true }));
  const clear = await word.counting(() => clearMarks(word));
  const marked = allWrong.value.status === "checked" ? allWrong.value.marked : 0;
  return {
    insert: insert.syncs,
    checkAndMark: clean.syncs,
    checkAndMarkAllWrong: allWrong.syncs,
    clear: clear.syncs,
    fillTotals: fill.syncs,
    markedWhenAllWrong: marked,
  };
}

/** The task pane's start-up script, as built by `npm run build` (null when dist/ is not there). */
export function bundleFigures() {
  const file = join(process.cwd(), "dist", "taskpane.js");
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return { taskpaneRawBytes: bytes.length, taskpaneGzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** The offline checker page, one file with everything in it (null when dist/ is not there). */
export function pageFigures() {
  const file = join(process.cwd(), "dist", "checker.html");
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/**
 * The command line's start-up: `gov-report --help` against bare `node`, the median of 7 runs each, alternated so
 * that the machine's noise falls on both alike. Heavy libraries (exceljs, pdf.js) load only when a command needs them.
 */
export function cliFigures() {
  const cli = join(process.cwd(), "test-output", "build", "src", "cli", "main.js");
  const timeRun = (args: string[]) => {
    const started = performance.now();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    return performance.now() - started;
  };
  const bare: number[] = [];
  const help: number[] = [];
  for (let run = 0; run < 7; run++) {
    bare.push(timeRun(["-e", "0"]));
    help.push(timeRun([cli, "--help"]));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  const round = (value: number) => Math.round(value);
  return { helpMs: round(median(help)), bareNodeMs: round(median(bare)), startOverNodeMs: round(median(help) - median(bare)) };
}

async function main(): Promise<void> {
  if (process.argv.includes("--batch")) return batchMain();
  const figures = {
    engine: engineFigures(),
    readers: await readerFigures(),
    syncs: await syncFigures(),
    bundle: bundleFigures(),
    page: pageFigures(),
    cli: cliFigures(),
  };
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const engine = figures.engine;
  console.log("引擎 / engine");
  console.log(`  检查一份完整的 2021 格式报告（已读出单元格）：${engine.checkMsPerReport} ms；每 1000 份 ${engine.checkSecondsPer1000} s`);
  for (const [name, ms] of Object.entries(engine.textReadMsPerExample)) console.log(`  读取并检查 ${name}：${ms} ms`);
  console.log(`  文本报告平均：${engine.textReadMsPerReport} ms；每 1000 份 ${engine.textReadSecondsPer1000} s`);
  console.log(
    `  生成的完整报告：.docx ${figures.readers.docxMsPerReport} ms（建元素树读 ${figures.readers.docxTreeMsPerReport} ms），文本 ${figures.readers.textMsPerReport} ms，网页 ${figures.readers.htmlMsPerReport} ms，PDF ${figures.readers.pdfMsPerReport ?? "（无 soffice，未测）"} ms`,
  );
  const syncs = figures.syncs;
  console.log("Word 往返 / context.sync() per operation (full 2021 template)");
  console.log(
    `  插入 ${syncs.insert}；检查并标注（无错误）${syncs.checkAndMark}；检查并标注（每格都错，标注 ${syncs.markedWhenAllWrong} 格）${syncs.checkAndMarkAllWrong}；计算合计 ${syncs.fillTotals}；清除 ${syncs.clear}`,
  );
  const bundle = figures.bundle;
  console.log("任务窗格 / task pane start-up script");
  console.log(
    bundle ? `  taskpane.js ${bundle.taskpaneRawBytes} B，gzip ${bundle.taskpaneGzipBytes} B` : "  dist/ 不存在：先运行 npm run build",
  );
  const page = figures.page;
  console.log("离线检查网页 / offline checker page (one file)");
  console.log(page ? `  checker.html ${page.rawBytes} B，gzip ${page.gzipBytes} B` : "  dist/ 不存在：先运行 npm run build");
  const cli = figures.cli;
  console.log("命令行启动 / command line start-up");
  console.log(`  gov-report --help ${cli.helpMs} ms，其中 node 本身 ${cli.bareNodeMs} ms，本工具加载 ${cli.startOverNodeMs} ms`);
}

/** npm run bench -- --batch [--json]: 1,000 and 5,000 reports (see batch.ts); not part of the quick run. */
function batchMain(): void {
  const only = process.argv.indexOf("--reports");
  const counts = only > 0 ? [Number(process.argv[only + 1])] : [1000, 5000];
  const batch = counts.map(batchFigures);
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ batch })}\n`);
    return;
  }
  for (const figures of batch) {
    console.log(
      `${figures.reports} 份：解压并扫描 ${figures.floorSeconds} s；检查（--jobs 1）${figures.checkSeconds} s，为前者的 ${figures.ratioToFloor} 倍；` +
        `每秒 ${figures.reportsPerSecond} 份；全部核心 ${figures.checkSecondsAllCores} s（${figures.ratioToFloorAllCores} 倍），每秒 ${figures.reportsPerSecondAllCores} 份；` +
        `内存峰值 ${figures.peakRssMBOneThread} MB（单线程）、${figures.peakRssMBAllCores} MB（全部核心）；` +
        `另写汇总网页、工作簿和 CSV 时 ${figures.checkSecondsWithOutputs} s、${figures.peakRssMBWithOutputs} MB`,
    );
  }
}

void main();
