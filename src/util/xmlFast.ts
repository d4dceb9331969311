/**
 * A fast path for the XML that word processors write, in front of saxes.
 *
 * Why by hand: on a filled template's document.xml (225 KB, 7,000 elements) saxes takes 13–16 ms, libxml2-wasm
 * 9 ms, sax-wasm 18 ms and @rgrove/parse-xml 28 ms, while unzipping the part takes 1.6 ms; a folder of a thousand
 * reports is then mostly XML parsing. No registry parser is both conformant and near the cost of reading the file.
 *
 * What keeps it safe: it accepts only a strict subset of well-formed XML, and returns false on anything outside
 * it, and the caller then gives the whole text to saxes. The subset: an XML 1.0 declaration, elements with ASCII
 * names, quoted attributes, the five predefined entities and character references, comments, namespaces declared
 * anywhere; CR only outside the root (Word's CR LF after the declaration; inside, line ends would need normalising), no DTD, CDATA, processing instruction or character XML cannot
 * hold. So every error, and every rare form, is saxes's, with its message and position. Tests hold its events equal
 * to saxes's over the project's documents and over thousands of mutated ones (test/util/xmlFast.test.ts).
 */
import type { XmlEvents, XmlLimits } from "./xml";

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Attributes per tag beyond which the duplicate check would be quadratic work: such a tag goes to saxes. */
const MAX_ATTRIBUTES = 64;

const DECLARATION =
  /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/y;

/** Any character but tab, LF and those from U+0020 on outside the surrogates and U+FFFE/U+FFFF: one quick pass. */
const NOT_PLAIN = /[^\t\n\u0020-\ud7ff\ue000-\ufffd]/;
/** Among those, what the subset leaves to saxes: characters XML cannot hold, and surrogates not in a pair. */
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex -- matching these characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));|&/g;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Decodes the references in `raw`; null where one is not well-formed or names a character XML cannot hold. */
function decode(raw: string): string | null {
  if (!raw.includes("&")) return raw;
  let bad = false;
  const text = raw.replace(REFERENCE, (match, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name) return PREDEFINED[name]!;
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : -1;
    if (!isXmlChar(code)) {
      bad = true;
      return match;
    }
    return String.fromCodePoint(code);
  });
  return bad ? null : text;
}

/** An attribute's value: no "<", references decoded, literal tabs and line feeds read as spaces (CR never gets here). */
function attributeValue(raw: string): string | null {
  if (raw.includes("<") || raw.includes("\r")) return null;
  return decode(raw.replace(/[\t\n]/g, " "));
}

/** Character classes of ASCII codes: 1 a name's first character, 2 a later one only (digit, "-", "."). */
const NAME_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const c = String.fromCharCode(code);
  NAME_CLASS[code] = /[A-Za-z_]/.test(c) ? 1 : /[0-9.-]/.test(c) ? 2 : 0;
}

function isNameStart(code: number): boolean {
  return code < 128 && NAME_CLASS[code] === 1;
}

function isNameChar(code: number): boolean {
  return code < 128 && NAME_CLASS[code]! > 0;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9;
}

/**
 * Names are read into one string per name, kept in a small table by a hash of their characters: the same few
 * hundred names recur in every report, and a Set or Map lookup of a name then reuses the string's cached hash
 * rather than hashing a new slice. The table is bounded; a collision just replaces the entry.
 */
const NAME_SLOTS = 4096;
const NAME_TABLE: string[] = new Array<string>(NAME_SLOTS).fill("");
/** The name `nameEnd` last read, and the offset of its colon in it (-1 for none). */
let scannedName = "";
let scannedColon = -1;

/** `input` holds `name` at `from` (a loop: startsWith with a position costs more here). */
function sameChars(input: string, from: number, name: string): boolean {
  for (let j = 0; j < name.length; j++) if (input.charCodeAt(from + j) !== name.charCodeAt(j)) return false;
  return true;
}

/** Reads an ASCII QName (NCName, or NCName:NCName) at `from` into `scannedName`; its end, or -1. */
function nameEnd(input: string, from: number): number {
  let code = input.charCodeAt(from);
  if (!isNameStart(code)) return -1;
  let hash = code;
  let colon = -1;
  let i = from + 1;
  for (;;) {
    code = input.charCodeAt(i);
    if (isNameChar(code) || (code === 58 && colon < 0 && isNameStart(input.charCodeAt(i + 1)))) {
      if (code === 58) colon = i - from;
      hash = (Math.imul(hash, 31) + code) | 0;
      i++;
      continue;
    }
    break;
  }
  if (code === 58) return -1;
  const slot = hash & (NAME_SLOTS - 1);
  const known = NAME_TABLE[slot]!;
  if (known.length === i - from && sameChars(input, from, known)) scannedName = known;
  else {
    // A copy of its own: a slice could keep the whole document alive from the table.
    scannedName = [...input.slice(from, i)].join("");
    NAME_TABLE[slot] = scannedName;
  }
  scannedColon = colon;
  return i;
}

