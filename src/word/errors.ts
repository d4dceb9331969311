/** Faults the add-in shows to the user: a stable code and a Chinese message that says what to do next. */
export type AddinErrorCode =
  "NO_TEMPLATE" | "READ_ONLY" | "OLD_WORD" | "UNSUPPORTED" | "INSERT_FAILED" | "CELL_NOT_FOUND" | "OFFICE_UNAVAILABLE" | "WORD_ERROR";

const MESSAGES: Record<AddinErrorCode, string> = {
  NO_TEMPLATE: "文档中没有年度报告模板的表格（带标记的单元格）。请先点击“插入模板”，或把数字填入本工具生成的模板后再检查。",
  READ_ONLY: "文档为只读，无法标注。请先在 Word 中点击“启用编辑”或另存一份后再试。",
  OLD_WORD:
    "当前 Word 版本过低（需要 Word 2021、Microsoft 365 或网页版 Word；Word 2019 需安装 WebView2；WordApi 1.3）。可改用命令行工具检查 .docx 文件，见说明文档。",
  UNSUPPORTED: "当前 Word 不支持这项操作。",
  INSERT_FAILED: "模板没有完整插入（单元格数目不对）。请按 Ctrl+Z 撤销，把光标放在正文中一个空白段落后重试。",
  CELL_NOT_FOUND: "文档中找不到这个单元格，可能已被删除。请重新检查。",
  OFFICE_UNAVAILABLE: "未能连接 Word。请关闭任务窗格后重新打开。",
  WORD_ERROR: "Word 执行操作时出错。",
};

export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code]);
    this.name = "AddinError";
  }
}

/** Word's own error codes for a document that cannot be changed. */
const READ_ONLY_CODES = new Set(["AccessDenied", "ReadOnly", "EditModeCannotAcquired"]);
/**
 * Codes for an API this Word refuses: not a read-only document (Range.insertComment fails with NotAllowed on some
 * Word on the web builds in editable documents, office-js #6746).
 */
const UNSUPPORTED_CODES = new Set(["NotAllowed", "ApiNotFound", "NotImplemented"]);

/** Word's error said honestly: read-only only when the document is read-only; Word's own text otherwise. */
export function toAddinError(error: unknown, documentIsReadOnly = false): AddinError {
  if (error instanceof AddinError) return error;
  const code = (error as { code?: string } | null)?.code;
  const text = (error as Error | null)?.message ?? String(error);
  if (code && (READ_ONLY_CODES.has(code) || (documentIsReadOnly && code === "NotAllowed"))) return new AddinError("READ_ONLY");
  if (code && UNSUPPORTED_CODES.has(code)) return new AddinError("UNSUPPORTED", text);
  return new AddinError("WORD_ERROR", text);
}
