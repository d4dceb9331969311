/**
 * The parts of a report around its tables: the title (agency and year), the six section headings, and the
 * decision which format the report follows. Shared by the text and .docx readers.
 */
import type { CellReading, ReportReading } from "../domain/check";
import { formatCells } from "../domain/cells";
import type { Finding } from "../domain/findings";
import { FORMATS, formatById } from "../domain/formats";
import { SECTION_HEADINGS } from "../domain/formats/shared";
import { coverage, labelKey } from "../domain/labels";
import type { FormatId, TableId } from "../domain/model";
import { tableTitle } from "../domain/tables";
import type { TablePlacement } from "./placement";

/** A finding about the report's format (FMT-*) or about reading it (READ-*), not tied to cells. */
export function readFinding(rule: string, severity: Finding["severity"], table: TableId | null, message: string, key: string): Finding {
  return { rule, severity, category: rule.startsWith("FMT-") ? "format" : "read", message, cells: [], expected: null, actual: null, table, key };
}

export interface TitleInfo {
  organization: string | null;
  year: number | null;
  /** Where the year came from: the title, the 统计期限 sentence, or the most frequent year in the text. */
  source: "title" | "period" | "text" | "none";
}

const TITLE = /^(.{0,60}?)(\d{4})年度?(.{0,40}?)政府信息公开(?:工作)?年度报告/;
const PERIOD = /统计期限[^0-9]{0,8}(\d{4})年1月1日/;

/** The title from the first lines: "洪泽区人民政府 / 2023 年政府信息公开工作年度报告", or year first. */
export function findTitle(paragraphs: readonly string[]): TitleInfo {
  const head = paragraphs.map((text) => text.trim()).filter((text) => text !== "").slice(0, 6);
  for (let start = 0; start < head.length; start++) {
    const joined = head.slice(start, start + 3).join("").normalize("NFKC").replace(/\s+/g, "");
    const match = TITLE.exec(joined);
    if (match) {
      const organization = (match[1] || match[3] || "").trim();
      return { organization: organization === "" ? null : organization, year: Number(match[2]), source: "title" };
    }
  }
  const text = paragraphs.join("\n").normalize("NFKC").replace(/[ \t]+/g, "");
  const period = PERIOD.exec(text);
  if (period) return { organization: null, year: Number(period[1]), source: "period" };
  const years = [...text.matchAll(/(20\d{2})年/g)].map((match) => Number(match[1]));
  if (years.length === 0) return { organization: null, year: null, source: "none" };
  const counts = new Map<number, number>();
  years.forEach((year) => counts.set(year, (counts.get(year) ?? 0) + 1));
  const [year] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  return { organization: null, year, source: "text" };
}

