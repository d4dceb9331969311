/**
 * Typing values into a report's content controls, as a clerk does in Word: the production writer
 * (src/docx/controlText.ts) that `gov-report fill` uses. Used by the tests and the documentation pictures.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { setControlTexts } from "../../src/docx/controlText";

export function typeIntoControls(xml: string, values: ReadonlyMap<string, string>): string {
  return setControlTexts(xml, values);
}

export function fillControls(docx: Uint8Array, values: ReadonlyMap<string, string>): Uint8Array {
  const files = unzipSync(docx);
  files["word/document.xml"] = strToU8(typeIntoControls(strFromU8(files["word/document.xml"]!), values));
  return zipSync(files);
}
