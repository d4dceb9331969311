/**
 * pdf.js in the offline page: bundled into the one file (the page may not fetch anything), evaluated on the first
 * PDF only. Its worker runs in the page's own thread ("fake worker", the module set on globalThis.pdfjsWorker):
 * a separate worker would need a second file or a blob: URL that the page's policy does not allow.
 */
import type { PdfEngine } from "../readers/pdfReader";

let engine: Promise<PdfEngine> | null = null;

export function pagePdfEngine(): Promise<PdfEngine> {
  engine ??= Promise.all([import("pdfjs-dist/legacy/build/pdf.mjs"), import("pdfjs-dist/legacy/build/pdf.worker.mjs")]).then(
    ([pdfjs, worker]) => {
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      // No CMap or standard-font files to fetch: a PDF that needs them reads with fewer characters, never a request.
      return { getDocument: (params) => pdfjs.getDocument(params as Parameters<typeof pdfjs.getDocument>[0]) as never };
    },
  );
  return engine;
}
