/**
 * Clear touches only what is ours (hostile-files issue, "annotate and clear"): the user's comments whatever their
 * ids, a forged record, a copy re-saved by LibreOffice, a clean annotate, a control outside a table.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { annotateDocx, clearDocx } from "../../src/docx/service";
import { templateDocx } from "../../src/docx/template";
import { FORMAT_2021 } from "../../src/domain/formats";
import { COMMENT_AUTHOR, COMMENT_PREFIX, MARK_FILLS } from "../../src/domain/annotations";
import { child, descendants, parseXml } from "../../src/util/xml";
import { wordText } from "../../src/docx/wordText";
import { documentXmlOf, fillControls, withDocumentXml } from "../helpers/docx";
import { resaveWithLibreOffice, validateDocx } from "../helpers/ooxml";
import { consistentValues, withValue } from "../helpers/reports";

jest.setTimeout(120_000);
const DATE = "2026-01-10T00:00:00Z";
const template = templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 });
const filled = fillControls(template, withValue(consistentValues("2021"), "t4.review.total", "99"));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const OUR_FILLS = Object.values(MARK_FILLS);

function marksLeft(bytes: Uint8Array): { fills: number; ourComments: number; allComments: string[] } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]!);
  const fills = [...descendants(parseXml(xml), "w:shd")].filter((shd) =>
    OUR_FILLS.includes((shd.attrs.get("w:fill") ?? "").toUpperCase()),
  ).length;
  const commentsPart = Object.keys(files).find((name) => /word\/comments\d*\.xml$/.test(name));
  const elements = commentsPart ? [...descendants(parseXml(strFromU8(files[commentsPart]!)), "w:comment")] : [];
  const comments = elements.map((comment) => wordText(comment));
  // LibreOffice keeps our comments' author but not their text: ours by either sign.
  const ours = elements.filter(
    (comment, index) => comments[index]!.startsWith(COMMENT_PREFIX) || comment.attrs.get("w:author") === COMMENT_AUTHOR,
  );
  return { fills, ourComments: ours.length, allComments: comments.filter((_, index) => !ours.includes(elements[index]!)) };
}

/** A user's own comment, with single-quoted ids of every size, on the document's first paragraph. */
function withUserComment(bytes: Uint8Array, id: string): Uint8Array {
  const files = unzipSync(bytes);
  files["word/comments.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}><w:comment w:id='${id}' w:author='用户'><w:p><w:r><w:t>用户自己的批注</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  const rels = strFromU8(files["word/_rels/document.xml.rels"]!);
  files["word/_rels/document.xml.rels"] = strToU8(
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdUserComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
    ),
  );
  const types = strFromU8(files["[Content_Types].xml"]!);
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
    ),
  );
  const xml = strFromU8(files["word/document.xml"]!);
  files["word/document.xml"] = strToU8(
    xml.replace(
      /<w:body>(<w:p\b[^>]*>)/,
      `<w:body>$1<w:commentRangeStart w:id='${id}'/><w:commentRangeEnd w:id='${id}'/><w:r><w:commentReference w:id='${id}'/></w:r>`,
    ),
  );
  return zipSync(files);
}

