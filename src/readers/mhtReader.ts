/**
 * Web pages saved as one file (.mht, .mhtml: what a browser writes for 网页，单个文件): a MIME multipart message
 * whose first text/html part is the page. Written by hand: the format needs only the part's headers, its transfer
 * encoding (quoted-printable or base64) and its charset, and the MIME libraries on the registry are mail parsers
 * many times the size of this.
 */
import { ReportReadError } from "./errors";
import { readingFromGrids } from "./gridReader";
import { decodeHtml, htmlGridDocument } from "./htmlReader";
import { hasExtension, type ReportReader } from "./registry";

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

/** Headers and body of a MIME entity, as latin1 text (one character per byte, so decoding is exact). */
function splitEntity(entity: string): MimePart {
  const end = entity.search(/\r?\n\r?\n/);
  const head = end < 0 ? entity : entity.slice(0, end);
  const body = end < 0 ? "" : entity.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameter(header: string, name: string): string | null {
  return new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, "i").exec(header)?.[1]?.trim() ?? null;
}

function bytesOf(latin1: string): Uint8Array {
  return Uint8Array.from(latin1, (char) => char.charCodeAt(0) & 0xff);
}

function decodeBody(part: MimePart): Uint8Array {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "").toLowerCase();
  // atob is in browsers and in Node alike: the same reader can serve the offline page.
  if (encoding === "base64") return bytesOf(atob(part.body.replace(/\s+/g, "")));
  if (encoding === "quoted-printable") {
    const text = part.body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return bytesOf(text);
  }
  return bytesOf(part.body);
}

/** The page inside the message: the first text/html part, decoded with its charset. */
export function mhtHtml(bytes: Uint8Array): string {
  const message = new TextDecoder("latin1").decode(bytes);
  const top = splitEntity(message);
  const type = top.headers.get("content-type") ?? "";
  const boundary = parameter(type, "boundary");
  const parts = boundary ? message.split(`--${boundary}`).slice(1).map(splitEntity) : [top];
  const html = parts.find((part) => /text\/html/i.test(part.headers.get("content-type") ?? ""));
  if (!html) throw new ReportReadError("NOT_TEXT", "这个 .mht 文件中没有网页（text/html）部分，无法读取");
  const charset = parameter(html.headers.get("content-type") ?? "", "charset");
  const body = decodeBody(html);
  if (!charset) return decodeHtml(body);
  try {
    return new TextDecoder(/^(gb2312|gbk)$/i.test(charset) ? "gb18030" : charset).decode(body);
  } catch {
    return decodeHtml(body);
  }
}

export const MHT_READER: ReportReader = {
  id: "mht",
  sniff: (bytes, name) =>
    hasExtension(name, ".mht", ".mhtml") || /^MIME-Version:/i.test(new TextDecoder("latin1").decode(bytes.subarray(0, 64)).trimStart()),
  read: (bytes, options) => readingFromGrids(htmlGridDocument(mhtHtml(bytes)), options),
};
