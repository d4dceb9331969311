/**
 * A cell's text as Word shows it (issue: hostile and odd files, "how a cell's text is assembled"). Each input is a
 * generated template whose one control is rewritten the way Word, WPS or LibreOffice can store it.
 */
import { checkReport } from "../../src/domain/check";
import { FORMAT_2021 } from "../../src/domain/formats";
import { readDocxReport } from "../../src/docx/reader";
import { templateDocx } from "../../src/docx/template";
import { applySplices, child, descendants, parseXml } from "../../src/util/xml";
import { withDocumentXml } from "../helpers/docx";
import { expectStreamAgrees } from "../docx/streamAgreement";
import { messageOf } from "../helpers/messages";

const TEMPLATE = templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 });
const CELL = "t4.review.upheld";
const run = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;

function controlOf(xml: string, tag: string) {
  return [...descendants(parseXml(xml), "w:sdt")].find((sdt) => child(child(sdt, "w:sdtPr")!, "w:tag")?.attrs.get("w:val") === tag)!;
}

/** The template with the control's content (or, with `whole`, the whole control) replaced. */
function withControl(content: string, options: { whole?: boolean; properties?: string } = {}): Uint8Array {
  return withDocumentXml(TEMPLATE, (xml) => {
    const sdt = controlOf(xml, CELL);
    if (options.whole) return applySplices(xml, [{ from: sdt.start, to: sdt.end, text: content }]);
    const body = child(sdt, "w:sdtContent")!;
    const splices = [{ from: body.openEnd, to: body.closeStart, text: content }];
    const sdtPr = child(sdt, "w:sdtPr")!;
    if (options.properties) splices.push({ from: sdtPr.closeStart, to: sdtPr.closeStart, text: options.properties });
    return applySplices(xml, splices);
  });
}

function cellOf(bytes: Uint8Array) {
  expectStreamAgrees(bytes);
  const reading = readDocxReport(bytes);
  const result = checkReport(reading);
  const texts = reading.cells.filter((cell) => cell.id === CELL).map((cell) => cell.text);
  const findings = result.findings.filter((finding) => finding.cells.some((cell) => cell.id === CELL) && finding.category === "value");
  return { texts, findings, result, value: result.values[CELL] };
}

const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

describe("a cell's text as Word shows it", () => {
  it.each([
    ["two paragraphs", para(run("1")) + para(run("234"))],
    ["a line break", para(run("1"), "<w:r><w:br/></w:r>", run("234"))],
    ["a tab", para(run("1"), "<w:r><w:tab/></w:r>", run("234"))],
  ])("reads %s as two parts, an error, never 1234", (_name, content) => {
    const { findings, value } = cellOf(withControl(content));
    expect(value).toBeNull();
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([["T4-D", "error"]]);
    expect(messageOf(findings[0])).toContain("单元格中有两段文字");
  });

  it("leaves out hidden text (w:vanish): 9 hidden + 5 is 5", () => {
    expect(cellOf(withControl(para(run("9", "<w:vanish/>"), run("5")))).value).toBe(5);
    expect(cellOf(withControl(para(run("9", '<w:vanish w:val="0"/>'), run("5")))).value).toBe(95);
  });

  it("reads a tracked move once (w:moveFrom left out) and leaves deleted text out", () => {
    const moved = para(
      `<w:moveFrom w:id="91" w:author="a">${run("7")}</w:moveFrom>`,
      `<w:moveTo w:id="92" w:author="a">${run("7")}</w:moveTo>`,
    );
    expect(cellOf(withControl(moved)).value).toBe(7);
    const deleted = para(`<w:del w:id="93" w:author="a"><w:r><w:delText>8</w:delText></w:r></w:del>`, run("3"));
    expect(cellOf(withControl(deleted)).value).toBe(3);
  });

  it("reads one branch of mc:AlternateContent", () => {
    const alternate = para(
      `<mc:AlternateContent ${MC}><mc:Choice Requires="w14">${run("3")}</mc:Choice><mc:Fallback>${run("3")}</mc:Fallback></mc:AlternateContent>`,
    );
    expect(cellOf(withControl(alternate)).value).toBe(3);
  });

  it("reads CDATA, and a comment or processing instruction inside a value, as XML defines them", () => {
    expect(cellOf(withControl(para("<w:r><w:t><![CDATA[5]]></w:t></w:r>"))).value).toBe(5);
    expect(cellOf(withControl(para("<w:r><w:t>1<!-- a note -->2</w:t></w:r>"))).value).toBe(12);
    expect(cellOf(withControl(para("<w:r><w:t>1<?pi data?>2</w:t></w:r>"))).value).toBe(12);
  });

  it("reads an inline (run-level) control like a block one", () => {
    const inline = para(`<w:sdt><w:sdtPr><w:tag w:val="${CELL}"/></w:sdtPr><w:sdtContent>${run("4")}</w:sdtContent></w:sdt>`);
    const { texts, value } = cellOf(withControl(inline, { whole: true }));
    expect(texts).toEqual(["4"]);
    expect(value).toBe(4);
  });

  it("reads a control showing its placeholder as blank, not as text", () => {
    const { findings, value } = cellOf(withControl(para(run("单击或点击此处输入文字。")), { properties: "<w:showingPlcHdr/>" }));
    expect(value).toBe(0);
    expect(findings.map((finding) => finding.detail.kind)).toEqual(["blank"]);
  });

  it("reads a control nested in another once, and reports the nesting", () => {
    const nested = para(`<w:sdt><w:sdtPr><w:tag w:val="t4.review.corrected"/></w:sdtPr><w:sdtContent>${run("6")}</w:sdtContent></w:sdt>`);
    const bytes = withDocumentXml(TEMPLATE, (xml) => {
      const outer = child(controlOf(xml, CELL), "w:sdtContent")!;
      const inner = controlOf(xml, "t4.review.corrected");
      // the corrected cell's own control goes, and a copy of it sits inside the upheld cell's control
      return applySplices(xml, [
        { from: outer.openEnd, to: outer.closeStart, text: nested },
        { from: inner.start, to: inner.end, text: "<w:p/>" },
      ]);
    });
    const { texts, result } = cellOf(bytes);
    expect(texts).toEqual(["6"]);
    expect(result.findings.filter((finding) => finding.rule === "READ-NESTED-CONTROL").map((finding) => messageOf(finding))).toEqual([
      "表四“行政复议 · 结果维持”的内容控件中嵌套了另一个单元格控件“t4.review.corrected”，内层内容已作为外层单元格的文字读取；请删除多余的控件",
    ]);
  });
});
