/**
 * A report as a government CMS page: site navigation, a layout table around the article, the report's tables
 * inside with merged cells (rowspan/colspan), GBK-encoded and declared so in <meta>. Built from known figures.
 */
import { checkReport } from "../../src/domain/check";
import { encodeGb18030 } from "../helpers/encodings";
import { cmsPage } from "../helpers/htmlReports";
import { readReportBytes } from "../helpers/messages";
import { consistentValues, randomValues, withValue } from "../helpers/reports";
import { convertWithLibreOffice } from "../helpers/ooxml";
import { fillControls } from "../support/controlTyping";
import { formatById } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";

describe("a report published as a web page", () => {
  const values = withValue(consistentValues("2021"), "t4.review.total", "99");

  it.each([
    ["GBK, declared in <meta>", (html: string) => new Uint8Array(encodeGb18030(html)), "gbk"],
    ["UTF-8", (html: string) => new TextEncoder().encode(html), "utf-8"],
  ])("reads every cell of a CMS page in %s, ignoring the layout table and the navigation", async (_name, encode, charset) => {
    const reading = await readReportBytes("report.html", encode(cmsPage(values, charset)));
    const result = checkReport(reading);
    const cells = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
    expect(result).toMatchObject({ organization: "某市某局", year: 2024, format: "2021", cellsRead: 200 });
    for (const [id, text] of values) expect(cells.get(id)).toBe(text);
    expect(result.findings.map((finding) => [finding.rule, finding.target])).toEqual([["T4-A", "t4.review.total"]]);
  });
});

/** The page as a browser's 网页，单个文件 saves it: a MIME message with the page as its first part. */
function mht(html: Uint8Array, charset: string, encoding: "quoted-printable" | "base64"): Uint8Array {
  const latin1 = Array.from(html, (byte) => String.fromCharCode(byte)).join("");
  const body =
    encoding === "base64"
      ? Buffer.from(html).toString("base64").replace(/.{76}/g, "$&\r\n")
      : latin1
          .replace(/[=\x80-\xff]/g, (char) => `=${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
          .replace(/.{70}/g, "$&=\r\n");
  const message = [
    "From: <由 Microsoft Edge 保存>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"',
    "",
    "------MultipartBoundary--abc",
    `Content-Type: text/html; charset=${charset}`,
    `Content-Transfer-Encoding: ${encoding}`,
    "Content-Location: https://www.example.gov.cn/art/2025/1/20/art_1.html",
    "",
    body,
    "------MultipartBoundary--abc",
    "Content-Type: image/png",
    "Content-Transfer-Encoding: base64",
    "",
    "iVBORw0KGgo=",
    "------MultipartBoundary--abc--",
  ].join("\r\n");
  return Uint8Array.from(message, (char) => char.charCodeAt(0) & 0xff);
}

describe("a web page saved as one file (.mht)", () => {
  const values = withValue(consistentValues("2021"), "t4.review.total", "99");

  it.each([
    ["GBK in quoted-printable", "gbk", "quoted-printable"],
    ["UTF-8 in base64", "utf-8", "base64"],
  ] as const)("reads the page part, %s", async (_name, charset, encoding) => {
    const html = cmsPage(values, charset);
    const bytes = charset === "gbk" ? new Uint8Array(encodeGb18030(html)) : new TextEncoder().encode(html);
    const result = checkReport(await readReportBytes("report.mht", mht(bytes, charset, encoding)));
    expect(result).toMatchObject({ organization: "某市某局", year: 2024, cellsRead: 200 });
    expect(result.findings.map((finding) => [finding.rule, finding.target])).toEqual([["T4-A", "t4.review.total"]]);
  });
});

describe("a report exported to HTML by LibreOffice (as WPS and Word users publish a web version)", () => {
  it.each([
    ["2021", 200, "html:XHTML Writer File:UTF8"],
    ["2019", 198, "html:XHTML Writer File:UTF8"],
    ["2021", 200, "html:HTML (StarWriter)"],
  ] as const)(
    "gives back every random figure of the %s format (%i cells), filter %s",
    async (formatId, count, filter) => {
      const values = randomValues(formatId, count * 31);
      const docx = fillControls(templateDocx(formatById(formatId), { organization: "某某市某某局", year: 2024 }), values);
      const html = convertWithLibreOffice(docx, `export-${formatId}.docx`, filter, "html");
      const reading = await readReportBytes("report.html", html);
      expect([reading.format, reading.year, reading.organization]).toEqual([formatId, 2024, "某某市某某局"]);
      const read = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
      expect(read.size).toBe(count);
      expect([...values].filter(([id, text]) => read.get(id) !== text)).toEqual([]);
    },
    60_000,
  );
});
