/**
 * The text of WordprocessingML as Word shows it: visible runs only, paragraphs, breaks and tabs kept as
 * separators, so that two paragraphs "1" and "234" never read as 1234.
 *
 * Left out, as Word does not show them: deleted and moved-away text (w:del, w:moveFrom), hidden runs (w:vanish),
 * field codes (w:instrText), the Fallback branch of mc:AlternateContent (Word shows the Choice), and the
 * properties of a content control (its placeholder's docPart lives there).
 */
import { child, type XmlElement } from "../util/xml";

/** Elements whose text Word does not show; the stream reader (streamReader.ts) follows the same rules. */
export const NOT_SHOWN = new Set([
  "w:del",
  "w:moveFrom",
  "w:instrText",
  "w:delText",
  "w:delInstrText",
  "mc:Fallback",
  "w:sdtPr",
  "w:rPr",
  "w:pPr",
  "w:tblPr",
  "w:trPr",
  "w:tcPr",
]);

/** A switch's w:val that turns it off (w:vanish w:val="0"). */
export function isOffValue(value: string | undefined): boolean {
  return value === "0" || value === "false" || value === "off";
}

function isOff(element: XmlElement | undefined): boolean {
  return isOffValue(element?.attrs.get("w:val"));
}

/** A run whose properties hide it (w:vanish, not switched off). */
function isHiddenRun(run: XmlElement): boolean {
  const vanish = child(child(run, "w:rPr") ?? run, "w:vanish");
  return vanish !== undefined && !isOff(vanish);
}

/** Text of an element; paragraphs end with "\n" except the last, so a cell's paragraphs stay apart. */
export function wordText(element: XmlElement): string {
  const parts: string[] = [];
  let pendingBreak = false;
  // An explicit stack rather than recursion, so that depth is never a concern here.
  const visit: (XmlElement | "paragraphEnd")[] = [element];
  while (visit.length > 0) {
    const node = visit.pop()!;
    if (node === "paragraphEnd") {
      pendingBreak = true;
      continue;
    }
    if (NOT_SHOWN.has(node.name) || (node.name === "w:r" && isHiddenRun(node))) continue;
    if (node.name === "w:t") {
      if (pendingBreak && parts.length > 0) parts.push("\n");
      pendingBreak = false;
      parts.push(node.text);
      continue;
    }
    if (node.name === "w:tab" || node.name === "w:br" || node.name === "w:cr") {
      if (pendingBreak && parts.length > 0) parts.push("\n");
      pendingBreak = false;
      parts.push(node.name === "w:tab" ? "\t" : "\n");
      continue;
    }
    if (node.name === "w:p") visit.push("paragraphEnd");
    for (let i = node.children.length - 1; i >= 0; i--) visit.push(node.children[i]!);
  }
  return parts.join("");
}
