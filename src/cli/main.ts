#!/usr/bin/env node
/**
 * gov-report: the engine on the command line. Commands and their options are declared in COMMANDS; `gov-report
 * <command> --help` prints one command's usage. Exit status: 0 no error found; 1 a report has an error; 2 a usage
 * error, an unreadable input or an unwritable output; 3 an internal fault (a bug: please report it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isPlaceholderOrganization } from "../domain/check";
import { FORMATS, firstTemplateYear, formatById, formatForYear, isFormatId } from "../domain/formats";
import { annotateDocx, clearDocx, fillDocxTotals } from "../docx/service";
import { clearText, totalsHeadline, totalsLines } from "../domain/wording";
import { templateDocx } from "../docx/template";
import { ReportReadError } from "../readers/errors";
import { readFailure } from "../readers/failure";
import { hasNonXmlCharacters, XmlError } from "../util/xml";
import { commandUsage, parseCommand, UsageError, yearValue, type CommandSpec, type ParsedCommand } from "./args";
import { expandPaths } from "./files";
import { OutputError, OutputFile, readInput, writeOutput, writeOutputPieces } from "./io";
import { NO_PROGRESS, terminalProgress, type Progress } from "./progress";
import { checkFiles, defaultJobs } from "./checkFiles";
import { toJson, toText, totalsText, type FileReport, type RenderOptions } from "./report";
import { ReportSpool, spooledReport } from "./spool";
import { figureSheetPasses } from "../domain/figures";
import { figuresCsvPieces } from "../export/csv";
import { summaryHtmlPieces } from "../export/summaryPage";

const FORMAT_CHOICES = FORMATS.map((format) => format.id).join("|");

export const COMMANDS: Record<string, CommandSpec> = {
  check: {
    name: "check",
    synopsis: [
      "gov-report check [--json] [--verbose] [--year 年份] 文件或文件夹...",
      "gov-report check 报告.docx --annotate 标注后.docx [--mark-blanks] [--no-comments] [--force]",
      "gov-report check 文件夹 [--summary 汇总.html] [--xlsx 数据.xlsx] [--csv 数据.csv] [--force]",
    ],
    summary: "检查政府信息公开工作年度报告（.docx、.pdf、网页、.txt 等；文件夹则检查其中所有报告）；--annotate 另存一份标注副本。",
    options: {
      json: { type: "boolean", help: "以 JSON 输出（格式见 README）" },
      verbose: { type: "boolean", help: "逐条列出空白单元格等同类问题" },
      year: { type: "string", value: "年份", help: "指定报告年度（报告中没有标题时使用）" },
      annotate: { type: "string", value: "标注后.docx", help: "另存标注副本：错误单元格标红、警告标黄，并附批注" },
      "mark-blanks": { type: "boolean", help: "标注副本中也标出空白单元格", requires: "annotate" },
      "no-comments": { type: "boolean", help: "标注副本中只加底纹，不加批注", requires: "annotate" },
      summary: { type: "string", value: "汇总.html", help: "另存一份汇总网页：每份报告一行，可排序、筛选、展开问题（离线打开）" },
      xlsx: { type: "string", value: "数据.xlsx", help: "导出各报告的数字（每份一行、每个单元格一列）、全部问题和无法读取的文件" },
      csv: { type: "string", value: "数据.csv", help: "导出各报告的数字为 CSV（UTF-8 带 BOM，Excel、WPS 可直接打开）" },
      jobs: { type: "string", value: "N", help: "同时检查的文件数（工作线程数，默认为 CPU 核数）" },
      force: {
        type: "boolean",
        help: "输出文件已存在时覆盖它（从不覆盖输入文件）",
        requires: ["annotate", "summary", "xlsx", "csv"],
      },
    },
  },
  clear: {
    name: "clear",
    synopsis: ["gov-report clear 标注后.docx -o 清除后.docx [--force]"],
    summary: "清除本工具添加的底纹和批注，其他内容保持不变。",
    options: {
      output: { type: "string", short: "o", value: "清除后.docx", help: "输出文件" },
      force: { type: "boolean", help: "输出文件已存在时覆盖它（从不覆盖输入文件）" },
    },
  },
  fill: {
    name: "fill",
    synopsis: ["gov-report fill 报告.docx -o 填好合计.docx [--overwrite] [--force]"],
    summary: "按各项计算表三、表四的“总计”和“（七）总计”，只填入空白的合计单元格；已填写的合计不改，除非加 --overwrite。",
    options: {
      output: { type: "string", short: "o", value: "填好合计.docx", help: "输出文件" },
      overwrite: { type: "boolean", help: "已填写但与各项之和不符的合计也改写（逐一列出原值和新值）" },
      year: { type: "string", value: "年份", help: "指定报告年度（报告中没有标题时使用）" },
      force: { type: "boolean", help: "输出文件已存在时覆盖它（从不覆盖输入文件）" },
    },
  },
  new: {
    name: "new",
    synopsis: [`gov-report new --org 机关名称 [--year 年份] [--format ${FORMAT_CHOICES}] -o 报告.docx [--force]`],
    summary: "生成年度报告模板（默认上一年度；格式按年度自动选择）。",
    options: {
      org: { type: "string", value: "机关名称", help: "机关全称，写入标题" },
      year: { type: "string", value: "年份", help: `报告年度（${firstTemplateYear()} 年起；默认上一年度）` },
      format: { type: "string", value: FORMAT_CHOICES, help: "报告格式（默认按年度选择）" },
      output: { type: "string", short: "o", value: "报告.docx", help: "输出文件" },
      force: { type: "boolean", help: "输出文件已存在时覆盖它" },
    },
  },
};

const EXIT_TEXT = "退出状态：0 未发现错误；1 有报告存在错误；2 用法错误、有文件无法读取或无法写入输出；3 内部错误。";

export function usage(command: string | null = null): string {
  const specs = command && COMMANDS[command] ? [COMMANDS[command]!] : Object.values(COMMANDS);
  return ["用法：", ...specs.map(commandUsage), "  gov-report --version      显示版本", EXIT_TEXT].join("\n");
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "未知";
  }
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes UTF-8 as it is, no line end added (a report's piece copied from the spool, never decoded); else stdout. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /** A folder check's progress (a bar on a terminal); none by default. */
  progress?: Progress;
}

