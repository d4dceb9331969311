/**
 * npm run docs:pictures — renders the generated template and an annotated report with LibreOffice and writes PNG
 * pages into docs/ for the README. Needs soffice and pdftoppm (Debian: libreoffice-writer-nogui, poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORMAT_2021 } from "../../src/domain/formats";
import { annotateDocx } from "../../src/docx/service";
import { templateDocx } from "../../src/docx/template";
import { readTextReport } from "../../src/readers/textReader";
import { fillControls } from "../support/controlTyping";

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), "gov-report-docs-"));

function toPdf(name: string, bytes: Uint8Array): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${work}/profile`, "--convert-to", "pdf", "--outdir", work, file],
    { stdio: "pipe" },
  );
  return file.replace(/\.docx$/, ".pdf");
}

function pages(pdf: string, first: number, last: number, prefix: string): void {
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(first), "-l", String(last), pdf, join(work, prefix)]);
  for (let page = first; page <= last; page++) {
    const rendered = [`${prefix}-${page}.png`, `${prefix}-0${page}.png`]
      .map((name) => join(work, name))
      .find((path) => {
        try {
          readFileSync(path);
          return true;
        } catch {
          return false;
        }
      });
    if (rendered) renameSync(rendered, join(root, "docs", `${prefix}-page${page}.png`));
  }
}

const organization = "某某市某某局";
const template = templateDocx(FORMAT_2021, { organization, year: 2025 });
pages(toPdf("template.docx", template), 2, 4, "template-2021");

// A real report's numbers (淮安市 2024), with the two 表四 totals left at 0 as the 洪泽区 2023 report printed them.
const example = readFileSync(join(root, "test", "fixtures", "examples", "2024-huaian-city.txt"), "utf8");
const values = new Map(readTextReport(example).cells.map((cell) => [cell.id, cell.text]));
values.set("t4.review.total", "0");
values.set("t3.3-1.natural", "1298");
const annotated = annotateDocx(fillControls(template, values), { date: "2026-01-10T00:00:00Z" });
// LibreOffice draws Word comments as icons over the cell text, so the picture shows the shading only.
pages(toPdf("annotated.docx", annotated.output), 3, 5, "annotated-2021");
console.log(`docs/: template-2021-page2..4.png, annotated-2021-page3..5.png (${annotated.marked} cells marked)`);
