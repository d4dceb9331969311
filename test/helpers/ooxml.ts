/** Real tools on .docx files in tests: Microsoft's OOXML schema rules (.NET WASM) and LibreOffice. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const folder = mkdtempSync(join(tmpdir(), "gov-report-ooxml-"));

/** The schema errors the validator reports (it exits 0 either way, so its JSON is what counts). */
export function validateDocx(bytes: Uint8Array, name: string): unknown[] {
  const file = join(folder, name);
  writeFileSync(file, bytes);
  const bin = join(__dirname, "..", "..", "node_modules", ".bin", "ooxml-validate");
  return JSON.parse(execFileSync(bin, [file, "--of", "json"], { encoding: "utf8" }));
}

/** Opens the file in LibreOffice and saves it as .docx again, as a WPS or LibreOffice user does after editing. */
export function resaveWithLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
  return convertWithLibreOffice(bytes, name, "docx:MS Word 2007 XML", "docx");
}

/**
 * Opens the file in LibreOffice and exports it (filter "pdf", "html:XHTML Writer File", …); the exported bytes.
 * `companions` are files the input refers to (an image), copied beside it; HTML input is opened by Writer.
 */
export function convertWithLibreOffice(
  bytes: Uint8Array,
  name: string,
  filter: string,
  extension: string,
  companions: string[] = [],
): Uint8Array {
  const input = join(folder, "in", name);
  mkdirSync(join(folder, "in"), { recursive: true });
  mkdirSync(join(folder, "out"), { recursive: true });
  writeFileSync(input, bytes);
  for (const companion of companions) copyFileSync(companion, join(folder, "in", basename(companion)));
  const html = /\.html?$/i.test(name) ? ["--infilter=HTML (StarWriter)"] : [];
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${folder}/lo-profile`,
      ...html,
      "--convert-to",
      filter,
      "--outdir",
      join(folder, "out"),
      input,
    ],
    { stdio: "pipe" },
  );
  return readFileSync(join(folder, "out", name.replace(/\.[^.]+$/, `.${extension}`)));
}
