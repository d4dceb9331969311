/**
 * The registry of readers: each says from a file's first bytes and name whether it is its kind, and reads it. The
 * command line and the pages each hold a list of readers (the first that claims a file reads it), so that a new kind
 * of file is one more reader in a list, not one more branch in every caller.
 */
import type { ReadOptions, ReportReading } from "../domain/reading";
import { ReportReadError } from "./errors";

export interface ReportReader {
  /** A short name for messages and tests: "docx", "text". */
  id: string;
  /** Is this file one this reader reads? `bytes` is the whole file; look only at what is needed. */
  sniff(bytes: Uint8Array, name: string): boolean;
  /** Synchronous for most kinds; a PDF is read asynchronously (pdf.js works so). */
  read(bytes: Uint8Array, options: ReadOptions): ReportReading | Promise<ReportReading>;
}

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

export function hasExtension(name: string, ...extensions: string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension));
}

/** Reads a file with the first reader that claims it; an empty file or one no reader claims is a read error. */
export async function readWith(
  readers: readonly ReportReader[],
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<ReportReading> {
  return readerFor(readers, name, bytes).read(bytes, options);
}

/** The reader that claims a file; an empty file or one no reader claims is a read error. */
export function readerFor(readers: readonly ReportReader[], name: string, bytes: Uint8Array): ReportReader {
  if (bytes.length === 0) throw new ReportReadError("EMPTY", "文件是空的");
  const reader = readers.find((candidate) => candidate.sniff(bytes, name));
  if (!reader) throw new ReportReadError("UNSUPPORTED_TYPE", "无法识别的文件类型，无法读取。请提供 .docx、PDF、网页或文本（.txt）文件");
  return reader;
}
