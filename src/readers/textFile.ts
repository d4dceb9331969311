/** Text files: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its zero bytes), else GB18030. */
import { ReportReadError } from "./errors";
import type { ReportReader } from "./registry";
import { readTextReport } from "./textReader";

/** UTF-16 without a BOM: Chinese and ASCII text alike leave zero bytes at one parity only. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = sample.length / 2;
  const encoding = odd > pairs * 0.3 && even === 0 ? "utf-16le" : even > pairs * 0.3 && odd === 0 ? "utf-16be" : null;
  if (encoding === null) return null;
  // Text, not binary that happens to have zeros at one parity: hardly any control characters once decoded.
  const text = new TextDecoder(encoding).decode(sample.subarray(0, sample.length - (sample.length % 2)));
  const controls = [...text].filter((char) => char < " " && char !== "\t" && char !== "\n" && char !== "\r").length;
  return controls <= text.length * 0.02 ? encoding : null;
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
    if (looksBinary(bytes)) throw new ReportReadError("NOT_TEXT", "文件不是文本，也不是 .docx，无法读取。请提供 .txt 或 .docx 文件");
    return readTextReport(decodeText(bytes), options);
  },
};
