/**
 * The report format as data: the types every format declaration fills in.
 * Nothing here knows of Word, React or the file system.
 */

/** A format's id is its first report year as a string ("2019", "2021"); the union of ids is derived in formats/index.ts. */
export type TableId = "t2" | "t3" | "t4";

/** count: non-negative integer; signedCount: integer that may be negative (2019 本年增/减); amount: decimal money. */
export type ValueType = "count" | "signedCount" | "amount";

/** A row or column header. Leaves carry the key that becomes part of a cell id. */
export interface HeaderNode {
  readonly label: string;
  /** Id part for a leaf (e.g. "3-3-1", "natural"); groups may leave it out. */
  readonly key?: string;
  readonly children?: readonly HeaderNode[];
  /** Column leaves: the value type of every cell in the column (default count). */
  readonly valueType?: ValueType;
  /** Unit printed in the header (本年收费金额（单位：万元）); null when the unit is written inside the cell. */
  readonly unit?: string | null;
  /** A group left out of control titles because it spans the whole table (申请人情况, 三、本年度办理结果). */
  readonly omitFromTitle?: boolean;
  /** Variants seen in published reports: accepted when reading, reported as label variants. */
  readonly variants?: readonly string[];
}

/** One rectangular block of a table: header rows and columns; every leaf row × leaf column is a data cell. */
export interface GridDecl {
  /** Block title row, e.g. 第二十条第（一）项. */
  readonly title?: string;
  /** Top-left header cell: 信息内容, or 表三's reconciliation note. */
  readonly corner?: string;
  readonly rows: readonly HeaderNode[];
  readonly columns: readonly HeaderNode[];
}

export type ValueRuleId = "T2-A" | "T3-D" | "T4-D";

export interface TableDecl<Id extends TableId = TableId, Grids extends readonly GridDecl[] = readonly GridDecl[]> {
  readonly id: Id;
  /** 二 / 三 / 四 */
  readonly numeral: string;
  /** The section heading the table stands under. */
  readonly heading: string;
  readonly valueRule: ValueRuleId;
  readonly grids: Grids;
}

export type Severity = "error" | "warning";

/** target = Σ plus − Σ minus. `shape` chooses how the message explains it. */
export interface SumRule {
  readonly kind: "sum";
  readonly id: string;
  readonly severity: Severity;
  readonly shape: "rowTotal" | "columnTotal" | "balance" | "groupTotal";
  readonly target: string;
  readonly plus: readonly string[];
  readonly minus: readonly string[];
}

/** left ≤ right (a plausibility check, 2019 T2-B). */
export interface OrderRule {
  readonly kind: "atMost";
  readonly id: string;
  readonly severity: Severity;
  readonly left: string;
  readonly right: string;
}

export type RuleDecl = SumRule | OrderRule;

/** A superseded row the reader may meet: its cell stands for the sum of the current cells. */
export interface LegacyCell {
  readonly legacy: string;
  readonly replaces: readonly string[];
}

/**
 * How a report in this format may still print a table in the layout of the format it supersedes:
 * - "replaced": the old table cannot stand for the new one; its cells are read and checked by the old rules, the
 *   new table's cells are reported missing only through this finding;
 * - "legacyRows": old rows stand for the sum of new rows (legacyCells), and the new rules are checked with them.
 */
export interface OldLayout {
  readonly table: TableId;
  /** The finding id reported (FMT-OLD-T2, FMT-OLD-T3-OTHER). */
  readonly rule: string;
  readonly handling: "replaced" | "legacyRows";
}

/** this year's `current` equals last year's `previous` (X1: 二、上年结转 = 上年 四、结转下年度继续办理). */
export interface CarryRule {
  readonly kind: "carry";
  readonly id: string;
  readonly severity: Severity;
  readonly current: string;
  readonly previous: string;
}

/** this year's `current` = last year's `previous` + Σ plus − Σ minus of this year (X2: 现行有效件数). */
export interface StockRule {
  readonly kind: "stock";
  readonly id: string;
  readonly severity: Severity;
  readonly current: string;
  readonly previous: string;
  readonly plus: readonly string[];
  readonly minus: readonly string[];
}

/** Checks between two consecutive years' reports of one agency; a rule applies when both reports hold its cells. */
export type CrossYearRule = CarryRule | StockRule;

export interface FormatDecl<Id extends string = string, Tables extends readonly TableDecl[] = readonly TableDecl[]> {
  /** The first report year, as a string: "2019", "2021". */
  readonly id: Id;
  readonly name: string;
  readonly issuedBy: string;
  /** First report year the format applies to; the next format's first year ends it. */
  readonly firstYear: number;
  /** The format this one revises (null for the first); reports of later years in it are out of date. */
  readonly supersedes: string | null;
  readonly headings: readonly string[];
  readonly tables: Tables;
  readonly rules: readonly RuleDecl[];
  readonly legacyCells: readonly LegacyCell[];
  /** Tables a report in this format may still print in the superseded layout. */
  readonly oldLayouts: readonly OldLayout[];
  readonly crossYearRules: readonly CrossYearRule[];
}

/** A data cell derived from a format declaration. */
export interface CellDecl {
  readonly id: string;
  readonly table: TableId;
  readonly gridIndex: number;
  readonly rowPath: readonly HeaderNode[];
  readonly columnPath: readonly HeaderNode[];
  readonly valueType: ValueType;
  readonly unit: string | null;
  /** Row labels joined by " · ", without groups that span the table. */
  readonly rowLabel: string;
  readonly columnLabel: string;
  /** Content-control title: row label · column label. */
  readonly title: string;
}

/** The keys of a header tree's leaves as a union of string literals, for declarations written `as const`. */
export type LeafKey<N> = N extends { readonly children: readonly (infer C)[] }
  ? LeafKey<C>
  : N extends { readonly key: infer K extends string }
    ? K
    : never;

/** A row key as the middle part of a cell id: 表四's one unlabelled row has key "" and no part. */
type RowPart<K extends string> = K extends "" ? "" : `${K}.`;

/** The cell ids of one grid: every leaf row key with every leaf column key. */
export type GridCellId<Table extends string, G> = G extends { readonly rows: readonly (infer R)[]; readonly columns: readonly (infer C)[] }
  ? `${Table}.${RowPart<LeafKey<R>>}${LeafKey<C>}`
  : never;

/** The cell ids of a table declaration. */
export type TableCellId<T> = T extends { readonly id: infer Id extends string; readonly grids: readonly (infer G)[] }
  ? GridCellId<Id, G>
  : never;

/** The cell ids of a format declaration, for declarations whose tables keep their literal types. */
export type FormatCellId<F> = F extends { readonly tables: readonly (infer T)[] } ? TableCellId<T> : never;
