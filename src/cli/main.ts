#!/usr/bin/env node
/**
 * gov-report: the engine on the command line.
 *   gov-report check [--json] [--verbose] [--year N] PATH...
 *   gov-report check REPORT.docx --annotate OUT.docx
 *   gov-report clear MARKED.docx -o CLEAN.docx
 *   gov-report new [--year N] [--org NAME] [--format 2019|2021] -o REPORT.docx
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkReport } from "../domain/check";
import { checkAcrossYears } from "../domain/crossYear";
import { formatById, formatForYear, isFormatId } from "../domain/formats";
import { annotateDocx, clearDocx } from "../docx/service";
import { templateDocx } from "../docx/template";
import { ReportReadError } from "../readers/errors";
import { readReportBytes } from "../readers";
import { parseArgs, UsageError, yearFlag, type ParsedArgs } from "./args";
import { expandPaths } from "./files";
import { toJson, toText, type FileReport } from "./report";

const USAGE = `用法：
  gov-report check [--json] [--verbose] [--year 年份] 文件或文件夹...
      检查政府信息公开工作年度报告（.txt 或 .docx；文件夹则检查其中所有报告）。
      --json         以 JSON 输出（格式见 README）
      --verbose      逐条列出空白单元格等同类问题
      --year         指定报告年度（报告中没有标题时使用）
  gov-report check 报告.docx --annotate 标注后.docx [--mark-blanks] [--no-comments]
      检查并另存一份标注副本：有错误的单元格标红、有警告的标黄，并附批注说明应填的数值。
  gov-report clear 标注后.docx -o 清除后.docx
      清除本工具添加的底纹和批注，其他内容保持不变。
  gov-report new [--year 年份] [--org 机关名称] [--format 2019|2021] -o 报告.docx
      生成年度报告模板（默认上一年度；格式按年度自动选择）。
退出状态：0 未发现错误；1 有报告存在错误；2 用法错误或有文件无法读取。`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function checkFile(file: string, year: number | null): FileReport {
  try {
    const bytes = readFileSync(file);
    return { file, result: checkReport(readReportBytes(file, bytes, { year })), error: null };
  } catch (error) {
    if (error instanceof ReportReadError) return { file, result: null, error: error.message };
    if ((error as NodeJS.ErrnoException).code === "EISDIR") return { file, result: null, error: "这是一个文件夹" };
    if ((error as NodeJS.ErrnoException).code) return { file, result: null, error: `无法打开文件（${(error as NodeJS.ErrnoException).code}）` };
    throw error;
  }
}

function outputPath(args: ParsedArgs, flag: "output" | "annotate", inputs: readonly string[]): string {
  const value = args.flags.get(flag);
  if (typeof value !== "string" || value === "") throw new UsageError(flag === "output" ? "请用 -o 指定输出文件" : "请用 --annotate 指定标注副本的文件名");
  if (inputs.some((input) => resolve(input) === resolve(value))) throw new UsageError("输出文件不能与输入文件相同：本工具不会覆盖原文件");
  if (!value.toLowerCase().endsWith(".docx")) throw new UsageError(`输出文件应以 .docx 结尾：${value}`);
  if (existsSync(value) && !args.flags.has("force")) throw new UsageError(`文件已存在：${value}（加 --force 覆盖）`);
  return value;
}

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ReportReadError("NOT_FOUND", `无法打开文件 ${file}（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）`);
  }
}

function runAnnotate(args: ParsedArgs, io: Io): number {
  if (args.positionals.length !== 1) throw new UsageError("--annotate 一次只能标注一个 .docx 文件");
  const input = args.positionals[0]!;
  if (!input.toLowerCase().endsWith(".docx")) throw new UsageError(`--annotate 只能标注 .docx 文件（Word 文档），而不是 ${input}`);
  const output = outputPath(args, "annotate", [input]);
  const outcome = annotateDocx(readInput(input), {
    year: yearFlag(args.flags),
    markBlanks: args.flags.has("mark-blanks"),
    comments: !args.flags.has("no-comments"),
  });
  writeFileSync(output, outcome.output);
  const report = { file: input, result: outcome.result, error: null };
  io.stdout(args.flags.has("json") ? JSON.stringify(toJson([report]), null, 2) : `${toText([report], args.flags.has("verbose"))}\n已标注 ${outcome.marked} 个单元格，另存为 ${output}`);
  return outcome.result.errors > 0 ? 1 : 0;
}

function runClear(args: ParsedArgs, io: Io): number {
  if (args.positionals.length !== 1) throw new UsageError("请给出一个要清除标注的 .docx 文件");
  const input = args.positionals[0]!;
  const output = outputPath(args, "output", [input]);
  const { output: bytes, removed } = clearDocx(readInput(input));
  writeFileSync(output, bytes);
  io.stdout(removed > 0 ? `已清除 ${removed} 处标注，另存为 ${output}` : `文件中没有本工具添加的标注，已原样另存为 ${output}`);
  return 0;
}

function defaultYear(): number {
  return new Date().getFullYear() - 1;
}

function runNew(args: ParsedArgs, io: Io): number {
  const output = outputPath(args, "output", []);
  const year = yearFlag(args.flags) ?? defaultYear();
  const formatFlag = args.flags.get("format");
  if (formatFlag !== undefined && (typeof formatFlag !== "string" || !isFormatId(formatFlag))) throw new UsageError("--format 应为 2019 或 2021");
  const format = typeof formatFlag === "string" ? formatById(formatFlag as "2019" | "2021") : formatForYear(year);
  const org = args.flags.get("org");
  const organization = typeof org === "string" && org.trim() !== "" ? org.trim() : "（机关名称）";
  writeFileSync(output, templateDocx(format, { organization, year }));
  io.stdout(`已生成 ${organization}${year} 年度报告模板（${format.id} 年格式，${format.issuedBy}）：${output}`);
  return 0;
}

function runCheck(args: ParsedArgs, io: Io): number {
  if (args.flags.has("annotate")) return runAnnotate(args, io);
  if (args.positionals.length === 0) throw new UsageError("请给出要检查的文件或文件夹");
  const year = yearFlag(args.flags);
  const { files, missing } = expandPaths(args.positionals);
  // Reports of one agency for consecutive years are also checked against each other (X1, X2).
  const reports: FileReport[] = checkAcrossYears([
    ...missing.map((file) => ({ file, result: null, error: "文件或文件夹不存在" })),
    ...files.map((file) => checkFile(file, year)),
  ]);
  if (reports.length === 0) throw new UsageError("文件夹中没有报告文件（.txt、.docx）");
  io.stdout(args.flags.has("json") ? JSON.stringify(toJson(reports), null, 2) : toText(reports, args.flags.has("verbose")));
  if (reports.some((report) => report.result === null)) return 2;
  return reports.some((report) => (report.result?.errors ?? 0) > 0) ? 1 : 0;
}

export function main(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case "check":
        return runCheck(args, io);
      case "clear":
        return runClear(args, io);
      case "new":
        return runNew(args, io);
      case null:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return args.command === null ? 2 : 0;
      default:
        throw new UsageError(`未知的命令“${args.command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ReportReadError) {
      io.stderr(`无法读取：${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
