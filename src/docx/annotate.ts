/**
 * Marking a .docx: shading and a Word comment on each cell a check points at, recorded in the annotations part
 * (domain/annotations.ts). Every change is a splice of the XML text, recorded so that `clearMarks` undoes exactly
 * it: the rest of the document stays byte for byte as it was.
 */
import {
  ANNOTATIONS_NAMESPACE,
  COMMENT_AUTHOR,
  COMMENT_INITIALS,
  COMMENT_PREFIX,
  MARK_FILLS,
  commentText,
  type AnnotationState,
  type CellMark,
  type MarkRecord,
} from "../domain/annotations";
import { serializeState } from "../util/annotationPart";
import {
  appendToRoot,
  applySplices,
  child,
  descendants,
  escapeAttribute,
  escapeText,
  parseXml,
  type Splice,
  type XmlElement,
} from "../util/xml";
import { wordText } from "./wordText";
import { CONTENT_TYPES, REL_TYPES } from "./opc";
import { partText, relationshipTarget, relsPathOf, setPartText, type DocxPackage } from "./package";
import { cellPositions, controlCells, type DocxDocument, type LocatedCell } from "./reader";
import { W_NS } from "./wml";

/** Relationship ids of parts we create, so that clearing knows them for ours. */
const COMMENTS_REL_ID = "rIdGovReportComments";
const STATE_REL_ID = "rIdGovReportState";
const COMMENTS_PART = "word/comments.xml";
const COMMENTS_OVERRIDE = `<Override PartName="/${COMMENTS_PART}" ContentType="${CONTENT_TYPES.comments}"/>`;

/** tcPr children that come after w:shd in the schema's order. */
const AFTER_SHD = new Set([
  "w:noWrap",
  "w:tcMar",
  "w:textDirection",
  "w:tcFitText",
  "w:vAlign",
  "w:hideMark",
  "w:headers",
  "w:cellIns",
  "w:cellDel",
  "w:cellMerge",
  "w:tcPrChange",
]);

export interface AnnotateOptions {
  /** Add Word comments (default true). */
  comments?: boolean;
  /** ISO date for the comments; defaults to now. */
  date?: string;
}

