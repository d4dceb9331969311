/**
 * Every reader, in the order they are asked whether a file is theirs: the one list the command line and the
 * offline page both use. Each host brings its own pdf.js (Node requires it; the page bundles it).
 */
import { HTML_READER } from "../readers/htmlReader";
import { LEGACY_BINARY_READER } from "../readers/legacyBinary";
import { MHT_READER } from "../readers/mhtReader";
import { pdfReader, type PdfEngine } from "../readers/pdfReader";
import type { ReportReader } from "../readers/registry";
import { TEXT_READER } from "../readers/textFile";
import { DOCX_READER } from "./reader";

export function reportReaders(loadPdfEngine: () => PdfEngine | Promise<PdfEngine>): readonly ReportReader[] {
  return [LEGACY_BINARY_READER, DOCX_READER, pdfReader(loadPdfEngine), MHT_READER, HTML_READER, TEXT_READER];
}

/** The file types the readers take, for a folder walk and a file picker. */
export const REPORT_EXTENSIONS = [".docx", ".pdf", ".html", ".htm", ".mht", ".mhtml", ".txt", ".text", ".doc", ".wps"] as const;
