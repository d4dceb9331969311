/**
 * The annotations record (see domain/annotations.ts) as the XML of a custom XML part, read and written the same
 * way by the .docx annotator and the Word add-in.
 *
 * Written without an XML declaration: Word on the web updated such parts only without one (office-js #1643).
 * Read with the conformant parser: a part that is not ours, or not well formed, yields an empty state and never an
 * error, since nothing in it may stop a check.
 */
import { ANNOTATIONS_NAMESPACE, EMPTY_STATE, type AnnotationState, type Dismissal, type MarkRecord } from "../domain/annotations";
import { descendants, parseXml, XmlError, type XmlElement } from "./xml";

export { serializeState } from "./annotationXml";

function optional(name: "shd" | "written" | "para", element: XmlElement): Partial<MarkRecord> {
  const value = element.attrs.get(name);
  return value === undefined ? {} : { [name]: value };
}

/** Is this the root of our part (whatever prefix it binds our namespace to)? */
function isOurs(root: XmlElement, xml: string): boolean {
  return root.name.endsWith("annotations") && xml.includes(ANNOTATIONS_NAMESPACE);
}

export function isAnnotationPart(xml: string): boolean {
  if (!xml.includes(ANNOTATIONS_NAMESPACE)) return false;
  try {
    return isOurs(parseXml(xml), xml);
  } catch {
    return false;
  }
}

/** Reads the part; anything not ours or not understood yields an empty state rather than an error. */
export function parseState(xml: string): AnnotationState {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlError) return EMPTY_STATE;
    throw error;
  }
  if (!isOurs(root, xml)) return EMPTY_STATE;
  const marks: MarkRecord[] = [];
  const dismissals: Dismissal[] = [];
  for (const element of descendants(root)) {
    const local = element.name.slice(element.name.indexOf(":") + 1);
    const cell = element.attrs.get("cell");
    const key = element.attrs.get("key");
    if (local === "mark" && cell) {
      marks.push({
        cell,
        severity: element.attrs.get("severity") === "warning" ? "warning" : "error",
        comment: element.attrs.get("comment") ?? null,
        fill: element.attrs.get("fill") ?? "",
        at: element.attrs.get("at") ?? null,
        ...optional("shd", element),
        ...optional("written", element),
        ...optional("para", element),
      });
    } else if (local === "dismissal" && key) {
      dismissals.push({ key, reason: element.attrs.get("reason") ?? "", date: element.attrs.get("date") ?? "" });
    }
  }
  return { marks, dismissals };
}
