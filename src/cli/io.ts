/**
 * Reading inputs and writing outputs for the command line, with every failure a Chinese message: a file that is
 * too large or not a regular file is refused before it is read, and an output is never written over an input
 * (compared by device and inode, so that a symbolic or hard link to the input is caught too).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ReportReadError } from "../readers/errors";

/** No report is anywhere near this; a larger file is refused before a byte is read. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export class OutputError extends Error {
  constructor(
    message: string,
    readonly detail: string = "",
  ) {
    super(message);
    this.name = "OutputError";
  }
}

function errnoText(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return "文件或文件夹不存在";
    case "EACCES":
    case "EPERM":
      return "没有权限";
    case "EISDIR":
      return "这是一个文件夹";
    case "ENOTDIR":
      return "路径中有一部分不是文件夹";
    case "ENOSPC":
      return "磁盘空间不足";
    case "EROFS":
      return "磁盘只读";
    case "EMFILE":
    case "ENFILE":
      return "打开的文件过多";
    default:
      return `系统错误 ${code ?? "未知"}`;
  }
}

/** Reads a whole input file, bounded in size; a FIFO or device is refused without blocking on it. */
export function readInput(path: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportReadError("NOT_FOUND", `无法打开文件（${errnoText(code)}）`);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new ReportReadError("NOT_FOUND", "这是一个文件夹，不是文件");
    if (!stats.isFile()) throw new ReportReadError("NOT_FOUND", "不是普通文件（可能是设备、管道或套接字），已跳过");
    if (stats.size > maxBytes)
      throw new ReportReadError(
        "TOO_LARGE",
        `文件大小 ${Math.round(stats.size / 1048576)} MB，超过 ${Math.round(maxBytes / 1048576)} MB 的上限，不像年度报告，已跳过`,
      );
    const bytes = new Uint8Array(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof ReportReadError) throw error;
    throw new ReportReadError("NOT_FOUND", `无法读取文件（${errnoText((error as NodeJS.ErrnoException).code)}）`);
  } finally {
    closeSync(fd);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const first = statSync(a);
    const second = statSync(b);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/**
 * Checks that `path` may be written: its folder exists, it is not a folder, it is none of the inputs (whatever the
 * path says), and it does not exist unless `force`.
 */
export function checkOutputPath(path: string, inputs: readonly string[], force: boolean): void {
  let folder;
  try {
    folder = statSync(dirname(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(`无法写入 ${path}：${code === "ENOENT" ? "所在文件夹不存在" : `无法访问所在文件夹（${errnoText(code)}）`}`);
  }
  if (!folder.isDirectory()) throw new OutputError(`无法写入 ${path}：${dirname(path)} 不是文件夹`);
  if (inputs.some((input) => sameFile(input, path)))
    throw new OutputError("输出文件不能是输入文件（或指向它的链接）：本工具不会覆盖原文件");
  let existing;
  try {
    existing = statSync(path);
  } catch {
    return;
  }
  if (existing.isDirectory()) throw new OutputError(`无法写入 ${path}：这是一个文件夹`);
  if (!force) throw new OutputError(`文件已存在：${path}（加 --force 覆盖）`);
}

/** An output written as it is made, piece by piece (a folder's summary page, workbook, CSV), with writeOutput's checks and errors. */
export class OutputFile {
  private readonly fd: number;
  constructor(
    readonly path: string,
    inputs: readonly string[],
    force: boolean,
  ) {
    checkOutputPath(path, inputs, force);
    this.fd = this.attempt(() => openSync(path, "w"));
  }

  write(piece: string | Uint8Array): void {
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    // A write may take fewer bytes than it is given (a signal, a nearly full disk): the rest is written again.
    for (let done = 0; done < bytes.length;) done += this.attempt(() => writeSync(this.fd, bytes, done, bytes.length - done));
  }

  close(): void {
    closeSync(this.fd);
  }

  private attempt<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      throw new OutputError(`无法写入 ${this.path}（${errnoText(code)}）`, (error as Error).message);
    }
  }
}

/** Writes a text as it is made, piece by piece. */
export function writeOutputPieces(path: string, pieces: Iterable<string>, inputs: readonly string[], force: boolean): void {
  const output = new OutputFile(path, inputs, force);
  try {
    for (const piece of pieces) output.write(piece);
  } finally {
    output.close();
  }
}

export function writeOutput(path: string, bytes: Uint8Array | string, inputs: readonly string[], force: boolean): void {
  checkOutputPath(path, inputs, force);
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(`无法写入 ${path}（${errnoText(code)}）`, (error as Error).message);
  }
}