export interface HeadingHit {
  /** Index into SECTION_HEADINGS. */
  section: number;
  paragraph: number;
  kind: "exact" | "renamed" | "renumbered";
  text: string;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六"];
/** Row labels of 表三 that start like a heading (四、结转下年度继续办理): never a heading. */
const ROW_LABELS = new Set(FORMATS.flatMap((format) => formatCells(format).map((cell) => labelKey(cell.rowPath[0]!.label))));

function headingBody(heading: string): string {
  return labelKey(heading).replace(/^[一二三四五六七八九十]+、/, "");
}

/** Finds the six headings in order; a heading whose wording or number differs is still found, and reported. */
export function findHeadings(paragraphs: readonly string[]): HeadingHit[] {
  const keys = paragraphs.map(labelKey);
  const hits: HeadingHit[] = [];
  let from = 0;
  SECTION_HEADINGS.forEach((heading, section) => {
    const key = labelKey(heading);
    const body = headingBody(heading);
    const exact = keys.findIndex((text, index) => index >= from && text.startsWith(key) && text.length <= key.length + 4);
    if (exact >= 0) {
      hits.push({ section, paragraph: exact, kind: "exact", text: paragraphs[exact]!.trim() });
      from = exact + 1;
      return;
    }
    const isHeadingLike = (text: string) => /^[一二三四五六七八九十]+、/.test(text) && text.length <= 40 && !ROW_LABELS.has(text);
    const renumbered = keys.findIndex((text, index) => index >= from && isHeadingLike(text) && headingBody(text) === body);
    if (renumbered >= 0) {
      hits.push({ section, paragraph: renumbered, kind: "renumbered", text: paragraphs[renumbered]!.trim() });
      from = renumbered + 1;
      return;
    }
    const renamed = keys.findIndex(
      (text, index) => index >= from && isHeadingLike(text) && text.startsWith(`${NUMERALS[section]}、`) && coverage(body, text) >= 0.5,
    );
    if (renamed >= 0) {
      hits.push({ section, paragraph: renamed, kind: "renamed", text: paragraphs[renamed]!.trim() });
      from = renamed + 1;
    }
  });
  return hits;
}

export function headingFindings(hits: readonly HeadingHit[]): Finding[] {
  return SECTION_HEADINGS.flatMap((heading, section) => {
    const hit = hits.find((candidate) => candidate.section === section);
    if (!hit) {
      return [readFinding("FMT-HEADING-MISSING", "warning", null, `未找到第${NUMERALS[section]}部分标题“${heading}”`, `FMT-HEADING-MISSING:${section + 1}`)];
    }
    if (hit.kind === "exact") return [];
    const what = hit.kind === "renamed" ? "措辞与标准格式不同" : "序号与标准格式不同";
    const rule = hit.kind === "renamed" ? "FMT-HEADING-RENAMED" : "FMT-HEADING-RENUMBERED";
    return [readFinding(rule, "warning", null, `标题“${hit.text}”${what}，标准格式为“${heading}”`, `${rule}:${section + 1}`)];
  });
}

export interface ReadParts {
  title: TitleInfo;
  headings: readonly HeadingHit[];
  placements: readonly TablePlacement[];
  /** --year from the command line: wins over the year found in the text. */
  yearOverride?: number | null;
  /** Findings the reader made before placing (controls, structure). */
  findings?: readonly Finding[];
  /** A reader that knows the format for sure (our own content controls) says so. */
  knownFormat?: FormatId | null;
}

/** Which format the report follows: the tables' layouts if they agree, else the year's format. */
function decideFormat(variants: (FormatId | null)[], year: number | null): FormatId | null {
  const seen = [...new Set(variants.filter((variant): variant is FormatId => variant !== null))];
  if (seen.length === 1) return seen[0]!;
  if (year !== null) return FORMATS.find((format) => format.firstYear <= year)?.id ?? null;
  return seen[0] ?? null;
}

/** Puts the reader's parts together: the format decision, the FMT-* findings, the cells. */
export function assembleReading(parts: ReadParts): ReportReading {
  const year = parts.yearOverride ?? parts.title.year;
  const byTable = (table: TableId) => parts.placements.find((placement) => placement.table === table);
  const t2 = byTable("t2");
  const t3 = byTable("t3");
  const format = parts.knownFormat ?? decideFormat([t2?.variant ?? null, t3?.variant ?? null], year);
  const findings: Finding[] = [...(parts.findings ?? []), ...headingFindings(parts.headings)];
  const explainedMissing: string[] = [];
  const cells: CellReading[] = parts.placements.flatMap((placement) => placement.cells);

  if (parts.title.source !== "title") {
    const yearText = year === null ? "也未能确定年份，请用 --year 指定" : parts.yearOverride ? `年份按指定的 ${year} 年` : `年份按正文推断为 ${year} 年`;
    findings.push(readFinding("FMT-TITLE-MISSING", "warning", null, `未找到标题“{机关名称}{年份}年政府信息公开工作年度报告”，${yearText}`, "FMT-TITLE-MISSING"));
  }
  const decl = format ? formatById(format) : null;
  for (const placement of parts.placements) {
    findings.push(...placement.findings);
    if (!placement.found && decl) {
      findings.push(readFinding("FMT-TABLE-MISSING", "error", placement.table, `未找到${tableTitle(placement.table)}，无法核对该表`, `FMT-TABLE-MISSING:${placement.table}`));
      explainedMissing.push(...formatCells(decl).filter((cell) => cell.table === placement.table).map((cell) => cell.id));
    }
  }
  if (decl) findings.push(...oldFormatFindings(decl.id, year, t2?.variant ?? null, t3?.variant ?? null, explainedMissing));
  return { format, year, organization: parts.title.organization, cells, findings, explainedMissing };
}

function oldFormatFindings(format: FormatId, year: number | null, t2: FormatId | null, t3: FormatId | null, explained: string[]): Finding[] {
  const findings: Finding[] = [];
  const current = year !== null ? FORMATS.find((candidate) => candidate.firstYear <= year)!.id : null;
  if (current === "2021" && format === "2019") {
    findings.push(
      readFinding("FMT-OLD-FORMAT", "error", null, `${year} 年度报告应使用国办公开办函〔2021〕30号修订的格式，本报告使用的是已废止的 2019 年格式`, "FMT-OLD-FORMAT"),
    );
    return findings;
  }
  if (current === "2019" && format === "2021") {
    findings.push(
      readFinding("FMT-NEWER-FORMAT", "warning", null, `${year} 年度报告通常使用 2019 年格式（国办公开办函〔2019〕60号），本报告使用的是 2021 年修订的格式，请确认`, "FMT-NEWER-FORMAT"),
    );
  }
  if (format === "2021" && t2 === "2019") {
    findings.push(
      readFinding("FMT-OLD-T2", "error", "t2", "表二使用的是 2019 年格式的栏目（本年新制作数量、上一年项目数量、政府集中采购等），2021 年起应改用修订后的表二（本年制发件数、本年废止件数、现行有效件数等）", "FMT-OLD-T2"),
    );
    explained.push(...formatCells(formatById("2021")).filter((cell) => cell.table === "t2").map((cell) => cell.id));
  }
  if (format === "2021" && t3 === "2019") {
    findings.push(
      readFinding("FMT-OLD-T3-OTHER", "error", "t3", "表三“（六）其他处理”按 2019 年格式印为一行；2021 年起应分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行。已按该行合计核对“（七）总计”", "FMT-OLD-T3-OTHER"),
    );
  }
  return findings;
}