/** The check's other outputs, each with the extension its kind needs. */
function checkOutputs(parsed: ParsedCommand): { summary?: string; xlsx?: string; csv?: string } {
  const outputs: { summary?: string; xlsx?: string; csv?: string } = {};
  for (const [flag, extensions] of [
    ["summary", [".html", ".htm"]],
    ["xlsx", [".xlsx"]],
    ["csv", [".csv"]],
  ] as const) {
    const value = stringValue(parsed, flag);
    if (value === undefined) continue;
    if (!extensions.some((extension) => value.toLowerCase().endsWith(extension)))
      throw new UsageError(`--${flag} 的输出文件应以 ${extensions.join(" 或 ")} 结尾：${value}`, "check");
    outputs[flag] = value;
  }
  return outputs;
}

/**
 * The summary, the workbook and the CSV read the reports back from the spool one by one, each as often as it needs
 * (the summary twice, the workbook once a sheet): each keeps only what it shows.
 */
async function writeCheckOutputs(outputs: ReturnType<typeof checkOutputs>, spool: ReportSpool, inputs: string[], force: boolean) {
  const withCells = function* (only?: "unreadable") {
    for (const report of spool.reports(only)) yield { ...report, cells: report.cells ?? new Map<string, string>() };
  };
  const sheets = figureSheetPasses(withCells, spool.formats());
  if (outputs.summary) {
    const generated = new Date().toLocaleString("zh-CN", { hour12: false });
    writeOutputPieces(
      outputs.summary,
      summaryHtmlPieces(() => spool.reports(), generated),
      inputs,
      force,
    );
  }
  if (outputs.xlsx) {
    // exceljs takes 0.4 s to load: only when a workbook is asked for, not on every command.
    const { writeFiguresXlsx } = await import("./xlsxFile");
    const output = new OutputFile(outputs.xlsx, inputs, force);
    try {
      await writeFiguresXlsx(sheets, output);
    } finally {
      output.close();
    }
  }
  if (outputs.csv) writeOutputPieces(outputs.csv, figuresCsvPieces(sheets), inputs, force);
}

