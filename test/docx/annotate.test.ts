import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { parseState, serializeState } from "../../src/util/annotationPart";
import { checkReport } from "../../src/domain/check";
import { FORMAT_2021 } from "../../src/domain/formats";
import { annotateDocx, clearDocx } from "../../src/docx/service";
import { readDocxReport } from "../../src/docx/reader";
import { templateDocx } from "../../src/docx/template";
import { ancestor, child, descendants, parseXml } from "../../src/util/xml";
import { documentXmlOf, fillControls, withDocumentXml } from "../helpers/docx";
import { consistentValues, withValue } from "../helpers/reports";

const template = templateDocx(FORMAT_2021, { organization: "某某市某某局", year: 2025 });
const good = consistentValues("2021");

/** T3-A broken in the 商业企业 column's carried-forward cell and its row total, T3-C in one row, T4-A in a total. */
function plantedErrors(): Map<string, string> {
  let values = withValue(good, "t3.4.commercial", String(Number(good.get("t3.4.commercial")) + 1));
  values = withValue(values, "t3.4.total", String(Number(good.get("t3.4.total")) + 1));
  values = withValue(values, "t3.3-5-2.total", "0");
  values = withValue(values, "t4.review.total", "99");
  return values;
}

/** Cell ids whose table cell carries a given fill, from the XML. */
function shadedCells(xml: string, fill: string): string[] {
  const root = parseXml(xml);
  return [...descendants(root, "w:sdt")]
    .filter((sdt) => child(child(ancestor(sdt, "w:tc")!, "w:tcPr")!, "w:shd")?.attrs.get("w:fill") === fill)
    .map((sdt) => child(child(sdt, "w:sdtPr")!, "w:tag")!.attrs.get("w:val")!)
    .sort();
}

describe("check --annotate and clear on the generated template", () => {
  const filled = fillControls(template, plantedErrors());
  const outcome = annotateDocx(filled, { date: "2026-01-10T00:00:00Z" });
  const marked = documentXmlOf(outcome.output);

  it("finds exactly the planted errors", async () => {
    expect(outcome.result.findings.map((finding) => [finding.rule, finding.target])).toEqual([
      ["T3-C", "t3.3-5-2.total"],
      ["T3-B", "t3.3-7.total"],
      ["T3-A", "t3.4.commercial"],
      ["T3-A", "t3.4.total"],
      ["T4-A", "t4.review.total"],
    ]);
  });

  it("shades the cell the numbers single out, and every cell of a sum no single cell explains", async () => {
    // 3-5-2's total breaks its row and the 总计 column: that cell alone. T3-A (commercial, total) and T4-A break
    // alone: every cell of each identity, so the clerk sees which numbers take part.
    const identity = (column: string) => [`t3.1.${column}`, `t3.2.${column}`, `t3.3-7.${column}`, `t3.4.${column}`];
    const review = ["upheld", "corrected", "other", "pending", "total"].map((column) => `t4.review.${column}`);
    expect(shadedCells(marked, "FFC7CE")).toEqual(["t3.3-5-2.total", ...identity("commercial"), ...identity("total"), ...review].sort());
    expect(shadedCells(marked, "FFEB9C")).toEqual([]);
    expect(shadedCells(marked, "FFFFFF")).toHaveLength(200 - 14);
  });

  it("puts one comment on each marked cell, with the message and the expected value", async () => {
    const comments = strFromU8(unzipSync(outcome.output)["word/comments.xml"]!);
    const root = parseXml(comments);
    expect([...descendants(root, "w:comment")]).toHaveLength(4);
    expect(comments).toContain("表四“行政复议”四项之和为 6");
    expect(comments).toContain("若四项无误，“总计”应为 6");
    expect(marked.match(/<w:commentReference /g)).toHaveLength(4);
    // the row-total cell carries both the row rule and the column-total rule it breaks
    expect(comments).toContain("最可能填错的是表三“（五）不予处理 · 2.重复申请”行“总计”列");
    const state = parseState(strFromU8(unzipSync(outcome.output)["customXml/item1.xml"]!));
    const commented = state.marks.filter((mark) => mark.comment !== null).map((mark) => mark.cell);
    expect(commented.sort()).toEqual(["t3.3-5-2.total", "t3.4.commercial", "t3.4.total", "t4.review.total"]);
    expect(state.marks).toHaveLength(14);
    expect(state.marks.every((mark) => mark.fill === "FFFFFF")).toBe(true);
  });

  it("reads the same values back from the marked copy", async () => {
    const again = checkReport(readDocxReport(outcome.output));
    expect(again.findings.map((finding) => finding.key)).toEqual(outcome.result.findings.map((finding) => finding.key));
  });

  it("clear gives back the document.xml as it was before annotation, byte for byte, and the same parts", async () => {
    const cleared = clearDocx(outcome.output);
    expect(cleared.report).toEqual({ shadings: 14, comments: 4, notFound: 0 });
    expect(documentXmlOf(cleared.output)).toBe(documentXmlOf(filled));
    const before = unzipSync(filled);
    const after = unzipSync(cleared.output);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) expect(strFromU8(after[name]!)).toBe(strFromU8(before[name]!));
  });

  it("annotating a marked copy again replaces the old marks instead of piling them up", async () => {
    const twice = annotateDocx(outcome.output, { date: "2026-01-10T00:00:00Z" });
    expect(documentXmlOf(twice.output)).toBe(marked);
  });
});

