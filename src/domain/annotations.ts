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
import type { Severity } from "./model";
import { decodeEntities, escapeAttribute } from "../util/xml";

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

function attribute(name: string, value: string | null): string {
  return value === null ? "" : ` ${name}="${escapeAttribute(value)}"`;
}

export function serializeState(state: AnnotationState): string {
  const marks = state.marks.map(
    (mark) =>
      `<gr:mark${attribute("cell", mark.cell)}${attribute("severity", mark.severity)}${attribute("comment", mark.comment)}${attribute("fill", mark.fill)}` +
      `${attribute("at", mark.at)}${attribute("shd", mark.shd ?? null)}${attribute("written", mark.written ?? null)}${attribute("para", mark.para ?? null)}/>`,
  );
  const dismissals = state.dismissals.map((dismissal) => `<gr:dismissal${attribute("key", dismissal.key)}${attribute("reason", dismissal.reason)}${attribute("date", dismissal.date)}/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><gr:annotations xmlns:gr="${ANNOTATIONS_NAMESPACE}" version="1">${[...marks, ...dismissals].join("")}</gr:annotations>`;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes.set(match[1]!, decodeEntities(match[2]!));
  return attributes;
}

function optional(name: "shd" | "written" | "para", attributes: Map<string, string>): Partial<MarkRecord> {
  const value = attributes.get(name);
  return value === undefined ? {} : { [name]: value };
}

/** Reads the part; anything not ours or not understood yields an empty state rather than an error. */
export function parseState(xml: string): AnnotationState {
  if (!xml.includes(ANNOTATIONS_NAMESPACE)) return { marks: [], dismissals: [] };
  const marks: MarkRecord[] = [];
  const dismissals: Dismissal[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?(mark|dismissal)\b([^>]*?)\/?>/g)) {
    const attributes = attributesOf(match[2]!);
    if (match[1] === "mark" && attributes.get("cell")) {
      marks.push({
        cell: attributes.get("cell")!,
        severity: attributes.get("severity") === "warning" ? "warning" : "error",
        comment: attributes.get("comment") ?? null,
        fill: attributes.get("fill") ?? "",
        at: attributes.get("at") ?? null,
        ...optional("shd", attributes),
        ...optional("written", attributes),
        ...optional("para", attributes),
      });
    } else if (match[1] === "dismissal" && attributes.get("key")) {
      dismissals.push({ key: attributes.get("key")!, reason: attributes.get("reason") ?? "", date: attributes.get("date") ?? "" });
    }
  }
  return { marks, dismissals };
}

export function isAnnotationPart(xml: string): boolean {
  return xml.includes(ANNOTATIONS_NAMESPACE);
}

/** A cell to mark: its worst severity and the messages of the findings that point at it. */
export interface CellMark {
  cell: string;
  severity: Severity;
  findings: Finding[];
}

/**
 * Which cells a check marks: the cell the numbers single out as likely wrong where there is one (so a correct total
 * is not marked for a wrong part), else each finding's checked cell.
 * Findings about the whole report, about missing cells, or that could not be checked mark nothing; blank cells
 * only when asked, since a fresh template is all blanks.
 */
export function cellsToMark(findings: readonly Finding[], options: { markBlanks?: boolean } = {}): CellMark[] {
  const marks = new Map<string, CellMark>();
  for (const finding of findings) {
    if (finding.category === "unchecked" || finding.category === "format" || !finding.target) continue;
    if (!options.markBlanks && finding.key.endsWith(":blank")) continue;
    const cell = finding.likely?.id ?? finding.target;
    const mark = marks.get(cell) ?? { cell, severity: finding.severity, findings: [] };
    if (finding.severity === "error") mark.severity = "error";
    mark.findings.push(finding);
    marks.set(cell, mark);
  }
  return [...marks.values()];
}

/** The comment a marked cell carries: our prefix, then each finding's message with the value expected. */
export function commentText(mark: CellMark): string {
  return COMMENT_PREFIX + mark.findings
    .map((finding) => {
      const expected = finding.likely?.id === mark.cell ? finding.likely.value : finding.target === mark.cell ? finding.expected : null;
      const label = finding.severity === "error" ? "错误" : "警告";
      return `【${label} ${finding.rule}】${finding.message}${expected !== null && !finding.message.includes(`应为 ${expected}`) ? `（应为 ${expected}）` : ""}`;
    })
    .join("\n");
}
