/**
 * PDF reports as agencies publish them: the template filled in, printed to PDF by LibreOffice, read back with
 * pdf.js. Every figure must come back in its cell, planted errors must be found exactly, and a scan, an encrypted
 * file and a truncated one each get their own message.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { checkReport } from "../../src/domain/check";
import { formatById, type CellId, type FormatId } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { layoutPages, type PdfTextItem } from "../../src/readers/pdfLayout";
import { fillControls } from "../support/controlTyping";
import { readErrorOf, readReportBytes } from "../helpers/messages";
import { convertWithLibreOffice } from "../helpers/ooxml";
import { consistentValues, randomValues, withValue } from "../helpers/reports";

const OUT = join(__dirname, "..", "..", "test-output", "pdf");
mkdirSync(OUT, { recursive: true });

function reportPdf(formatId: FormatId, values: Map<CellId, string>, name: string): Uint8Array {
  const docx = fillControls(templateDocx(formatById(formatId), { organization: "某某市某某局", year: 2024 }), values);
  const pdf = convertWithLibreOffice(docx, `${name}.docx`, "pdf", "pdf");
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  return pdf;
}

const readError = readErrorOf;

describe("PDF printed from the template", () => {
  it.each([
    ["2021", 200],
    ["2019", 198],
  ] as const)(
    "gives back every random figure of the %s format in its cell (%i cells)",
    async (formatId, count) => {
      const values = randomValues(formatId, 2024 + count);
      const reading = await readReportBytes("report.pdf", reportPdf(formatId, values, `random-${formatId}`));
      expect(reading.format).toBe(formatId);
      expect(reading.year).toBe(2024);
      expect(reading.organization).toBe("某某市某某局");
      const read = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
      expect(read.size).toBe(count);
      expect([...values].filter(([id, text]) => read.get(id) !== text)).toEqual([]);
      expect(reading.findings.filter((finding) => finding.category === "read")).toEqual([]);
      // Each cell says where it was: a page and a line on it.
      expect(reading.cells.every((cell) => cell.where?.kind === "page")).toBe(true);
    },
    60_000,
  );

  it("reads a blank cell, which a PDF prints as nothing, as blank in its place: by the columns of the rows or header around it", async () => {
    const blanks: CellId[] = [
      "t2.regulations.issued",
      "t3.2.natural",
      "t3.3-1.legal-service",
      "t3.4.total",
      "t4.review.pending",
      "t4.suit-direct.upheld",
    ];
    const values = randomValues("2021", 99);
    for (const id of blanks) values.set(id, "");
    const reading = await readReportBytes("report.pdf", reportPdf("2021", values, "blanks"));
    const read = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
    expect(read.size).toBe(200);
    expect([...values].filter(([id, text]) => read.get(id) !== text)).toEqual([]);
    expect(reading.findings.filter((finding) => finding.category === "read")).toEqual([]);
  }, 60_000);

  it("finds exactly the planted T3-A, T3-C and T4-A errors, as in the .docx itself", async () => {
    let values = consistentValues("2021");
    const plus = (id: CellId, by: number) => (values = withValue(values, id, String(Number(values.get(id)) + by)));
    plus("t3.1.natural", 5); // T3-A: received and carried over no longer balance handled and carried forward…
    plus("t3.1.total", 5); // …with the row total kept right
    plus("t3.3-1.total", 1); // T3-C: a row total (and so T3-B: the total of totals)
    plus("t4.review.total", 2); // T4-A
    const docx = fillControls(templateDocx(formatById("2021"), { organization: "某某市某某局", year: 2024 }), values);
    const fromDocx = checkReport(await readReportBytes("report.docx", docx));
    const fromPdf = checkReport(await readReportBytes("report.pdf", reportPdf("2021", values, "planted")));
    const summary = (result: typeof fromPdf) =>
      result.findings.map((finding) => [finding.rule, finding.target ?? null, finding.expected, finding.actual]);
    expect(fromPdf.cellsRead).toBe(200);
    expect(summary(fromPdf)).toEqual(summary(fromDocx));
    expect(fromPdf.findings.map((finding) => [finding.rule, finding.target ?? null])).toEqual([
      ["T3-C", "t3.3-1.total"],
      ["T3-B", "t3.3-7.total"],
      ["T3-A", "t3.4.natural"],
      ["T3-A", "t3.4.total"],
      ["T4-A", "t4.review.total"],
    ]);
  }, 60_000);
});

describe("PDF files that cannot be checked", () => {
  const good = () => readFileSync(join(OUT, "random-2021.pdf"));
  beforeAll(() => {
    reportPdf("2021", randomValues("2021", 7), "random-2021");
  }, 60_000);

  it("says a scan needs text recognition first", async () => {
    // A page as a scanner makes it: the report's first page as a picture, put in a PDF by LibreOffice.
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", join(OUT, "random-2021.pdf"), join(OUT, "scan")]);
    const page = `<html><body><p><img src="scan-1.png" width="600"></p></body></html>`;
    writeFileSync(join(OUT, "scan.html"), page);
    const scan = convertWithLibreOffice(readFileSync(join(OUT, "scan.html")), "scan.html", "pdf:writer_pdf_Export", "pdf", [
      join(OUT, "scan-1.png"),
    ]);
    expect(execFileSync("pdfimages", ["-list", "-"], { input: scan }).toString()).toContain("image");
    const error = await readError("scan.pdf", scan);
    expect(error.code).toBe("PDF_SCANNED");
    expect(error.message).toBe("PDF 的 1 页中没有可读取的文字，可能是扫描件或图片。请先用文字识别（OCR）软件转换，或提供 .docx、网页版本");
  }, 60_000);

  it("says an encrypted PDF needs its password", async () => {
    const encrypted = join(OUT, "encrypted.pdf");
    execFileSync("qpdf", ["--encrypt", "user-secret", "owner-secret", "256", "--", join(OUT, "random-2021.pdf"), encrypted]);
    const error = await readError("encrypted.pdf", readFileSync(encrypted));
    expect(error.code).toBe("PDF_ENCRYPTED");
    expect(error.message).toBe("PDF 已加密，需要密码才能打开，无法读取。请提供未加密的版本");
  });

  it("reads a PDF that is only protected against editing (no password to open it)", async () => {
    const restricted = join(OUT, "restricted.pdf");
    execFileSync("qpdf", ["--encrypt", "", "owner-secret", "256", "--modify=none", "--", join(OUT, "random-2021.pdf"), restricted]);
    expect(checkReport(await readReportBytes("restricted.pdf", readFileSync(restricted))).cellsRead).toBe(200);
  });

  it("says a truncated PDF is incomplete", async () => {
    const bytes = good();
    const error = await readError("cut.pdf", bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(error.code).toBe("PDF_BROKEN");
    expect(error.message).toBe("PDF 文件不完整（可能下载或复制时中断），无法读取。请重新获取完整的文件");
  });

  it("says a damaged PDF is damaged, and a file named .pdf that is none is not a PDF", async () => {
    const damaged = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4000, 0x41), Buffer.from("\n%%EOF\n")]);
    const error = await readError("damaged.pdf", damaged);
    expect(error.code).toBe("PDF_BROKEN");
    expect(error.message).toBe("PDF 文件已损坏，无法读取。请用 PDF 阅读器确认能否打开，或提供 .docx 版本");
    expect((await readError("fake.pdf", new TextEncoder().encode("<html>not a pdf</html>"))).message).toBe(
      "文件名为 .pdf，但内容不是 PDF，无法读取",
    );
  });

  it("checks the other files of a folder and gives each unreadable PDF its error, exit 2", async () => {
    const folder = join(OUT, "folder");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "a-good.pdf"), good());
    writeFileSync(join(folder, "b-cut.pdf"), good().subarray(0, 5000));
    let stdout = "";
    const status = await main(["check", "--json", folder], { stdout: (text) => (stdout += text), stderr: () => undefined });
    expect(status).toBe(2);
    const reports = JSON.parse(stdout).reports as { file: string; cellsRead: number; errorCode?: string }[];
    expect(reports.map((report) => [report.file.slice(folder.length + 1), report.cellsRead, report.errorCode ?? null])).toEqual([
      ["a-good.pdf", 200, null],
      ["b-cut.pdf", 0, "PDF_BROKEN"],
    ]);
  }, 60_000);
});

describe("PDF page layout", () => {
  const item = (text: string, x: number, y: number, size = 10): PdfTextItem => ({ text, x, y, width: text.length * size, size });

  it("keeps cells apart, joins touching runs and drops page numbers and running headers", () => {
    const page = (number: number): PdfTextItem[] => [
      item("某某局政府信息公开年报", 200, 800, 9),
      item("（一）予以", 60, 600),
      item("公开", 110, 600),
      item("3", 300, 600),
      item("12", 340, 600.6),
      item(`- ${number} -`, 290, 40),
    ];
    const lines = layoutPages([page(1), page(2), page(3)]);
    expect(lines.map((line) => line.text.replace(/ {2,}/g, " | "))).toEqual([
      "（一）予以公开 | 3 | 12",
      "（一）予以公开 | 3 | 12",
      "（一）予以公开 | 3 | 12",
    ]);
    expect(lines.map((line) => [line.page, line.row])).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
  });

  it("places the figures of a row with a blank cell by the columns of the header above it, wrapped over lines", () => {
    const header = [item("结果", 100, 720), item("其他", 160, 720), item("总计", 220, 710), item("维持", 100, 700), item("结果", 160, 700)];
    const lines = layoutPages([[item("行政复议", 140, 740), ...header, item("3", 105, 680), item("8", 225, 680)]]);
    expect(lines.map((line) => line.withBlanks ?? null)).toEqual([null, null, null, null, "| 3 |  | 8 |"]);
  });

  it("keeps a table's header row that is repeated at the top of the pages a table runs over", () => {
    const header = item("申请人情况", 300, 800);
    const pages = [
      [item("一、总体情况", 60, 800), item("正文", 60, 700), item("1", 300, 40)],
      [header, item("（一）予以公开 3", 60, 700), item("2", 300, 40)],
      [header, item("（二）部分公开 4", 60, 700), item("3", 300, 40)],
      [item("五、存在的主要问题", 60, 800), item("正文", 60, 700), item("4", 300, 40)],
    ];
    expect(layoutPages(pages).map((line) => line.text)).toEqual([
      "一、总体情况",
      "正文",
      "申请人情况",
      "（一）予以公开 3",
      "申请人情况",
      "（二）部分公开 4",
      "五、存在的主要问题",
      "正文",
    ]);
  });
});
