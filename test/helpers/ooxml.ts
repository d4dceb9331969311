/** Real tools on .docx files in tests: Microsoft's OOXML schema rules (.NET WASM) and LibreOffice. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  const input = join(folder, "in", name);
  execFileSync("mkdir", ["-p", join(folder, "in"), join(folder, "out")]);
  writeFileSync(input, bytes);
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${folder}/lo-profile`,
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      join(folder, "out"),
      input,
    ],
    { stdio: "pipe" },
  );
  return readFileSync(join(folder, "out", name));
}
