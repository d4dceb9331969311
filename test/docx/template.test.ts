import { strFromU8 } from "fflate";
import { formatCells } from "../../src/domain/cells";
import { FORMAT_2019, FORMAT_2021 } from "../../src/domain/formats";
import type { FormatDecl } from "../../src/domain/formatModel";
import { templateDocx, templateFlatOpc } from "../../src/docx/template";
import { ancestor, child, descendants, parseXml } from "../../src/util/xml";
import { wordText } from "../../src/docx/wordText";
import { docxParts, documentXmlOf } from "../helpers/docx";

const options = { organization: "某某市某某局", year: 2025 };

describe.each([
  [FORMAT_2021, [10, 175, 15]],
  [FORMAT_2019, [22, 161, 15]],
] as const)("the %# template", (format: FormatDecl, counts) => {
  const xml = documentXmlOf(templateDocx(format, options));
  const root = parseXml(xml);
  const controls = [...descendants(root, "w:sdt")];
  const tagOf = (sdt: (typeof controls)[number]) => child(child(sdt, "w:sdtPr")!, "w:tag")!.attrs.get("w:val")!;

  it("has exactly one tagged control per data cell of the format, table by table", () => {
    const tags = controls.map(tagOf);
    expect(["t2", "t3", "t4"].map((table) => tags.filter((tag) => tag.startsWith(`${table}.`)).length)).toEqual([...counts]);
    expect(new Set(tags).size).toBe(tags.length);
    expect([...tags].sort()).toEqual(
      formatCells(format)
        .map((cell) => cell.id)
        .sort(),
    );
  });

  it("puts each control alone in a white table cell, locked against deletion, rich text, titled by its labels", () => {
    const titles = new Map(formatCells(format).map((cell) => [cell.id, cell.title]));
    for (const sdt of controls) {
      const tc = ancestor(sdt, "w:tc")!;
      expect(tc).toBeDefined();
      expect(tc.children.filter((element) => element.name !== "w:tcPr")).toEqual([sdt]);
      expect(child(child(tc, "w:tcPr")!, "w:shd")!.attrs.get("w:fill")).toBe("FFFFFF");
      const sdtPr = child(sdt, "w:sdtPr")!;
      expect(child(sdtPr, "w:lock")!.attrs.get("w:val")).toBe("sdtLocked");
      expect(child(sdtPr, "w:text")).toBeUndefined();
      expect(child(sdtPr, "w:alias")!.attrs.get("w:val")).toBe(titles.get(tagOf(sdt)));
    }
  });

  it("prints the title, the statistics period and the six section headings", () => {
    const text = wordText(root);
    expect(text).toContain("某某市某某局2025年政府信息公开工作年度报告");
    expect(text).toContain("统计期限为2025年1月1日至12月31日");
    for (const heading of format.headings) expect(text).toContain(heading);
    expect(text).toContain("信息处理费");
  });

  it("prints every official row and column label and the reconciliation note as label cells", () => {
    const tableText = [...descendants(root, "w:tbl")].map((tbl) => wordText(tbl)).join("");
    const labels = new Set(
      formatCells(format)
        .flatMap((cell) => [...cell.rowPath, ...cell.columnPath].map((node) => node.label))
        .filter((label) => label !== ""),
    );
    for (const label of labels) expect(tableText).toContain(label);
    expect(tableText).toContain("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    for (const grid of format.tables[0]!.grids) expect(tableText).toContain(grid.title!);
  });

  it("merges header cells as the official tables do", () => {
    const tables = [...descendants(root, "w:tbl")];
    const t3 = tables[1]!;
    const firstRowCells = [...descendants(t3, "w:tc")].slice(0, 2);
    const props = (tc: (typeof firstRowCells)[number]) => child(tc, "w:tcPr")!;
    expect(child(props(firstRowCells[0]!), "w:gridSpan")!.attrs.get("w:val")).toBe("3");
    expect(child(props(firstRowCells[0]!), "w:vMerge")!.attrs.get("w:val")).toBe("restart");
    expect(child(props(firstRowCells[1]!), "w:gridSpan")!.attrs.get("w:val")).toBe("7");
    const restarts = [...descendants(t3, "w:vMerge")].filter((merge) => merge.attrs.get("w:val") === "restart").length;
    // corner, 自然人, 总计, 三、本年度办理结果, （三）（四）（五）, and 2021's （六）
    expect(restarts).toBe(format.id === "2021" ? 8 : 7);
  });

  it("keeps every table inside the text block", () => {
    for (const grid of descendants(root, "w:tblGrid")) {
      const width = grid.children.reduce((sum, column) => sum + Number(column.attrs.get("w:w")), 0);
      expect(width).toBeLessThanOrEqual(8845);
    }
  });
});

describe("the flat-OPC package for insertOoxml", () => {
  it("holds the same body as the .docx, without a section break", () => {
    const flat = templateFlatOpc(FORMAT_2021, options);
    const root = parseXml(flat);
    expect(root.name).toBe("pkg:package");
    const parts = [...descendants(root, "pkg:part")].map((part) => part.attrs.get("pkg:name"));
    expect(parts).toEqual(["/_rels/.rels", "/word/document.xml"]);
    const body = (xml: string) => /<w:body>([\s\S]*?)(?:<w:sectPr>[\s\S]*)?<\/w:body>/.exec(xml)![1];
    expect(body(flat)).toBe(body(documentXmlOf(templateDocx(FORMAT_2021, options))));
    expect(flat).not.toContain("<w:sectPr>");
  });
});

describe("the .docx package", () => {
  it("declares a fallback for every government font", () => {
    const fonts = strFromU8(docxParts(templateDocx(FORMAT_2021, options))["word/fontTable.xml"]!);
    for (const [font, fallback] of [
      ["方正小标宋简体", "宋体"],
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["黑体", "SimHei"],
    ]) {
      expect(fonts).toContain(`<w:font w:name="${font}"><w:altName w:val="${fallback}"/>`);
    }
  });
});
