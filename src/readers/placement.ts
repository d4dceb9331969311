/**
 * Placing numbers in cells by their labels. A wrong placement is worse than a gap: whatever cannot be placed with
 * confidence is reported as unplaced, with where it was found.
 */
import { cellId, leafOf, leafPaths } from "../domain/cells";
import type { CellReading } from "../domain/reading";
import { positionKey, readFinding, type Finding, type UnplacedReason } from "../domain/findings";
import { FORMATS } from "../domain/formats";
import { commonSubsequenceLength, coverage, labelKey } from "../domain/labels";
import type { GridDecl, HeaderNode, TableDecl, TableId } from "../domain/formatModel";
import type { FormatId } from "../domain/formats";
import type { RawRow } from "./rows";

export interface TablePlacement {
  table: TableId;
  /** Which format's layout the table follows, when the labels tell. */
  variant: FormatId | null;
  cells: CellReading[];
  findings: Finding[];
  /** Some row or value of the table was recognised. */
  found: boolean;
}

function rowText(row: RawRow): string {
  return [...row.labels, ...row.values].join(" ").slice(0, 80);
}

function unplaced(table: TableId, row: RawRow, why: UnplacedReason): Finding {
  return readFinding("READ-UNPLACED", "warning", table, `READ-UNPLACED:${table}:${positionKey(row.where)}`, {
    kind: "unplaced",
    table,
    where: row.where,
    rowText: rowText(row),
    why,
  });
}

function tableDecls(table: TableId): { format: FormatId; decl: TableDecl }[] {
  return FORMATS.map((format) => ({ format: format.id, decl: format.tables.find((candidate) => candidate.id === table)! }));
}

function columnKeys(grid: GridDecl): string[] {
  return leafPaths(grid.columns).map((path) => leafOf(path).key ?? "");
}

/** Values beyond the expected count that are blank (trailing tabs or empty cells) are not data. */
function trimValues(values: readonly string[], expected: number): string[] {
  const trimmed = [...values];
  while (trimmed.length > expected && trimmed[trimmed.length - 1]!.trim() === "") trimmed.pop();
  return trimmed;
}

