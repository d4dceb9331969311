/** The readers the command line offers: the shared list, with pdf.js as Node loads it. */
import { reportReaders } from "../docx/readerList";
import { nodePdfEngine } from "./pdfEngine";

export const CLI_READERS = reportReaders(nodePdfEngine);
