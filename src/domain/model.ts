/**
 * The report format as data: the types every format declaration fills in.
 * Nothing here knows of Word, React or the file system.
 */

export type FormatId = "2019" | "2021";
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

export interface TableDecl {
  readonly id: TableId;
  /** 二 / 三 / 四 */
  readonly numeral: string;
  /** The section heading the table stands under. */
  readonly heading: string;
  readonly valueRule: ValueRuleId;
  readonly grids: readonly GridDecl[];
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

export interface FormatDecl {
  readonly id: FormatId;
  readonly name: string;
  readonly issuedBy: string;
  /** First report year the format applies to; the next format's first year ends it. */
  readonly firstYear: number;
  readonly headings: readonly string[];
  readonly tables: readonly TableDecl[];
  readonly rules: readonly RuleDecl[];
  readonly legacyCells: readonly LegacyCell[];
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

/** The cell ids of one grid: every leaf row key with every leaf column key. */
export type GridCellId<Table extends string, G> = G extends { readonly rows: readonly (infer R)[]; readonly columns: readonly (infer C)[] }
  ? `${Table}.${LeafKey<R>}.${LeafKey<C>}`
  : never;
