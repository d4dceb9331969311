/**
 * Text layouts real reports use, built from known figures (the shapes described in the issue on published reports):
 * "|"-separated rows whose empty fields are blank cells, markdown tables from OCR tools (labels without ordinals,
 * placeholder header cells), 表四 printed as three blocks, and headings with a note a tool added after them.
 */
import { checkReport } from "../../src/domain/check";
import { leafOf, leafPaths } from "../../src/domain/cells";
import { formatById } from "../../src/domain/formats";
import { readTextReport } from "../../src/readers/textReader";
import { consistentValues, withValue } from "../helpers/reports";
import { tabReport } from "../helpers/textReports";

const good = consistentValues("2021");

function cellsOf(text: string) {
  const reading = readTextReport(text);
  return { reading, result: checkReport(reading), cells: new Map(reading.cells.map((cell) => [cell.id, cell.text])) };
}

/** A markdown rendering of the report's tables, as OCR tools write them. */
function markdownReport(values: Map<string, string>, options: { ordinals: boolean; placeholders: boolean }): string {
  const format = formatById("2021");
  const strip = (label: string) =>
    options.ordinals ? label : label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七]）|\d+\.)/, "");
  const lines = ["某市某局2024年政府信息公开工作年度报告", format.headings[0]!, "（略）"];
  format.tables.forEach((table, index) => {
    lines.push(format.headings[index + 1]!);
    for (const grid of table.grids) {
      if (grid.title) lines.push(grid.title);
      const columns = leafPaths(grid.columns).map(leafOf);
      const header = columns.map((column, k) => (options.placeholders ? `数据${k + 1}` : column.label));
      lines.push(`| ${[grid.corner ?? "", ...header].join(" | ")} |`, `|${" --- |".repeat(columns.length + 1)}`);
      for (const rowPath of leafPaths(grid.rows)) {
        const row = leafOf(rowPath);
        const ids = columns.map((column) => [table.id, row.key, column.key].filter((part) => part).join("."));
        const label = strip(row.label === "" ? "数值" : row.label);
        lines.push(`| ${[label, ...ids.map((id) => values.get(id) ?? "")].join(" | ")} |`);
      }
    }
  });
  lines.push(...format.headings.slice(4));
  return lines.join("\n");
}

describe("rows with | between cells", () => {
  it("keeps an empty field as a blank cell in its column", () => {
    const values = withValue(withValue(good, "t3.3-1.commercial", ""), "t2.regulations.repealed", "");
    const { cells, result } = cellsOf(tabReport("2021", values, { separator: "|" }));
    expect(result.cellsRead).toBe(200);
    expect(cells.get("t3.3-1.commercial")).toBe("");
    expect(cells.get("t3.3-1.research")).toBe(good.get("t3.3-1.research"));
    expect(cells.get("t2.regulations.repealed")).toBe("");
    expect(cells.get("t2.regulations.in-force")).toBe(good.get("t2.regulations.in-force"));
  });
});

describe("markdown tables", () => {
  it.each([
    ["with the official labels", { ordinals: true, placeholders: false }],
    ["with labels without ordinals and placeholder headers", { ordinals: false, placeholders: true }],
  ])("reads every cell %s", (_name, options) => {
    const planted = withValue(good, "t3.3-1.natural", String(Number(good.get("t3.3-1.natural")) + 2));
    const { cells, result } = cellsOf(markdownReport(planted, options));
    const lost = [...planted.keys()].filter((id) => cells.get(id) !== planted.get(id));
    expect([lost, result.findings.filter((finding) => finding.category === "read").map((finding) => finding.detail)]).toEqual([[], []]);
    expect(result.cellsRead).toBe(200);
    expect(
      result.findings
        .filter((finding) => finding.severity === "error")
        .map((finding) => finding.rule)
        .sort(),
    ).toEqual(["T3-B", "T3-C"]);
    expect(result.findings.filter((finding) => finding.rule === "FMT-LABEL-VARIANT")).toEqual([]);
  });
});

describe("表四 printed as three blocks", () => {
  it("joins the three lines of five values into its one row", () => {
    const ids = ["review", "suit-direct", "suit-after-review"].map((group) =>
      ["upheld", "corrected", "other", "pending", "total"].map((column) => `t4.${group}.${column}`),
    );
    const text = tabReport("2021", good)
      .split("\n")
      .flatMap((line) =>
        line.split("\t").length === 15 && /^\d/.test(line)
          ? ids.map(
              (block, k) => `${["行政复议", "未经复议直接起诉", "复议后起诉"][k]}\t${block.map((id) => good.get(id as never)).join("\t")}`,
            )
          : [line],
      )
      .join("\n");
    const { cells, result } = cellsOf(text);
    expect(result.findings.filter((finding) => finding.table === "t4")).toEqual([]);
    for (const id of ids.flat()) expect(cells.get(id)).toBe(good.get(id as never));
  });
});

describe("headings with a note added after them", () => {
  it("reads 一、总体情况 (重复率: 40%) as the standard heading", () => {
    const headings = formatById("2021").headings.map((heading, index) =>
      index % 2 === 0 ? `${heading} (重复率: 40%)` : `${heading}（第 ${index + 1} 页）`,
    );
    const { result } = cellsOf(tabReport("2021", good, { headings }));
    expect(result.findings.filter((finding) => finding.rule.startsWith("FMT-HEADING"))).toEqual([]);
    expect(result.cellsRead).toBe(200);
  });
});
