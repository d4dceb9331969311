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
import { formatCells, isCellId } from "../domain/cells";
import { FORMATS } from "../domain/formats";
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

export function requireTables(host: WordHost): void {
  if (!host.supports("1.3")) throw new AddinError("OLD_WORD");
}

export async function guarded<T>(host: WordHost, work: () => Promise<T>): Promise<T> {
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
  /** How many cell-id controls the template holds: counted after inserting, to tell a failed insert. */
  expectedCells?: number;
  /** Insert although the document already holds a report template. */
  allowSecond?: boolean;
}

/** Where the template went: after the paragraph with the cursor, or at the end of the body (the cursor was somewhere it cannot go). */
export type InsertPlace = "atEmptyParagraph" | "afterParagraph" | "endOfBody";

export type InsertOutcome = { status: "inserted"; place: InsertPlace } | { status: "exists" };

/**
 * Inserts the template into a new empty paragraph after the one with the cursor, never inside another structure:
 * insertOoxml at a cursor mid-paragraph, in a table cell, in a content control or in a header merges or nests the
 * template (and its headings then sit in a table). Where the cursor is in a table, a control or outside the main
 * body, the template goes at the end of the body. The cell-id controls are counted in the same batch: a count that
 * is not the template's is a failed insert. Two syncs.
 */
