/**
 * A fake of the part of Word's object model the adapter uses, faithful where mistakes hide: every property read
 * throws until it was loaded and a context.sync() ran; writes and methods are queued and run at the next sync, in
 * order; syncs are counted. The document behind it is built from the same OOXML the add-in inserts, so its
 * content controls sit in real table cells with real fills. Used by the adapter tests and, in the browser, by the
 * end-to-end stand-in for office.js.
 */
import { ancestor, child, descendants, parseXml, type XmlElement } from "../../src/util/xml";
import { wordText } from "../../src/docx/wordText";
import type { StateStore, WordHost } from "../../src/word/host";

export interface CellModel {
  span: number;
  /** "restart" | "continue" | null */
  vMerge: string | null;
  /** "#RRGGBB", or null for a cell with no w:shd (no fill at all). */
  fill: string | null;
  label: string;
  control: ControlModel | null;
}

export interface ControlModel {
  id: number;
  tag: string;
  title: string;
  text: string;
  cell: CellModel | null;
}

export type Block = { kind: "paragraph"; text: string; control?: ControlModel } | { kind: "table"; rows: CellModel[][] };

/**
 * Word as it behaves on the web and in older builds, each a switch a test turns on (office-js threads by number):
 * - unfilledShading: what reading shadingColor of a cell without fill gives: "" or null (#4632), or "throw"
 *   (a GeneralException that fails the sync, #3479);
 * - colorNames: colours read back as names ("white"), as the type docs allow ("#RRGGBB or color name");
 * - commentAnchors: a control's text carries \u0005 for each comment anchored in it (#2114, #2258);
 * - insertCommentFails: Range.insertComment fails with NotAllowed (#6746);
 * - stateReadFails / stateWriteSilentlyFails / stateRefusesDeclaration: the custom XML part (#5910, #1742, #1643).
 */
export interface WebBugs {
  unfilledShading: "" | null | "throw";
  colorNames: boolean;
  commentAnchors: boolean;
  insertCommentFails: boolean;
  stateReadFails: boolean;
  stateWriteSilentlyFails: boolean;
  stateRefusesDeclaration: boolean;
}

export const NO_WEB_BUGS: WebBugs = {
  unfilledShading: "",
  colorNames: false,
  commentAnchors: false,
  insertCommentFails: false,
  stateReadFails: false,
  stateWriteSilentlyFails: false,
  stateRefusesDeclaration: false,
};

export const ALL_WEB_BUGS: WebBugs = {
  unfilledShading: "throw",
  colorNames: true,
  commentAnchors: true,
  insertCommentFails: true,
  stateReadFails: true,
  stateWriteSilentlyFails: true,
  stateRefusesDeclaration: true,
};

const COLOR_NAMES: Record<string, string> = { "#FFFFFF": "white", "#FFFF00": "yellow", "#000000": "black" };

export interface CommentModel {
  id: string;
  content: string;
  control: ControlModel | null;
}

export class FakeWordError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The document: blocks in order, comments, custom XML parts, and the switches tests flip. */
export class FakeDocument {
  blocks: Block[] = [{ kind: "paragraph", text: "" }];
  comments: CommentModel[] = [];
  customXmlParts: { id: string; xml: string }[] = [];
  changeTrackingMode: "Off" | "TrackAll" | "TrackMineOnly" = "Off";
  readOnly = false;
  selected: ControlModel | null = null;
  /** Where the cursor is: before this block. */
  cursor = 0;
  /**
   * What the cursor is in. Word merges or nests an insertOoxml made there (the template's headings end up in a
   * table, its cells inside a control, or the whole of it in a header): the fake puts such an insert in `elsewhere`,
   * out of the body, so that only a count of the cells tells it happened.
   */
  cursorIn: "body" | "midParagraph" | "table" | "control" | "header" = "body";
  /** Blocks that went into a header, a table cell or a control: not part of the body. */
  elsewhere: Block[] = [];
  private nextId = 1;
  private nextComment = 1;

  controls(): ControlModel[] {
    return this.blocks.flatMap((block) =>
      block.kind === "table"
        ? block.rows.flatMap((row) => row.flatMap((cell) => (cell.control ? [cell.control] : [])))
        : block.control
          ? [block.control]
          : [],
    );
  }

