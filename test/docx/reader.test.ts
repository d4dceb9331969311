import { messageOf } from "../helpers/messages";
import { checkReport } from "../../src/domain/check";
import { FORMAT_2019, FORMAT_2021 } from "../../src/domain/formats";
import { annotateDocx, clearDocx } from "../../src/docx/service";
import { readDocxReport } from "../../src/docx/reader";
import { templateDocx } from "../../src/docx/template";
import { readReportBytes } from "../helpers/messages";
import { documentXmlOf, fillControls, unwrapControls, withDocumentXml } from "../helpers/docx";
import { consistentValues, withValue } from "../helpers/reports";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES } from "../helpers/fixtures";

const template2021 = templateDocx(FORMAT_2021, { organization: "某某县某某局", year: 2024 });
const good = consistentValues("2021");
const check = (bytes: Uint8Array) => checkReport(readDocxReport(bytes));

describe("reading our template back by content-control tag", () => {
  it("reads every value typed into a 2021 template and finds nothing wrong", () => {
    const result = check(fillControls(template2021, good));
    expect(result).toMatchObject({ format: "2021", year: 2024, organization: "某某县某某局", cellsRead: 200, findings: [] });
  });

  it("reads a 2019 template as the 2019 format", () => {
    const template = templateDocx(FORMAT_2019, { organization: "某某县某某局", year: 2020 });
    const result = check(fillControls(template, consistentValues("2019")));
    expect(result).toMatchObject({ format: "2019", year: 2020, cellsRead: 198, findings: [] });
  });

  it("finds an error typed into the template, with full-width digits read as numbers", () => {
    const values = withValue(good, "t4.suit-direct.total", "１２０");
    const result = check(fillControls(template2021, values));
    expect(result.findings.map((finding) => [finding.rule, finding.target, finding.actual])).toEqual([
      ["T4-A", "t4.suit-direct.total", 120],
      ["T4-D", "t4.suit-direct.total", 120],
    ]);
  });

  it("reports a deleted control as a missing cell and does not check the rules that need it", () => {
    const bytes = withDocumentXml(fillControls(template2021, good), (xml) =>
      xml.replace(
        /<w:sdt><w:sdtPr><w:alias w:val="[^"]*"\/><w:tag w:val="t3\.3-1\.natural"\/>.*?<w:sdtContent>(.*?)<\/w:sdtContent><\/w:sdt>/,
        "$1",
      ),
    );
    const result = check(bytes);
    expect(result.cellsRead).toBe(199);
    expect(result.findings.map((finding) => [finding.rule, finding.category])).toEqual([
      ["READ-MISSING-CELLS", "read"],
      ["T3-C", "unchecked"],
      ["T3-B", "unchecked"],
    ]);
    expect(messageOf(result.findings.find((finding) => finding.rule === "READ-MISSING-CELLS")!)).toContain(
      "表三“（一）予以公开”行“自然人”列",
    );
  });

  it("reports a duplicated control", () => {
    const bytes = withDocumentXml(fillControls(template2021, good), (xml) => {
      const control = /<w:sdt><w:sdtPr><w:alias w:val="[^"]*"\/><w:tag w:val="t4\.review\.upheld"\/>.*?<\/w:sdt>/.exec(xml)![0];
      return xml.replace(
        "</w:body>",
        `<w:tbl><w:tblGrid><w:gridCol w:w="800"/></w:tblGrid><w:tr><w:tc>${control.replace(/<w:t xml:space="preserve">\d+<\/w:t>/, '<w:t xml:space="preserve">8</w:t>')}</w:tc></w:tr></w:tbl></w:body>`,
      );
    });
    const duplicate = check(bytes).findings.find((finding) => finding.rule === "READ-DUPLICATE-CELL");
    expect(duplicate).toMatchObject({ severity: "error", target: "t4.review.upheld" });
  });

  it("reads the tables copied into another document", () => {
    const body = /<w:body>([\s\S]*?)<w:sectPr>/.exec(documentXmlOf(fillControls(template2021, good)))![1]!;
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>(?=<w:p>)/g)!.join("<w:p><w:r><w:t>说明文字</w:t></w:r></w:p>");
    const other = withDocumentXml(template2021, (xml) =>
      xml.replace(
        /<w:body>[\s\S]*?<w:sectPr>/,
        `<w:body><w:p><w:r><w:t>某某县某某局2024年政府信息公开工作年度报告</w:t></w:r></w:p>${tables}<w:sectPr>`,
      ),
    );
    const result = check(other);
    expect(result.cellsRead).toBe(200);
    expect(result.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });
});

describe("reading a report .docx without content controls, by its table labels", () => {
  it("locates every data cell of the WPS-made template and reports each as blank", async () => {
    const result = checkReport(await readReportBytes("t.docx", readFileSync(join(EXAMPLES, "2021-template-wps-no-controls.docx"))));
    expect(result).toMatchObject({ format: "2021", cellsRead: 200, cellsExpected: 200, errors: 0 });
    const blanks = result.findings.filter((finding) => finding.key.endsWith(":blank"));
    expect(blanks).toHaveLength(200);
    expect(result.findings.filter((finding) => !finding.key.endsWith(":blank")).map((finding) => finding.rule)).toEqual([
      "FMT-TITLE-MISSING",
    ]);
  });

  const handTyped = withDocumentXml(fillControls(template2021, withValue(good, "t3.3-2.natural", "40")), unwrapControls);

  it("reads the values of a hand-typed report and checks them", () => {
    const result = check(handTyped);
    expect(result.cellsRead).toBe(200);
    expect(result.findings.filter((finding) => finding.severity === "error").map((finding) => [finding.rule, finding.target])).toEqual([
      ["T3-C", "t3.3-2.total"],
      ["T3-B", "t3.3-7.natural"],
    ]);
  });

  it("marks the cells of a hand-typed report by position and clears them exactly", () => {
    const outcome = annotateDocx(handTyped);
    expect(outcome.marked).toBe(1);
    expect(documentXmlOf(outcome.output).match(/w:fill="FFC7CE"/g)).toHaveLength(1);
    expect(documentXmlOf(clearDocx(outcome.output).output)).toBe(documentXmlOf(handTyped));
  });
});
