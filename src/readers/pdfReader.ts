/**
 * PDF reports: pdf.js reads each page's text items with their positions; pdfLayout turns them into lines; the text
 * reader places the rows, with every position given as page and line. pdf.js itself comes from the host (the
 * command line requires it, a web page bundles it), through `PdfEngine`, so this module runs in both.
 *
 * A PDF with no text layer (a scan), one that needs a password, and a broken or truncated one each get their own
 * message. The work per file is bounded: pages, text items and time.
 */
import type { ReadOptions, ReportReading } from "../domain/reading";
import { ReportReadError } from "./errors";
import { layoutPages, linePosition, type PdfLine, type PdfTextItem } from "./pdfLayout";
import { hasExtension, startsWith, type ReportReader } from "./registry";
import { readTextLines } from "./textReader";

/** The little of pdf.js this reader uses (its getDocument, PDFDocumentProxy, PDFPageProxy and TextContent). */
export interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
}
export interface PdfJsPage {
  getTextContent(): Promise<{ items: readonly (PdfJsTextItem | object)[] }>;
  cleanup(): unknown;
}
export interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
}
export interface PdfJsLoadingTask {
  promise: Promise<PdfJsDocument>;
  destroy(): Promise<void>;
}
export interface PdfEngine {
  getDocument(params: Record<string, unknown>): PdfJsLoadingTask;
  /** What the host adds to every getDocument call: where the CMaps for Chinese fonts are, say. */
  params?: Record<string, unknown>;
}

/** A report is a few dozen pages and a few thousand text items; these bounds are far above any real one. */
export const PDF_LIMITS = { pages: 300, items: 300_000, milliseconds: 60_000 };

/** Fewer visible characters than this in the whole file: no text layer, a scan. */
const SCANNED_BELOW_CHARS = 20;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little junk (some servers prepend a BOM or blank line); readers look in the first 1 KB.
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF_MAGIC.length <= head.length; i++) if (startsWith(head.subarray(i), PDF_MAGIC)) return true;
  return false;
}

/** Every complete PDF ends with %%EOF (after its last incremental update); a download cut short does not. */
function looksTruncated(bytes: Uint8Array): boolean {
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return !tail.includes("%%EOF");
}

const TRUNCATED = "PDF 文件不完整（可能下载或复制时中断），无法读取。请重新获取完整的文件";
const BROKEN = "PDF 文件已损坏，无法读取。请用 PDF 阅读器确认能否打开，或提供 .docx 版本";

function pdfError(error: unknown): ReportReadError {
  if (error instanceof ReportReadError) return error;
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new ReportReadError("PDF_ENCRYPTED", "PDF 已加密，需要密码才能打开，无法读取。请提供未加密的版本", detail);
  }
  return new ReportReadError("PDF_BROKEN", BROKEN, detail);
}

function textItem(raw: PdfJsTextItem | object): PdfTextItem | null {
  const item = raw as PdfJsTextItem;
  if (typeof item.str !== "string" || !item.transform || item.transform.length < 6) return null;
  const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
  // The font size is the length of the text matrix's vertical vector (rotated text keeps its size).
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 10;
  return { text: item.str, x, y, width: item.width ?? 0, size };
}

async function pageItems(document: PdfJsDocument, started: number): Promise<PdfTextItem[][]> {
  if (document.numPages > PDF_LIMITS.pages) {
    throw new ReportReadError("TOO_LARGE", `PDF 有 ${document.numPages} 页，超过 ${PDF_LIMITS.pages} 页，不像年度报告，已拒绝读取`);
  }
  const pages: PdfTextItem[][] = [];
  let total = 0;
  for (let number = 1; number <= document.numPages; number++) {
    // Pages are read one after another: pdf.js parses each on demand, and the bounds are checked between pages.
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const items = content.items.map(textItem).filter((item): item is PdfTextItem => item !== null);
    total += items.length;
    if (total > PDF_LIMITS.items) throw new ReportReadError("TOO_LARGE", "PDF 中的文字过多，不像年度报告，已拒绝读取");
    if (Date.now() - started > PDF_LIMITS.milliseconds) {
      throw new ReportReadError("TOO_LARGE", `PDF 在 ${PDF_LIMITS.milliseconds / 1000} 秒内未能读完，已停止读取`);
    }
    pages.push(items);
  }
  return pages;
}

/** The text items of every page; throws the file's error for a scan, a password, a truncated or broken file. */
export async function readPdfItems(engine: PdfEngine, bytes: Uint8Array): Promise<PdfTextItem[][]> {
  if (!hasPdfHeader(bytes)) throw new ReportReadError("PDF_BROKEN", "文件名为 .pdf，但内容不是 PDF，无法读取");
  if (looksTruncated(bytes)) throw new ReportReadError("PDF_BROKEN", TRUNCATED);
  const started = Date.now();
  let task: PdfJsLoadingTask | null = null;
  try {
    // pdf.js wants a plain Uint8Array (not a Buffer) and may take over its buffer: it gets a copy of its own.
    task = engine.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      ...engine.params,
    });
    const document = await task.promise;
    return await pageItems(document, started);
  } catch (error) {
    throw pdfError(error);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

export async function readPdfReport(engine: PdfEngine, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReportReading> {
  const pages = await readPdfItems(engine, bytes);
  const visible = pages.reduce((sum, items) => sum + items.reduce((chars, item) => chars + item.text.replace(/\s/g, "").length, 0), 0);
  if (visible < SCANNED_BELOW_CHARS) {
    throw new ReportReadError(
      "PDF_SCANNED",
      `PDF 的 ${pages.length} 页中没有可读取的文字，可能是扫描件或图片。请先用文字识别（OCR）软件转换，或提供 .docx、网页版本`,
    );
  }
  const lines = layoutPages(pages);
  const read = (texts: string[]) => readTextLines(texts, options, linePosition(lines));
  const first = read(lines.map((line) => line.text));
  // A row whose figures did not match its cells lost a blank cell in print: read it again with the blanks the
  // columns show, and keep that reading if it places more.
  const retry = new Set(unplacedLines(first, lines));
  if (retry.size === 0) return first;
  const second = read(lines.map((line, index) => (retry.has(index) ? line.withBlanks! : line.text)));
  return unplacedLines(second, lines).length < retry.size ? second : first;
}

/** Indices of the lines the reading could not place for their number of figures, that have a version with blanks. */
function unplacedLines(reading: ReportReading, lines: readonly PdfLine[]): number[] {
  return reading.findings.flatMap(({ detail }) => {
    if (detail.kind !== "unplaced" || detail.why.reason !== "valueCount" || detail.where?.kind !== "page") return [];
    const { page, row } = detail.where;
    const index = lines.findIndex((line) => line.page === page && line.row === row);
    return index >= 0 && lines[index]!.withBlanks ? [index] : [];
  });
}

/** A reader of PDF files over the engine the host provides (loaded only when a PDF is read). */
export function pdfReader(loadEngine: () => PdfEngine | Promise<PdfEngine>): ReportReader {
  return {
    id: "pdf",
    sniff: (bytes, name) => startsWith(bytes, PDF_MAGIC) || (hasExtension(name, ".pdf") && !startsWith(bytes, [0x50, 0x4b])),
    read: async (bytes, options) => readPdfReport(await loadEngine(), bytes, options),
  };
}
