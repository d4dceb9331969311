#!/usr/bin/env node
/**
 * gov-report: the engine on the command line.
 *   gov-report check [--json] [--verbose] [--year N] PATH...
 */
import { readFileSync } from "node:fs";
import { checkReport } from "../domain/check";
import { ReportReadError } from "../readers/errors";
import { readReportBytes } from "../readers";
import { parseArgs, UsageError, yearFlag, type ParsedArgs } from "./args";
import { expandPaths } from "./files";
import { toJson, toText, type FileReport } from "./report";

const USAGE = `用法：
  gov-report check [--json] [--verbose] [--year 年份] 文件或文件夹...
      检查政府信息公开工作年度报告（.txt 或 .docx；文件夹则检查其中所有报告）。
      --json     以 JSON 输出（格式见 README）
      --verbose  逐条列出空白单元格等同类问题
      --year     指定报告年度（报告中没有标题时使用）
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

function runCheck(args: ParsedArgs, io: Io): number {
  if (args.positionals.length === 0) throw new UsageError("请给出要检查的文件或文件夹");
  const year = yearFlag(args.flags);
  const { files, missing } = expandPaths(args.positionals);
  const reports: FileReport[] = [
    ...missing.map((file) => ({ file, result: null, error: "文件或文件夹不存在" })),
    ...files.map((file) => checkFile(file, year)),
  ];
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
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