  /** A user's own content control: in a paragraph outside the tables, or in a new one-cell table with no fill. */
  addUserControl(tag: string, text: string, where: "paragraph" | "unfilledCell"): ControlModel {
    const control: ControlModel = { id: this.nextId++, tag, title: "", text, cell: null };
    if (where === "paragraph") {
      this.blocks.push({ kind: "paragraph", text, control });
    } else {
      const cell: CellModel = { span: 1, vMerge: null, fill: null, label: "", control };
      control.cell = cell;
      this.blocks.push({ kind: "table", rows: [[cell]] });
    }
    return control;
  }

  paragraphs(): { text: string; inTable: boolean }[] {
    return this.blocks.flatMap((block): { text: string; inTable: boolean }[] =>
      block.kind === "paragraph"
        ? [{ text: block.text, inTable: false }]
        : block.rows.flatMap((row) => row.map((cell) => ({ text: cell.control?.text ?? cell.label, inTable: true }))),
    );
  }

  control(tag: string): ControlModel | undefined {
    return this.controls().find((control) => control.tag === tag);
  }

  /** Types into a cell as a user would (replacing what was there). */
  type(tag: string, text: string): void {
    const control = this.control(tag);
    if (!control) throw new Error(`no control ${tag}`);
    control.text = text;
  }

  addComment(control: ControlModel | null, content: string): CommentModel {
    const comment = { id: String(this.nextComment++), content, control };
    this.comments.push(comment);
    return comment;
  }

  /** An insertOoxml at the selection: in the body at the cursor, or nested where the cursor is not in the body. */
  insertAtSelection(ooxml: string, replaceEmpty: boolean): void {
    if (this.cursorIn === "body") return this.insertOoxml(ooxml, replaceEmpty);
    const saved = this.blocks;
    this.blocks = [];
    this.cursor = 0;
    this.insertOoxml(ooxml, false);
    this.elsewhere.push(...this.blocks);
    this.blocks = saved;
  }

  /** A new empty paragraph after the cursor's paragraph (Paragraph.insertParagraph("", "After")): its index. */
  paragraphAfterCursor(): number {
    const at = Math.min(this.cursor + 1, this.blocks.length);
    this.blocks.splice(at, 0, { kind: "paragraph", text: "" });
    return at;
  }

  /** Replaces the empty paragraph at `index` with the package's body (Paragraph.insertOoxml(…, "Replace")). */
  replaceParagraph(index: number, ooxml: string): void {
    this.cursor = index;
    this.insertOoxml(ooxml, true);
  }

  /** Inserts a flat-OPC package's body at the cursor; "Replace" swaps an empty paragraph at the cursor. */
  insertOoxml(ooxml: string, replaceEmpty: boolean): void {
    const root = parseXml(ooxml);
    const data = [...descendants(root, "pkg:part")].find((part) => part.attrs.get("pkg:name") === "/word/document.xml");
    const xmlData = data ? [...descendants(data, "pkg:xmlData")][0] : undefined;
    if (!xmlData) throw new FakeWordError("InvalidArgument", "no /word/document.xml part");
    const body = [...descendants(root, "w:body")][0]!;
    const blocks = body.children.flatMap((element) => this.block(ooxml, element));
    const at = Math.min(this.cursor, this.blocks.length);
    const replace = replaceEmpty && this.blocks[at]?.kind === "paragraph" && (this.blocks[at] as { text: string }).text === "";
    this.blocks.splice(at, replace ? 1 : 0, ...blocks);
    this.cursor = at + blocks.length;
  }

  private block(xml: string, element: XmlElement): Block[] {
    if (element.name === "w:p") return [{ kind: "paragraph", text: wordText(element) }];
    if (element.name !== "w:tbl") return [];
    const rows = [...descendants(element, "w:tr")].map((tr) =>
      [...descendants(tr, "w:tc")].filter((tc) => ancestor(tc, "w:tr") === tr).map((tc) => this.cell(xml, tc)),
    );
    return [{ kind: "table", rows }];
  }

