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

  it("marks the checked cell where the numbers do not single one out", () => {
    expect(cellsToMark(findingsOf(withValue(good, "t4.review.total", "1"))).map((mark) => mark.cell)).toEqual(["t4.review.total"]);
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
