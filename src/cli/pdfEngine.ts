/**
 * pdf.js for the command line. pdfjs-dist ships only ES modules; Node (20.19 and later) loads them with require(),
 * which keeps this CommonJS build simple. Loaded on the first PDF only: it is 3 MB of script.
 * The worker runs in this thread ("fake worker"): pdf.js uses the module set on globalThis.pdfjsWorker.
 */
import { dirname, join, sep } from "node:path";
import type { PdfEngine } from "../readers/pdfReader";

let engine: PdfEngine | null = null;

export function nodePdfEngine(): PdfEngine {
  if (engine) return engine;
  /* eslint-disable @typescript-eslint/no-require-imports -- see above: ES modules loaded with require() */
  const pdfjs = require("pdfjs-dist/legacy/build/pdf.mjs") as PdfEngine;
  const global = globalThis as { pdfjsWorker?: unknown };
  global.pdfjsWorker ??= require("pdfjs-dist/legacy/build/pdf.worker.mjs");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const root = dirname(require.resolve("pdfjs-dist/package.json"));
  engine = {
    getDocument: (params) => pdfjs.getDocument(params),
    // Chinese PDFs often use Adobe's predefined CMaps (UniGB-UCS2-H …) instead of embedding the font's mapping.
    params: { cMapUrl: join(root, "cmaps") + sep, cMapPacked: true, standardFontDataUrl: join(root, "standard_fonts") + sep },
  };
  return engine;
}
