/** Editing .docx files in tests the way a user would change them in Word: typing into cells, copying controls. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

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

export { fillControls } from "../support/controlTyping";

/** Removes the content controls but keeps what they hold: a report typed into a table without controls. */
export function unwrapControls(xml: string): string {
  return xml.replace(/<w:sdt><w:sdtPr>.*?<\/w:sdtPr><w:sdtContent>/g, "").replace(/<\/w:sdtContent><\/w:sdt>/g, "");
}

/** Without the hosts' handles (`source`), which only the tree reader has: what a check sees. */
export function withoutSources<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === "source" ? undefined : inner))) as T;
}
