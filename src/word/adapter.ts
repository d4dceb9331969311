/**
 * The Word adapter: the only code that calls Office.js. Each operation is a fixed, small number of context.sync()
 * calls whatever the size of the report (counted by tests): insert 2, check-and-mark 2, clear 2, select 1.
 * The annotations part is read and written through the host's state store, alongside the syncs.
 */
import {
  COMMENT_PREFIX,
  EMPTY_STATE,
  MARK_FILLS,
  cellsToMark,
  commentText,
  type AnnotationState,
  type Dismissal,
  type MarkRecord,
} from "../domain/annotations";
import { isCellId } from "../domain/cells";
import { serializeState } from "../util/annotationXml";
import { checkReport, type CheckResult } from "../domain/check";
import { readingFromControls } from "../readers/controls";
import { AddinError, toAddinError } from "./errors";
import type { WordHost } from "./host";

export interface Capabilities {
  /** WordApi 1.3: tables, cell shading — the add-in's floor. */
  tables: boolean;
  /** WordApi 1.4: comments and Track Changes state. */
  comments: boolean;
}

export function capabilities(host: WordHost): Capabilities {
  return { tables: host.supports("1.3"), comments: host.supports("1.4") };
}

function requireTables(host: WordHost): void {
  if (!host.supports("1.3")) throw new AddinError("OLD_WORD");
}

async function guarded<T>(host: WordHost, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAddinError(error, safeReadOnly(host));
  }
}

