/** A fault reading one file, as that file's error: what every host shows for a file it could not read. */
import { XmlError } from "../util/xml";
import { ReportReadError } from "./errors";

export interface ReadFailure {
  /** In Chinese, saying what to do. */
  error: string;
  /** The underlying library's words, for support. */
  detail: string | null;
  errorCode: string;
}

/** Any fault reading one file becomes that file's error, in Chinese, with the library's words kept apart. */
export function readFailure(error: unknown): ReadFailure {
  if (error instanceof ReportReadError) return { error: error.message, detail: error.detail || null, errorCode: error.code };
  if (error instanceof XmlError) {
    return { error: `文档内容已损坏：${error.message}。请在 Word 中打开并重新保存`, detail: error.detail || null, errorCode: "BAD_XML" };
  }
  if (error instanceof RangeError) return { error: "文件内容过大或结构异常，无法读取", detail: error.message, errorCode: "TOO_LARGE" };
  const detail = error instanceof Error ? error.message : String(error);
  return { error: "读取时发生内部错误，该文件未检查（请将文件提供给维护人员）", detail, errorCode: "INTERNAL" };
}