describe("clear never touches what is not ours", () => {
  it.each(["7", "99999999999", "4294967296", "123456789012345678901234567890"])(
    "keeps a user's comment with id '%s' (single quotes) and its anchors",
    (id) => {
      const mine = withUserComment(filled, id);
      const annotated = annotateDocx(mine, { date: DATE }).output;
      const ids = [...descendants(parseXml(strFromU8(unzipSync(annotated)["word/comments.xml"]!)), "w:comment")].map((comment) =>
        comment.attrs.get("w:id"),
      );
      expect(new Set(ids).size).toBe(ids.length);
      const cleared = clearDocx(annotated).output;
      expect(marksLeft(cleared)).toEqual({ fills: 0, ourComments: 0, allComments: ["用户自己的批注"] });
      expect(documentXmlOf(cleared)).toBe(documentXmlOf(mine));
    },
  );

  it("does not let a forged record delete the user's text", () => {
    const annotated = annotateDocx(filled, { date: DATE }).output;
    const files = unzipSync(annotated);
    const statePath = Object.keys(files).find((name) => /^customXml\/item\d+\.xml$/.test(name))!;
    const xml = documentXmlOf(annotated);
    const typed = /<w:t xml:space="preserve">\d+<\/w:t>/.exec(xml)![0];
    const forged = strFromU8(files[statePath]!).replace(
      "</gr:annotations>",
      `<gr:mark cell="t3.1.natural" severity="error" fill="" written="${typed.replace(/</g, "&lt;").replace(/"/g, "&quot;")}" shd=""/></gr:annotations>`,
    );
    files[statePath] = strToU8(forged);
    const cleared = clearDocx(zipSync(files));
    expect(documentXmlOf(cleared.output)).toBe(documentXmlOf(filled));
    expect(cleared.report.notFound).toBe(1);
  });

  it("clears a copy re-saved by LibreOffice, and says what it did", () => {
    const annotated = annotateDocx(filled, { date: DATE }).output;
    // 行政复议's 总计 breaks alone: its five cells are shaded, one comment on the total.
    expect(marksLeft(annotated).fills).toBe(5);
    const resaved = resaveWithLibreOffice(annotated, "resaved.docx");
    expect(marksLeft(resaved)).toMatchObject({ fills: 5, ourComments: 1 });
    const cleared = clearDocx(resaved);
    expect(marksLeft(cleared.output)).toEqual({ fills: 0, ourComments: 0, allComments: [] });
    expect(cleared.report).toMatchObject({ shadings: 5, comments: 1 });
  });

  it("leaves no part behind after an annotate that marked nothing", () => {
    const clean = fillControls(template, consistentValues("2021"));
    const annotated = annotateDocx(clean, { date: DATE });
    expect(annotated.marked).toBe(0);
    expect(Object.keys(unzipSync(annotated.output)).sort()).toEqual(Object.keys(unzipSync(clean)).sort());
    expect(clearDocx(annotated.output).report).toEqual({ shadings: 0, comments: 0, notFound: 0 });
  });

  it("marks a control outside a table with a comment only, and writes schema-valid XML", () => {
    const outside = withDocumentXml(filled, (xml) =>
      xml.replace(
        "<w:body>",
        `<w:body><w:sdt><w:sdtPr><w:tag w:val="t4.review.upheld"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>1</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
      ),
    );
    const annotated = annotateDocx(outside, { date: DATE }).output;
    expect(documentXmlOf(annotated)).not.toMatch(/<w:sdtPr>(?:(?!<\/w:sdt>).)*<w:tcPr>/);
    expect(validateDocx(annotated, "outside.docx")).toEqual([]);
    expect(documentXmlOf(clearDocx(annotated).output)).toBe(documentXmlOf(outside));
  });
});

describe("a cell-level content control", () => {
  it("is marked on its cell, with schema-valid XML, and cleared byte for byte", () => {
    // Word can wrap a whole table cell in a control: w:tr / w:sdt / w:sdtContent / w:tc.
    const cellLevel = withDocumentXml(filled, (xml) => {
      const root = parseXml(xml);
      const sdt = [...descendants(root, "w:sdt")].find((element) =>
        element.children[0]?.children.some((c) => c.attrs.get("w:val") === "t4.review.total"),
      )!;
      let tc = sdt.parent!;
      while (tc.name !== "w:tc") tc = tc.parent!;
      const inner = xml
        .slice(tc.start, tc.end)
        .replace(xml.slice(sdt.start, sdt.end), xml.slice(child(sdt, "w:sdtContent")!.openEnd, child(sdt, "w:sdtContent")!.closeStart));
      const wrapped = `${xml.slice(sdt.start, child(sdt, "w:sdtContent")!.start)}<w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
      return xml.slice(0, tc.start) + wrapped + xml.slice(tc.end);
    });
    const annotated = annotateDocx(cellLevel, { date: DATE }).output;
    const xml = documentXmlOf(annotated);
    expect(xml).not.toMatch(/<w:sdtPr>(?:(?!<\/w:sdtPr>).)*<w:tcPr>/);
    expect(marksLeft(annotated).fills).toBe(5);
    expect(validateDocx(annotated, "cell-level.docx")).toEqual([]);
    expect(documentXmlOf(clearDocx(annotated).output)).toBe(documentXmlOf(cellLevel));
  });
});