export async function insertTemplate(host: WordHost, request: InsertRequest): Promise<InsertOutcome> {
  requireTables(host);
  return guarded(host, () =>
    host.run(async (context) => {
      const existing = context.document.body.contentControls;
      existing.load("items/tag");
      const selection = context.document.getSelection();
      // api_set: WordApi 1.3 (parentTableOrNullObject, parentContentControlOrNullObject, Body.type)
      // Navigation properties return proxy objects without a load (the rule below takes them for scalar reads).
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const table = selection.parentTableOrNullObject;
      table.load("rowCount");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const control = selection.parentContentControlOrNullObject;
      control.load("tag");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const body = selection.parentBody;
      body.load("type");
      const paragraph = selection.paragraphs.getLast();
      paragraph.load("text");
      await context.sync();
      const before = existing.items.filter((item) => isCellId(item.tag)).length;
      if (!request.allowSecond && before > 0) return { status: "exists" as const };

      const free = table.isNullObject && control.isNullObject && body.type === "MainDoc";
      const empty = free && paragraph.text.trim() === "";
      const place: InsertPlace = !free ? "endOfBody" : empty ? "atEmptyParagraph" : "afterParagraph";
      // An empty paragraph takes the template itself; any other gets a new empty paragraph after it.
      const target = !free ? context.document.body.insertParagraph("", "End") : empty ? paragraph : paragraph.insertParagraph("", "After");
      target.insertOoxml(request.ooxml, "Replace");
      const after = context.document.body.contentControls;
      after.load("items/tag");
      await context.sync();
      const added = after.items.filter((item) => isCellId(item.tag)).length - before;
      if (request.expectedCells !== undefined && added !== request.expectedCells) {
        throw new AddinError("INSERT_FAILED", `应有 ${request.expectedCells} 个单元格，实际插入 ${added} 个`);
      }
      return { status: "inserted" as const, place };
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

/** What could not be done, said in the pane without failing the operation. */
export type AdapterNote =
  | { kind: "commentsFailed"; detail: string }
  | { kind: "noCommentsApi" }
  | { kind: "fillsUnread" }
  | { kind: "stateUnread" }
  | { kind: "stateInSettings" }
  | { kind: "stateUnsaved" };

/** Every outcome of a check carries the cells' texts as read (id → text), for the export of the figures. */
export type CheckOutcome = (
  | { status: "checked"; result: CheckResult; marked: number; commented: boolean; state: AnnotationState; notes: AdapterNote[] }
  /** Track Changes is on: checked, nothing written; ask the user. */
  | { status: "trackChanges"; result: CheckResult; state: AnnotationState; notes: AdapterNote[] }
) & { cells: ReadonlyMap<string, string> };

const normalFill = (color: string | null | undefined) => (color ?? "").replace(/^#/, "").toUpperCase();
const asColor = (fill: string) => `#${fill || "FFFFFF"}`;
/** A colour as Word may give it back: only "#RRGGBB" is trusted; "", null or a name (office-js #4632) is unknown. */
const HEX_COLOR = /^#?[0-9A-F]{6}$/i;
/** The template's explicit fill: what a cell-id cell holds when its fill cannot be read. */
const TEMPLATE_FILL = "FFFFFF";
const OUR_FILLS = new Set(Object.values(MARK_FILLS));
/** Every cell id of every format: the tags whose cells' fills are read (never a user's control in an unshaded cell). */
const ALL_CELL_IDS = [...new Set(FORMATS.flatMap((format) => formatCells(format).map((cell) => cell.id)))];

interface StateRead {
  state: AnnotationState;
  notes: AdapterNote[];
}

/**
 * The annotations record: from the custom XML part, else from the document's settings (where it goes when the part
 * cannot be written, office-js #5910). A failed read is an empty record and a note, never a failed check.
 */
async function readState(host: WordHost): Promise<StateRead> {
  try {
    const xml = (await host.state.read()) ?? (host.settingsState ? await host.settingsState.read() : null);
    if (!xml) return { state: EMPTY_STATE, notes: [] };
    // The XML parser is loaded when a part is there to read, off the pane's start-up script.
    const { parseState } = await import(/* webpackChunkName: "state" */ "../util/annotationPart");
    return { state: parseState(xml), notes: [] };
  } catch {
    return { state: EMPTY_STATE, notes: [{ kind: "stateUnread" }] };
  }
}

/**
 * Writes the record to the part and reads it back (a write on the web can fail silently, office-js #5910); where
 * that does not hold, to the document's settings, saved with the document.
 */
async function writeState(host: WordHost, state: AnnotationState): Promise<AdapterNote[]> {
  const xml = state.marks.length === 0 && state.dismissals.length === 0 ? null : serializeState(state);
  try {
    await host.state.write(xml);
    if ((await host.state.read()) === xml) {
      await host.settingsState?.write(null).catch(() => undefined);
      return [];
    }
  } catch (error) {
    if (toAddinError(error, safeReadOnly(host)).code === "READ_ONLY") throw error;
  }
  if (!host.settingsState) return [{ kind: "stateUnsaved" }];
  try {
    await host.settingsState.write(xml);
    return xml === null ? [] : [{ kind: "stateInSettings" }];
  } catch {
    return [{ kind: "stateUnsaved" }];
  }
}

type ControlItem = Word.ContentControl;

interface CellFills {
  /** By tag: the fill of each copy's table cell, "" for a copy outside a table or whose fill is unknown. */
  byTag: Map<string, string[]>;
  read: boolean;
}

/**
 * Loads, in the batch of the first sync, the fills of the cells of controls tagged with cell ids, and only those
 * (api_set: WordApi 1.3). Loading shadingColor of a cell without fill throws on Word on the web (office-js #3479);
 * template cells carry an explicit fill, and a user's own control in an unshaded cell is never loaded.
 */
function loadFills(context: Word.RequestContext) {
  return ALL_CELL_IDS.map((id) => {
    const copies = context.document.body.contentControls.getByTag(id);
    copies.load("items/parentTableCellOrNullObject/shadingColor");
    return { id, copies };
  });
}

function fillsOf(loaded: ReturnType<typeof loadFills> | null): CellFills {
  const byTag = new Map<string, string[]>();
  if (!loaded) return { byTag, read: false };
  for (const { id, copies } of loaded) {
    const fills = copies.items.map((control) => {
      const cell = control.parentTableCellOrNullObject;
      if (cell.isNullObject) return "";
      return HEX_COLOR.test(cell.shadingColor ?? "") ? normalFill(cell.shadingColor) : TEMPLATE_FILL;
    });
    byTag.set(id, fills);
  }
  return { byTag, read: true };
}

/** The first sync: what every operation reads, with the fills if Word lets them be read, else without. */
async function firstRead<T>(context: Word.RequestContext, queueReads: () => T): Promise<{ reads: T; fills: CellFills }> {
  const reads = queueReads();
  const fills = loadFills(context);
  try {
    await context.sync();
    return { reads, fills: fillsOf(fills) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "AccessDenied" || code === "ItemNotFound") throw error;
    // The fills could not be read (the web bug above, or a build that refuses them): read the rest again without.
    const again = queueReads();
    await context.sync();
    return { reads: again, fills: fillsOf(null) };
  }
}

function loadControls(context: Word.RequestContext) {
  const controls = context.document.body.contentControls;
  // api_set: WordApi 1.3. rowIndex only tells whether the control sits in a table cell; the fill is read apart.
  controls.load("items/tag,items/text,items/parentTableCellOrNullObject/rowIndex");
  return controls;
}

/** The fill a marked cell had before any mark of ours: the record's where the cell still shows our colour. */
function originalFill(tag: string, current: string, previous: readonly MarkRecord[]): string {
  const record = previous.find((mark) => mark.cell === tag);
  return record && current === MARK_FILLS[record.severity] ? record.fill : current;
}

/**
 * Queues putting back our colours: a recorded mark's cell to its recorded fill, and any cell-id cell that shows
 * exactly one of our colours (a mark whose record was lost) to the template's white. A colour the user chose stays.
 */
function queueClearFills(cells: readonly ControlItem[], fills: CellFills, state: AnnotationState): number {
  let restored = 0;
  const seen = new Map<string, number>();
  for (const control of cells) {
    if (control.parentTableCellOrNullObject.isNullObject) continue;
    const copy = seen.get(control.tag) ?? 0;
    seen.set(control.tag, copy + 1);
    const current = fills.read ? (fills.byTag.get(control.tag)?.[copy] ?? "") : null;
    const record = state.marks.find((mark) => mark.cell === control.tag);
    // Fills unknown: only recorded cells are put back (their mark is known to be ours).
    if (current === null ? !record : !OUR_FILLS.has(current)) continue;
    control.parentTableCellOrNullObject.shadingColor = asColor(record ? record.fill : TEMPLATE_FILL);
    restored++;
  }
  return restored;
}

function queueDeleteOurComments(comments: Word.CommentCollection | null): number {
  let deleted = 0;
  for (const comment of comments?.items ?? []) {
    if (!comment.content.startsWith(COMMENT_PREFIX)) continue;
    comment.delete();
    deleted++;
  }
  return deleted;
}

function loadComments(context: Word.RequestContext, withComments: boolean): Word.CommentCollection | null {
  if (!withComments) return null;
  // api_set: WordApi 1.4
  const comments = context.document.body.getComments();
  comments.load("items/content");
  return comments;
}

/**
 * Reads every cell and checks (sync 1, with the fills); shades the cells and removes our old comments (sync 2);
 * writes the record; adds the comments (sync 3), whose failure is a note, not a failed check. Three syncs
 * whatever the number of findings (four only when Word refuses to give the fills and the read is repeated).
 */
export async function checkAndMark(host: WordHost, options: CheckOptions = {}): Promise<CheckOutcome> {
  requireTables(host);
  const { comments: withComments } = capabilities(host);
  // Read alongside Word's first sync; readState never rejects.
  const statePromise = readState(host);
  return guarded(host, async () => {
    const notes: AdapterNote[] = withComments ? [] : [{ kind: "noCommentsApi" }];
    const outcome = await host.run(async (context) => {
      const { reads, fills } = await firstRead(context, () => {
        const controls = loadControls(context);
        const comments = loadComments(context, withComments);
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text,items/tableNestingLevel");
        // api_set: WordApi 1.4
        if (withComments) context.document.load("changeTrackingMode");
        return { controls, comments, paragraphs };
      });
      if (!fills.read) notes.push({ kind: "fillsUnread" });
      const { state, notes: stateNotes } = await statePromise;
      notes.push(...stateNotes);

      const cells = reads.controls.items.filter((control) => isCellId(control.tag));
      if (cells.length === 0) throw new AddinError("NO_TEMPLATE");
      const reading = readingFromControls({
        cells: cells.map((control) => ({ id: control.tag, text: control.text })),
        paragraphs: reads.paragraphs.items.filter((paragraph) => paragraph.tableNestingLevel === 0).map((paragraph) => paragraph.text),
        dismissed: state.dismissals.map((dismissal) => dismissal.key),
      });
      const result = checkReport(reading);
      const texts = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
      if (withComments && context.document.changeTrackingMode !== "Off" && !options.markWhenTracking) {
        return { status: "trackChanges" as const, result, state, cells: texts };
      }

      queueClearFills(cells, fills, state);
      queueDeleteOurComments(reads.comments);
      const records: MarkRecord[] = [];
      const toComment: { control: ControlItem; text: string }[] = [];
      for (const mark of cellsToMark(result.findings, { markBlanks: options.markBlanks })) {
        const copies = cells.filter((control) => control.tag === mark.cell && !control.parentTableCellOrNullObject.isNullObject);
        copies.forEach((control, copy) => {
          const current = fills.byTag.get(control.tag)?.[copy] ?? TEMPLATE_FILL;
          control.parentTableCellOrNullObject.shadingColor = asColor(MARK_FILLS[mark.severity]);
          if (withComments && copy === 0 && mark.findings.length > 0) toComment.push({ control, text: commentText(mark) });
          records.push({
            cell: mark.cell,
            severity: mark.severity,
            comment: null,
            fill: originalFill(control.tag, current, state.marks),
            at: null,
          });
        });
      }
      await context.sync();
      const marked = { marks: records, dismissals: state.dismissals };
      notes.push(...(await writeState(host, marked)));
      // Comments last, in their own sync: a Word that refuses them (NotAllowed on some web builds, office-js #6746)
      // keeps the shading and the record, and the pane says so.
      for (const { control, text } of toComment) control.getRange("Whole").insertComment(text);
      if (toComment.length > 0) {
        try {
          await context.sync();
        } catch (error) {
          notes.push({ kind: "commentsFailed", detail: (error as Error).message ?? String(error) });
        }
      }
      return {
        status: "checked" as const,
        result,
        marked: records.length,
        commented: withComments,
        state: marked,
        toComment,
        cells: texts,
      };
    });
    if (outcome.status === "trackChanges")
      return { status: outcome.status, result: outcome.result, state: outcome.state, notes, cells: outcome.cells };
    return {
      cells: outcome.cells,
      status: outcome.status,
      result: outcome.result,
      marked: outcome.marked,
      commented: outcome.commented && !notes.some((note) => note.kind === "commentsFailed"),
      state: outcome.state,
      notes,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Clear, select, dismiss

/**
 * Removes exactly our marks: recorded fills that still show our colour go back, any cell-id cell that shows one of
 * our colours goes back to the template's white, our comments go. Two syncs.
 */
export async function clearMarks(host: WordHost): Promise<{ removed: number; notes: AdapterNote[] }> {
  requireTables(host);
  const { comments: withComments } = capabilities(host);
  const statePromise = readState(host);
  return guarded(host, async () => {
    const notes: AdapterNote[] = [];
    const { removed, dismissals } = await host.run(async (context) => {
      const { reads, fills } = await firstRead(context, () => ({
        controls: loadControls(context),
        comments: loadComments(context, withComments),
      }));
      if (!fills.read) notes.push({ kind: "fillsUnread" });
      const { state, notes: stateNotes } = await statePromise;
      notes.push(...stateNotes);
      const cells = reads.controls.items.filter((control) => isCellId(control.tag));
      const count = queueClearFills(cells, fills, state);
      queueDeleteOurComments(reads.comments);
      await context.sync();
      return { removed: count, dismissals: state.dismissals };
    });
    notes.push(...(await writeState(host, { marks: [], dismissals })));
    return { removed, notes };
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
  const { state } = await readState(host);
  const others = state.dismissals.filter((dismissal) => dismissal.key !== key);
  const added: Dismissal[] = reason === null ? [] : [{ key, reason, date: today.toISOString().slice(0, 10) }];
  const next = { marks: state.marks, dismissals: [...others, ...added] };
  await guarded(host, () => writeState(host, next));
  return next;
}