describe("what belongs to the user is never touched", () => {
  it("keeps a user's own shading and comment through annotate and clear", async () => {
    const userFill = '<w:shd w:val="clear" w:color="auto" w:fill="00B0F0"/>';
    const filled = fillControls(template, withValue(good, "t4.review.total", "99"));
    const userShaded = withDocumentXml(filled, (xml) => {
      // the user shades a 表四 cell that no finding involves blue
      const root = parseXml(xml);
      const sdt = [...descendants(root, "w:sdt")].find(
        (element) => child(child(element, "w:sdtPr")!, "w:tag")!.attrs.get("w:val") === "t4.suit-direct.upheld",
      )!;
      const shd = child(child(ancestor(sdt, "w:tc")!, "w:tcPr")!, "w:shd")!;
      return xml.slice(0, shd.start) + userFill + xml.slice(shd.end);
    });
    const marked = annotateDocx(userShaded).output;
    expect(shadedCells(documentXmlOf(marked), "00B0F0")).toEqual(["t4.suit-direct.upheld"]);
    expect(documentXmlOf(clearDocx(marked).output)).toBe(documentXmlOf(userShaded));
  });

  it("keeps comments that were there before and removes only ours", async () => {
    const filled = fillControls(template, withValue(good, "t4.review.total", "99"));
    const first = annotateDocx(filled, { date: "2026-01-10T00:00:00Z" }).output;
    // the user's comment, added to the same comments part after our annotation
    const userComment = '<w:comment w:id="77" w:author="张三"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment>';
    const withUser = withDocumentXml(first, (xml) => xml.replace("</w:comments>", `${userComment}</w:comments>`), "word/comments.xml");
    const cleared = clearDocx(withUser).output;
    const comments = strFromU8(unzipSync(cleared)["word/comments.xml"]!);
    expect(comments).toContain(userComment);
    expect(comments).not.toContain("政务公开年报检查");
  });

  it("honours a dismissal stored in the document and keeps it through clear", async () => {
    const filled = fillControls(template, withValue(good, "t4.review.total", "99"));
    const marked = annotateDocx(filled).output;
    const stateXml = strFromU8(unzipSync(marked)["customXml/item1.xml"]!);
    const state = parseState(stateXml);
    const dismissed = serializeState({
      ...state,
      dismissals: [{ key: "T4-A:t4.review.total", reason: "含上年度结转案件", date: "2026-01-10" }],
    });
    const withDismissal = withDocumentXml(marked, () => dismissed, "customXml/item1.xml");
    const result = checkReport(readDocxReport(withDismissal));
    expect(result.findings).toEqual([]);
    const folder = mkdtempSync(join(tmpdir(), "gov-report-dismissed-"));
    writeFileSync(join(folder, "report.docx"), withDismissal);
    let stdout = "";
    expect(await main(["check", join(folder, "report.docx")], { stdout: (text) => (stdout += text), stderr: () => undefined })).toBe(0);
    expect(stdout).toContain("（另有 1 项已在文档中标记为忽略，不计入：T4-A）");
    expect(result.dismissed.map((finding) => finding.key)).toEqual(["T4-A:t4.review.total"]);
    const cleared = clearDocx(withDismissal).output;
    expect(parseState(strFromU8(unzipSync(cleared)["customXml/item1.xml"]!)).dismissals).toHaveLength(1);
    expect(documentXmlOf(cleared)).toBe(documentXmlOf(filled));
  });
});