  private cell(xml: string, tc: XmlElement): CellModel {
    const tcPr = child(tc, "w:tcPr");
    const vMerge = tcPr ? child(tcPr, "w:vMerge") : undefined;
    const cell: CellModel = {
      span: Number(tcPr && child(tcPr, "w:gridSpan")?.attrs.get("w:val")) || 1,
      vMerge: vMerge ? (vMerge.attrs.get("w:val") ?? "continue") : null,
      fill: tcPr && child(tcPr, "w:shd")?.attrs.get("w:fill") ? `#${child(tcPr, "w:shd")!.attrs.get("w:fill")}`.toUpperCase() : null,
      label: "",
      control: null,
    };
    const sdt = [...descendants(tc, "w:sdt")][0];
    if (sdt) {
      const sdtPr = child(sdt, "w:sdtPr")!;
      cell.control = {
        id: this.nextId++,
        tag: child(sdtPr, "w:tag")?.attrs.get("w:val") ?? "",
        title: child(sdtPr, "w:alias")?.attrs.get("w:val") ?? "",
        text: wordText(child(sdt, "w:sdtContent") ?? sdt),
        cell,
      };
    } else {
      cell.label = wordText(tc);
    }
    return cell;
  }
}

/** Proxies for loaded values: reading before load and sync throws, as in Office.js. */
class Proxy {
  private readonly values = new Map<string, unknown>();
  constructor(protected readonly context: FakeContext) {}

  protected value<T>(name: string): T {
    if (!this.values.has(name)) {
      throw new FakeWordError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.values.get(name) as T;
  }

  /** Overridden by each proxy: reads a scalar from the model when the queued load runs. */
  protected read(_name: string): unknown {
    throw new FakeWordError("InvalidArgument", `cannot load ${_name}`);
  }

  /** Navigation properties (parentTableCellOrNullObject …) */
  protected navigate(_name: string): Proxy | null {
    return null;
  }

  /** load("a,b/c") or load(["a"]): queued; values arrive at the next sync. */
  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? "").split(",")).map((path) => path.trim()).filter((path) => path !== "");
    this.context.enqueue(() => this.snapshot(paths));
    return this;
  }

  snapshot(paths: readonly string[]): void {
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      const navigation = this.navigate(head!);
      if (navigation) {
        this.values.set(head!, navigation);
        navigation.snapshot(rest.length > 0 ? [rest.join("/")] : []);
      } else {
        this.values.set(head!, this.read(head!));
      }
    }
  }

  /** A value set by a write: readable at once, as Office.js keeps what you set. */
  protected remember(name: string, value: unknown): void {
    this.values.set(name, value);
  }
}

class CellProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly cell: CellModel | null,
  ) {
    super(context);
  }
  protected override read(name: string): unknown {
    if (name === "isNullObject") return this.cell === null;
    if (this.cell === null) return undefined;
    if (name === "rowIndex") return 0;
    if (name === "shadingColor") {
      const bugs = this.context.world.web;
      if (this.cell.fill === null) {
        if (bugs.unfilledShading === "throw")
          throw new FakeWordError("GeneralException", "GeneralException: shadingColor of a cell without fill");
        return bugs.unfilledShading;
      }
      return bugs.colorNames ? (COLOR_NAMES[this.cell.fill] ?? this.cell.fill) : this.cell.fill;
    }
    return super.read(name);
  }
  override snapshot(paths: readonly string[]): void {
    super.snapshot(["isNullObject", ...paths]);
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get shadingColor(): string {
    return this.value("shadingColor");
  }
  set shadingColor(color: string) {
    const cell = this.cell;
    this.context.enqueue(() => {
      if (!cell) throw new FakeWordError("ItemNotFound", "the control is not in a table cell");
      this.context.write(() => (cell.fill = color.toUpperCase()));
    });
    this.remember("shadingColor", color);
  }
}

class RangeProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly control: ControlModel | null,
  ) {
    super(context);
  }
  protected override read(name: string): unknown {
    if (name === "text") return this.control ? this.control.text : "";
    return super.read(name);
  }
  get text(): string {
    return this.value("text");
  }
  insertComment(content: string): CommentProxy {
    this.context.requireSet("1.4", "Range.insertComment");
    const proxy = new CommentProxy(this.context, null);
    this.context.enqueue(() => {
      if (this.context.world.web.insertCommentFails)
        throw new FakeWordError("NotAllowed", "The action isn't supported by Word in a browser. (insertComment)");
      this.context.write(() => proxy.bind(this.context.world.document.addComment(this.control, content)));
    });
    return proxy;
  }
  insertOoxml(ooxml: string, location: string): void {
    this.context.enqueue(() => this.context.write(() => this.context.world.document.insertAtSelection(ooxml, location === "Replace")));
  }
}

