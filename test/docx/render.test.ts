import { validateDocx } from "../helpers/ooxml";
/**
 * The generated files opened by real tools: the OOXML schema validator from the npm registry (Open XML SDK
 * rules on .NET WASM, @ooxml-tools/validate), and LibreOffice
 * rendering them to PDF, read back with pdftotext. CI installs LibreOffice, poppler and a CJK font (.ci/run).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { formatCells } from "../../src/domain/cells";
import { FORMAT_2019, FORMAT_2021 } from "../../src/domain/formats";
import type { FormatDecl } from "../../src/domain/formatModel";
import { annotateDocx } from "../../src/docx/service";
import { templateDocx, templateFlatOpc } from "../../src/docx/template";
import { parseXml, descendants } from "../../src/util/xml";
import { fillControls } from "../helpers/docx";
import { consistentValues, withValue } from "../helpers/reports";

jest.setTimeout(180_000);
const folder = mkdtempSync(join(tmpdir(), "gov-report-render-"));
const options = { organization: "某某市某某局", year: 2025 };

const validate = validateDocx;

/** Wraps the flat-OPC parts into a .docx, so that the validator sees exactly what insertOoxml would get. */
function docxFromFlatOpc(flat: string): Uint8Array {
  const root = parseXml(flat);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
  };
  for (const part of descendants(root, "pkg:part")) {
    const data = [...descendants(part, "pkg:xmlData")][0]!;
    files[part.attrs.get("pkg:name")!.slice(1)] = strToU8(flat.slice(data.openEnd, data.closeStart));
  }
  return zipSync(files);
}

function renderText(bytes: Uint8Array, name: string): string {
  const file = join(folder, name);
  writeFileSync(file, bytes);
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${folder}/lo-profile`, "--convert-to", "pdf", "--outdir", folder, file],
    { stdio: "pipe" },
  );
  return execFileSync("pdftotext", ["-layout", file.replace(/\.docx$/, ".pdf"), "-"], { encoding: "utf8" });
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe.each([FORMAT_2021, FORMAT_2019])("the generated template, format %#", (format: FormatDecl) => {
  const docx = templateDocx(format, options);

  it("passes the OOXML schema validator as a .docx and as the insertOoxml package", () => {
    expect(validate(docx, `template-${format.id}.docx`)).toEqual([]);
    expect(validate(docxFromFlatOpc(templateFlatOpc(format, options)), `flat-${format.id}.docx`)).toEqual([]);
  });

  it("renders in LibreOffice with every official label, heading and the title", () => {
    const text = squeeze(renderText(docx, `render-${format.id}.docx`));
    const labels = new Set(
      formatCells(format)
        .flatMap((cell) => [...cell.rowPath, ...cell.columnPath].map((node) => node.label))
        .filter((label) => label !== ""),
    );
    // Merged vertical cells interleave with their neighbours in the text, so compare without white space, and
    // let a label be split by text that PDF extraction put between its lines.
    const missing = [...labels, ...format.headings, "某某市某某局2025年政府信息公开工作年度报告"].filter(
      (label) => !text.includes(squeeze(label)) && !inOrder(squeeze(label), text),
    );
    expect(missing).toEqual([]);
  });
});

/** The label's characters appear in order within a short stretch of the text (a wrapped, interleaved cell). */
function inOrder(label: string, text: string): boolean {
  for (let start = text.indexOf(label[0]!); start >= 0; start = text.indexOf(label[0]!, start + 1)) {
    let position = start;
    let matched = 0;
    for (const char of label) {
      const next = text.indexOf(char, position);
      if (next < 0 || next - start > 80 + label.length * 4) break;
      position = next + 1;
      matched++;
    }
    if (matched === label.length) return true;
  }
  return false;
}

describe("the validator", () => {
  it("reports an element out of place, so a broken file would fail these tests", () => {
    const broken = templateDocx(FORMAT_2021, options);
    const files = unzipSync(broken);
    files["word/document.xml"] = strToU8(strFromU8(files["word/document.xml"]!).replace("<w:tblGrid>", "<w:bogus/><w:tblGrid>"));
    expect(validate(zipSync(files), "broken.docx")).toEqual([expect.objectContaining({ id: "Sch_InvalidElementContentExpectingComplex" })]);
  });
});

describe("an annotated report", () => {
  it("is valid OOXML, renders in LibreOffice, and shows the comments", () => {
    const filled = fillControls(templateDocx(FORMAT_2021, options), withValue(consistentValues("2021"), "t4.review.total", "99"));
    const annotated = annotateDocx(filled, { date: "2026-01-10T00:00:00Z" }).output;
    expect(validate(annotated, "annotated.docx")).toEqual([]);
    expect(strFromU8(unzipSync(annotated)["word/comments.xml"]!)).toContain("应为");
    const text = squeeze(renderText(annotated, "annotated-render.docx"));
    expect(text).toContain("99");
    expect(text).toContain("四、政府信息公开行政复议、行政诉讼情况");
  });
});