function shadingSplice(xml: string, tc: XmlElement, fill: string): { splice: Splice; shd: string; written: string; originalFill: string } {
  const shd = `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
  const tcPr = child(tc, "w:tcPr");
  if (!tcPr) {
    const written = `<w:tcPr>${shd}</w:tcPr>`;
    return { splice: { from: tc.openEnd, to: tc.openEnd, text: written }, shd: "", written, originalFill: "" };
  }
  if (tcPr.openEnd === tcPr.end) {
    const original = xml.slice(tcPr.start, tcPr.end);
    const written = `<w:tcPr>${shd}</w:tcPr>`;
    return { splice: { from: tcPr.start, to: tcPr.end, text: written }, shd: original, written, originalFill: "" };
  }
  const existing = child(tcPr, "w:shd");
  if (existing) {
    return {
      splice: { from: existing.start, to: existing.end, text: shd },
      shd: xml.slice(existing.start, existing.end),
      written: shd,
      originalFill: existing.attrs.get("w:fill") ?? "",
    };
  }
  const before = tcPr.children.find((element) => AFTER_SHD.has(element.name));
  const at = before ? before.start : tcPr.closeStart;
  return { splice: { from: at, to: at, text: shd }, shd: "", written: shd, originalFill: "" };
}

/**
 * The comment anchor: an empty range and the reference at the start of the cell's paragraph. (A range around the
 * text, with the reference after it, makes LibreOffice drop the text of a content control; this form shows it.)
 */
const anchor = (id: bigint | string) =>
  `<w:commentRangeStart w:id="${id}"/><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

function commentSplice(xml: string, paragraph: XmlElement, id: bigint): { splice: Splice; para?: string } {
  if (paragraph.openEnd === paragraph.end) {
    const original = xml.slice(paragraph.start, paragraph.end);
    const open = original.replace(/\s*\/>$/, ">");
    return { splice: { from: paragraph.start, to: paragraph.end, text: `${open}${anchor(id)}</w:p>` }, para: original };
  }
  const pPr = child(paragraph, "w:pPr");
  const start = pPr ? pPr.end : paragraph.openEnd;
  return { splice: { from: start, to: start, text: anchor(id) } };
}

function commentXml(id: bigint, text: string, date: string): string {
  const paragraphs = text
    .split("\n")
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeText(line)}</w:t></w:r></w:p>`)
    .join("");
  return `<w:comment w:id="${id}" w:author="${escapeAttribute(COMMENT_AUTHOR)}" w:date="${date}" w:initials="${COMMENT_INITIALS}">${paragraphs}</w:comment>`;
}

const COMMENT_ELEMENTS = new Set(["w:comment", "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"]);

/** Above every comment id the document and its comments part use, read as XML (any quoting, any prefix). */
/** Exact integers of any size: a user's id of 30 digits must not round onto ours. */
function nextCommentId(doc: DocxDocument): bigint {
  const path = commentsPartPath(doc.pkg, doc.pkg.mainPart);
  const comments = path ? partText(doc.pkg, path) : undefined;
  const roots = [doc.root, ...(comments ? [parseXml(comments)] : [])];
  let max = BigInt(0);
  for (const root of roots) {
    for (const element of descendants(root)) {
      const id = element.attrs.get("w:id")?.trim() ?? "";
      if (!COMMENT_ELEMENTS.has(element.name) || !/^-?\d{1,100}$/.test(id)) continue;
      if (BigInt(id) > max) max = BigInt(id);
    }
  }
  return max + BigInt(1);
}

function commentsPartPath(pkg: DocxPackage, mainPart: string): string | null {
  return relationshipTarget(pkg, mainPart, "/comments");
}

function addComments(pkg: DocxPackage, mainPart: string, comments: readonly string[]): void {
  if (comments.length === 0) return;
  const existing = commentsPartPath(pkg, mainPart);
  if (existing && pkg.files.has(existing)) {
    setPartText(pkg, existing, appendToRoot(partText(pkg, existing)!, comments.join("")));
    return;
  }
  setPartText(
    pkg,
    COMMENTS_PART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W_NS}">${comments.join("")}</w:comments>`,
  );
  const relsPath = relsPathOf(mainPart);
  setPartText(pkg, relsPath, appendToRoot(partText(pkg, relsPath)!, commentsRel(mainPart)));
  setPartText(pkg, "[Content_Types].xml", appendToRoot(partText(pkg, "[Content_Types].xml")!, COMMENTS_OVERRIDE));
}

function commentsRel(mainPart: string): string {
  const depth = mainPart.split("/").length - 1;
  const target = depth === 1 && mainPart.startsWith("word/") ? "comments.xml" : `/${COMMENTS_PART}`;
  return `<Relationship Id="${COMMENTS_REL_ID}" Type="${REL_TYPES.comments}" Target="${target}"/>`;
}

/** Writes the state into our custom XML part, creating the part (and its properties) the first time. */
export function writeState(doc: DocxDocument, state: AnnotationState): void {
  const { pkg } = doc;
  if (doc.statePart) {
    setPartText(pkg, doc.statePart, serializeState(state));
    return;
  }
  let index = 1;
  while (pkg.files.has(`customXml/item${index}.xml`) || pkg.files.has(`customXml/itemProps${index}.xml`)) index++;
  const item = `customXml/item${index}.xml`;
  setPartText(pkg, item, serializeState(state));
  setPartText(
    pkg,
    `customXml/itemProps${index}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6F1C3B52-2D4E-4C8B-9A51-${String(index).padStart(12, "0")}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${ANNOTATIONS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  setPartText(
    pkg,
    `customXml/_rels/item${index}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPES.customXmlProps}" Target="itemProps${index}.xml"/></Relationships>`,
  );
  const relsPath = relsPathOf(doc.pkg.mainPart);
  setPartText(pkg, relsPath, appendToRoot(partText(pkg, relsPath)!, stateRel(index)));
  setPartText(pkg, "[Content_Types].xml", appendToRoot(partText(pkg, "[Content_Types].xml")!, stateOverride(index)));
  doc.statePart = item;
}

const stateRel = (index: number) =>
  `<Relationship Id="${STATE_REL_ID}" Type="${REL_TYPES.customXml}" Target="../customXml/item${index}.xml"/>`;
