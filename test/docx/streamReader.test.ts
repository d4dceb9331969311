/**
 * The streamed .docx reading a check uses (src/docx/streamReader.ts) is the tree reader's reading, cell for cell
 * and finding for finding; what it does not follow goes to the tree, and its errors are the tree's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseState, serializeState } from "../../src/util/annotationPart";
import { checkReport } from "../../src/domain/check";
import { FORMAT_2019, FORMAT_2021 } from "../../src/domain/formats";
import { loadDocx, readDocx, readDocxReport } from "../../src/docx/reader";
import { annotateDocx } from "../../src/docx/service";
import { streamDocxReport } from "../../src/docx/streamReader";
import { templateDocx } from "../../src/docx/template";
import { fillControls, unwrapControls, withDocumentXml, withoutSources } from "../helpers/docx";
import { expectStreamAgrees } from "./streamAgreement";
import { EXAMPLES } from "../helpers/fixtures";
import { randomValues, withValue, consistentValues } from "../helpers/reports";

const TEMPLATE_2021 = templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 });
const TEMPLATE_2019 = templateDocx(FORMAT_2019, { organization: "某县某局", year: 2020 });

describe("the streamed .docx reading", () => {
  it("equals the tree's for filled templates of both formats, 40 random reports", () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(expectStreamAgrees(fillControls(TEMPLATE_2021, randomValues("2021", seed)))).toBe("stream");
      expect(expectStreamAgrees(fillControls(TEMPLATE_2019, randomValues("2019", seed)))).toBe("stream");
    }
  });

  it("equals the tree's for tables without controls (read by their labels) and for the WPS-made template", () => {
    const typed = withDocumentXml(fillControls(TEMPLATE_2021, randomValues("2021", 7)), unwrapControls);
    expect(expectStreamAgrees(typed)).toBe("stream");
    expect(streamDocxReport(typed)!.cells.length).toBeGreaterThan(150);
    expect(expectStreamAgrees(readFileSync(join(EXAMPLES, "2021-template-wps-no-controls.docx")))).toBe("stream");
  });

  it("gives the findings the tree gives, with a year given and with dismissals stored in the document", () => {
    const filled = fillControls(TEMPLATE_2021, withValue(consistentValues("2021"), "t4.review.total", "99"));
    const marked = annotateDocx(filled).output;
    const state = parseState(strFromU8(unzipSync(marked)["customXml/item1.xml"]!));
    const dismissal = { key: "T4-A:t4.review.total", reason: "含上年度结转案件", date: "2026-01-10" };
    const dismissed = withDocumentXml(marked, () => serializeState({ ...state, dismissals: [dismissal] }), "customXml/item1.xml");
    for (const bytes of [filled, marked, dismissed]) {
      for (const options of [{}, { year: 2025 }]) {
        expect(expectStreamAgrees(bytes, options)).toBe("stream");
        const tree = checkReport(readDocx(loadDocx(bytes), options).reading);
        expect(withoutSources(checkReport(streamDocxReport(bytes, options)!))).toEqual(withoutSources(tree));
      }
    }
    expect(streamDocxReport(dismissed)!.dismissed).toEqual(["T4-A:t4.review.total"]);
    expect(checkReport(readDocxReport(dismissed)).findings).toEqual([]);
  });

  it("leaves text boxes, alternate content and a table in a table to the tree, which reads them", () => {
    const box =
      '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>附注</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>';
    const alternate =
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:t>1</w:t></mc:Choice><mc:Fallback><w:t>1</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    const nested = "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>";
    // With CDATA the document goes to saxes, which must hand the stream's "left to the tree" on, not call it bad XML.
    const boxAfterCdata = `<w:p><w:r><w:t><![CDATA[注]]></w:t></w:r></w:p>${box}`;
    for (const extra of [box, alternate, nested, boxAfterCdata]) {
      const bytes = withDocumentXml(fillControls(TEMPLATE_2021, consistentValues("2021")), (xml) =>
        xml.replace("<w:body>", `<w:body>${extra}`),
      );
      expect(streamDocxReport(bytes)).toBeNull();
      expect(withoutSources(readDocxReport(bytes))).toEqual(withoutSources(readDocx(loadDocx(bytes)).reading));
    }
  });

  it("leaves a main part kept elsewhere than word/document.xml to the tree", () => {
    const files = unzipSync(fillControls(TEMPLATE_2021, consistentValues("2021")));
    files["word/main.xml"] = files["word/document.xml"]!;
    delete files["word/document.xml"];
    files["_rels/.rels"] = strToU8(strFromU8(files["_rels/.rels"]!).replace("word/document.xml", "word/main.xml"));
    const moved = zipSync(files);
    expect(streamDocxReport(moved)).toBeNull();
    expect(readDocxReport(moved).cells.length).toBe(readDocx(loadDocx(moved)).reading.cells.length);
  });

  it.each([
    ["a broken tag", (xml: string) => xml.replace("<w:body>", "<w:body><w:p")],
    ["a DTD", (xml: string) => xml.replace(/^<\?xml[^>]*\?>/, '$&<!DOCTYPE x [<!ENTITY a "b">]>')],
    ["an undefined entity", (xml: string) => xml.replace("<w:body>", "<w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>")],
  ])("refuses %s with the tree reader's error, word for word", (_name, edit) => {
    const bytes = withDocumentXml(TEMPLATE_2021, edit);
    const treeError = (() => {
      try {
        readDocx(loadDocx(bytes));
      } catch (error) {
        return error as Error;
      }
      throw new Error("the tree reader read it");
    })();
    expect(() => streamDocxReport(bytes)).toThrow(treeError.message);
    expect(() => readDocxReport(bytes)).toThrow(treeError.message);
  });
});