/** A *OrNullObject whose state is where the cursor is. */
class PlaceProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly present: () => boolean,
    private readonly scalars: Record<string, unknown>,
  ) {
    super(context);
  }
  protected override read(name: string): unknown {
    if (name === "isNullObject") return !this.present();
    if (name in this.scalars) return this.present() ? this.scalars[name] : undefined;
    return super.read(name);
  }
  override snapshot(paths: readonly string[]): void {
    super.snapshot(["isNullObject", ...paths]);
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get type(): string {
    return this.value("type");
  }
}

/** A paragraph to come: made by insertParagraph, filled by insertOoxml("Replace"), both at the next sync. */
class NewParagraphProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly index: () => number,
  ) {
    super(context);
  }
  insertOoxml(ooxml: string, location: string): void {
    if (location !== "Replace") throw new FakeWordError("InvalidArgument", "the fake supports Replace only");
    this.context.enqueue(() => this.context.write(() => this.context.world.document.replaceParagraph(this.index(), ooxml)));
  }
}

class SelectionProxy extends RangeProxy {
  get parentTableOrNullObject(): PlaceProxy {
    return new PlaceProxy(this.context, () => this.context.world.document.cursorIn === "table", { rowCount: 1 });
  }
  get parentContentControlOrNullObject(): PlaceProxy {
    return new PlaceProxy(this.context, () => this.context.world.document.cursorIn === "control", { tag: "" });
  }
  get parentBody(): PlaceProxy {
    return new PlaceProxy(this.context, () => true, { type: this.context.world.document.cursorIn === "header" ? "Header" : "MainDoc" });
  }
  get paragraphs() {
    return { getLast: () => new CursorParagraphProxy(this.context) };
  }
}

/** The paragraph the cursor is in: its text, a new paragraph after it, or its own content replaced. */
class CursorParagraphProxy extends NewParagraphProxy {
  constructor(context: FakeContext) {
    super(context, () => context.world.document.cursor);
  }
  protected override read(name: string): unknown {
    const document = this.context.world.document;
    const block = document.blocks[document.cursor];
    if (name === "text") return document.cursorIn === "midParagraph" ? "已有文字" : block?.kind === "paragraph" ? block.text : "";
    return super.read(name);
  }
  get text(): string {
    return this.value("text");
  }
  insertParagraph(_text: string, location: string): NewParagraphProxy {
    if (location !== "After") throw new FakeWordError("InvalidArgument", "the fake supports After only");
    let index = -1;
    this.context.enqueue(() => this.context.write(() => (index = this.context.world.document.paragraphAfterCursor())));
    return new NewParagraphProxy(this.context, () => index);
  }
}

class CommentProxy extends Proxy {
  constructor(
    context: FakeContext,
    private comment: CommentModel | null,
  ) {
    super(context);
  }
  bind(comment: CommentModel): void {
    this.comment = comment;
  }
  protected override read(name: string): unknown {
    if (name === "content") return this.comment?.content;
    if (name === "id") return this.comment?.id;
    return super.read(name);
  }
  get content(): string {
    return this.value("content");
  }
  delete(): void {
    const comment = this.comment;
    this.context.enqueue(() =>
      this.context.write(
        () => (this.context.world.document.comments = this.context.world.document.comments.filter((candidate) => candidate !== comment)),
      ),
    );
  }
}

