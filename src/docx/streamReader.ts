/**
 * Reading a report .docx for a check, as the XML streams by: no element tree, only the controls' texts, the
 * tables' cell texts and the paragraphs outside tables, which is all a check needs. A folder of a thousand reports
 * is then read at close to the cost of unzipping it.
 *
 * It gives exactly what `readDocx` in reader.ts gives from the tree, and where a document holds what it does not
 * follow (text boxes, alternate content, a table in a table, properties after content) it says so, and the caller
 * reads the document with the tree instead. Tests hold the two equal over the project's documents.
 */
import { isCellId } from "../domain/cells";
import type { Grid, GridRow, ReadOptions, ReportReading } from "../domain/reading";
import { scanXml, XmlError, type XmlEvents } from "../util/xml";
import { openDocx, partText, stateOf, xmlPartError } from "./package";
import { docxReading, type NestedControl } from "./docxReading";
import { isOffValue, NOT_SHOWN } from "./wordText";

/** What this reader leaves to the tree: text boxes and alternate content hold paragraphs in paragraphs. */
const LEFT_TO_TREE = new Set(["w:txbxContent", "mc:AlternateContent"]);

function attr(attrs: readonly string[], name: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

/** The text of one element as wordText makes it: paragraphs apart by "\n", none after the last. */
class TextCollector {
  text = "";
  private hasParts = false;
  private pendingBreak = false;

  add(piece: string): void {
    if (this.pendingBreak && this.hasParts) this.text += "\n";
    this.pendingBreak = false;
    this.hasParts = true;
    this.text += piece;
  }

  endParagraph(): void {
    this.pendingBreak = true;
  }
}

/** A run's shown pieces wait in it until the run closes: its properties may hide it (w:vanish). */
interface RunFrame {
  kind: "r";
  pieces: string[];
  hidden: boolean;
  seenProperties: boolean;
}

interface ControlFrame {
  kind: "sdt";
  /** The cell id of its tag, once read; null for a control whose tag is not one. */
  tag: string | null;
  /** Its text, where it is a cell (a control inside another cell's control is not). */
  collector: TextCollector | null;
  seenChild: boolean;
  seenProperties: boolean;
  showingPlaceholder: boolean;
}

type Frame =
  | ControlFrame
  | { kind: "sdtPr"; control: ControlFrame; seenTag: boolean; seenPlaceholder: boolean }
  | { kind: "p"; collector: TextCollector | null }
  | { kind: "tbl" }
  | { kind: "tr"; cells: GridRow["cells"]; where: GridRow["where"] }
  | { kind: "tc"; collector: TextCollector; continuation: boolean; seenProperties: boolean }
  | { kind: "tcPr"; cell: { continuation: boolean }; seenMerge: boolean }
  | RunFrame
  | { kind: "rPr"; run: { hidden: boolean }; seenVanish: boolean }
  | { kind: "t"; text: string }
  | { kind: "other" };

/** The elements this reader follows; the others only count for depth (and for skipping, see NOT_SHOWN). */
const FOLLOWED_NAMES = [
  "w:sdt",
  "w:sdtPr",
  "w:tag",
  "w:showingPlcHdr",
  "w:p",
  "w:tbl",
  "w:tr",
  "w:tc",
  "w:tcPr",
  "w:vMerge",
  "w:r",
  "w:rPr",
  "w:vanish",
  "w:t",
  "w:tab",
  "w:br",
  "w:cr",
] as const;
type Followed = (typeof FOLLOWED_NAMES)[number];
const FOLLOWED = new Set<string>(FOLLOWED_NAMES);
interface Role {
  followed: Followed | null;
  skipped: boolean;
}
/** What an element is to this reader, by name: one lookup an element (null: left to the tree). */
const ROLES = new Map<string, Role | null>([
  ...FOLLOWED_NAMES.map((name): [string, Role] => [name, { followed: name, skipped: NOT_SHOWN.has(name) }]),
  ...[...NOT_SHOWN].filter((name) => !FOLLOWED.has(name)).map((name): [string, Role] => [name, { followed: null, skipped: true }]),
  ...[...LEFT_TO_TREE].map((name): [string, null] => [name, null]),
]);
const OTHER: Frame = { kind: "other" };

/** Thrown inside the scan when the document holds what only the tree reader follows. */
class LeftToTree extends Error {}

class DocxStream implements XmlEvents {
  readonly cells: { id: string; collector: TextCollector }[] = [];
  readonly nested: NestedControl[] = [];
  readonly paragraphs: TextCollector[] = [];
  readonly tables: Grid[] = [];
  private readonly frames: Frame[] = [];
  private readonly collectors: TextCollector[] = [];
  private skipped = 0;
  private tableDepth = 0;
  private cellDepth = 0;
  /** The run open now (runs do not nest; one in another is left to the tree). */
  private run: RunFrame | null = null;
  private paragraphDepth = 0;

  open(name: string, attrs: readonly string[]): void {
    const parent = this.frames[this.frames.length - 1];
    if (parent?.kind === "t") throw new LeftToTree();
    if (parent?.kind === "sdt") {
      if (name === "w:sdtPr" && parent.seenChild) throw new LeftToTree();
      parent.seenChild = true;
    }
    const role = ROLES.get(name);
    if (role === undefined) {
      this.frames.push(OTHER);
      return;
    }
    if (role === null) throw new LeftToTree();
    if (role.skipped) this.skipped++;
    this.frames.push(role.followed ? this.frameFor(role.followed, attrs, parent) : OTHER);
  }

  private frameFor(name: Followed, attrs: readonly string[], parent: Frame | undefined): Frame {
    switch (name) {
      case "w:sdt":
        return this.openControl();
      case "w:sdtPr":
        if (parent?.kind !== "sdt" || parent.seenProperties) return OTHER;
        parent.seenProperties = true;
        return { kind: "sdtPr", control: parent, seenTag: false, seenPlaceholder: false };
      case "w:tag":
        if (parent?.kind === "sdtPr" && !parent.seenTag) {
          parent.seenTag = true;
          this.tagControl(parent.control, attr(attrs, "w:val"));
        }
        return OTHER;
      case "w:showingPlcHdr":
        if (parent?.kind === "sdtPr" && !parent.seenPlaceholder) {
          parent.seenPlaceholder = true;
          parent.control.showingPlaceholder = !isOffValue(attr(attrs, "w:val"));
        }
        return OTHER;
      case "w:p":
        return this.openParagraph();
      case "w:tbl":
        if (this.tableDepth > 0 || this.skipped > 0) throw new LeftToTree();
        this.tableDepth++;
        this.tables.push({ rows: [] });
        return { kind: "tbl" };
      case "w:tr":
        return this.openRow();
      case "w:tc":
        return this.openCell();
      case "w:tcPr":
        if (parent?.kind !== "tc" || parent.seenProperties) return OTHER;
        parent.seenProperties = true;
        return { kind: "tcPr", cell: parent, seenMerge: false };
      case "w:vMerge":
        if (parent?.kind === "tcPr" && !parent.seenMerge) {
          parent.seenMerge = true;
          parent.cell.continuation = attr(attrs, "w:val") !== "restart";
        } else if (parent?.kind === "tc") throw new LeftToTree();
        return OTHER;
      case "w:r":
        if (this.run) throw new LeftToTree();
        this.run = { kind: "r", pieces: [], hidden: false, seenProperties: false };
        return this.run;
      case "w:rPr":
        if (parent?.kind !== "r") return OTHER;
        if (parent.seenProperties || parent.pieces.length > 0) throw new LeftToTree();
        parent.seenProperties = true;
        return { kind: "rPr", run: parent, seenVanish: false };
      case "w:vanish":
        if (parent?.kind === "rPr" && !parent.seenVanish) {
          parent.seenVanish = true;
          parent.run.hidden = !isOffValue(attr(attrs, "w:val"));
        } else if (parent?.kind === "r") throw new LeftToTree();
        return OTHER;
      case "w:t":
        return { kind: "t", text: "" };
      case "w:tab":
      case "w:br":
      case "w:cr":
        this.piece(name === "w:tab" ? "\t" : "\n");
        return OTHER;
    }
  }

  private openControl(): ControlFrame {
    if (this.skipped > 0 || this.run !== null) throw new LeftToTree();
    return { kind: "sdt", tag: null, collector: null, seenChild: false, seenProperties: false, showingPlaceholder: false };
  }

  /** The tag names a cell: the control is one, unless it sits in another cell's control (then it is reported). */
  private tagControl(control: ControlFrame, tag: string | undefined): void {
    if (!tag || !isCellId(tag)) return;
    const outer = this.outerCellTag();
    control.tag = tag;
    if (outer) {
      this.nested.push({ outer, inner: tag });
      return;
    }
    control.collector = new TextCollector();
    this.collectors.push(control.collector);
    this.cells.push({ id: tag, collector: control.collector });
  }

  /** The tag of the nearest enclosing control tagged with a cell id (itself nested or not, as reader.ts has it). */
  private outerCellTag(): string | null {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (frame.kind === "sdt" && frame.tag) return frame.tag;
    }
    return null;
  }

  private openParagraph(): Frame {
    if (this.paragraphDepth > 0 || this.run !== null || this.skipped > 0) throw new LeftToTree();
    this.paragraphDepth++;
    if (this.tableDepth > 0) return { kind: "p", collector: null };
    const collector = new TextCollector();
    this.paragraphs.push(collector);
    this.collectors.push(collector);
    return { kind: "p", collector };
  }

  private openRow(): Frame {
    const table = this.tables[this.tables.length - 1];
    if (this.tableDepth === 0 || !table || this.cellDepth > 0) throw new LeftToTree();
    const where = { kind: "tableRow" as const, table: this.tables.length, row: table.rows.length + 1 };
    const row: GridRow = { cells: [], where };
    table.rows.push(row);
    return { kind: "tr", cells: row.cells, where };
  }

  private openCell(): Frame {
    if (this.tableDepth === 0 || this.cellDepth > 0 || this.skipped > 0 || this.run !== null) throw new LeftToTree();
    this.cellDepth++;
    const collector = new TextCollector();
    this.collectors.push(collector);
    return { kind: "tc", collector, continuation: false, seenProperties: false };
  }

  /** A piece of shown text, to every element collecting now, or to its run until the run is known shown. */
  private piece(text: string): void {
    if (this.skipped > 0) return;
    if (this.run) this.run.pieces.push(text);
    else for (const collector of this.collectors) collector.add(text);
  }

  text(text: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.kind === "t") frame.text += text;
  }

  close(name: string): void {
    const frame = this.frames.pop()!;
    if (ROLES.get(name)?.skipped) this.skipped--;
    switch (frame.kind) {
      case "t":
        // Its whole text is one piece; an empty one still counts (wordText pushes it).
        this.piece(frame.text);
        break;
      case "r":
        this.run = null;
        if (!frame.hidden) for (const piece of frame.pieces) for (const collector of this.collectors) collector.add(piece);
        break;
      case "sdt":
        if (frame.collector) {
          this.drop(frame.collector);
          if (frame.showingPlaceholder) frame.collector.text = "";
        }
        break;
      case "p":
        this.paragraphDepth--;
        if (frame.collector) this.drop(frame.collector);
        for (const collector of this.collectors) collector.endParagraph();
        break;
      case "tc":
        this.cellDepth--;
        this.drop(frame.collector);
        if (!frame.continuation) this.closeCell(frame.collector.text);
        break;
      case "tbl":
        this.tableDepth--;
        break;
      default:
        break;
    }
  }

  private closeCell(text: string): void {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (frame.kind === "tr") {
        frame.cells.push({ text, where: frame.where });
        return;
      }
    }
  }

  private drop(collector: TextCollector): void {
    const index = this.collectors.lastIndexOf(collector);
    if (index >= 0) this.collectors.splice(index, 1);
  }
}

