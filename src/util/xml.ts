/**
 * XML reading that keeps every element's offsets in the source text, so that the annotator can change a document
 * by splicing the text: what it does not touch stays byte for byte as it was.
 *
 * Parsing is saxes's (a conformant, non-validating XML 1.0 parser with namespaces): well-formedness, entities and
 * character references are its job. On top of it this module refuses DTDs (no entity expansion, no external
 * entities), bounds the depth and the number of elements, and records offsets. saxes reports its position in UTF-16
 * code units of the string it was given, which is what `String.prototype.slice` takes.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { scanFast } from "./xmlFast";

/** A document that is not well-formed XML, or one we refuse (DTD, too deep, too large); `detail` keeps the parser's words. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly detail: string = "",
  ) {
    super(message);
    this.name = "XmlError";
  }
}

export interface XmlElement {
  /** The qualified name with the namespace's usual prefix where the namespace is known (w:t even if written x:t). */
  name: string;
  /** Attributes by the same canonical qualified names. */
  attrs: Map<string, string>;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of "</" of the end tag (= openEnd for an empty element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  children: XmlElement[];
  parent: XmlElement | null;
  /** The element's own character data (text and CDATA, entities decoded), comments and processing instructions left out. */
  text: string;
}

export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}

/** WordprocessingML nests tables in cells in tables; 256 levels is far beyond any real document, and a report has some 20,000 elements. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 256, maxElements: 1_000_000 };

/** The prefixes the project writes and reads names with, by namespace: a document may bind other prefixes. */
export const KNOWN_PREFIXES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
  "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
  "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
  "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
  "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "ds",
};

function canonicalName(raw: string, uri: string, local: string): string {
  if (raw.startsWith("xmlns")) return raw;
  const prefix = KNOWN_PREFIXES[uri];
  if (prefix === undefined) return raw;
  // Package parts use a default namespace; keep their plain local names (Relationship, Override …).
  if (prefix === "rel" || prefix === "ct") return local;
  return `${prefix}:${local}`;
}

/**
 * What a reader of XML is told, in document order, with offsets in the text given. Names are canonical (see
 * `KNOWN_PREFIXES`); `attrs` holds name, value, name, value … and is reused once `open` returns. A self-closing
 * element is opened and closed at its end (closeStart = end = openEnd).
 */
export interface XmlEvents {
  open(name: string, attrs: readonly string[], start: number, openEnd: number): void;
  close(name: string, closeStart: number, end: number): void;
  /** Character data inside the document element: text and CDATA, references decoded. */
  text(text: string): void;
}

function position(parser: SaxesParser): string {
  return `第 ${parser.line} 行第 ${parser.column} 列`;
}

/**
 * Reads a whole document, telling a reader made by `create` what it holds, and returns that reader. The common
 * forms go through the fast path (`xmlFast.ts`); anything else, and every error, through saxes, with a fresh reader.
 */
export function scanXml<Reader extends XmlEvents>(input: string, create: () => Reader, limits: XmlLimits = DEFAULT_XML_LIMITS): Reader {
  const fast = create();
  if (scanXmlWith("fast", input, fast, limits)) return fast;
  const reader = create();
  scanXmlWith("saxes", input, reader, limits);
  return reader;
}

/** One parser alone (the tests hold the fast path to saxes with it): false where the fast path leaves the text to saxes. */
export function scanXmlWith(parser: "fast" | "saxes", input: string, events: XmlEvents, limits: XmlLimits = DEFAULT_XML_LIMITS): boolean {
  // A byte-order mark is not part of the document; offsets stay those of `input`.
  const base = input.startsWith("\ufeff") ? 1 : 0;
  if (parser === "fast") return scanFast(input, base, events, limits, canonicalName);
  scanWithSaxes(input, base, events, limits);
  return true;
}