function cellsOfRow(table: TableId, rowKey: string, columns: readonly string[], values: readonly string[], row: RawRow): CellReading[] {
  return columns.map((column, index) => ({
    id: cellId(table, rowKey, column),
    text: values[index] ?? "",
    where: row.where,
    ...(row.refs ? { source: row.refs[index] } : {}),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// 表三: rows matched by label in document order, tolerant of labels wrapped or interleaved by PDF extraction.

interface RowCandidate {
  node: HeaderNode;
  keys: string[];
  formats: FormatId[];
}

function numericPath(key: string): number[] {
  return key.split("-").map(Number);
}

function comparePaths(a: string, b: string): number {
  const pa = numericPath(a);
  const pb = numericPath(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Leaf rows of every format's 表三, merged in official order (2019's single （六） before 2021's （六）1–3). */
function table3Candidates(): RowCandidate[] {
  const byKey = new Map<string, RowCandidate>();
  for (const { format, decl } of tableDecls("t3")) {
    for (const path of leafPaths(decl.grids[0]!.rows)) {
      const node = leafOf(path);
      const key = node.key ?? "";
      const existing = byKey.get(key);
      if (existing) existing.formats.push(format);
      else byKey.set(key, { node, keys: withoutOrdinals([node.label, ...(node.variants ?? [])].map(labelKey)), formats: [format] });
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => comparePaths(a, b)).map(([, candidate]) => candidate);
}

/** OCR tools and some pages print 表三's row labels without their ordinals (予以公开 for （一）予以公开): both are keys. */
const ORDINAL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+\.)/;

function withoutOrdinals(keys: readonly string[]): string[] {
  // The bare form comes after every printed form, so that a label variant is still told apart (variantIndex).
  const bare = keys.map((key) => key.replace(ORDINAL, "")).filter((key) => key.length >= 2 && !keys.includes(key));
  return [...keys, ...bare];
}

function groupLabelKeys(): string[] {
  const keys = new Set<string>();
  const visit = (nodes: readonly HeaderNode[]) =>
    nodes.forEach((node) => {
      if (node.children) {
        keys.add(labelKey(node.label));
        visit(node.children);
      }
    });
  for (const { decl } of tableDecls("t3")) {
    visit(decl.grids[0]!.rows);
    visit(decl.grids[0]!.columns);
  }
  return [...keys];
}

const T3_CANDIDATES = table3Candidates();
const T3_GROUPS = groupLabelKeys();
const T3_COLUMNS = columnKeys(tableDecls("t3")[0]!.decl.grids[0]!);
const MIN_COVERAGE = 0.8;
const MAX_CONTEXT = 240;
const MAX_LABEL = 400;

/** Drops pieces of merged group labels (三、/本/年/度…, （三）不 / 予公开) that PDF extraction spreads over rows. */
function withoutGroupFragments(row: RawRow): string[] {
  const isData = row.values.length > 0;
  // A data row's one label is its own (其他 in a table without ordinals), even where a group label contains it.
  if (isData && row.labels.length === 1) return [...row.labels];
  return row.labels.filter((label) => {
    const key = labelKey(label);
    return !T3_GROUPS.some((group) => group.includes(key) && (!isData || group !== key));
  });
}

interface Match {
  score: number;
  variantIndex: number;
}

function matchScore(candidate: RowCandidate, context: string, own: string): Match | null {
  let best: Match | null = null;
  candidate.keys.forEach((key, variantIndex) => {
    if (coverage(key, context) < MIN_COVERAGE) return;
    const common = commonSubsequenceLength(key, context);
    const contiguous = context.includes(key) ? key.length * 0.5 : 0;
    const onOwnLine = coverage(key, own) >= MIN_COVERAGE ? key.length * 0.25 : 0;
    const score = common + contiguous + onOwnLine - variantIndex * 0.01;
    if (!best || score > best.score) best = { score, variantIndex };
  });
  return best;
}

export function placeTable3(rows: readonly RawRow[]): TablePlacement {
  // A label is short; anything longer is cut, so that matching costs the same whatever the text holds.
  const labelsOf = rows.map((row) => labelKey(withoutGroupFragments(row).join("")).slice(0, MAX_LABEL));
  const dataIndexes = rows.flatMap((row, index) => (row.values.length > 0 ? [index] : []));
  const contexts = dataIndexes.map((rowIndex, k) => {
    const from = k === 0 ? 0 : dataIndexes[k - 1]! + 1;
    const to = k === dataIndexes.length - 1 ? rows.length : dataIndexes[k + 1]!;
    const before = labelsOf.slice(from, rowIndex).join("").slice(-MAX_CONTEXT);
    const after = labelsOf
      .slice(rowIndex + 1, to)
      .join("")
      .slice(0, MAX_CONTEXT);
    return { context: before + labelsOf[rowIndex]! + after, own: labelsOf[rowIndex]! };
  });
  const scores = contexts.map(({ context, own }) => T3_CANDIDATES.map((candidate) => matchScore(candidate, context, own)));
  const assignment = alignInOrder(scores);

  const placement: TablePlacement = { table: "t3", variant: null, cells: [], findings: [], found: false };
  // Formats whose own rows (printed by no other format) the table has: one such format is the table's layout.
  const ownRows = new Set<FormatId>();
  dataIndexes.forEach((rowIndex, k) => {
    const row = rows[rowIndex]!;
    const candidateIndex = assignment[k];
    if (candidateIndex === undefined) {
      placement.findings.push(unplaced("t3", row, { reason: "noRow" }));
      return;
    }
    const candidate = T3_CANDIDATES[candidateIndex]!;
    placement.found = true;
    const values = trimValues(row.values, T3_COLUMNS.length);
    if (values.length !== T3_COLUMNS.length) {
      placement.findings.push(
        unplaced("t3", row, { reason: "valueCount", row: candidate.node.label, found: values.length, expected: T3_COLUMNS.length }),
      );
      return;
    }
    placement.cells.push(...cellsOfRow("t3", candidate.node.key ?? "", T3_COLUMNS, values, row));
    if (candidate.formats.length === 1) ownRows.add(candidate.formats[0]!);
    const variantIndex = scores[k]![candidateIndex]!.variantIndex;
    // Keys after the variants are the labels without their ordinals: read, and not reported as misprints.
    const variants = candidate.node.variants ?? [];
    if (variantIndex > 0 && variantIndex <= variants.length)
      placement.findings.push(labelVariantFinding("t3", row, candidate.node, variants[variantIndex - 1]!));
  });
  placement.variant = ownRows.size === 1 ? [...ownRows][0]! : null;
  return placement;
}

function labelVariantFinding(table: TableId, row: RawRow, node: HeaderNode, variant: string): Finding {
  return readFinding("FMT-LABEL-VARIANT", "warning", table, `FMT-LABEL-VARIANT:${table}:${node.key}`, {
    kind: "labelVariant",
    table,
    where: row.where,
    variant,
    label: node.label,
  });
}

/**
 * Assigns data rows to candidate rows, both in order, maximising the total match score (an alignment, so that a
 * wrapped label shared by two neighbouring rows goes to the right one). Returns the candidate index per data row.
 */
function alignInOrder(scores: readonly (readonly (Match | null)[])[]): (number | undefined)[] {
  const n = scores.length;
  const m = T3_CANDIDATES.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const match = scores[i - 1]![j - 1];
      const take = match ? best[i - 1]![j - 1]! + match.score : -1;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, take);
    }
  }
  const assignment: (number | undefined)[] = new Array(n).fill(undefined);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const match = scores[i - 1]![j - 1];
    if (match && best[i]![j] === best[i - 1]![j - 1]! + match.score) {
      assignment[i - 1] = j - 1;
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return assignment;
}

// ---------------------------------------------------------------------------------------------------------------
// 表四: one data row of 15 values.

/**
 * 表四's data row printed as its three blocks on three lines (行政复议, 未经复议直接起诉, 复议后起诉, five values
 * each): joined into the one row, in order, where no line holds all fifteen.
 */
function joinedBlocks(rows: readonly RawRow[], columns: number): RawRow[] {
  const data = rows.filter((row) => row.values.length > 0);
  if (data.some((row) => trimValues(row.values, columns).length === columns)) return data;
  const block = columns / 3;
  const start = data.findIndex((row, index) =>
    [0, 1, 2].every((k) => data[index + k] && trimValues(data[index + k]!.values, block).length === block),
  );
  if (start < 0) return data;
  const parts = data.slice(start, start + 3);
  const joined: RawRow = {
    where: parts[0]!.where,
    labels: parts.flatMap((row) => row.labels),
    values: parts.flatMap((row) => trimValues(row.values, block)),
    ...(parts.every((row) => row.refs) ? { refs: parts.flatMap((row) => row.refs!.slice(0, block)) } : {}),
  };
  return [...data.slice(0, start), joined, ...data.slice(start + 3)];
}

export function placeTable4(rows: readonly RawRow[]): TablePlacement {
  const grid = tableDecls("t4")[0]!.decl.grids[0]!;
  const columns = columnKeys(grid);
  const placement: TablePlacement = { table: "t4", variant: null, cells: [], findings: [], found: false };
  for (const row of joinedBlocks(rows, columns.length)) {
    const values = trimValues(row.values, columns.length);
    if (!placement.found && values.length === columns.length) {
      placement.found = true;
      placement.cells.push(...cellsOfRow("t4", "", columns, values, row));
    } else {
      const why: UnplacedReason = placement.found
        ? { reason: "outsideDataRow" }
        : { reason: "valueCount", row: "表四", found: values.length, expected: columns.length };
      placement.findings.push(unplaced("t4", row, why));
    }
  }
  return placement;
}

// ---------------------------------------------------------------------------------------------------------------
// 表二: rows found by their exact label; the header labels tell the 2019 layout from the 2021 one.

interface Table2Row {
  format: FormatId;
  grid: GridDecl;
  node: HeaderNode;
  key: string;
  variantOf?: string;
}

function table2Rows(): Table2Row[] {
  return tableDecls("t2").flatMap(({ format, decl }) =>
    decl.grids.flatMap((grid) =>
      leafPaths(grid.rows).flatMap((path) => {
        const node = leafOf(path);
        return [
          { format, grid, node, key: labelKey(node.label) },
          ...(node.variants ?? []).map((variant) => ({ format, grid, node, key: labelKey(variant), variantOf: variant })),
        ];
      }),
    ),
  );
}

/** Labels (rows, columns) that one format's 表二 prints and the other's does not. */
function table2Markers(): Map<string, FormatId> {
  const labelsByFormat = tableDecls("t2").map(({ format, decl }) => ({
    format,
    labels: new Set(
      decl.grids.flatMap((grid) => [...leafPaths(grid.rows), ...leafPaths(grid.columns)].map((path) => labelKey(leafOf(path).label))),
    ),
  }));
  const markers = new Map<string, FormatId>();
  for (const { format, labels } of labelsByFormat) {
    for (const label of labels) {
      if (labelsByFormat.every((other) => other.format === format || !other.labels.has(label))) markers.set(label, format);
    }
  }
  return markers;
}

const T2_ROWS = table2Rows();
const T2_MARKERS = table2Markers();

function table2Variant(rows: readonly RawRow[]): FormatId | null {
  const hits = new Map<FormatId, number>();
  for (const label of rows.flatMap((row) => row.labels)) {
    const format = T2_MARKERS.get(labelKey(label));
    if (format) hits.set(format, (hits.get(format) ?? 0) + 1);
  }
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return null;
  return ranked[0]![0];
}

function rowLabelMatch(row: RawRow, variant: FormatId | null): Table2Row | undefined {
  const keys = row.labels.map(labelKey).reverse();
  const joined = labelKey(row.labels.join(""));
  const matches = (entry: Table2Row) => keys.includes(entry.key) || joined.endsWith(entry.key);
  const ordered = [...T2_ROWS].sort(
    (a, b) =>
      Number(b.format === variant) - Number(a.format === variant) ||
      Number(!!a.variantOf) - Number(!!b.variantOf) ||
      b.key.length - a.key.length,
  );
  return ordered.find(matches);
}

export function placeTable2(rows: readonly RawRow[]): TablePlacement {
  const variant = table2Variant(rows);
  const placement: TablePlacement = { table: "t2", variant, cells: [], findings: [], found: false };
  const placed = new Set<string>();
  for (const row of rows.filter((candidate) => candidate.values.length > 0)) {
    const match = rowLabelMatch(row, variant);
    if (!match) {
      placement.findings.push(unplaced("t2", row, { reason: "noRow" }));
      continue;
    }
    const columns = columnKeys(match.grid);
    const values = trimValues(row.values, columns.length);
    if (values.length !== columns.length || placed.has(match.node.key!)) {
      const why: UnplacedReason = placed.has(match.node.key!)
        ? { reason: "duplicateRow", row: match.node.label }
        : { reason: "valueCount", row: match.node.label, found: values.length, expected: columns.length };
      placement.findings.push(unplaced("t2", row, why));
      continue;
    }
    placed.add(match.node.key!);
    placement.found = true;
    placement.cells.push(...cellsOfRow("t2", match.node.key!, columns, values, row));
    if (match.variantOf) placement.findings.push(supersededLabelFinding(row, match));
  }
  if (placement.variant === null && placement.cells.length > 0) {
    placement.variant =
      T2_ROWS.find(
        (entry) =>
          placement.cells[0]!.id.startsWith(`t2.${entry.node.key}.`) &&
          columnKeys(entry.grid).some((column) => placement.cells[0]!.id.endsWith(`.${column}`)),
      )?.format ?? null;
  }
  return placement;
}

/** 规范性文件 where 2021 prints 行政规范性文件: a superseded format's label, so an error (the spec §7 class 1). */
function supersededLabelFinding(row: RawRow, match: Table2Row): Finding {
  const oldFormat = FORMATS.find(
    (format) =>
      format.id !== match.format && T2_ROWS.some((entry) => entry.format === format.id && !entry.variantOf && entry.key === match.key),
  );
  return oldFormat
    ? readFinding("FMT-OLD-LABEL", "error", "t2", `FMT-OLD-LABEL:t2:${match.node.key}`, {
        kind: "oldLabel",
        where: row.where,
        variant: match.variantOf!,
        label: match.node.label,
        format: match.format,
        oldFormat: oldFormat.id,
      })
    : labelVariantFinding("t2", row, match.node, match.variantOf!);
}
