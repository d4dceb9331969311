/** Editing .docx files in tests the way a user would change them in Word: typing into cells, copying controls. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { applySplices, child, descendants, escapeText, parseXml, type Splice } from "../../src/util/xml";

export function docxParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function documentXmlOf(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)["word/document.xml"]!);
}

export function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string, part = "word/document.xml"): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(edit(strFromU8(files[part]!)));
  return zipSync(files);
}

/** Types text into the content controls named by tag (as Word stores typed text: a 10-pt run in the control's paragraph). */
export function typeIntoControls(xml: string, values: ReadonlyMap<string, string>): string {
  const root = parseXml(xml);
  const splices: Splice[] = [];
  for (const sdt of descendants(root, "w:sdt")) {
    const tag = child(child(sdt, "w:sdtPr")!, "w:tag")?.attrs.get("w:val");
    const text = tag === undefined ? undefined : values.get(tag);
    if (text === undefined) continue;
    const paragraph = descendants(child(sdt, "w:sdtContent")!, "w:p").next().value!;
    splices.push({ from: paragraph.closeStart, to: paragraph.closeStart, text: `<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>` });
  }
  return applySplices(xml, splices);
}

export function fillControls(bytes: Uint8Array, values: ReadonlyMap<string, string>): Uint8Array {
  return withDocumentXml(bytes, (xml) => typeIntoControls(xml, values));
}

/** Tags of all content controls, in document order. */
export function controlTags(xml: string): string[] {
  return [...descendants(parseXml(xml), "w:sdt")].map((sdt) => child(child(sdt, "w:sdtPr")!, "w:tag")?.attrs.get("w:val") ?? "");
}

/** Removes the content controls but keeps what they hold: a report typed into a table without controls. */
export function unwrapControls(xml: string): string {
  return xml.replace(/<w:sdt><w:sdtPr>.*?<\/w:sdtPr><w:sdtContent>/g, "").replace(/<\/w:sdtContent><\/w:sdt>/g, "");
}
