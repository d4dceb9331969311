/** Faults that stop a file from being read at all. Each has a stable code and a Chinese message saying what to do. */
export type ReadErrorCode =
  | "NOT_FOUND"
  | "UNSUPPORTED_TYPE"
  | "LEGACY_DOC"
  | "ENCRYPTED"
  | "CORRUPT_ZIP"
  | "ZIP_TOO_LARGE"
  | "NOT_DOCX"
  | "BAD_XML"
  | "NOT_TEXT"
  | "TOO_LARGE"
  | "SEVERAL_REPORTS"
  | "EMPTY"
  | "PDF_SCANNED"
  | "PDF_ENCRYPTED"
  | "PDF_BROKEN";

export class ReportReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    /** The underlying library's words, for support; never part of the message. */
    readonly detail: string = "",
  ) {
    super(message);
    this.name = "ReportReadError";
  }
}