/** xmlns or xmlns:p (the first character spares the test for the usual w: names). */
function isDeclaration(attrName: string): boolean {
  return attrName.charCodeAt(0) === 120 && (attrName === "xmlns" || attrName.startsWith("xmlns:"));
}

interface Scope {
  /** Prefix ("" for the default namespace) to URI. */
  bindings: Map<string, string>;
  /** Canonical names by raw name, where that is not so. */
  names: Map<string, string>;
  attrNames: Map<string, string>;
  /** Two prefixes are bound to one namespace. */
  aliased: boolean;
}

type Canonical = (raw: string, uri: string, local: string) => string;

const NO_ATTRIBUTES: string[] = [];
/** The colon offsets of the attribute names of the tag being read. */
const ATTRIBUTE_COLONS: number[] = new Array<number>(MAX_ATTRIBUTES).fill(-1);

function makeScope(bindings: Map<string, string>): Scope {
  const uris = [...bindings].filter(([prefix]) => prefix !== "").map(([, uri]) => uri);
  return { bindings, names: new Map(), attrNames: new Map(), aliased: new Set(uris).size !== uris.length };
}

/** The scope inside an element that declares namespaces; null for a declaration the subset leaves to saxes. */
function declaredScope(outer: Scope, rawAttrs: readonly string[]): Scope | null {
  const bindings = new Map(outer.bindings);
  for (let a = 0; a < rawAttrs.length; a += 2) {
    const attrName = rawAttrs[a]!;
    if (!isDeclaration(attrName)) continue;
    const prefix = attrName === "xmlns" ? "" : attrName.slice(6);
    const uri = rawAttrs[a + 1]!;
    if (prefix === "xml" || prefix === "xmlns" || uri === XML_NS || uri === XMLNS_NS || (prefix !== "" && uri === "")) return null;
    bindings.set(prefix, uri);
  }
  return makeScope(bindings);
}

/**
 * Reads `input` from `from`, giving `events` what saxes would, with canonical names from `canonical`; false as soon
 * as anything falls outside the subset (some events may have been given by then).
 */
