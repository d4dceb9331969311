import { checkReport } from "../../src/domain/check";
import { groupFindings } from "../../src/domain/findings";
import { foldSummary } from "../../src/domain/wording";
import { consistentValues, readingOf, withValue } from "../helpers/reports";

describe("groupFindings", () => {
  it("folds many findings of one kind in one table into one group, and leaves a few as they are", () => {
    let values = consistentValues("2021");
    for (const id of [...values.keys()].filter((key) => key.startsWith("t3.3-3-")))
      values = withValue(values, id, values.get(id) === "0" ? "" : values.get(id)!);
    values = withValue(values, "t4.review.total", "0");
    values = withValue(values, "t2.penalty.decisions", "5件");
    const findings = checkReport(readingOf(values, "2021")).findings;
    const blanks = findings.filter((finding) => finding.key.endsWith(":blank")).length;
    expect(blanks).toBeGreaterThan(3);
    const groups = groupFindings(findings);
    expect(groups.map((group) => [group.table, group.fold ? foldSummary(group) : null, group.findings.length])).toEqual([
      ["t2", null, 1],
      ["t3", `${blanks} 个空白单元格（计算时按 0 计）`, blanks],
      ["t4", null, 1],
    ]);
  });

  it("keeps three or fewer of a kind as single findings", () => {
    let values = consistentValues("2021");
    for (const id of ["t4.review.upheld", "t4.review.corrected"] as const) values = withValue(values, id, "");
    const findings = checkReport(readingOf(values, "2021")).findings.filter((finding) => finding.rule === "T4-D");
    expect(groupFindings(findings).every((group) => group.fold === null && group.findings.length === 1)).toBe(true);
  });
});
