/**
 * The parts of a report around its tables: the title (agency and year), the six section headings, and the
 * decision which format the report follows. Shared by the text and .docx readers.
 */
import type { CellReading, ReportReading } from "../domain/reading";
import { formatCells } from "../domain/cells";
import { readFinding, type Finding } from "../domain/findings";
import { FORMATS, formatById, formatForYear, supersedes, type FormatId } from "../domain/formats";
import { SECTION_HEADINGS } from "../domain/formats/shared";
import { coverage, labelKey } from "../domain/labels";
import type { FormatDecl, TableId } from "../domain/formatModel";
import { ReportReadError } from "./errors";
import type { TablePlacement } from "./placement";

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
  const head = paragraphs
    .map((text) => text.trim())
    .filter((text) => text !== "")
    .slice(0, 6);
  // A whole title on one line first (a page's menu lines before it must not become part of the agency's name) …
  for (const line of head) {
    const match = TITLE.exec(line.normalize("NFKC").replace(/\s+/g, ""));
    const organization = (match?.[1] || match?.[3] || "").trim();
    if (match && organization !== "") return { organization, year: Number(match[2]), source: "title" };
  }
  // … else a title wrapped over lines (洪泽区人民政府 / 2023 年政府信息公开工作年度报告).
  for (let start = 0; start < head.length; start++) {
    const joined = head
      .slice(start, start + 3)
      .join("")
      .normalize("NFKC")
      .replace(/\s+/g, "");
    const match = TITLE.exec(joined);
    if (match) {
      const organization = (match[1] || match[3] || "").trim();
      return { organization: organization === "" ? null : organization, year: Number(match[2]), source: "title" };
    }
  }
  const text = paragraphs
    .join("\n")
    .normalize("NFKC")
    .replace(/[ \t]+/g, "");
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

/** A bracketed note a tool added after a heading (“一、总体情况 (重复率: 40%)”): not part of the heading. */
const TRAILING_NOTE = /[（(【[][^（(【[）)】\]]{0,40}[）)】\]]$/;

/** Finds the six headings in order; a heading whose wording or number differs is still found, and reported. */
export function findHeadings(paragraphs: readonly string[]): HeadingHit[] {
  const keys = paragraphs.map((text) => {
    const key = labelKey(text);
    const bare = key.replace(TRAILING_NOTE, "");
    // Only a note after one of the headings' words is dropped: the row labels of 表三 end in brackets of their own.
    return bare !== key && SECTION_HEADINGS.some((heading) => bare === labelKey(heading) || bare.endsWith(headingBody(heading)))
      ? bare
      : key;
  });
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
    if (!hit)
      return [
        readFinding("FMT-HEADING-MISSING", "warning", null, `FMT-HEADING-MISSING:${section + 1}`, {
          kind: "headingMissing",
          section,
          heading,
        }),
      ];
    if (hit.kind === "exact") return [];
    const rule = hit.kind === "renamed" ? "FMT-HEADING-RENAMED" : "FMT-HEADING-RENUMBERED";
    return [
      readFinding(rule, "warning", null, `${rule}:${section + 1}`, {
        kind: "headingChanged",
        section,
        heading,
        text: hit.text,
        change: hit.kind,
      }),
    ];
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
  if (year !== null) return formatForYear(year).id;
  return seen[0] ?? null;
}

/** No table and no title: whatever the file is, it is not an annual report, and saying "错误 0 项" would mislead. */
function notAReport(parts: ReadParts): ReportReading | null {
  if (parts.title.source === "title" || parts.placements.some((placement) => placement.found) || parts.headings.length >= 3) return null;
  return {
    format: null,
    year: parts.yearOverride ?? null,
    organization: null,
    cells: [],
    findings: [readFinding("READ-NOT-A-REPORT", "error", null, "READ-NOT-A-REPORT", { kind: "notAReport" })],
    explainedMissing: FORMATS.flatMap((format) => formatCells(format).map((cell) => cell.id)),
  };
}

/**
 * Where a report begins: a title line followed, within a few lines, by the first section heading. Two of them mean
 * two reports in one file (concatenated, or pasted twice), which are refused rather than read as one.
 */
