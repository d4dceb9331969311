/**
 * WordprocessingML built from small typed pieces (paragraph, run, table, cell, content control). All escaping
 * happens here. Child elements are written in the order the OOXML schema requires.
 */
import { escapeAttribute, escapeText } from "../util/xmlEscape";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** East Asian font roles; each has a font and a fallback declared in the font table. */
export type FontRole = "title" | "heading" | "subheading" | "body" | "table" | "note";

export const FONTS: Record<FontRole, { eastAsia: string; fallback: string }> = {
  title: { eastAsia: "方正小标宋简体", fallback: "宋体" },
  heading: { eastAsia: "黑体", fallback: "SimHei" },
  subheading: { eastAsia: "楷体_GB2312", fallback: "楷体" },
  body: { eastAsia: "仿宋_GB2312", fallback: "仿宋" },
  table: { eastAsia: "宋体", fallback: "SimSun" },
  note: { eastAsia: "楷体_GB2312", fallback: "楷体" },
};

export interface RunProps {
  font: FontRole;
  /** Half-points: 44 = 二号 (22 pt), 32 = 三号 (16 pt), 20 = 10 pt. */
  size: number;
  bold?: boolean;
}

export function run(text: string, props: RunProps): string {
  const font = FONTS[props.font];
  const fonts = `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${escapeAttribute(font.eastAsia)}" w:cs="Times New Roman" w:hint="eastAsia"/>`;
  const bold = props.bold ? "<w:b/><w:bCs/>" : "";
  const rPr = `<w:rPr>${fonts}${bold}<w:sz w:val="${props.size}"/><w:szCs w:val="${props.size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`;
  return `<w:r>${rPr}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
}

export interface ParagraphProps {
  align?: "left" | "center" | "right" | "both";
  /** First-line indent in characters (2 = the usual 两字缩进). */
  firstLineChars?: number;
  /** Exact line spacing in twips (560 = 28 pt). */
  lineExact?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  outlineLevel?: number;
  /** Run properties for the paragraph mark, so an empty paragraph has the right height. */
  mark?: RunProps;
}

export function paragraph(props: ParagraphProps, ...runs: string[]): string {
  const parts: string[] = [];
  if (props.keepNext) parts.push("<w:keepNext/>");
  const spacing = [
    props.before !== undefined ? `w:before="${props.before}"` : "",
    props.after !== undefined ? `w:after="${props.after}"` : "",
    props.lineExact !== undefined ? `w:line="${props.lineExact}" w:lineRule="exact"` : "",
  ].filter((attribute) => attribute !== "");
  if (spacing.length > 0) parts.push(`<w:spacing ${spacing.join(" ")}/>`);
  if (props.firstLineChars)
    parts.push(`<w:ind w:firstLineChars="${props.firstLineChars * 100}" w:firstLine="${props.firstLineChars * 320}"/>`);
  if (props.align) parts.push(`<w:jc w:val="${props.align}"/>`);
  if (props.outlineLevel !== undefined) parts.push(`<w:outlineLvl w:val="${props.outlineLevel}"/>`);
  if (props.mark) parts.push(run("", props.mark).replace(/^<w:r>(<w:rPr>.*<\/w:rPr>).*$/, "$1"));
  return `<w:p>${parts.length > 0 ? `<w:pPr>${parts.join("")}</w:pPr>` : ""}${runs.join("")}</w:p>`;
}

export interface CellProps {
  width: number;
  span?: number;
  vMerge?: "restart" | "continue";
  /** Hex fill; data cells get an explicit white so that a mark can be undone exactly. */
  fill?: string;
}

export function cell(props: CellProps, ...content: string[]): string {
  const parts = [`<w:tcW w:w="${props.width}" w:type="dxa"/>`];
  if (props.span && props.span > 1) parts.push(`<w:gridSpan w:val="${props.span}"/>`);
  if (props.vMerge) parts.push(props.vMerge === "restart" ? `<w:vMerge w:val="restart"/>` : "<w:vMerge/>");
  if (props.fill) parts.push(`<w:shd w:val="clear" w:color="auto" w:fill="${props.fill}"/>`);
  parts.push(`<w:vAlign w:val="center"/>`);
  // A cell must end with a paragraph.
  const body = content.length > 0 ? content.join("") : paragraph({});
  return `<w:tc><w:tcPr>${parts.join("")}</w:tcPr>${body}</w:tc>`;
}

export function row(cells: readonly string[], options: { header?: boolean } = {}): string {
  const trPr = `<w:trPr><w:cantSplit/>${options.header ? "<w:tblHeader/>" : ""}<w:trHeight w:val="397"/></w:trPr>`;
  return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
}

export function table(widths: readonly number[], rows: readonly string[]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("");
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join("")}</w:tblGrid>`;
  return `<w:tbl>${tblPr}${grid}${rows.join("")}</w:tbl>`;
}

export interface ControlProps {
  tag: string;
  title: string;
  id: number;
  /** sdtLocked: the control cannot be deleted, its content can be edited. */
  locked: boolean;
}

/** A block-level rich-text content control (no type element = rich text, which body.contentControls lists). */
export function blockControl(props: ControlProps, content: string): string {
  const lock = props.locked ? `<w:lock w:val="sdtLocked"/>` : "";
  const sdtPr = `<w:sdtPr><w:alias w:val="${escapeAttribute(props.title)}"/><w:tag w:val="${escapeAttribute(props.tag)}"/><w:id w:val="${props.id}"/>${lock}</w:sdtPr>`;
  return `<w:sdt>${sdtPr}<w:sdtContent>${content}</w:sdtContent></w:sdt>`;
}
