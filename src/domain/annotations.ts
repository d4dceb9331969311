/**
 * What the checker leaves in a document, recorded in one custom XML part so that every host knows what is ours:
 * the marks (shading and comments) on cells, and the findings a user dismissed. The .docx annotator and the Word
 * add-in both read and write this part; clearing removes exactly what is recorded here and nothing else.
 *
 *   <gr:annotations xmlns:gr="urn:gov-report:annotations:1" version="1">
 *     <gr:mark cell="t3.4.natural" severity="error" comment="12" fill="FFFFFF" shd="&lt;w:shd …/&gt;" at="2/5/3"/>
 *     <gr:dismissal key="T3-C:t3.4.total" reason="正文统计口径不同" date="2026-01-10"/>
 *   </gr:annotations>
 *
 * mark: cell = the cell id; severity; comment = the Word comment id we added (absent without comments);
 * fill = the cell's fill before marking ("" = none); at = table/row/cell position, for documents whose cells carry
 * no content controls. For .docx only: shd = the XML the annotator replaced in the cell ("" = it inserted), written =
 * the XML it put there, para = an empty paragraph's original self-closing tag, where a comment had to open it.
 * dismissal: key = the finding's stable key; reason as the user typed it; date as YYYY-MM-DD.
 */
import type { Finding } from "./findings";
import { describeCell, fixMessage, findingMessage, SEVERITY_LABELS } from "./wording";
import type { Severity } from "./formatModel";

export const ANNOTATIONS_NAMESPACE = "urn:gov-report:annotations:1";

/** Shading for a cell in an error finding, and for one in a warning. */
export const MARK_FILLS: Record<Severity, string> = { error: "FFC7CE", warning: "FFEB9C" };
export const COMMENT_AUTHOR = "政务公开年报检查";
/** Every comment we add starts with this, so that any host can tell ours from the user's. */
export const COMMENT_PREFIX = "【年报检查】";
export const COMMENT_INITIALS = "GR";

export interface MarkRecord {
  cell: string;
  severity: Severity;
  comment: string | null;
  fill: string;
  at: string | null;
  shd?: string;
  written?: string;
  para?: string;
}

export interface Dismissal {
  key: string;
  reason: string;
  date: string;
}

export interface AnnotationState {
  marks: MarkRecord[];
  dismissals: Dismissal[];
}

export const EMPTY_STATE: AnnotationState = { marks: [], dismissals: [] };

/** A cell to mark: its worst severity, and the findings it carries a comment for (none: shaded only). */
export interface CellMark {
  cell: string;
  severity: Severity;
  /** The findings this cell's comment explains; empty for a cell shaded as one part of a sum that does not add up. */
  findings: Finding[];
}

/** The cells of a broken sum: its checked cell first, then its terms. */
function identityCells(finding: Finding): string[] {
  const detail = finding.detail;
  return detail.kind === "sum" ? [detail.target.id, ...detail.plus.map((term) => term.id), ...detail.minus.map((term) => term.id)] : [];
}

/**
 * Which cells a check marks, the policy every host follows:
 * - a broken sum whose numbers single out one cell: that cell only, with the comment (a correct total is not marked
 *   for a wrong part);
 * - a broken sum no single cell explains: every cell of the identity is shaded in the finding's colour, and the
 *   comment goes on the checked cell (the total), naming the cells that take part — not a guess at one of them;
 * - any other finding about a cell: that cell.
 * Findings about the whole report, about missing cells, or that could not be checked mark nothing; blank cells only
 * when asked, since a fresh template is all blanks.
 */
export function cellsToMark(findings: readonly Finding[], options: { markBlanks?: boolean } = {}): CellMark[] {
  const marks = new Map<string, CellMark>();
  const mark = (cell: string, finding: Finding, commented: boolean) => {
    const entry = marks.get(cell) ?? { cell, severity: finding.severity, findings: [] };
    if (finding.severity === "error") entry.severity = "error";
    if (commented) entry.findings.push(finding);
    marks.set(cell, entry);
  };
  for (const finding of findings) {
    if (finding.category === "unchecked" || finding.category === "format" || !finding.target) continue;
    if (!options.markBlanks && finding.key.endsWith(":blank")) continue;
    if (finding.likely) {
      mark(finding.likely.id, finding, true);
      continue;
    }
    const identity = identityCells(finding);
    mark(finding.target, finding, true);
    for (const cell of identity.slice(1)) mark(cell, finding, false);
  }
  return [...marks.values()];
}

/** For a sum no single cell explains: which cells take part (they are shaded too). */
function partsText(finding: Finding, cell: string): string {
  const parts = identityCells(finding).filter((id) => id !== cell);
  return parts.length === 0 ? "" : `。参与核对的单元格已一并标出：${parts.map((id) => describeCell(id)).join("、")}`;
}

/** The comment a marked cell carries: our prefix, then what is wrong there, in the words of the pane and the CLI. */
export function commentText(mark: CellMark): string {
  const label = (finding: Finding) => `【${SEVERITY_LABELS[finding.severity]} ${finding.rule}】`;
  const fixes = mark.findings.filter((finding) => finding.likely?.id === mark.cell);
  const others = mark.findings.filter((finding) => finding.likely?.id !== mark.cell);
  const lines: string[] = [];
  if (fixes.length > 0) {
    const text = fixes[0]!.cells.find((cell) => cell.id === mark.cell)?.text ?? null;
    const rules = [...new Set(fixes.map((finding) => finding.rule))].join("、");
    lines.push(
      `【${SEVERITY_LABELS[fixes[0]!.severity]} ${rules}】${fixMessage({ id: mark.cell, value: fixes[0]!.likely!.value, text }, fixes.length)}：`,
    );
    lines.push(...fixes.map((finding) => `  · ${findingMessage(finding)}`));
  }
  lines.push(...others.map((finding) => `${label(finding)}${findingMessage(finding)}${partsText(finding, mark.cell)}`));
  return COMMENT_PREFIX + lines.join("\n");
}
