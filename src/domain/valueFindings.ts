/** Findings about single cells: blanks, 无/—, units and notes typed into a cell, and text that is not a number. */
import { describeCell, findingCell, type Finding } from "./findings";
import type { CellDecl, ValueRuleId } from "./model";
import { formatNumber, type InvalidReason, type ParsedValue, type ValueNote } from "./values";

const INVALID_TEXT: Record<InvalidReason, string> = {
  noNumber: "不是数字",
  leadingText: "数字前有文字，无法确定数值",
  multipleNumbers: "包含多个数字，无法确定数值",
  badSeparator: "千分位分隔不正确（小数点请用“.”，千分位每三位一个“,”）",
  negativeCount: "不能为负数",
  decimalCount: "件数应为整数",
  wrongUnit: "写的单位与该栏不符",
};

function noteText(note: ValueNote, value: number, cell: CellDecl): string {
  switch (note.kind) {
    case "unit":
      return `单元格中写了单位“${note.unit}”，已按 ${formatNumber(value)} 计；单元格只需填数字`;
    case "yuanConverted":
      return `该栏单位为${cell.unit ?? "万元"}，已将 ${formatNumber(note.yuan)} 元折算为 ${formatNumber(value)} 万元；请核对并按万元填写`;
    case "unitMissing":
      return `未写单位（元或万元），已按 ${formatNumber(value)} 万元计；请注明单位`;
    case "annotation":
      return `数字后附有文字“${note.text}”，已按 ${formatNumber(value)} 计；说明文字请写在正文或表注中`;
    case "precision":
      return `有 ${note.decimals} 位小数，金额以万元计最多保留 4 位小数`;
    case "fullWidth":
      return `是全角数字，已按 ${formatNumber(value)} 读取；报告中的数字请用半角阿拉伯数字`;
  }
}

function valueFinding(
  rule: ValueRuleId,
  cell: CellDecl,
  text: string,
  severity: Finding["severity"],
  kind: string,
  detail: string,
  actual: number | null,
  expected: number | null = null,
): Finding {
  return {
    rule,
    severity,
    category: "value",
    message: `${describeCell(cell)}${detail}`,
    cells: [findingCell(cell, text)],
    expected,
    actual,
    table: cell.table,
    key: `${rule}:${cell.id}:${kind}`,
    target: cell.id,
  };
}

export function findingsForValue(rule: ValueRuleId, cell: CellDecl, text: string, parsed: ParsedValue): Finding[] {
  const shown = `填写“${text.trim()}”，`;
  switch (parsed.status) {
    case "blank":
      return [valueFinding(rule, cell, text, "warning", "blank", "为空白，计算时按 0 计；没有发生的请填 0", null)];
    case "zeroMark":
      return [valueFinding(rule, cell, text, "warning", "zero-mark", `${shown}计算时按 0 计；标准格式应填数字 0`, 0)];
    case "invalid":
      return [valueFinding(rule, cell, text, "error", parsed.reason, `${shown}${INVALID_TEXT[parsed.reason]}`, null)];
    case "number":
      return parsed.notes.map((note) =>
        valueFinding(rule, cell, text, "warning", note.kind, `${shown}${noteText(note, parsed.value, cell)}`, parsed.value),
      );
  }
}