const stateOverride = (index: number) =>
  `<Override PartName="/customXml/itemProps${index}.xml" ContentType="${CONTENT_TYPES.customXmlProps}"/>`;

/**
 * Marks the cells: each located copy of a cell is shaded; the first also gets the comment. Returns the package
 * with document.xml, comments and the annotations part updated. Expects a document without marks (clear first).
 */
export function annotate(
  doc: DocxDocument,
  marks: readonly CellMark[],
  located: ReadonlyMap<string, readonly LocatedCell[]>,
  options: AnnotateOptions = {},
): DocxPackage {
  const withComments = options.comments ?? true;
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const splices: Splice[] = [];
  const comments: string[] = [];
  const records: MarkRecord[] = [];
  let commentId = nextCommentId(doc);
  for (const mark of marks) {
    (located.get(mark.cell) ?? []).forEach((cell, copy) => {
      // A control outside a table has no cell to shade (w:tcPr belongs to a w:tc only): it gets the comment alone.
      const shading = cell.tc ? shadingSplice(doc.xml, cell.tc, MARK_FILLS[mark.severity]) : null;
      if (shading) splices.push(shading.splice);
      const record: MarkRecord = {
        cell: mark.cell,
        severity: mark.severity,
        comment: null,
        fill: shading?.originalFill ?? "",
        at: cell.at || null,
        ...(shading ? { shd: shading.shd, written: shading.written } : {}),
      };
      if (withComments && copy === 0 && cell.paragraph && mark.findings.length > 0) {
        const id = commentId++;
        const comment = commentSplice(doc.xml, cell.paragraph, id);
        splices.push(comment.splice);
        comments.push(commentXml(id, commentText(mark), date));
        record.comment = String(id);
        if (comment.para) record.para = comment.para;
      }
      // A copy with neither shading nor an opened paragraph leaves nothing a record must undo: its comment is found by its prefix.
      if (shading || record.para) records.push(record);
    });
  }
  setPartText(doc.pkg, doc.pkg.mainPart, applySplices(doc.xml, splices));
  addComments(doc.pkg, doc.pkg.mainPart, comments);
  // Nothing marked and nothing dismissed: no part is added, so a clean document stays as it was.
  if (records.length > 0 || doc.state.dismissals.length > 0) writeState(doc, { marks: records, dismissals: doc.state.dismissals });
  return doc.pkg;
}

/** Cells found by content control, grouped by id (a duplicated control is marked in each place). */
export function locateByControls(doc: DocxDocument): Map<string, LocatedCell[]> {
  const located = new Map<string, LocatedCell[]>();
  for (const cell of controlCells(doc)) located.set(cell.id, [...(located.get(cell.id) ?? []), cell]);
  return located;
}

function removeExact(text: string, piece: string): string {
  const at = text.indexOf(piece);
  return at < 0 ? text : text.slice(0, at) + text.slice(at + piece.length);
}

/** Cells a mark record points at: by content-control tag, else by position. */
function recordedCells(doc: DocxDocument, record: MarkRecord): XmlElement[] {
  const byTag = controlCells(doc)
    .filter((cell) => cell.id === record.cell)
    .flatMap((cell) => (cell.tc ? [cell.tc] : []));
  if (byTag.length > 0) return byTag;
  if (!record.at) return [];
  return [...cellPositions(doc.root).entries()].filter(([, at]) => at === record.at).map(([tc]) => tc);
}

/** What a clear did: shadings put back, comments removed, and recorded marks it could not find (or that the user changed since). */
export interface ClearReport {
  shadings: number;
  comments: number;
  notFound: number;
}

