/**
 * Opening a .docx from anywhere: a zip whose size, entry count and content are all untrusted. Bounded
 * decompression (a zip bomb gets a clear error), and a clear Chinese error for every way the file can be wrong.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { EMPTY_STATE, type AnnotationState } from "../domain/annotations";
import { ReportReadError } from "../readers/errors";
import { isAnnotationPart, parseState } from "../util/annotationPart";
import { descendants, parseXml, XmlError, type XmlElement } from "../util/xml";

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

export interface DocxPackage {
  /** Entries in their original order. */
  files: Map<string, Uint8Array>;
  mainPart: string;
}

function unzip(bytes: Uint8Array, limits: ZipLimits, wanted: (path: string) => boolean): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  let tooLarge: string | null = null;
  let duplicate: string | null = null;
  const names = new Set<string>();
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        // Two entries of one name: which one a program reads differs, so the file is refused, never guessed.
        const name = file.name.toLowerCase();
        if (names.has(name)) duplicate ??= file.name;
        names.add(name);
        entries++;
        total += file.originalSize;
        if (entries > limits.maxEntries) tooLarge = `包含超过 ${limits.maxEntries} 个文件`;
        else if (file.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes)
          tooLarge = `解压后超过 ${Math.round(limits.maxTotalBytes / 1048576)} MB`;
        return tooLarge === null && wanted(file.name);
      },
    });
  } catch (error) {
    if (tooLarge) throw new ReportReadError("ZIP_TOO_LARGE", `文件${tooLarge}，不像正常的 Word 文档，已拒绝读取`);
    throw new ReportReadError("CORRUPT_ZIP", "文件已损坏或不完整，无法读取。请重新保存或重新获取该文件", (error as Error).message);
  }
  if (tooLarge) throw new ReportReadError("ZIP_TOO_LARGE", `文件${tooLarge}，不像正常的 Word 文档，已拒绝读取`);
  if (duplicate)
    throw new ReportReadError(
      "CORRUPT_ZIP",
      `文件中有两个同名的部件“${duplicate}”，无法确定以哪个为准，已拒绝读取。请在 Word 中打开并另存`,
    );
  const files = new Map(Object.entries(unzipped));
  // A declared size that lies: the inflated data must not exceed what was declared and checked.
  const actual = [...files.values()].reduce((sum, data) => sum + data.length, 0);
  if (actual > limits.maxTotalBytes) throw new ReportReadError("ZIP_TOO_LARGE", "文件解压后过大，已拒绝读取");
  return files;
}

/** Opens a package; `wanted` picks the parts to inflate (all by default: the others are left out of `files`). */
export function openDocx(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_LIMITS,
  wanted: (path: string) => boolean = () => true,
): DocxPackage {
  const files = unzip(bytes, limits, wanted);
  const rels = files.get("_rels/.rels");
  if (!files.has("[Content_Types].xml") || !rels) {
    throw new ReportReadError("NOT_DOCX", "文件不是 Word 文档（.docx），无法读取。如果是 WPS 或其他格式，请另存为 .docx 后再检查");
  }
  const mainPart = relationshipTarget({ files, mainPart: "" }, "", "/officeDocument") ?? "word/document.xml";
  if (!files.has(mainPart) && wanted(mainPart))
    throw new ReportReadError("NOT_DOCX", "文件中没有 Word 正文（word/document.xml），无法读取");
  return { files, mainPart };
}

/** The encoding an XML part is stored in: its byte-order mark, UTF-16 without one, else its XML declaration's (OPC allows UTF-8 and UTF-16; Word reads others). */
function partEncoding(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return "utf-16le";
  if (data[0] === 0xfe && data[1] === 0xff) return "utf-16be";
  if (data[0] === 0x3c && data[1] === 0x00) return "utf-16le";
  if (data[0] === 0x00 && data[1] === 0x3c) return "utf-16be";
  const head = strFromU8(data.subarray(0, 200), true);
  const declared = /^(?:\ufeff)?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  return declared && declared !== "utf-8" && declared !== "utf8" ? declared : "utf-8";
}

function decodePart(data: Uint8Array, path: string): string {
  const encoding = partEncoding(data);
  if (encoding === "utf-8") return strFromU8(data);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    throw new ReportReadError("BAD_XML", `文档部件 ${path} 声明的字符编码“${encoding}”无法识别或内容与之不符，无法读取`);
  }
}

export function partText(pkg: DocxPackage, path: string): string | undefined {
  const data = pkg.files.get(path);
  return data ? decodePart(data, path) : undefined;
}

/**
 * Writes a part as UTF-8. A part that was stored in another encoding (UTF-16, GB18030) is written as UTF-8 with
 * its XML declaration saying so: every character kept, none replaced.
 */
export function setPartText(pkg: DocxPackage, path: string, text: string): void {
  const before = pkg.files.get(path);
  const wasOther = before !== undefined && partEncoding(before) !== "utf-8";
  const utf8 = wasOther ? text.replace(/^(\ufeff)?(<\?xml[^>]*\sencoding\s*=\s*)(["'])[^"']*\3/, "$1$2$3UTF-8$3") : text;
  pkg.files.set(path, strToU8(wasOther ? utf8.replace(/^\ufeff/, "") : utf8));
}

export function parsePart(pkg: DocxPackage, path: string): { xml: string; root: XmlElement } {
  const xml = partText(pkg, path);
  if (xml === undefined) throw new ReportReadError("NOT_DOCX", `文件缺少 ${path}`);
  try {
    return { xml, root: parseXml(xml) };
  } catch (error) {
    if (error instanceof XmlError) throw xmlPartError(path, error);
    throw error;
  }
}

export function xmlPartError(path: string, error: XmlError): ReportReadError {
  return new ReportReadError("BAD_XML", `文档内容已损坏（${path}：${error.message}），无法读取。请在 Word 中打开并重新保存`, error.detail);
}

export function saveDocx(pkg: DocxPackage): Uint8Array {
  const files: Zippable = {};
  for (const [path, data] of pkg.files) files[path] = data;
  return zipSync(files, { level: 6 });
}

/**
 * The part a relationship of the given type (its URI's last segment, "/comments") points to from `source` ("" for
 * the package), read as XML; null where there is none.
 */
export function relationshipTarget(pkg: DocxPackage, source: string, typeSuffix: string): string | null {
  const rels = partText(pkg, source === "" ? "_rels/.rels" : relsPathOf(source));
  if (!rels) return null;
  let root: XmlElement;
  try {
    root = parseXml(rels);
  } catch (error) {
    if (error instanceof XmlError) throw new ReportReadError("BAD_XML", `文档的关系部件已损坏（${error.message}），无法读取`, error.detail);
    throw error;
  }
  for (const element of descendants(root, "Relationship")) {
    const target = element.attrs.get("Target");
    if (!target || !(element.attrs.get("Type") ?? "").endsWith(typeSuffix)) continue;
    if (target.startsWith("/")) return target.slice(1);
    const folder = source.slice(0, source.lastIndexOf("/") + 1);
    return folder + target;
  }
  return null;
}

/** The folder of a part and the path of its relationships part (word/document.xml → word/_rels/document.xml.rels). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The annotation state kept in the package, and its part. */
export function stateOf(pkg: DocxPackage): { state: AnnotationState; statePart: string | null } {
  const statePart =
    [...pkg.files.keys()].find((path) => /^customXml\/item\d+\.xml$/.test(path) && isAnnotationPart(partText(pkg, path) ?? "")) ?? null;
  return { state: statePart ? parseState(partText(pkg, statePart)!) : EMPTY_STATE, statePart };
}