export function scanFast(input: string, from: number, events: XmlEvents, limits: XmlLimits, canonical: Canonical): boolean {
  // "]]>" may stand only at the end of CDATA, which the subset leaves to saxes.
  if ((NOT_PLAIN.test(input) && OUTSIDE_SUBSET.test(input)) || input.includes("]]>")) return false;
  let i = from;
  if (input.startsWith("<?xml", i)) {
    DECLARATION.lastIndex = i;
    if (!DECLARATION.test(input)) return false;
    i = DECLARATION.lastIndex;
  }
  let scope = makeScope(new Map([["xml", XML_NS]]));
  const scopes: Scope[] = [];
  const rawNames: string[] = [];
  const names: string[] = [];
  const pushedScope: boolean[] = [];
  let elements = 0;
  let rootSeen = false;

  // Names come from the name table, so these lookups reuse each name's hash.
  const resolve = (raw: string, colon: number, isAttribute: boolean): string | null => {
    const cache = isAttribute ? scope.attrNames : scope.names;
    const known = cache.get(raw);
    if (known !== undefined) return known;
    // An unprefixed attribute is in no namespace; an unprefixed element is in the default one.
    const uri = colon < 0 && isAttribute ? "" : scope.bindings.get(colon < 0 ? "" : raw.slice(0, colon));
    if (uri === undefined) return colon < 0 ? raw : null;
    const name = canonical(raw, uri, colon < 0 ? raw : raw.slice(colon + 1));
    cache.set(raw, name);
    return name;
  };
  const enter = (inner: Scope) => {
    scopes.push(scope);
    scope = inner;
  };
  const leave = () => {
    scope = scopes.pop()!;
  };

  const len = input.length;
  while (i < len) {
    const lt = input.indexOf("<", i);
    const textEnd = lt < 0 ? len : lt;
    if (textEnd > i) {
      if (rawNames.length === 0) {
        // Word ends its XML declaration with CR LF: outside the root, CR is only whitespace.
        for (let k = i; k < textEnd; k++) if (!isSpace(input.charCodeAt(k)) && input.charCodeAt(k) !== 13) return false;
      } else {
        const raw = input.slice(i, textEnd);
        // Inside, CR LF would read as LF: that normalising is left to saxes.
        const text = raw.includes("\r") ? null : decode(raw);
        if (text === null) return false;
        events.text(text);
      }
    }
    if (lt < 0) break;
    const next = input.charCodeAt(lt + 1);
    if (next === 47) {
      // </name S? >
      let k = nameEnd(input, lt + 2);
      if (k < 0) return false;
      while (isSpace(input.charCodeAt(k))) k++;
      if (input.charCodeAt(k) !== 62) return false;
      const top = rawNames.length - 1;
      if (top < 0 || scannedName !== rawNames[top]) return false;
      events.close(names[top]!, lt, k + 1);
      rawNames.pop();
      names.pop();
      if (pushedScope.pop()) leave();
      i = k + 1;
      continue;
    }
    if (next === 33) {
      // <!-- … -->, with no "--" inside and no "-" before the end; DOCTYPE and CDATA go to saxes.
      if (!input.startsWith("<!--", lt)) return false;
      const end = input.indexOf("-->", lt + 4);
      if (end < 0 || input.indexOf("--", lt + 4) !== end) return false;
      i = end + 3;
      continue;
    }
    if (next === 63) return false;

    // <name (S attr S? = S? value)* S? /? >
    if (rawNames.length === 0 && rootSeen) return false;
    let k = nameEnd(input, lt + 1);
    if (k < 0) return false;
    const rawName = scannedName;
    const nameColon = scannedColon;
    let rawAttrs = NO_ATTRIBUTES;
    const attrColons = ATTRIBUTE_COLONS;
    let selfClosing = false;
    let declares = false;
    for (;;) {
      const spaceStart = k;
      while (isSpace(input.charCodeAt(k))) k++;
      const code = input.charCodeAt(k);
      if (code === 62) break;
      if (code === 47) {
        if (input.charCodeAt(k + 1) !== 62) return false;
        selfClosing = true;
        k++;
        break;
      }
      if (k === spaceStart || rawAttrs.length >= MAX_ATTRIBUTES * 2) return false;
      k = nameEnd(input, k);
      if (k < 0) return false;
      const attrName = scannedName;
      attrColons[rawAttrs.length >> 1] = scannedColon;
      while (isSpace(input.charCodeAt(k))) k++;
      if (input.charCodeAt(k) !== 61) return false;
      k++;
      while (isSpace(input.charCodeAt(k))) k++;
      const quote = input.charCodeAt(k);
      if (quote !== 34 && quote !== 39) return false;
      // To the closing quote, noting whether the value needs more than a slice (<, &, tab, LF).
      let close = k + 1;
      let plain = true;
      for (let c = input.charCodeAt(close); c !== quote; c = input.charCodeAt(++close)) {
        if (c === 60 || c === 38 || c === 9 || c === 10 || c === 13) plain = false;
        else if (c !== c) return false;
      }
      const value = plain ? input.slice(k + 1, close) : attributeValue(input.slice(k + 1, close));
      if (value === null) return false;
      if (isDeclaration(attrName)) declares = true;
      if (rawAttrs === NO_ATTRIBUTES) rawAttrs = [];
      rawAttrs.push(attrName, value);
      k = close + 1;
    }
    const openEnd = k + 1;
    if (++elements > limits.maxElements || rawNames.length + 1 > limits.maxDepth) return false;

    if (declares) {
      const inner = declaredScope(scope, rawAttrs);
      if (!inner) return false;
      enter(inner);
    }
    const name = resolve(rawName, nameColon, false);
    if (name === null) return false;
    let attrs = rawAttrs;
    for (let a = 0; a < rawAttrs.length; a += 2) {
      const attrName = rawAttrs[a]!;
      const canonicalAttr = isDeclaration(attrName) ? attrName : resolve(attrName, attrColons[a >> 1]!, true);
      if (canonicalAttr === null) return false;
      if (canonicalAttr === attrName) continue;
      if (attrs === rawAttrs) attrs = rawAttrs.slice();
      attrs[a] = canonicalAttr;
    }
    if (rawAttrs.length > 2 && hasDuplicate(rawAttrs, scope)) return false;

    rootSeen = true;
    events.open(name, attrs, lt, openEnd);
    if (selfClosing) {
      events.close(name, openEnd, openEnd);
      if (declares) leave();
    } else {
      rawNames.push(rawName);
      names.push(name);
      pushedScope.push(declares);
    }
    i = openEnd;
  }
  return rawNames.length === 0 && rootSeen;
}

/**
 * Two attributes of one name, as written or, where two prefixes share a namespace, as namespace and local name
 * (w:val and x:val with x bound to w's). Tags carry a few attributes: comparing pairs costs less than a set.
 */
function hasDuplicate(rawAttrs: readonly string[], scope: Scope): boolean {
  for (let a = 2; a < rawAttrs.length; a += 2) {
    const name = rawAttrs[a]!;
    for (let b = 0; b < a; b += 2) {
      const other = rawAttrs[b]!;
      if (name === other || (scope.aliased && sameExpandedName(name, other, scope.bindings))) return true;
    }
  }
  return false;
}

function sameExpandedName(one: string, other: string, bindings: Map<string, string>): boolean {
  const colon = one.indexOf(":");
  const otherColon = other.indexOf(":");
  if (colon < 0 || otherColon < 0 || one.startsWith("xmlns:") || other.startsWith("xmlns:")) return false;
  if (one.slice(colon) !== other.slice(otherColon)) return false;
  return bindings.get(one.slice(0, colon)) === bindings.get(other.slice(0, otherColon));
}