const shdOf = (fill: string) => `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
/** Every XML the annotator writes into a cell: a record that says otherwise is not ours, and is not trusted. */
const WRITTEN_FORMS = new Set(Object.values(MARK_FILLS).flatMap((fill) => [shdOf(fill), `<w:tcPr>${shdOf(fill)}</w:tcPr>`]));

/** Is `xml` one empty element of one of these names (what a record may put back: the original w:shd, w:tcPr or w:p)? */
function isSingleEmptyElement(xml: string, names: readonly string[]): boolean {
  if (xml === "") return true;
  try {
    const root = parseXml(`<x xmlns:w="${W_NS}">${xml}</x>`);
    const only = root.children[0];
    return (
      root.children.length === 1 &&
      only !== undefined &&
      names.includes(only.name) &&
      only.children.length === 0 &&
      only.text === "" &&
      root.text === ""
    );
  } catch {
    return false;
  }
}

function isOurFill(tc: XmlElement): XmlElement | null {
  const shd = child(child(tc, "w:tcPr") ?? tc, "w:shd");
  const fill = (shd?.attrs.get("w:fill") ?? "").toUpperCase();
  return shd && Object.values(MARK_FILLS).includes(fill) ? shd : null;
}

/** Puts a cell's fill back where the cell shows one of our mark colours; nothing otherwise (the user's colour stays). */
function restoreFill(xml: string, tc: XmlElement, fill: string): Splice | null {
  const shd = isOurFill(tc);
  if (!shd) return null;
  const tag = xml.slice(shd.start, shd.end);
  const restored = tag.replace(/\bw:fill\s*=\s*(["'])[^"']*\1/, `w:fill="${fill.replace(/^#/, "") || "auto"}"`);
  return { from: shd.start, to: shd.end, text: restored };
}

/** One record's cells put back: exactly as before where our XML is there untouched, else by fill where our colour shows. */
function restoreRecord(doc: DocxDocument, record: MarkRecord, done: Set<XmlElement>): Splice[] {
  const splices: Splice[] = [];
  const exact =
    record.written !== undefined && WRITTEN_FORMS.has(record.written) && isSingleEmptyElement(record.shd ?? "", ["w:shd", "w:tcPr"]);
  for (const tc of recordedCells(doc, record)) {
    if (done.has(tc)) continue;
    const at = exact ? doc.xml.indexOf(record.written!, tc.start) : -1;
    const splice =
      at >= 0 && at + record.written!.length <= tc.end && isOurFill(tc)
        ? { from: at, to: at + record.written!.length, text: record.shd ?? "" }
        : restoreFill(doc.xml, tc, record.fill);
    if (!splice) continue;
    splices.push(splice);
    done.add(tc);
  }
  return splices;
}

/**
 * Removes our marks, recognised in the document itself: comments that start with our prefix (whoever numbered
 * them), and our mark colours on cells the record names or on cells of our content controls. The record says how to
 * put a cell back exactly; it is never trusted to remove anything else (a record that names other XML is ignored,
 * and a cell the user re-coloured keeps its colour). Parts we created go when they hold nothing else. Dismissals
 * stay. A document with nothing of ours is left byte for byte as it was.
 */
export function clearMarks(doc: DocxDocument): ClearReport {
  const { pkg } = doc;
  const commentIds = prefixedCommentIds(pkg);
  const done = new Set<XmlElement>();
  const splices: Splice[] = [];
  let notFound = 0;
  for (const record of doc.state.marks) {
    const restored = restoreRecord(doc, record, done);
    if (restored.length === 0 && !(record.comment && commentIds.includes(record.comment))) notFound++;
    splices.push(...restored);
  }
  // Marks whose record is gone (a program that dropped the part, Word's own undo of it): our colour on our control's cell.
  for (const cell of controlCells(doc)) {
    if (!cell.tc || done.has(cell.tc)) continue;
    const splice = restoreFill(doc.xml, cell.tc, "FFFFFF");
    if (splice) {
      splices.push(splice);
      done.add(cell.tc);
    }
  }
  if (splices.length === 0 && commentIds.length === 0 && doc.state.marks.length === 0) return { shadings: 0, comments: 0, notFound: 0 };
  let xml = applySplices(doc.xml, splices);
  for (const record of doc.state.marks) {
    if (!record.comment || !commentIds.includes(record.comment) || !record.para || !isSingleEmptyElement(record.para, ["w:p"])) continue;
    // An empty paragraph we had to open: the opened form holds the id, so it is unique.
    xml = xml.replace(`${record.para.replace(/\s*\/>$/, ">")}${anchor(record.comment)}</w:p>`, () => record.para!);
  }
  setPartText(pkg, pkg.mainPart, removeCommentAnchors(xml, commentIds));
  removeComments(pkg, commentIds);
  const remaining: AnnotationState = { marks: [], dismissals: doc.state.dismissals };
  if (remaining.dismissals.length > 0) writeState(doc, remaining);
  else removeStatePart(doc);
  return { shadings: done.size, comments: commentIds.length, notFound };
}

/**
 * Ours: the text starts with our prefix, or our author and initials are on it (LibreOffice re-saves our comments
 * with their author but, seen with 7.4, without their text).
 */
function isOurComment(comment: XmlElement): boolean {
  if (wordText(comment).startsWith(COMMENT_PREFIX)) return true;
  return comment.attrs.get("w:author") === COMMENT_AUTHOR && comment.attrs.get("w:initials") === COMMENT_INITIALS;
}

/** Comments that start with our prefix: ours, also when Word (through the add-in) wrote them with its own ids. */
function prefixedCommentIds(pkg: DocxPackage): string[] {
  const path = commentsPartPath(pkg, pkg.mainPart);
  const xml = path ? partText(pkg, path) : undefined;
  if (!xml) return [];
  const root = parseXml(xml);
  return [...descendants(root, "w:comment")]
    .filter((comment) => isOurComment(comment))
    .flatMap((comment) => {
      const id = comment.attrs.get("w:id");
      return id === undefined ? [] : [id];
    });
}

/** Anchors of the given comments in whatever form the writer used: range marks and the reference's run. */
function removeCommentAnchors(xml: string, ids: readonly string[]): string {
  const doomed = new Set(ids);
  const root = parseXml(xml);
  const splices: Splice[] = [];
  for (const element of descendants(root)) {
    const id = element.attrs.get("w:id") ?? "";
    if (!doomed.has(id)) continue;
    if (element.name === "w:commentRangeStart" || element.name === "w:commentRangeEnd")
      splices.push({ from: element.start, to: element.end, text: "" });
    if (element.name === "w:commentReference") {
      const run = element.parent?.name === "w:r" ? element.parent : element;
      splices.push({ from: run.start, to: run.end, text: "" });
    }
  }
  return applySplices(xml, splices);
}

function removeComments(pkg: DocxPackage, ids: readonly string[]): void {
  const path = commentsPartPath(pkg, pkg.mainPart);
  const xml = path ? partText(pkg, path) : undefined;
  if (!path || xml === undefined) return;
  const root = parseXml(xml);
  const ours = new Set(ids);
  const doomed = [...descendants(root, "w:comment")].filter((comment) => ours.has(comment.attrs.get("w:id") ?? ""));
  const left = applySplices(
    xml,
    doomed.map((comment) => ({ from: comment.start, to: comment.end, text: "" })),
  );
  const relsPath = relsPathOf(pkg.mainPart);
  const rels = partText(pkg, relsPath) ?? "";
  const ourRel = rels.includes(`Id="${COMMENTS_REL_ID}"`);
  if (ourRel && descendants(parseXml(left), "w:comment").next().done) {
    pkg.files.delete(path);
    setPartText(pkg, relsPath, removeExact(rels, commentsRel(pkg.mainPart)));
    setPartText(pkg, "[Content_Types].xml", removeExact(partText(pkg, "[Content_Types].xml")!, COMMENTS_OVERRIDE));
  } else {
    setPartText(pkg, path, left);
  }
}

function removeStatePart(doc: DocxDocument): void {
  const { pkg } = doc;
  const item = doc.statePart;
  if (!item) return;
  const index = Number(/item(\d+)\.xml$/.exec(item)?.[1]);
  const relsPath = relsPathOf(pkg.mainPart);
  const rels = partText(pkg, relsPath) ?? "";
  if (!rels.includes(stateRel(index))) {
    // Not a part we created (Word made it through the add-in): keep it, emptied of marks.
    setPartText(pkg, item, serializeState({ marks: [], dismissals: [] }));
    return;
  }
  pkg.files.delete(item);
  pkg.files.delete(`customXml/itemProps${index}.xml`);
  pkg.files.delete(`customXml/_rels/item${index}.xml.rels`);
  setPartText(pkg, relsPath, removeExact(rels, stateRel(index)));
  setPartText(pkg, "[Content_Types].xml", removeExact(partText(pkg, "[Content_Types].xml")!, stateOverride(index)));
  doc.statePart = null;
}
