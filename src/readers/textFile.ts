/** Text files: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its zero bytes), else GB18030. */
import { ReportReadError } from "./errors";
import type { ReportReader } from "./registry";
import { readTextReport } from "./textReader";

/**
 * UTF-16 without a BOM: zero bytes nearly all at one parity (from the ASCII digits, spaces and line ends a report
 * always has), and once decoded, text: hardly any control characters, mostly CJK or ASCII.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  // Chinese characters U+xx00 (一 is U+4E00) give a few zeros at the other parity too.
  const encoding = odd > 8 && even <= odd / 10 ? "utf-16le" : even > 8 && odd <= even / 10 ? "utf-16be" : null;
  if (encoding === null) return null;
  const text = new TextDecoder(encoding).decode(sample.subarray(0, sample.length - (sample.length % 2)));
  const chars = [...text];
  const controls = chars.filter((char) => char < " " && char !== "\t" && char !== "\n" && char !== "\r").length;
  const readable = chars.filter((char) => /[\u0020-\u007e\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2000-\u206f]/.test(char)).length;
  return controls <= chars.length * 0.02 && readable >= chars.length * 0.9 ? encoding : null;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM or recognisably without, else GB18030 as Chinese Windows saves .txt. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0) && utf16WithoutBom(bytes) === null && !(bytes[0] === 0xff || bytes[0] === 0xfe);
}

export const TEXT_READER: ReportReader = {
  id: "text",
  sniff: () => true,
  read(bytes, options) {
    if (looksBinary(bytes))
      throw new ReportReadError("NOT_TEXT", "文件不是文本，也不是 .docx、PDF 或网页，无法读取。请提供 .docx、.pdf、.html 或 .txt 文件");
    return readTextReport(decodeText(bytes), options);
  },
};
