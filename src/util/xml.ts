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

function canonicalName(node: { name: string; prefix: string; local: string; uri: string }): string {
  if (node.name.startsWith("xmlns")) return node.name;
  const prefix = KNOWN_PREFIXES[node.uri];
  if (prefix === undefined) return node.name;
  // Package parts use a default namespace; keep their plain local names (Relationship, Override …).
  if (prefix === "rel" || prefix === "ct") return node.local;
  return `${prefix}:${node.local}`;
}

function position(parser: SaxesParser): string {
  return `第 ${parser.line} 行第 ${parser.column} 列`;
}

/** Parses a whole document and returns its root element. */
export function parseXml(input: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  // A byte-order mark is not part of the document; offsets stay those of `input`.
  const base = input.startsWith("\ufeff") ? 1 : 0;
  const source = base ? input.slice(1) : input;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const document: XmlElement = {
    name: "#document",
    attrs: new Map(),
    start: 0,
    openEnd: 0,
    closeStart: input.length,
    end: input.length,
    children: [],
    parent: null,
    text: "",
  };
  let current = document;
  let depth = 0;
  let elements = 0;
  let failure: XmlError | null = null;
  const fail = (error: XmlError) => {
    failure ??= error;
    throw error;
  };

  parser.on("error", (error) => fail(new XmlError(`XML 格式不正确（${position(parser)}）`, error.message)));
  parser.on("doctype", () => fail(new XmlError("文档含有 DTD（文档类型声明），出于安全原因不予读取")));
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (++depth > limits.maxDepth) fail(new XmlError(`XML 嵌套超过 ${limits.maxDepth} 层，不像正常的文档，已拒绝读取`));
    if (++elements > limits.maxElements) fail(new XmlError(`XML 元素超过 ${limits.maxElements} 个，已拒绝读取`));
    const openEnd = base + parser.position;
    const start = input.lastIndexOf("<", openEnd - 1);
    const attrs = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) attrs.set(canonicalName(attribute), attribute.value);
    const element: XmlElement = {
      name: canonicalName(tag),
      attrs,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      children: [],
      parent: current,
      text: "",
    };
    current.children.push(element);
    current = element;
    if (tag.isSelfClosing) close(openEnd, openEnd);
  });
  const close = (closeStart: number, end: number) => {
    current.closeStart = closeStart;
    current.end = end;
    current = current.parent!;
    depth--;
  };
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    const end = base + parser.position;
    close(input.lastIndexOf("<", end - 1), end);
  });
  parser.on("text", (text) => {
    if (current !== document) current.text += text;
  });
  parser.on("cdata", (text) => {
    if (current !== document) current.text += text;
  });

  try {
    parser.write(source).close();
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof XmlError) throw error;
    throw new XmlError("XML 格式不正确", (error as Error).message);
  }
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
