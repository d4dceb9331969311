/**
 * Writing the annotations record as the XML of its custom XML part. Kept apart from the parser (annotationPart.ts)
 * so that the task pane's start-up script carries no XML parser: it loads that only when it reads the part.
 * Written without an XML declaration: Word on the web updated such parts only without one (office-js #1643).
 */
import { ANNOTATIONS_NAMESPACE, type AnnotationState } from "../domain/annotations";
import { escapeAttribute } from "./xmlEscape";

function attribute(name: string, value: string | null | undefined): string {
  return value === null || value === undefined ? "" : ` ${name}="${escapeAttribute(value)}"`;
}

export function serializeState(state: AnnotationState): string {
  const marks = state.marks.map(
    (mark) =>
      `<gr:mark${attribute("cell", mark.cell)}${attribute("severity", mark.severity)}${attribute("comment", mark.comment)}${attribute("fill", mark.fill)}` +
      `${attribute("at", mark.at)}${attribute("shd", mark.shd)}${attribute("written", mark.written)}${attribute("para", mark.para)}/>`,
  );
  const dismissals = state.dismissals.map(
    (dismissal) =>
      `<gr:dismissal${attribute("key", dismissal.key)}${attribute("reason", dismissal.reason)}${attribute("date", dismissal.date)}/>`,
  );
  return `<gr:annotations xmlns:gr="${ANNOTATIONS_NAMESPACE}" version="1">${[...marks, ...dismissals].join("")}</gr:annotations>`;
}
