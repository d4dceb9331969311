/** What the pane can ask of Word: the adapter's operations bound to a host. Components get this as a prop. */
import type { AnnotationState } from "../domain/annotations";
import type { FormatId } from "../domain/formats";
import {
  capabilities,
  checkAndMark,
  clearMarks,
  insertTemplate,
  selectCell,
  setDismissal,
  type Capabilities,
  type CheckOptions,
  type AdapterNote,
  type CheckOutcome,
  type InsertOutcome,
} from "../word/adapter";
import type { FillOutcome } from "../word/fill";
import type { WordHost } from "../word/host";
import type { CheckResult } from "../domain/check";
import { download, XLSX_TYPE } from "../shared/download";

export interface InsertChoice {
  organization: string;
  year: number;
  format: FormatId;
  allowSecond?: boolean;
}

export interface PaneActions {
  capabilities(): Capabilities;
  insert(choice: InsertChoice): Promise<InsertOutcome>;
  check(options: CheckOptions): Promise<CheckOutcome>;
  clear(): Promise<{ removed: number; notes: AdapterNote[] }>;
  fillTotals(options: { overwrite?: boolean }): Promise<FillOutcome>;
  /** The checked report's figures as an .xlsx download (the command line's --xlsx, for one report). */
  exportFigures(result: CheckResult, cells: ReadonlyMap<string, string>): Promise<string>;
  select(cellId: string): Promise<void>;
  dismiss(key: string, reason: string | null): Promise<AnnotationState>;
}

export function createActions(host: WordHost): PaneActions {
  return {
    capabilities: () => capabilities(host),
    async insert(choice) {
      // The template builder is only needed here: load it on demand, off the pane's start-up path.
      const [{ templateFlatOpc }, { formatById }] = await Promise.all([
        import(/* webpackChunkName: "template" */ "../docx/template"),
        import("../domain/formats"),
      ]);
      const [{ formatCells }] = await Promise.all([import("../domain/cells")]);
      const format = formatById(choice.format);
      const ooxml = templateFlatOpc(format, { organization: choice.organization, year: choice.year });
      return insertTemplate(host, { ooxml, allowSecond: choice.allowSecond, expectedCells: formatCells(format).length });
    },
    check: (options) => checkAndMark(host, options),
    clear: () => clearMarks(host),
    async fillTotals(options) {
      // Needed only when asked: loaded then, off the pane's start-up path (the start-up script has a size budget).
      const { fillTotals } = await import(/* webpackChunkName: "fill" */ "../word/fill");
      return fillTotals(host, options);
    },
    async exportFigures(result, cells) {
      // exceljs is only needed here: loaded on demand, off the pane's start-up path.
      const [{ figuresXlsx }, { figureSheets }] = await Promise.all([
        import(/* webpackChunkName: "export" */ "../export/xlsx"),
        import("../domain/figures"),
      ]);
      const name = `${result.organization ?? "年度报告"}${result.year ?? ""}年报数据.xlsx`;
      const bytes = await figuresXlsx(figureSheets([{ file: name, result, cells, error: null }]));
      download(bytes, name, XLSX_TYPE);
      return name;
    },
    select: (cellId) => selectCell(host, cellId),
    dismiss: (key, reason) => setDismissal(host, key, reason),
  };
}
