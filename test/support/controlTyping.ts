/**
 * Typing values into a report's content controls as Word stores typed text (a 10-pt run in the control's
 * paragraph). Used by the tests and the documentation pictures to fill a template the way a clerk would.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { applySplices, child, descendants, escapeText, parseXml, type Splice } from "../../src/util/xml";

export function typeIntoControls(xml: string, values: ReadonlyMap<string, string>): string {
  const splices: Splice[] = [];
  for (const sdt of descendants(parseXml(xml), "w:sdt")) {
    const tag = child(child(sdt, "w:sdtPr")!, "w:tag")?.attrs.get("w:val");
    const text = tag === undefined ? undefined : values.get(tag);
    const paragraph = descendants(child(sdt, "w:sdtContent") ?? sdt, "w:p").next().value;
    if (text === undefined || !paragraph) continue;
    splices.push({
      from: paragraph.closeStart,
      to: paragraph.closeStart,
      text: `<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`,
    });
  }
  return applySplices(xml, splices);
}

export function fillControls(docx: Uint8Array, values: ReadonlyMap<string, string>): Uint8Array {
  const files = unzipSync(docx);
  files["word/document.xml"] = strToU8(typeIntoControls(strFromU8(files["word/document.xml"]!), values));
  return zipSync(files);
}
