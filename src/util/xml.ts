/**
 * A small XML reader that keeps every element's offsets in the source text, so that the annotator can change a
 * document by splicing the text: what it does not touch stays byte for byte as it was. It refuses DTDs (no entity
 * expansion, no external entities) and anything that is not well formed.
 */
export class XmlError extends Error {}

export interface XmlElement {
  name: string;
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
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAME = /^[^\s/>]+/;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (_match, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new XmlError(`unknown entity &${entity};`);
    return value;
  });
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: new Map(), start: 0, openEnd: 0, closeStart: source.length, end: source.length, children: [], parent: null };
  let current = root;
  let position = 0;
  while (true) {
    const open = source.indexOf("<", position);
    if (open < 0) break;
    if (source.startsWith("<?", open)) position = after(source, "?>", open);
    else if (source.startsWith("<!--", open)) position = after(source, "-->", open);
    else if (source.startsWith("<![CDATA[", open)) position = after(source, "]]>", open);
    else if (source.startsWith("<!", open)) throw new XmlError("DTD or entity declarations are not accepted");
    else if (source.startsWith("</", open)) {
      const close = after(source, ">", open);
      const name = source.slice(open + 2, close - 1).trim();
      if (current === root || current.name !== name) throw new XmlError(`unexpected </${name}> at ${open}`);
      current.closeStart = open;
      current.end = close;
      current = current.parent!;
      position = close;
    } else {
      const close = tagEnd(source, open);
      const selfClosing = source[close - 2] === "/";
      const inner = source.slice(open + 1, selfClosing ? close - 2 : close - 1);
      const name = NAME.exec(inner)?.[0];
      if (!name) throw new XmlError(`malformed tag at ${open}`);
      const attrs = new Map<string, string>();
      for (const match of inner.slice(name.length).matchAll(ATTRIBUTE)) attrs.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ""));
      const element: XmlElement = { name, attrs, start: open, openEnd: close, closeStart: close, end: close, children: [], parent: current };
      current.children.push(element);
      if (!selfClosing) current = element;
      position = close;
    }
  }
  if (current !== root) throw new XmlError(`<${current.name}> is not closed`);
  if (root.children.length !== 1) throw new XmlError("a document has exactly one root element");
  return root.children[0]!;
}

function after(source: string, token: string, from: number): number {
  const index = source.indexOf(token, from);
  if (index < 0) throw new XmlError(`unterminated markup at ${from}`);
  return index + token.length;
}

/** End of a start tag, stepping over ">" inside quoted attribute values. */
function tagEnd(source: string, open: number): number {
  let quote: string | null = null;
  for (let i = open + 1; i < source.length; i++) {
    const char = source[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ">") return i + 1;
    else if (char === "<") break;
  }
  throw new XmlError(`unterminated tag at ${open}`);
}

export function* descendants(element: XmlElement, name?: string): Generator<XmlElement> {
  for (const child of element.children) {
    if (name === undefined || child.name === name) yield child;
    yield* descendants(child, name);
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

/** Visible text of a WordprocessingML element: w:t runs, tabs and breaks, in order; deleted text left out. */
export function wordText(source: string, element: XmlElement): string {
  let text = "";
  for (const node of descendants(element)) {
    if (node.name === "w:t" && !ancestor(node, "w:del")) text += decodeEntities(innerXml(source, node));
    else if (node.name === "w:tab") text += "\t";
    else if (node.name === "w:br" || node.name === "w:cr") text += "\n";
  }
  return text;
}

/** A text edit: replace source[from, to) with text. */
export interface Splice {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping splices; insertions at the same offset keep the order given. */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const ordered = splices.map((splice, index) => ({ ...splice, index })).sort((a, b) => a.from - b.from || a.to - b.to || a.index - b.index);
  let out = "";
  let position = 0;
  for (const splice of ordered) {
    if (splice.from < position) throw new Error("overlapping edits");
    out += source.slice(position, splice.from) + splice.text;
    position = splice.to;
  }
  return out + source.slice(position);
}
