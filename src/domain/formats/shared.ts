/**
 * Parts that the 2019 and 2021 formats print identically: the section headings, 表三's columns and most of its
 * rows, and all of 表四. Labels are the official wording, character for character (see the format spec §2–§5).
 */
import type { CarryRule, GridDecl, HeaderNode, LeafKey, RuleDecl, TableDecl } from "../formatModel";
import { leafOf, leafPaths } from "../cells";
import { balances, columnTotals, groupTotals, leafKeysUnder, rowTotals } from "./ruleBuilders";

export const SECTION_HEADINGS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
] as const;

export const T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

export const T3_COLUMNS = [
  {
    label: "申请人情况",
    omitFromTitle: true,
    children: [
      { label: "自然人", key: "natural" },
      {
        label: "法人或其他组织",
        children: [
          { label: "商业企业", key: "commercial" },
          { label: "科研机构", key: "research" },
          { label: "社会公益组织", key: "public-interest" },
          { label: "法律服务机构", key: "legal-service" },
          { label: "其他", key: "other" },
        ],
      },
      { label: "总计", key: "total" },
    ],
  },
] as const satisfies readonly HeaderNode[];

export type T3ColumnKey = LeafKey<(typeof T3_COLUMNS)[number]>;

/** 表三's column keys, in order (natural … total). */
export const T3_COLUMN_KEYS = leafPaths(T3_COLUMNS).map((path) => leafOf(path).key) as readonly T3ColumnKey[];

export const T3_RECEIVED = { label: "一、本年新收政府信息公开申请数量", key: "1" } as const satisfies HeaderNode;
export const T3_CARRIED_OVER = { label: "二、上年结转政府信息公开申请数量", key: "2" } as const satisfies HeaderNode;
export const T3_CARRIED_FORWARD = { label: "四、结转下年度继续办理", key: "4" } as const satisfies HeaderNode;
export const T3_TOTAL = { label: "（七）总计", key: "3-7" } as const satisfies HeaderNode;

/** 三、本年度办理结果 (一)–(五): the same in both formats. */
export const T3_OUTCOMES_1_TO_5 = [
  { label: "（一）予以公开", key: "3-1" },
  { label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", key: "3-2" },
  {
    label: "（三）不予公开",
    children: [
      { label: "1.属于国家秘密", key: "3-3-1" },
      { label: "2.其他法律行政法规禁止公开", key: "3-3-2", variants: ["2.其他法律行政止公开"] },
      { label: "3.危及“三安全一稳定”", key: "3-3-3" },
      { label: "4.保护第三方合法权益", key: "3-3-4" },
      { label: "5.属于三类内部事务信息", key: "3-3-5" },
      { label: "6.属于四类过程性信息", key: "3-3-6" },
      { label: "7.属于行政执法案卷", key: "3-3-7" },
      { label: "8.属于行政查询事项", key: "3-3-8" },
    ],
  },
  {
    label: "（四）无法提供",
    children: [
      { label: "1.本机关不掌握相关政府信息", key: "3-4-1" },
      { label: "2.没有现成信息需要另行制作", key: "3-4-2" },
      { label: "3.补正后申请内容仍不明确", key: "3-4-3" },
    ],
  },
  {
    label: "（五）不予处理",
    children: [
      { label: "1.信访举报投诉类申请", key: "3-5-1" },
      { label: "2.重复申请", key: "3-5-2" },
      { label: "3.要求提供公开出版物", key: "3-5-3" },
      { label: "4.无正当理由大量反复申请", key: "3-5-4" },
      { label: "5.要求行政机关确认或重新出具已获取信息", key: "3-5-5" },
    ],
  },
] as const satisfies readonly HeaderNode[];

export function t3Rows<Other extends HeaderNode>(otherOutcomes: Other) {
  return [
    T3_RECEIVED,
    T3_CARRIED_OVER,
    {
      label: "三、本年度办理结果",
      omitFromTitle: true,
      children: [...T3_OUTCOMES_1_TO_5, otherOutcomes, T3_TOTAL],
    },
    T3_CARRIED_FORWARD,
  ] as const satisfies readonly HeaderNode[];
}

function outcomeColumns<Group extends string>(prefix: Group) {
  return [
    { label: "结果维持", key: `${prefix}.upheld` },
    { label: "结果纠正", key: `${prefix}.corrected` },
    { label: "其他结果", key: `${prefix}.other` },
    { label: "尚未审结", key: `${prefix}.pending` },
    { label: "总计", key: `${prefix}.total` },
  ] as const satisfies readonly HeaderNode[];
}

export const T4_GROUPS = ["review", "suit-direct", "suit-after-review"] as const;

export const T4_COLUMNS = [
  { label: "行政复议", children: outcomeColumns("review") },
  {
    label: "行政诉讼",
    children: [
      { label: "未经复议直接起诉", children: outcomeColumns("suit-direct") },
      { label: "复议后起诉", children: outcomeColumns("suit-after-review") },
    ],
  },
] as const satisfies readonly HeaderNode[];

export type T4CellId = `t4.${LeafKey<(typeof T4_COLUMNS)[number]>}`;

/** 表四 has one data row with no label. */
export const T4_ROWS = [{ label: "", key: "" }] as const satisfies readonly HeaderNode[];

/** 表二 is made of blocks (第二十条第（一）项 …) that differ between formats; the table around them does not. */
export function activeDisclosureTable<Grids extends readonly GridDecl[]>(grids: Grids): TableDecl<"t2", Grids> {
  return { id: "t2", numeral: "二", heading: SECTION_HEADINGS[1], valueRule: "T2-A", grids };
}

/**
 * 表三 (with the format's （六）其他处理 rows) and 表四, with their rules T3-A, T3-B, T3-C and T4-A, and the
 * carry-over between years (X1): identical in both formats but for （六）.
 */
export function applicationTables<Other extends HeaderNode>(otherOutcomes: Other) {
  const t3Grid = { corner: T3_NOTE, rows: t3Rows(otherOutcomes), columns: T3_COLUMNS } as const;
  const t4Grid = { rows: T4_ROWS, columns: T4_COLUMNS } as const;
  const handledRows = leafKeysUnder(t3Grid.rows, "三、本年度办理结果").filter((key) => key !== T3_TOTAL.key);
  const table3 = { id: "t3", numeral: "三", heading: SECTION_HEADINGS[2], valueRule: "T3-D", grids: [t3Grid] } as const satisfies TableDecl;
  const table4 = { id: "t4", numeral: "四", heading: SECTION_HEADINGS[3], valueRule: "T4-D", grids: [t4Grid] } as const satisfies TableDecl;
  const rules: RuleDecl[] = [
    ...balances("T3-A", "t3", t3Grid, { received: "1", carriedOver: "2", handled: "3-7", carriedForward: "4" }),
    ...columnTotals("T3-B", "t3", t3Grid, "3-7", handledRows),
    ...rowTotals("T3-C", "t3", t3Grid, "total"),
    ...groupTotals("T4-A", "t4", t4Grid, T4_GROUPS),
  ];
  // X1 holds across the 2020 (2019 format) → 2021 boundary too: these rows did not change.
  const crossYearRules: CarryRule[] = T3_COLUMN_KEYS.map((column) => ({
    kind: "carry",
    id: "X1",
    severity: "error",
    current: `t3.${T3_CARRIED_OVER.key}.${column}`,
    previous: `t3.${T3_CARRIED_FORWARD.key}.${column}`,
  }));
  return { tables: [table3, table4] as const, rules, crossYearRules };
}