class ControlProxy extends Proxy {
  private cellProxy: CellProxy | null = null;
  constructor(
    context: FakeContext,
    private readonly control: ControlModel | null,
    private readonly resolve?: () => ControlModel,
  ) {
    super(context);
  }
  private model(): ControlModel {
    const control = this.control ?? this.resolve?.();
    if (!control) throw new FakeWordError("ItemNotFound", "no such content control");
    return control;
  }
  protected override read(name: string): unknown {
    const control = this.model();
    if (name === "tag") return control.tag;
    if (name === "text") {
      if (!this.context.world.web.commentAnchors) return control.text;
      const anchors = this.context.world.document.comments.filter((comment) => comment.control === control).length;
      return "\u0005".repeat(anchors) + control.text;
    }
    if (name === "title") return control.title;
    if (name === "id") return control.id;
    return super.read(name);
  }
  protected override navigate(name: string): Proxy | null {
    return name === "parentTableCellOrNullObject" ? this.parentTableCellOrNullObject : null;
  }
  get tag(): string {
    return this.value("tag");
  }
  get text(): string {
    return this.value("text");
  }
  get parentTableCellOrNullObject(): CellProxy {
    this.cellProxy ??= new CellProxy(this.context, this.control?.cell ?? null);
    return this.cellProxy;
  }
  getRange(_location?: string): RangeProxy {
    return new RangeProxy(this.context, this.control);
  }
  select(_mode?: string): void {
    this.context.enqueue(() => (this.context.world.document.selected = this.model()));
  }
  insertText(text: string, location: string): void {
    // Word takes Replace, Start and End here; the add-in uses Replace only, so the fake refuses the others.
    if (location !== "Replace") throw new FakeWordError("InvalidArgument", `the fake supports Replace only, not ${location}`);
    this.context.enqueue(() => this.context.write(() => (this.model().text = text)));
  }
}

class CollectionProxy<T extends Proxy> extends Proxy {
  constructor(
    context: FakeContext,
    private readonly list: () => T[],
  ) {
    super(context);
  }
  override snapshot(paths: readonly string[]): void {
    const items = this.list();
    const itemPaths = paths.filter((path) => path.startsWith("items/")).map((path) => path.slice("items/".length));
    for (const item of items) item.snapshot(itemPaths);
    this.remember("items", items);
  }
  get items(): T[] {
    return this.value("items");
  }
}

class ParagraphProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly paragraph: { text: string; inTable: boolean },
  ) {
    super(context);
  }
  protected override read(name: string): unknown {
    if (name === "text") return this.paragraph.text;
    if (name === "tableNestingLevel") return this.paragraph.inTable ? 1 : 0;
    return super.read(name);
  }
  get text(): string {
    return this.value("text");
  }
  get tableNestingLevel(): number {
    return this.value("tableNestingLevel");
  }
}

class ControlCollection extends CollectionProxy<ControlProxy> {
  constructor(
    context: FakeContext,
    private readonly models: () => ControlModel[],
  ) {
    super(context, () => models().map((control) => new ControlProxy(context, control)));
  }
  getByTag(tag: string): ControlCollection {
    return new ControlCollection(this.context, () => this.models().filter((control) => control.tag === tag));
  }
  getFirst(): ControlProxy {
    return new ControlProxy(this.context, null, () => {
      const first = this.models()[0];
      if (!first) throw new FakeWordError("ItemNotFound", "The requested item was not found");
      return first;
    });
  }
}

class BodyProxy extends Proxy {
  get contentControls(): ControlCollection {
    return new ControlCollection(this.context, () => this.context.world.document.controls());
  }
  get paragraphs(): CollectionProxy<ParagraphProxy> {
    return new CollectionProxy(this.context, () =>
      this.context.world.document.paragraphs().map((paragraph) => new ParagraphProxy(this.context, paragraph)),
    );
  }
  insertParagraph(_text: string, location: string): NewParagraphProxy {
    if (location !== "End") throw new FakeWordError("InvalidArgument", "the fake supports End only");
    let index = -1;
    this.context.enqueue(() =>
      this.context.write(() => {
        const blocks = this.context.world.document.blocks;
        blocks.push({ kind: "paragraph", text: "" });
        index = blocks.length - 1;
      }),
    );
    return new NewParagraphProxy(this.context, () => index);
  }
  getComments(): CollectionProxy<CommentProxy> {
    this.context.requireSet("1.4", "Body.getComments");
    return new CollectionProxy(this.context, () =>
      this.context.world.document.comments.map((comment) => new CommentProxy(this.context, comment)),
    );
  }
}

