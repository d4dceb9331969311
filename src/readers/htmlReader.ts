/**
 * Web pages (.html, .htm): a report as agencies publish it on their sites. Parsed with parse5, the WHATWG HTML
 * parser (the same tree a browser builds from the same broken markup, which government CMS pages often are), then
 * turned into the grid model: the text blocks in order as paragraphs, and every table that holds no other table as
 * a grid (layout tables around the content are left out; a cell spanning rows or columns appears once, in its first
 * row, as in a .docx). Site navigation, scripts and styles are ignored.
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";
import type { Grid, GridDocument, GridRow } from "../domain/reading";
import { ReportReadError } from "./errors";
import { classifyTable, readingFromGrids } from "./gridReader";
import { hasExtension, type ReportReader } from "./registry";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const SKIPPED = new Set(["script", "style", "noscript", "template", "nav", "header", "footer", "head", "select", "button"]);
const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "dt",
  "dd",
  "section",
  "article",
  "blockquote",
  "center",
  "tr",
  "caption",
]);
/** Bounds for a page from anywhere: a report page has a few thousand elements. */
const MAX_ELEMENTS = 500_000;

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childrenOf(node: Node): Node[] {
  return "childNodes" in node ? node.childNodes : [];
}

/** The page's charset: its byte-order mark, else <meta charset> or http-equiv in its first bytes, else UTF-8 if valid, else GB18030. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared) {
    try {
      return new TextDecoder(declared === "gb2312" || declared === "gbk" ? "gb18030" : declared).decode(bytes);
    } catch {
      // an encoding name Node does not know: fall through to the guess
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Text of a node as a reader sees it: <br> and block ends as line breaks, runs of white space as one space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function textOf(node: Node): string {
  // Control characters are never shown; LibreOffice's "HTML (StarWriter)" export writes a content control's
  // field marks (U+0004, U+0005) into the page as such.
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value.replace(CONTROL_CHARACTERS, "");
  if (!isElement(node) && node.nodeName !== "#document-fragment") return "";
  if (isElement(node) && SKIPPED.has(node.tagName)) return "";
  if (isElement(node) && node.tagName === "br") return "\n";
  const inner = childrenOf(node).map(textOf).join("");
  return isElement(node) && BLOCKS.has(node.tagName) ? `${inner}\n` : inner;
}

function cellText(cell: Element): string {
  return textOf(cell)
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function containsTable(element: Element): boolean {
  return childrenOf(element).some((child) => isElement(child) && (child.tagName === "table" || containsTable(child)));
}

/** The rows of a table that are its own (not those of a table nested in a cell). */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child) || child.tagName === "table") continue;
      if (child.tagName === "tr") rows.push(child);
      else visit(child);
    }
  };
  visit(table);
  return rows;
}

function gridOf(table: Element, tableNumber: number): Grid {
  const rows: GridRow[] = ownRows(table).map((tr, index) => {
    const where = { kind: "tableRow" as const, table: tableNumber, row: index + 1 };
    const cells = childrenOf(tr)
      .filter((child): child is Element => isElement(child) && (child.tagName === "td" || child.tagName === "th"))
      .map((cell) => ({ text: cellText(cell), where }));
    return { cells, where };
  });
  return { rows };
}

/** Paragraphs outside the report's tables, and the tables that hold no other table, in document order. */
export function htmlGridDocument(html: string): GridDocument {
  const document = parse(html);
  const paragraphs: string[] = [];
  const tables: Grid[] = [];
  let elements = 0;
  let title = "";
  let buffer = "";
  const flush = () => {
    for (const line of buffer.split("\n")) {
      const text = line.replace(/[\s\u00a0]+/g, " ").trim();
      if (text !== "") paragraphs.push(text);
    }
    buffer = "";
  };
  const visit = (node: Node) => {
    if (++elements > MAX_ELEMENTS) throw new ReportReadError("TOO_LARGE", `网页元素超过 ${MAX_ELEMENTS} 个，不像年度报告，已拒绝读取`);
    if (node.nodeName === "#text") {
      buffer += (node as DefaultTreeAdapterMap["textNode"]).value;
      return;
    }
    if (!isElement(node)) {
      childrenOf(node).forEach(visit);
      return;
    }
    if (node.tagName === "title") title = cellText(node);
    if (node.tagName === "head")
      childrenOf(node)
        .filter((child) => isElement(child) && child.tagName === "title")
        .forEach(visit);
    if (SKIPPED.has(node.tagName) || node.tagName === "title") return;
    // A table that holds no other table and reads as 表二, 三 or 四 is a grid; any other (layout) table is text.
    if (node.tagName === "table" && !containsTable(node) && classifyTable(textOf(node)) !== null) {
      flush();
      tables.push(gridOf(node, tables.length + 1));
      return;
    }
    if (node.tagName === "br") buffer += "\n";
    const block = BLOCKS.has(node.tagName) || node.tagName === "td" || node.tagName === "th";
    if (block) buffer += "\n";
    childrenOf(node).forEach(visit);
    if (block) buffer += "\n";
  };
  visit(document);
  flush();
  // A CMS page puts its menus before the article: the page's <title> stands first, where the title is looked for.
  return { paragraphs: title ? [title, ...paragraphs] : paragraphs, tables };
}

export const HTML_READER: ReportReader = {
  id: "html",
  sniff: (bytes, name) =>
    hasExtension(name, ".html", ".htm") || /^\s*(?:<!doctype html|<html)/i.test(new TextDecoder("latin1").decode(bytes.subarray(0, 256))),
  read: (bytes, options) => readingFromGrids(htmlGridDocument(decodeHtml(bytes)), options),
};