/** The parts a check reads: the others are counted against the zip's limits but never inflated. */
function isCheckedPart(path: string): boolean {
  return path === "[Content_Types].xml" || path === "_rels/.rels" || path === "word/document.xml" || /^customXml\/item\d+\.xml$/.test(path);
}

/**
 * The reading a check needs, streamed; null where the document holds what only the tree reader follows, or keeps
 * its main part elsewhere than word/document.xml. Errors are those of the tree reader, word for word.
 */
export function streamDocxReport(bytes: Uint8Array, options: ReadOptions = {}): ReportReading | null {
  const pkg = openDocx(bytes, undefined, isCheckedPart);
  if (!pkg.files.has(pkg.mainPart)) return null;
  const xml = partText(pkg, pkg.mainPart)!;
  let stream: DocxStream;
  try {
    stream = scanXml(xml, () => new DocxStream());
  } catch (error) {
    if (error instanceof LeftToTree) return null;
    if (error instanceof XmlError) throw xmlPartError(pkg.mainPart, error);
    throw error;
  }
  const found = {
    cells: stream.cells.map((cell) => ({ id: cell.id, text: cell.collector.text })),
    nested: stream.nested,
    paragraphs: stream.paragraphs.map((collector) => collector.text),
    tables: () => stream.tables,
    dismissed: stateOf(pkg).state.dismissals.map((dismissal) => dismissal.key),
  };
  return docxReading(found, options).reading;
}