export function reportStarts(paragraphs: readonly string[]): number[] {
  const first = labelKey(SECTION_HEADINGS[0]);
  const starts: number[] = [];
  paragraphs.forEach((text, index) => {
    const line = text.normalize("NFKC").replace(/\s+/g, "");
    if (line.length > 80 || !TITLE.test(line)) return;
    const next = paragraphs.slice(index + 1, index + 40).map(labelKey);
    if (!next.some((key) => key.startsWith(first))) return;
    // A title repeated before any section began (a page's <title> and its heading) is one report's.
    const previous = starts[starts.length - 1];
    if (previous !== undefined && !paragraphs.slice(previous + 1, index).some((paragraph) => labelKey(paragraph).startsWith(first))) return;
    starts.push(index);
  });
  return starts;
}

export function refuseSeveralReports(paragraphs: readonly string[], where: (index: number) => string): void {
  const starts = reportStarts(paragraphs);
  if (starts.length < 2) return;
  throw new ReportReadError(
    "SEVERAL_REPORTS",
    `文件中有 ${starts.length} 份年度报告（分别从${starts.map(where).join("、")}开始），请把每份报告存为单独的文件再检查`,
  );
}

/** Puts the reader's parts together: the format decision, the FMT-* findings, the cells. */
export function assembleReading(parts: ReadParts): ReportReading {
  const empty = notAReport(parts);
  if (empty) return empty;
  const year = parts.yearOverride ?? parts.title.year;
  const variants = new Map(parts.placements.map((placement) => [placement.table, placement.variant]));
  const format = parts.knownFormat ?? decideFormat([variants.get("t2") ?? null, variants.get("t3") ?? null], year);
  const findings: Finding[] = [...(parts.findings ?? []), ...headingFindings(parts.headings)];
  const explainedMissing: string[] = [];
  const cells: CellReading[] = parts.placements.flatMap((placement) => placement.cells);

  if (parts.title.source !== "title") {
    const yearFrom = year === null ? "none" : parts.yearOverride ? "override" : "text";
    findings.push(readFinding("FMT-TITLE-MISSING", "warning", null, "FMT-TITLE-MISSING", { kind: "titleMissing", year, yearFrom }));
  }
  const decl = format ? formatById(format) : null;
  for (const placement of parts.placements) {
    findings.push(...placement.findings);
    if (!placement.found && decl) {
      findings.push(
        readFinding("FMT-TABLE-MISSING", "error", placement.table, `FMT-TABLE-MISSING:${placement.table}`, {
          kind: "tableMissing",
          table: placement.table,
        }),
      );
      explainedMissing.push(...tableCellIds(decl, placement.table));
    }
  }
  if (decl) findings.push(...formatFindings(decl, year, variants, explainedMissing));
  return { format, year, organization: parts.title.organization, cells, findings, explainedMissing };
}

function tableCellIds(format: FormatDecl, table: TableId): string[] {
  return formatCells(format)
    .filter((cell) => cell.table === table)
    .map((cell) => cell.id);
}

/**
 * A format other than the year's (outdated, or newer than the year), and tables printed in the layout of a
 * format this one supersedes, as the format declares them (`oldLayouts`).
 */
function formatFindings(format: FormatDecl, year: number | null, variants: Map<TableId, FormatId | null>, explained: string[]): Finding[] {
  const findings: Finding[] = [];
  const expected = year !== null ? formatForYear(year) : null;
  if (expected && year !== null && supersedes(expected, format)) {
    findings.push(
      readFinding("FMT-OLD-FORMAT", "error", null, "FMT-OLD-FORMAT", {
        kind: "outdatedFormat",
        year,
        format: format.id,
        expected: expected.id,
      }),
    );
    return findings;
  }
  if (expected && year !== null && supersedes(format, expected)) {
    findings.push(
      readFinding("FMT-NEWER-FORMAT", "warning", null, "FMT-NEWER-FORMAT", {
        kind: "newerFormat",
        year,
        format: format.id,
        expected: expected.id,
      }),
    );
  }
  for (const layout of format.oldLayouts) {
    const variant = variants.get(layout.table) ?? null;
    if (variant === null || !supersedes(format, formatById(variant))) continue;
    findings.push(
      readFinding(layout.rule, "error", layout.table, layout.rule, {
        kind: "oldLayout",
        table: layout.table,
        format: format.id,
        oldFormat: variant,
        handling: layout.handling,
      }),
    );
    if (layout.handling === "replaced") explained.push(...tableCellIds(format, layout.table));
  }
  return findings;
}
