/** What the pane can ask of Word: the adapter's operations bound to a host. Components get this as a prop. */
import type { AnnotationState } from "../domain/annotations";
import type { FormatId } from "../domain/formats";
import {
  capabilities,
  checkAndMark,
  clearMarks,
  fillTotals,
  insertTemplate,
  selectCell,
  setDismissal,
  type Capabilities,
  type CheckOptions,
  type AdapterNote,
  type CheckOutcome,
  type InsertOutcome,
  type FillOutcome,
} from "../word/adapter";
import type { WordHost } from "../word/host";

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
    fillTotals: (options) => fillTotals(host, options),
    select: (cellId) => selectCell(host, cellId),
    dismiss: (key, reason) => setDismissal(host, key, reason),
  };
}