function stringValue(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

function requireOutput(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(flag === "annotate" ? "请用 --annotate 指定标注副本的文件名" : "请用 -o 指定输出文件");
  if (!value.toLowerCase().endsWith(".docx")) throw new UsageError(`输出文件应以 .docx 结尾：${value}`);
  return value;
}

function runAnnotate(parsed: ParsedCommand, io: Io): number {
  if (parsed.positionals.length !== 1) throw new UsageError("--annotate 一次只能标注一个 .docx 文件", "check");
  const input = parsed.positionals[0]!;
  if (!input.toLowerCase().endsWith(".docx")) throw new UsageError(`--annotate 只能标注 .docx 文件（Word 文档），而不是 ${input}`, "check");
  const output = requireOutput(stringValue(parsed, "annotate"), "annotate");
  const outcome = annotateDocx(readInput(input), {
    year: yearValue(parsed.values.year),
    markBlanks: parsed.values["mark-blanks"] === true,
    comments: parsed.values["no-comments"] !== true,
  });
  writeOutput(output, outcome.output, [input], parsed.values.force === true);
  const report = { file: input, result: outcome.result, error: null };
  io.stdout(
    parsed.values.json
      ? JSON.stringify(toJson([report]), null, 2)
      : `${toText([report], parsed.values.verbose === true)}\n已标注 ${outcome.marked} 个单元格，另存为 ${output}`,
  );
  return outcome.result.errors > 0 ? 1 : 0;
}

function runClear(parsed: ParsedCommand, io: Io): number {
  if (parsed.positionals.length !== 1) throw new UsageError("请给出一个要清除标注的 .docx 文件", "clear");
  const input = parsed.positionals[0]!;
  const output = requireOutput(stringValue(parsed, "output"), "output");
  const { output: bytes, report } = clearDocx(readInput(input));
  writeOutput(output, bytes, [input], parsed.values.force === true);
  io.stdout(`${clearText(report)}，另存为 ${output}`);
  return 0;
}

function runNew(parsed: ParsedCommand, io: Io): number {
  if (parsed.positionals.length > 0) throw new UsageError(`多余的参数：${parsed.positionals.join(" ")}`, "new");
  const output = requireOutput(stringValue(parsed, "output"), "output");
  const year = yearValue(parsed.values.year, firstTemplateYear()) ?? new Date().getFullYear() - 1;
  const formatFlag = stringValue(parsed, "format");
  if (formatFlag !== undefined && !isFormatId(formatFlag))
    throw new UsageError(`--format 应为 ${FORMAT_CHOICES.split("|").join("、")} 之一`, "new");
  const format = formatFlag !== undefined ? formatById(formatFlag) : formatForYear(year);
  const organization = stringValue(parsed, "org")?.trim();
  if (!organization) throw new UsageError("请用 --org 指定机关全称，例如 --org 某市某局", "new");
  if (isPlaceholderOrganization(organization)) throw new UsageError(`“${organization}”是占位文字，请用 --org 给出机关全称`, "new");
  if (hasNonXmlCharacters(organization) || /\p{Cc}/u.test(organization))
    throw new UsageError("机关名称中含有控制字符，请检查 --org 的值", "new");
  writeOutput(output, templateDocx(format, { organization, year }), [], parsed.values.force === true);
  io.stdout(`已生成 ${organization}${year} 年度报告模板（${format.id} 年格式，${format.issuedBy}）：${output}`);
  return 0;
}

async function runCheck(parsed: ParsedCommand, io: Io): Promise<number> {
  if (parsed.values.annotate !== undefined) return runAnnotate(parsed, io);
  if (parsed.positionals.length === 0) throw new UsageError("请给出要检查的文件或文件夹", "check");
  const year = yearValue(parsed.values.year);
  const outputs = checkOutputs(parsed);
  const { files, missing, skipped } = expandPaths(parsed.positionals);
  const keepCells = outputs.xlsx !== undefined || outputs.csv !== undefined;
  const jobs = jobsValue(parsed.values.jobs);
  if (missing.length + skipped.length + files.length === 0)
    throw new UsageError("文件夹中没有报告文件（.docx、.pdf、.html、.txt 等）", "check");
  const started = Date.now();
  const progress = files.length > 1 ? (io.progress ?? NO_PROGRESS) : NO_PROGRESS;
  progress.start(files.length);
  const spool = new ReportSpool();
  try {
    const render: RenderOptions = { json: parsed.values.json === true, verbose: parsed.values.verbose === true };
    const notChecked: FileReport[] = [
      ...missing.map((file) => ({ file, result: null, error: "文件或文件夹不存在", errorCode: "NOT_FOUND" })),
      ...skipped.map(({ file, reason }) => ({ file, result: null, error: reason, errorCode: "SKIPPED" })),
    ];
    notChecked.forEach((report, index) => spool.put(index, spooledReport(report, render)));
    const first = spool.count;
    await checkFiles(
      files.map((file) => ({ file, year, keepCells, render })),
      jobs,
      (report, index) => {
        spool.put(first + index, report);
        progress.advance(report.file);
      },
    );
    progress.stop();
    const counts = writeReports(spool, io, render);
    // The outputs read every report back from the spool: only when asked for.
    if (Object.keys(outputs).length > 0) await writeCheckOutputs(outputs, spool, files, parsed.values.force === true);
    if (files.length > 1 || Object.keys(outputs).length > 0) io.stderr(finalLine(counts, outputs, (Date.now() - started) / 1000));
    if (counts.unreadable > 0) return 2;
    return counts.withErrors > 0 ? 1 : 0;
  } finally {
    spool.close();
  }
}

interface Counts {
  reports: number;
  withErrors: number;
  unreadable: number;
}

/**
 * Prints the reports one by one from the spool: as text, or as the --json document (pieces that join, line by
 * line, into exactly what JSON.stringify(…, null, 2) writes for the whole).
 */
function writeReports(spool: ReportSpool, io: Io, render: RenderOptions): Counts {
  const counts: Counts = { reports: spool.count, withErrors: 0, unreadable: 0 };
  if (render.json) io.stdout('{\n  "reports": [');
  let index = 0;
  for (const piece of spool.outputs(render)) {
    if (piece.unreadable) counts.unreadable++;
    else if (piece.errors > 0) counts.withErrors++;
    const end = render.json && ++index !== spool.count ? "," : "";
    if (typeof piece.text !== "string" && io.stdoutBytes) {
      io.stdoutBytes(piece.text);
      io.stdout(end);
    } else io.stdout(`${typeof piece.text === "string" ? piece.text : Buffer.from(piece.text).toString("utf8")}${end}`);
  }
  if (render.json) io.stdout("  ]\n}");
  else if (spool.count > 1)
    io.stdout(totalsText({ reports: counts.reports, withErrors: counts.withErrors, unreadable: counts.unreadable }));
  return counts;
}

function jobsValue(value: unknown): number {
  if (value === undefined) return defaultJobs();
  if (typeof value !== "string" || !/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 256)
    throw new UsageError("--jobs 应为 1–256 之间的整数（同时检查的文件数）", "check");
  return Number(value);
}

function finalLine(counts: Counts, outputs: ReturnType<typeof checkOutputs>, seconds: number): string {
  const written = Object.values(outputs);
  return (
    `已检查 ${counts.reports} 份：${counts.withErrors} 份有错误，${counts.unreadable} 个无法读取，用时 ${seconds.toFixed(1)} 秒` +
    (written.length > 0 ? `；已写入 ${written.join("、")}` : "")
  );
}

function runFill(parsed: ParsedCommand, io: Io): number {
  if (parsed.positionals.length !== 1) throw new UsageError("请给出一个要计算合计的 .docx 文件", "fill");
  const input = parsed.positionals[0]!;
  const output = requireOutput(stringValue(parsed, "output"), "output");
  const { output: bytes, plan } = fillDocxTotals(readInput(input), {
    overwrite: parsed.values.overwrite === true,
    year: yearValue(parsed.values.year),
  });
  writeOutput(output, bytes, [input], parsed.values.force === true);
  const head = `${totalsHeadline(plan.changes.length)}，${plan.changes.length > 0 ? "另存为" : "已原样另存为"} ${output}`;
  io.stdout([head, ...totalsLines(plan)].join("\n"));
  return 0;
}

const RUNNERS: Record<string, (parsed: ParsedCommand, io: Io) => number | Promise<number>> = {
  check: runCheck,
  clear: runClear,
  fill: runFill,
  new: runNew,
};

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(usage());
    return 2;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout(usage(rest[0] ?? null));
    return 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout(`gov-report ${version()}`);
    return 0;
  }
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`未知的命令“${command}”`);
  const parsed = parseCommand(spec, rest);
  if (parsed.values.help) {
    io.stdout(usage(command));
    return 0;
  }
  return await RUNNERS[command]!(parsed, io);
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${usage(error.command)}`);
      return 2;
    }
    if (error instanceof OutputError) {
      io.stderr(error.message);
      return 2;
    }
    if (error instanceof ReportReadError || error instanceof XmlError) {
      io.stderr(`无法读取：${readFailure(error).error}`);
      return 2;
    }
    io.stderr(`内部错误：本工具出现了意外的问题，未能完成。请将所用的命令和文件提供给维护人员。`);
    return 3;
  }
}

if (require.main === module) {
  // `gov-report check … | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    stderr: (text) => process.stderr.write(`${text}\n`),
    progress: terminalProgress(process.stderr),
  }).then((status) => (process.exitCode = status));
}
