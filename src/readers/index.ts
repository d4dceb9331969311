/** Reading any report file the command line is given, from its bytes. */
import type { ReportReading } from "../domain/check";
import { ReportReadError } from "./errors";
import { readDocxReport } from "../docx/reader";
import { readTextReport } from "./textReader";

export interface ReadOptions {
  year?: number | null;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 as Chinese Windows saves .txt. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function readReportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): ReportReading {
  const lower = name.toLowerCase();
  if (startsWith(bytes, OLE_MAGIC)) {
    if (lower.endsWith(".docx")) {
      throw new ReportReadError("ENCRYPTED", "文件已加密（设置了打开密码），无法读取。请在 Word 中取消密码后另存为 .docx 再检查");
    }
    throw new ReportReadError("LEGACY_DOC", "这是旧版 Word（.doc）或 WPS（.wps）文件，无法直接读取。请在 Word 或 WPS 中“另存为” .docx 格式后再检查");
  }
  if (startsWith(bytes, ZIP_MAGIC) || lower.endsWith(".docx")) {
    return readDocxReport(bytes, options);
  }
  if (bytes.length === 0) throw new ReportReadError("EMPTY", "文件是空的");
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new ReportReadError("NOT_TEXT", "文件不是文本，也不是 .docx，无法读取。请提供 .txt 或 .docx 文件");
  }
  return readTextReport(decodeText(bytes), options);
}
