/**
 * @jest-environment jsdom
 */
/**
 * A new format revision is one file (test/fixtures/formats/formatToy.ts) and one line in src/domain/formats/list.ts,
 * the line simulated here by mocking that list: the pane offers it, the command line's usage names it, the template
 * builder writes it, and the checker reads, decides and checks by it.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";

jest.mock("../../src/domain/formats/list", () => {
  const actual = jest.requireActual("../../src/domain/formats/list");
  const { FORMAT_TOY } = jest.requireActual("../fixtures/formats/formatToy");
  return { FORMAT_LIST: [FORMAT_TOY, ...actual.FORMAT_LIST] };
});

import { usage } from "../../src/cli/main";
import { checkReport } from "../../src/domain/check";
import { formatCells } from "../../src/domain/cells";
import { formatById, formatForYear } from "../../src/domain/formats";
import { readDocxReport } from "../../src/docx/reader";
import { templateDocx } from "../../src/docx/template";
import { InsertSection } from "../../src/taskpane/components/InsertSection";

describe("a toy format revision added in one file", () => {
  const toy = formatById("2026");

  it("is the format of its years, and supersedes 2021", () => {
    expect(formatForYear(2026).id).toBe("2026");
    expect(formatForYear(2025).id).toBe("2021");
    expect(formatCells(toy).filter((cell) => cell.table === "t2")).toHaveLength(11);
  });

  it("is offered by the pane's format choice", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <InsertSection busy={false} onInsert={async () => "inserted"} />
      </FluentProvider>,
    );
    const options = screen.getAllByRole("option").map((option) => option.textContent);
    expect(options).toContain("2026 年格式（测试用文号〔2026〕1号）");
    expect(options).toContain("2021 年格式（国办公开办函〔2021〕30号）");
  });

  it("is named in the command line's usage", () => {
    expect(usage("new")).toContain("--format 2026|2021|2019");
  });

  it("is written by the template builder and read back and checked by it", () => {
    const result = checkReport(readDocxReport(templateDocx(toy, { organization: "某市某局", year: 2026 })));
    expect(result).toMatchObject({ format: "2026", year: 2026, cellsRead: 201, cellsExpected: 201, errors: 0 });
    expect(result.findings.some((finding) => finding.cells.some((cell) => cell.id === "t2.inspection.checks"))).toBe(true);
  });

  it("calls a 2026 report in the 2021 format outdated, through the declared supersedes chain", () => {
    const result = checkReport(readDocxReport(templateDocx(formatById("2021"), { organization: "某市某局", year: 2026 })));
    expect(result.findings.map((finding) => finding.rule)).toContain("FMT-OLD-FORMAT");
  });
});