function safeReadOnly(host: WordHost): boolean {
  try {
    return host.isReadOnly();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Insert

export interface InsertRequest {
  /** The template as a flat-OPC package (docx/template.ts: templateFlatOpc). */
  ooxml: string;
  /** Insert although the document already holds a report template. */
  allowSecond?: boolean;
}

export type InsertOutcome = { status: "inserted" } | { status: "exists" };

/** Inserts the template at the cursor (replacing nothing the user selected) in one insertOoxml. Two syncs. */
export async function insertTemplate(host: WordHost, request: InsertRequest): Promise<InsertOutcome> {
  requireTables(host);
  return guarded(host, () =>
    host.run(async (context) => {
      const controls = context.document.body.contentControls;
      controls.load("items/tag");
      const selection = context.document.getSelection();
      selection.load("text");
      await context.sync();
      if (!request.allowSecond && controls.items.some((control) => isCellId(control.tag))) return { status: "exists" as const };
      selection.insertOoxml(request.ooxml, selection.text === "" ? "Replace" : "After");
      await context.sync();
      return { status: "inserted" as const };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Check and mark

export interface CheckOptions {
  /** Shade blank cells too (a fresh template is all blanks, so off by default). */
  markBlanks?: boolean;
  /** Mark although Track Changes is on (the marks would show as tracked formatting). */
  markWhenTracking?: boolean;
}

export type CheckOutcome =
  | { status: "checked"; result: CheckResult; marked: number; commented: boolean; state: AnnotationState }
  /** Track Changes is on: checked, nothing written; ask the user. */
  | { status: "trackChanges"; result: CheckResult; state: AnnotationState };

const normalFill = (color: string | null | undefined) => (color ?? "").replace(/^#/, "").toUpperCase();
const asColor = (fill: string) => `#${fill || "FFFFFF"}`;

async function readState(host: WordHost): Promise<AnnotationState> {
  const xml = await host.state.read();
  if (!xml) return EMPTY_STATE;
  // The XML parser is loaded when a part is there to read, off the pane's start-up script.
  const { parseState } = await import(/* webpackChunkName: "state" */ "../util/annotationPart");
  return parseState(xml);
}

/** Starts reading the state alongside Word's first sync; a failure surfaces where it is awaited, not as unhandled. */
function readStateAlongside(host: WordHost): Promise<AnnotationState> {
  const pending = readState(host);
  pending.catch(() => undefined);
  return pending;
}

type ControlItem = Word.ContentControl;

/** The cell's fill before any mark of ours: from the record if the cell still shows our colour. */
function originalFill(control: ControlItem, previous: readonly MarkRecord[]): string {
  if (control.parentTableCellOrNullObject.isNullObject) return "";
  const current = normalFill(control.parentTableCellOrNullObject.shadingColor);
  const record = previous.find((mark) => mark.cell === control.tag);
  return record && current === MARK_FILLS[record.severity] ? record.fill : current;
}

/** Queues putting back the fills of earlier marks that still show our colour, and deleting our comments. */
function queueClear(controls: readonly ControlItem[], comments: Word.CommentCollection | null, state: AnnotationState): number {
  let restored = 0;
  for (const record of state.marks) {
    for (const control of controls.filter((candidate) => candidate.tag === record.cell)) {
      const cell = control.parentTableCellOrNullObject;
      if (cell.isNullObject || normalFill(cell.shadingColor) !== MARK_FILLS[record.severity]) continue;
      cell.shadingColor = asColor(record.fill);
      restored++;
    }
  }
  for (const comment of comments?.items ?? []) if (comment.content.startsWith(COMMENT_PREFIX)) comment.delete();
  return restored;
}

function loadForMarks(context: Word.RequestContext, withComments: boolean) {
  const controls = context.document.body.contentControls;
  controls.load("items/tag,items/text,items/parentTableCellOrNullObject/shadingColor");
  const comments = withComments ? context.document.body.getComments() : null;
  comments?.load("items/content");
  return { controls, comments };
}

/** Reads every cell, checks, and marks the cells in one more sync. Two syncs whatever the number of findings. */
export async function checkAndMark(host: WordHost, options: CheckOptions = {}): Promise<CheckOutcome> {
  requireTables(host);
  const { comments: withComments } = capabilities(host);
  const statePromise = readStateAlongside(host);
  return guarded(host, async () => {
    const outcome = await host.run(async (context) => {
      const { controls, comments } = loadForMarks(context, withComments);
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load("items/text,items/tableNestingLevel");
      if (withComments) context.document.load("changeTrackingMode");
      await context.sync();
      const state = await statePromise;

      const cells = controls.items.filter((control) => isCellId(control.tag));
      if (cells.length === 0) throw new AddinError("NO_TEMPLATE");
      const reading = readingFromControls({
        cells: cells.map((control) => ({ id: control.tag, text: control.text })),
        paragraphs: paragraphs.items.filter((paragraph) => paragraph.tableNestingLevel === 0).map((paragraph) => paragraph.text),
        dismissed: state.dismissals.map((dismissal) => dismissal.key),
      });
      const result = checkReport(reading);
      if (withComments && context.document.changeTrackingMode !== "Off" && !options.markWhenTracking) {
        return { status: "trackChanges" as const, result, state };
      }

      const fills = new Map(cells.map((control) => [control, originalFill(control, state.marks)]));
      queueClear(cells, comments, state);
      const records: MarkRecord[] = [];
      for (const mark of cellsToMark(result.findings, { markBlanks: options.markBlanks })) {
        cells
          .filter((control) => control.tag === mark.cell && !control.parentTableCellOrNullObject.isNullObject)
          .forEach((control, copy) => {
            control.parentTableCellOrNullObject.shadingColor = asColor(MARK_FILLS[mark.severity]);
            if (withComments && copy === 0 && mark.findings.length > 0) control.getRange("Whole").insertComment(commentText(mark));
            records.push({ cell: mark.cell, severity: mark.severity, comment: null, fill: fills.get(control) ?? "FFFFFF", at: null });
          });
      }
      await context.sync();
      return {
        status: "checked" as const,
        result,
        marked: records.length,
        commented: withComments,
        state: { marks: records, dismissals: state.dismissals },
      };
    });
    if (outcome.status === "checked") await writeState(host, outcome.state);
    return outcome;
  });
}

async function writeState(host: WordHost, state: AnnotationState): Promise<void> {
  await host.state.write(state.marks.length === 0 && state.dismissals.length === 0 ? null : serializeState(state));
}

// ---------------------------------------------------------------------------------------------------------------
// Clear, select, dismiss

/** Removes exactly our marks: fills that still show our colour go back, our comments go. Two syncs. */
export async function clearMarks(host: WordHost): Promise<{ removed: number }> {
  requireTables(host);
  const { comments: withComments } = capabilities(host);
  const statePromise = readStateAlongside(host);
  return guarded(host, async () => {
    const { removed, dismissals } = await host.run(async (context) => {
      const { controls, comments } = loadForMarks(context, withComments);
      await context.sync();
      const state = await statePromise;
      const count = queueClear(controls.items, comments, state);
      await context.sync();
      return { removed: count, dismissals: state.dismissals };
    });
    await writeState(host, { marks: [], dismissals });
    return { removed };
  });
}

/** Scrolls to a cell and selects its content control. One sync. */
export function selectCell(host: WordHost, cellId: string): Promise<void> {
  return guarded(host, () =>
    host.run(async (context) => {
      context.document.contentControls.getByTag(cellId).getFirst().select("Select");
      try {
        await context.sync();
      } catch (error) {
        if ((error as { code?: string }).code === "ItemNotFound") throw new AddinError("CELL_NOT_FOUND");
        throw error;
      }
    }),
  );
}

/** Records (reason given) or withdraws (null) the user's dismissal of a finding, in the document. */
export async function setDismissal(host: WordHost, key: string, reason: string | null, today = new Date()): Promise<AnnotationState> {
  const state = await readState(host);
  const others = state.dismissals.filter((dismissal) => dismissal.key !== key);
  const added: Dismissal[] = reason === null ? [] : [{ key, reason, date: today.toISOString().slice(0, 10) }];
  const next = { marks: state.marks, dismissals: [...others, ...added] };
  await guarded(host, () => writeState(host, next));
  return next;
}
