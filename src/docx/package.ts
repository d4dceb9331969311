/**
 * Opening a .docx from anywhere: a zip whose size, entry count and content are all untrusted. Bounded
 * decompression (a zip bomb gets a clear error), and a clear Chinese error for every way the file can be wrong.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { ReportReadError } from "../readers/errors";
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

function unzip(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  let tooLarge: string | null = null;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (entries > limits.maxEntries) tooLarge = `包含超过 ${limits.maxEntries} 个文件`;
        else if (file.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes)
          tooLarge = `解压后超过 ${Math.round(limits.maxTotalBytes / 1048576)} MB`;
        return tooLarge === null;
      },
    });
  } catch (error) {
    if (tooLarge) throw new ReportReadError("ZIP_TOO_LARGE", `文件${tooLarge}，不像正常的 Word 文档，已拒绝读取`);
    throw new ReportReadError("CORRUPT_ZIP", "文件已损坏或不完整，无法读取。请重新保存或重新获取该文件", (error as Error).message);
  }
  if (tooLarge) throw new ReportReadError("ZIP_TOO_LARGE", `文件${tooLarge}，不像正常的 Word 文档，已拒绝读取`);
  const files = new Map(Object.entries(unzipped));
  // A declared size that lies: the inflated data must not exceed what was declared and checked.
  const actual = [...files.values()].reduce((sum, data) => sum + data.length, 0);
  if (actual > limits.maxTotalBytes) throw new ReportReadError("ZIP_TOO_LARGE", "文件解压后过大，已拒绝读取");
  return files;
}

export function openDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): DocxPackage {
  const files = unzip(bytes, limits);
  const rels = files.get("_rels/.rels");
  if (!files.has("[Content_Types].xml") || !rels) {
    throw new ReportReadError("NOT_DOCX", "文件不是 Word 文档（.docx），无法读取。如果是 WPS 或其他格式，请另存为 .docx 后再检查");
  }
  const mainPart = relationshipTarget({ files, mainPart: "" }, "", "/officeDocument") ?? "word/document.xml";
  if (!files.has(mainPart)) throw new ReportReadError("NOT_DOCX", "文件中没有 Word 正文（word/document.xml），无法读取");
  return { files, mainPart };
}

export function partText(pkg: DocxPackage, path: string): string | undefined {
  const data = pkg.files.get(path);
  return data ? strFromU8(data) : undefined;
}

export function setPartText(pkg: DocxPackage, path: string, text: string): void {
  pkg.files.set(path, strToU8(text));
}

export function parsePart(pkg: DocxPackage, path: string): { xml: string; root: XmlElement } {
  const xml = partText(pkg, path);
  if (xml === undefined) throw new ReportReadError("NOT_DOCX", `文件缺少 ${path}`);
  try {
    return { xml, root: parseXml(xml) };
  } catch (error) {
    if (error instanceof XmlError)
      throw new ReportReadError(
        "BAD_XML",
        `文档内容已损坏（${path}：${error.message}），无法读取。请在 Word 中打开并重新保存`,
        error.detail,
      );
    throw error;
  }
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
