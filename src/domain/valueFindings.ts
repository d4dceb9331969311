/** Findings about single cells: blanks, placeholders, units and notes typed into a cell, and text that is not a number. */
import { findingCell, type Finding, type FindingDetail } from "./findings";
import type { CellDecl, ValueRuleId } from "./formatModel";
import { typedNumber, type ParsedValue } from "./values";

/**
 * The key's last part names the kind of problem. Dismissals are stored by key, so these parts never change
 * ("zero-mark" is the placeholder kind's name from before 不适用 and N/A joined it).
 */
function keyKind(detail: FindingDetail): string {
  switch (detail.kind) {
    case "blank":
      return "blank";
    case "placeholder":
      return "zero-mark";
    case "invalid":
      return detail.reason;
    case "note":
      return detail.note.kind;
    default:
      return detail.kind;
  }
}

function valueFinding(
  rule: ValueRuleId,
  cell: CellDecl,
  text: string,
  severity: Finding["severity"],
  detail: FindingDetail,
  actual: number | null,
): Finding {
  return {
    rule,
    severity,
    category: "value",
    cells: [findingCell(cell, text)],
    expected: null,
    actual,
    table: cell.table,
    key: `${rule}:${cell.id}:${keyKind(detail)}`,
    target: cell.id,
    detail,
  };
}

export function findingsForValue(rule: ValueRuleId, cell: CellDecl, text: string, parsed: ParsedValue): Finding[] {
  const actual = typedNumber(parsed);
  switch (parsed.status) {
    case "blank":
      return [valueFinding(rule, cell, text, "warning", { kind: "blank", cell: cell.id }, null)];
    case "placeholder":
      return [valueFinding(rule, cell, text, "warning", { kind: "placeholder", cell: cell.id, text }, null)];
    case "invalid":
      return [valueFinding(rule, cell, text, "error", { kind: "invalid", cell: cell.id, text, reason: parsed.reason }, actual)];
    case "number":
      return parsed.notes.map((note) =>
        valueFinding(rule, cell, text, "warning", { kind: "note", cell: cell.id, text, value: parsed.value, note }, actual),
      );
  }
}
