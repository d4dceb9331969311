import { cellsToMark, commentText, type AnnotationState } from "../../src/domain/annotations";
import { parseState, serializeState } from "../../src/util/annotationPart";
import { checkReport } from "../../src/domain/check";
import { consistentValues, readingOf, withValue } from "../helpers/reports";

describe("the annotations part", () => {
  it("round-trips marks and dismissals, with text that needs escaping", () => {
    const state: AnnotationState = {
      marks: [
        {
          cell: "t4.review.total",
          severity: "error",
          comment: "3",
          fill: "FFFFFF",
          at: "2/3/4",
          shd: '<w:shd w:val="clear" w:fill="FFFFFF"/>',
          written: '<w:shd w:fill="FFC7CE"/>',
        },
      ],
      dismissals: [{ key: "T3-C:t3.4.total", reason: "正文口径 <不同> & “另计”", date: "2026-01-10" }],
    };
    expect(parseState(serializeState(state))).toEqual(state);
  });

  it("ignores a part that is not ours", () => {
    expect(parseState('<root xmlns="urn:other"><mark cell="x"/></root>')).toEqual({ marks: [], dismissals: [] });
  });
});

describe("which cells a check marks", () => {
  const good = consistentValues("2021");
  const findingsOf = (values: Map<string, string>) => checkReport(readingOf(values, "2021")).findings;

  it("marks the cell the numbers single out rather than the correct totals it breaks", () => {
    const marks = cellsToMark(findingsOf(withValue(good, "t3.3-2.research", "50")));
    expect(marks.map((mark) => [mark.cell, mark.severity, mark.findings.map((finding) => finding.rule)])).toEqual([
      ["t3.3-2.research", "error", ["T3-C", "T3-B"]],
    ]);
    expect(commentText(marks[0]!)).toMatch(
      /^【年报检查】【错误 T3-C、T3-B】最可能填错的是表三“（二）部分公开.*”行“科研机构”列：填写“50”，改为 \d+ 可使以下 2 处核对都成立：\n {2}· 表三.*\n {2}· 表三/,
    );
  });

  it("shades every cell of a sum the numbers do not resolve, with the comment on its checked cell only", () => {
    const marks = cellsToMark(findingsOf(withValue(good, "t4.review.total", "1")));
    expect(marks.map((mark) => [mark.cell, mark.findings.length])).toEqual([
      ["t4.review.total", 1],
      ["t4.review.upheld", 0],
      ["t4.review.corrected", 0],
      ["t4.review.other", 0],
      ["t4.review.pending", 0],
    ]);
    expect(commentText(marks[0]!)).toContain("参与核对的单元格已一并标出：表四“行政复议 · 结果维持”、表四“行政复议 · 结果纠正”");
  });

  it("marks all four cells of each broken column when 本年新收 自然人 and 总计 are both 4 too many (issue example)", () => {
    const bump = (values: typeof good, id: "t3.1.natural" | "t3.1.total") => withValue(values, id, String(Number(values.get(id)) + 4));
    const marks = cellsToMark(findingsOf(bump(bump(good, "t3.1.natural"), "t3.1.total")));
    const cells = (column: string) => [`t3.4.${column}`, `t3.1.${column}`, `t3.2.${column}`, `t3.3-7.${column}`];
    expect(marks.map((mark) => mark.cell)).toEqual([...cells("natural"), ...cells("total")]);
    expect(marks.filter((mark) => mark.findings.length > 0).map((mark) => mark.cell)).toEqual(["t3.4.natural", "t3.4.total"]);
  });

  it("leaves blanks unmarked unless asked, and marks warnings in their own severity", () => {
    const findings = findingsOf(withValue(withValue(good, "t2.licensing.decisions", ""), "t2.penalty.decisions", "12件"));
    expect(cellsToMark(findings).map((mark) => [mark.cell, mark.severity])).toEqual([["t2.penalty.decisions", "warning"]]);
    expect(cellsToMark(findings, { markBlanks: true }).map((mark) => mark.cell)).toEqual([
      "t2.licensing.decisions",
      "t2.penalty.decisions",
    ]);
  });

  it("adds the expected value to a comment whose message does not give it", () => {
    const [mark] = cellsToMark(findingsOf(withValue(good, "t4.review.total", "1")));
    expect(commentText(mark!)).toContain("应为 ");
  });
});