function scanWithSaxes(input: string, base: number, events: XmlEvents, limits: XmlLimits): void {
  const source = base ? input.slice(1) : input;
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let elements = 0;
  let roots = 0;
  let failure: XmlError | null = null;
  const fail = (error: XmlError) => {
    failure ??= error;
    throw error;
  };
  const attrs: string[] = [];
  let readerThrew = false;
  const tell = (call: () => void) => {
    try {
      call();
    } catch (error) {
      readerThrew = true;
      throw error;
    }
  };
  parser.on("error", (error) => fail(new XmlError(`XML 格式不正确（${position(parser)}）`, error.message)));
  parser.on("doctype", () => fail(new XmlError("文档含有 DTD（文档类型声明），出于安全原因不予读取")));
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (++depth > limits.maxDepth) fail(new XmlError(`XML 嵌套超过 ${limits.maxDepth} 层，不像正常的文档，已拒绝读取`));
    if (++elements > limits.maxElements) fail(new XmlError(`XML 元素超过 ${limits.maxElements} 个，已拒绝读取`));
    if (depth === 1) roots++;
    const openEnd = base + parser.position;
    attrs.length = 0;
    for (const attribute of Object.values(tag.attributes))
      attrs.push(canonicalName(attribute.name, attribute.uri, attribute.local), attribute.value);
    const name = canonicalName(tag.name, tag.uri, tag.local);
    tell(() => events.open(name, attrs, input.lastIndexOf("<", openEnd - 1), openEnd));
    if (tag.isSelfClosing) {
      tell(() => events.close(name, openEnd, openEnd));
      depth--;
    }
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    const end = base + parser.position;
    tell(() => events.close(canonicalName(tag.name, tag.uri, tag.local), input.lastIndexOf("<", end - 1), end));
    depth--;
  });
  parser.on("text", (text) => {
    if (depth > 0) tell(() => events.text(text));
  });
  parser.on("cdata", (text) => {
    if (depth > 0) tell(() => events.text(text));
  });
  try {
    parser.write(source).close();
  } catch (error) {
    if (failure) throw failure;
    // What the reader threw is the reader's (a stream reader that leaves the document to the tree); the rest is saxes's.
    if (error instanceof XmlError || readerThrew) throw error;
    throw new XmlError("XML 格式不正确", (error as Error).message);
  }
  if (roots !== 1) throw new XmlError("XML 文档应有且只有一个根元素");
}

/** Builds the element tree, offsets and all. */
class TreeBuilder implements XmlEvents {
  readonly document: XmlElement;
  private current: XmlElement;

  constructor(length: number) {
    this.document = {
      name: "#document",
      attrs: new Map(),
      start: 0,
      openEnd: 0,
      closeStart: length,
      end: length,
      children: [],
      parent: null,
      text: "",
    };
    this.current = this.document;
  }

  open(name: string, attrs: readonly string[], start: number, openEnd: number): void {
    const map = new Map<string, string>();
    for (let i = 0; i < attrs.length; i += 2) map.set(attrs[i]!, attrs[i + 1]!);
    const element: XmlElement = {
      name,
      attrs: map,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      children: [],
      parent: this.current,
      text: "",
    };
    this.current.children.push(element);
    this.current = element;
  }

  close(_name: string, closeStart: number, end: number): void {
    this.current.closeStart = closeStart;
    this.current.end = end;
    this.current = this.current.parent!;
  }

  text(text: string): void {
    this.current.text += text;
  }
}

/** Parses a whole document and returns its root element. */
export function parseXml(input: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const { document } = scanXml(input, () => new TreeBuilder(input.length), limits);
  if (document.children.length !== 1) throw new XmlError("XML 文档应有且只有一个根元素");
  const root = document.children[0]!;
  root.parent = null;
  return root;
}

export { escapeAttribute, escapeText } from "./xmlEscape";

/** Characters XML 1.0 cannot hold at all, even as a character reference (control characters but tab, LF, CR). */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching these characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasNonXmlCharacters(text: string): boolean {
  return NOT_XML_CHAR.test(text);
}

/** Iterates depth-first without recursion, so that a deep tree cannot overflow the stack. */
export function* descendants(element: XmlElement, name?: string): Generator<XmlElement> {
  const stack: XmlElement[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (name === undefined || node.name === name) yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

export function ancestor(element: XmlElement, name: string): XmlElement | undefined {
  for (let node = element.parent; node; node = node.parent) if (node.name === name) return node;
  return undefined;
}

/** The raw text between an element's tags. */
export function innerXml(source: string, element: XmlElement): string {
  return source.slice(element.openEnd, element.closeStart);
}

/** The element's name as written in the source (with the document's own prefix). */
export function rawName(source: string, element: XmlElement): string {
  return /^[^\s/>]+/.exec(source.slice(element.start + 1))?.[0] ?? element.name;
}

/** Adds `text` as the last content of the document element, opening it if it is written self-closing (<a/>). */
export function appendToRoot(source: string, text: string): string {
  const root = parseXml(source);
  if (root.closeStart !== root.openEnd) return applySplices(source, [{ from: root.closeStart, to: root.closeStart, text }]);
  const open = source.slice(root.start, root.end).replace(/\s*\/>$/, ">");
  return applySplices(source, [{ from: root.start, to: root.end, text: `${open}${text}</${rawName(source, root)}>` }]);
}

/** A text edit: replace source[from, to) with text. */
export interface Splice {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping splices; insertions at the same offset keep the order given. */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((splice, index) => ({ ...splice, index }))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.index - b.index);
  let out = "";
  let position = 0;
  for (const splice of ordered) {
    if (splice.from < position) throw new Error("overlapping edits");
    out += source.slice(position, splice.from) + splice.text;
    position = splice.to;
  }
  return out + source.slice(position);
}
