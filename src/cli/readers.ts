/** The readers the command line offers, in the order they are asked whether a file is theirs. */
import { DOCX_READER } from "../docx/reader";
import { HTML_READER } from "../readers/htmlReader";
import { LEGACY_BINARY_READER } from "../readers/legacyBinary";
import { MHT_READER } from "../readers/mhtReader";
import { pdfReader } from "../readers/pdfReader";
import type { ReportReader } from "../readers/registry";
import { TEXT_READER } from "../readers/textFile";
import { nodePdfEngine } from "./pdfEngine";

export const CLI_READERS: readonly ReportReader[] = [
  LEGACY_BINARY_READER,
  DOCX_READER,
  pdfReader(nodePdfEngine),
  MHT_READER,
  HTML_READER,
  TEXT_READER,
];