class DocumentProxy extends Proxy {
  readonly body = new BodyProxy(this.context);
  get contentControls(): ControlCollection {
    return this.body.contentControls;
  }
  protected override read(name: string): unknown {
    if (name === "changeTrackingMode") {
      this.context.requireSet("1.4", "Document.changeTrackingMode");
      return this.context.world.document.changeTrackingMode;
    }
    return super.read(name);
  }
  get changeTrackingMode(): string {
    return this.value("changeTrackingMode");
  }
  getSelection(): SelectionProxy {
    return new SelectionProxy(this.context, null);
  }
}

export class FakeContext {
  readonly document: DocumentProxy;
  private queue: (() => void)[] = [];
  constructor(readonly world: FakeWord) {
    this.document = new DocumentProxy(this);
  }
  enqueue(operation: () => void): void {
    this.queue.push(operation);
  }
  /** A write: refused in a read-only document, as Word refuses it. */
  write(change: () => void): void {
    if (this.world.document.readOnly) throw new FakeWordError("AccessDenied", "The document is read-only.");
    change();
  }
  requireSet(version: string, what: string): void {
    if (!this.world.supports(version)) throw new FakeWordError("ApiNotFound", `${what} needs WordApi ${version}`);
  }
  get pending(): number {
    return this.queue.length;
  }
  /** Runs what was queued, in order; a failing operation rejects the sync and drops the rest, as Word does. */
  async sync(): Promise<void> {
    this.world.syncs++;
    if (this.world.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.world.latency));
    const queue = this.queue;
    this.queue = [];
    try {
      for (const operation of queue) operation();
    } finally {
      this.world.onChange?.();
    }
  }
}

/** The whole fake: a document, Word.run, the requirement sets, the annotations store and the counters. */
export class FakeWord implements WordHost {
  document = new FakeDocument();
  syncs = 0;
  stateCalls = 0;
  /** Highest WordApi version this "Word" supports. */
  apiVersion = "1.4";
  /** Word on the web's known bugs, each off unless a test turns it on. */
  web: WebBugs = { ...NO_WEB_BUGS };
  /** The document's settings (Office.context.document.settings): the record's fallback store. */
  settings = new Map<string, string>();
  /** Milliseconds each sync takes, for the browser build (a spinner should be visible). */
  latency = 0;
  /** Called after every sync and state write: the browser harness redraws the document. */
  onChange: (() => void) | null = null;

  isReadOnly(): boolean {
    return this.document.readOnly;
  }

  supports(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    const [hasMajor, hasMinor] = this.apiVersion.split(".").map(Number);
    return hasMajor! > major! || (hasMajor === major && hasMinor! >= minor!);
  }

  async run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Word.RequestContext);
    if (context.pending > 0) throw new Error(`Word.run ended with ${context.pending} queued operations that were never synced`);
    return result;
  }

  readonly state: StateStore = {
    read: async () => {
      this.stateCalls++;
      if (this.web.stateReadFails) throw new FakeWordError("GeneralException", "customXmlParts.getByNamespaceAsync failed");
      return this.document.customXmlParts.find((part) => part.xml.includes("urn:gov-report:annotations:1"))?.xml ?? null;
    },
    write: async (xml) => {
      this.stateCalls++;
      if (this.document.readOnly) throw new FakeWordError("AccessDenied", "The document is read-only.");
      if (this.web.stateRefusesDeclaration && xml?.startsWith("<?xml"))
        throw new FakeWordError("InvalidArgument", "addAsync: XML declaration");
      if (this.web.stateWriteSilentlyFails) return;
      const others = this.document.customXmlParts.filter((part) => !part.xml.includes("urn:gov-report:annotations:1"));
      this.document.customXmlParts = xml === null ? others : [...others, { id: `{part-${others.length + 1}}`, xml }];
      this.onChange?.();
    },
  };

  readonly settingsState: StateStore = {
    read: async () => this.settings.get("govReportAnnotations") ?? null,
    write: async (xml) => {
      if (this.document.readOnly) throw new FakeWordError("AccessDenied", "The document is read-only.");
      if (xml === null) this.settings.delete("govReportAnnotations");
      else this.settings.set("govReportAnnotations", xml);
    },
  };

  /** Counts syncs of one operation. */
  async counting<T>(operation: () => Promise<T>): Promise<{ value: T; syncs: number }> {
    const before = this.syncs;
    const value = await operation();
    return { value, syncs: this.syncs - before };
  }
}
