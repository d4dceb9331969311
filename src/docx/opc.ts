/**
 * Packaging the template: a complete .docx (zip) and a flat-OPC string (pkg:package) for Word's insertOoxml.
 * Both carry the same document body from the template builder.
 */
import { strToU8, zipSync } from "fflate";
import { FONTS, R_NS, W_NS } from "./wml";
import { escapeAttribute, escapeText } from "../util/xmlEscape";

export const CONTENT_TYPES = {
  document: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
  settings: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
  fontTable: "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
  comments: "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
};

export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  settings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
  fontTable: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  core: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  app: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage";

/** A4 portrait with the 公文 margins (GB/T 9704: 天头 37 mm, 订口 28 mm): text block 156 × 225 mm. */
const SECTION =
  `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>` +
  `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>`;

export function documentXml(body: string, withSection: boolean): string {
  return `${XML_DECLARATION}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${withSection ? SECTION : ""}</w:body></w:document>`;
}

export function relationshipsXml(relationships: readonly { id: string; type: string; target: string }[]): string {
  const items = relationships
    .map((rel) => `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${escapeAttribute(rel.target)}"/>`)
    .join("");
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

const STYLES =
  `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>` +
  `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${FONTS.body.eastAsia}" w:cs="Times New Roman"/>` +
  `<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
  `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  `</w:styles>`;

const SETTINGS = `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** The font table declares a fallback (altName) for each government font that a machine may lack. */
function fontTableXml(): string {
  const seen = new Set<string>();
  const fonts = Object.values(FONTS)
    .filter((font) => !seen.has(font.eastAsia) && seen.add(font.eastAsia))
    .map(
      (font) =>
        `<w:font w:name="${escapeAttribute(font.eastAsia)}"><w:altName w:val="${escapeAttribute(font.fallback)}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join("");
  return `${XML_DECLARATION}<w:fonts xmlns:w="${W_NS}">${fonts}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

function coreXml(title: string): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeText(title)}</dc:title><dc:creator>gov-report</dc:creator></cp:coreProperties>`
  );
}

const APP = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>gov-report</Application></Properties>`;

function contentTypesXml(overrides: readonly [string, string][]): string {
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    `</Types>`
  );
}

/** A complete .docx holding the given body. */
export function buildDocx(body: string, title: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      contentTypesXml([
        ["/word/document.xml", CONTENT_TYPES.document],
        ["/word/styles.xml", CONTENT_TYPES.styles],
        ["/word/settings.xml", CONTENT_TYPES.settings],
        ["/word/fontTable.xml", CONTENT_TYPES.fontTable],
        ["/docProps/core.xml", CONTENT_TYPES.core],
        ["/docProps/app.xml", CONTENT_TYPES.app],
      ]),
    ),
    "_rels/.rels": strToU8(
      relationshipsXml([
        { id: "rId1", type: REL_TYPES.officeDocument, target: "word/document.xml" },
        { id: "rId2", type: REL_TYPES.core, target: "docProps/core.xml" },
        { id: "rId3", type: REL_TYPES.app, target: "docProps/app.xml" },
      ]),
    ),
    "word/document.xml": strToU8(documentXml(body, true)),
    "word/_rels/document.xml.rels": strToU8(
      relationshipsXml([
        { id: "rId1", type: REL_TYPES.styles, target: "styles.xml" },
        { id: "rId2", type: REL_TYPES.settings, target: "settings.xml" },
        { id: "rId3", type: REL_TYPES.fontTable, target: "fontTable.xml" },
      ]),
    ),
    "word/styles.xml": strToU8(STYLES),
    "word/settings.xml": strToU8(SETTINGS),
    "word/fontTable.xml": strToU8(fontTableXml()),
    "docProps/core.xml": strToU8(coreXml(title)),
    "docProps/app.xml": strToU8(APP),
  };
  return zipSync(files, { level: 6, mtime: new Date("2024-01-01T00:00:00Z") });
}

/** A flat-OPC package for insertOoxml: the body without a section break, so it lands at the cursor. */
export function buildFlatOpc(body: string): string {
  const stripDeclaration = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\n?/, "");
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${stripDeclaration(xml)}</pkg:xmlData></pkg:part>`;
  return (
    `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
    `<pkg:package xmlns:pkg="${PKG_NS}">` +
    part(
      "/_rels/.rels",
      CONTENT_TYPES.relationships,
      relationshipsXml([{ id: "rId1", type: REL_TYPES.officeDocument, target: "word/document.xml" }]),
    ) +
    part("/word/document.xml", CONTENT_TYPES.document, documentXml(body, false)) +
    `</pkg:package>`
  );
}
