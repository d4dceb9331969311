/**
 * TX-1 (spec §6.4): figures quoted in the report's text that name a table quantity must equal the table. Only
 * unambiguous phrases are read (“受理” and “答复” are left alone: reports use them for different quantities), and
 * every finding is a warning, since the text may count something else (备案 cases, a different scope).
 */
import { findCell, formatCells } from "./cells";
import type { Finding } from "./findings";
import { findingCell } from "./findings";
import type { CellId } from "./formats";
import type { FormatDecl } from "./formatModel";
import { formatNumber } from "./values";

interface Quantity {
  /** What the text says, as a pattern whose first group is the number. */
  patterns: RegExp[];
  /** The table cells whose sum the text quotes. */
  cells: (format: FormatDecl) => CellId[];
  /** How the quantity is named in the message. */
  name: string;
}

/** The 总计 cells of the items under one outcome group of 表三 (（三）不予公开 → 3-3-1 … 3-3-8). */
const totalsOf = (format: FormatDecl, group: string) =>
  formatCells(format)
    .filter((cell) => cell.id.startsWith(`t3.${group}-`) && cell.id.endsWith(".total"))
    .map((cell) => cell.id as CellId);

const QUANTITIES: Quantity[] = [
  { name: "本年新收申请", patterns: [/新收(?:政府信息公开)?申请(?:共|合计)?(\d{1,9})件/], cells: () => ["t3.1.total"] },
  { name: "上年结转申请", patterns: [/上年(?:度)?结转(?:的)?(?:政府信息公开)?申请(?:共)?(\d{1,9})件/], cells: () => ["t3.2.total"] },
  {
    name: "结转下年度继续办理",
    patterns: [
      /(?<!\d)(\d{1,9})件(?:申请)?(?:结转|顺延)(?:至|到)?下(?:一)?年度/,
      /结转(?:至|到)?下(?:一)?年度(?:继续办理)?(?:的)?(?:申请)?(\d{1,9})件/,
    ],
    cells: () => ["t3.4.total"],
  },
  { name: "予以公开", patterns: [/予以公开(\d{1,9})件/], cells: () => ["t3.3-1.total"] },
  { name: "部分公开", patterns: [/部分公开(\d{1,9})件/], cells: () => ["t3.3-2.total"] },
  { name: "不予公开", patterns: [/不予公开(\d{1,9})件/], cells: (format) => totalsOf(format, "3-3") },
  { name: "无法提供", patterns: [/无法提供(\d{1,9})件/], cells: (format) => totalsOf(format, "3-4") },
  { name: "不予处理", patterns: [/不予处理(\d{1,9})件/], cells: (format) => totalsOf(format, "3-5") },
  { name: "行政复议", patterns: [/行政复议(?:案件)?(\d{1,9})件/], cells: () => ["t4.review.total"] },
  { name: "行政诉讼", patterns: [/行政诉讼(?:案件)?(\d{1,9})件/], cells: () => ["t4.suit-direct.total", "t4.suit-after-review.total"] },
];

// Figures are at most 9 digits and a leading figure starts where a digit run starts: every pattern runs in linear time.

/** The text as one line: PDF extraction wraps lines and spaces digits off from characters. */
function flatten(paragraphs: readonly string[]): string {
  return paragraphs.join("").normalize("NFKC").replace(/\s+/g, "");
}

export function textFindings(
  format: FormatDecl,
  paragraphs: readonly string[],
  values: Readonly<Record<string, number | null>>,
): Finding[] {
  const text = flatten(paragraphs);
  return QUANTITIES.flatMap((quantity) => {
    const ids = quantity.cells(format);
    if (ids.length === 0 || ids.some((id) => values[id] === undefined || values[id] === null)) return [];
    const table = ids.reduce((sum, id) => sum + values[id]!, 0);
    const quoted = quantity.patterns.flatMap((pattern) => [...text.matchAll(new RegExp(pattern, "g"))]);
    return quoted
      .filter((match) => Number(match[1]) !== table)
      .map((match, index) => {
        const context = text.slice(Math.max(0, match.index! - 12), match.index! + match[0].length + 4);
        const tableId = findCell(format, ids[0]!)!.table;
        return {
          rule: "TX-1",
          severity: "warning" as const,
          category: "rule" as const,
          cells: ids.map((id) => findingCell(findCell(format, id)!, formatNumber(values[id]!))),
          expected: table,
          actual: Number(match[1]),
          table: tableId,
          key: `TX-1:${quantity.name}:${index}`,
          detail: {
            kind: "quoted" as const,
            quantity: quantity.name,
            context,
            quoted: Number(match[1]),
            tableValue: table,
            table: tableId,
          },
        };
      });
  });
}
