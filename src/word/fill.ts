/**
 * 计算合计 in Word: computes every total from its parts and writes it into its content control. Its own module so
 * that the pane loads it (and the totals planner) only when the user asks for it.
 */
import { isCellId } from "../domain/cells";
import { planTotals, type TotalsPlan } from "../domain/totals";
import { formatNumber } from "../domain/values";
import { readingFromControls } from "../readers/controls";
import { guarded, requireTables } from "./adapter";
import { AddinError } from "./errors";
import type { WordHost } from "./host";

export interface FillOutcome {
  plan: TotalsPlan;
  /** Content controls written. */
  written: number;
}

/**
 * Blank totals, and typed ones only with `overwrite`; nothing else changes. Two syncs: read the controls, write the
 * totals (one when there is nothing to write). The writes go in one batch; Microsoft documents no undo grouping for
 * a batch, so the pane does not promise one undo for the whole fill.
 */
export async function fillTotals(host: WordHost, options: { overwrite?: boolean } = {}): Promise<FillOutcome> {
  requireTables(host);
  return guarded(host, () =>
    host.run(async (context) => {
      const controls = context.document.body.contentControls;
      controls.load("items/tag,items/text");
      await context.sync();
      const cells = controls.items.filter((control) => isCellId(control.tag));
      if (cells.length === 0) throw new AddinError("NO_TEMPLATE");
      const reading = readingFromControls({
        cells: cells.map((control) => ({ id: control.tag, text: control.text })),
        paragraphs: [],
        dismissed: [],
      });
      const plan = planTotals(reading, options);
      let written = 0;
      for (const change of plan.changes) {
        for (const control of cells.filter((candidate) => candidate.tag === change.id)) {
          // api_set: WordApi 1.1. Replace puts the text inside the control, which stays.
          control.insertText(formatNumber(change.value), "Replace");
          written++;
        }
      }
      if (written > 0) await context.sync();
      return { plan, written };
    }),
  );
}
