/**
 * 《中华人民共和国政府信息公开工作年度报告格式》, revised by 国办公开办函〔2021〕30号: report years 2021 on.
 * Labels from the format spec §3.2, §4.2 and §5.
 */
import type { FormatDecl, GridDecl, HeaderNode, StockRule } from "../formatModel";
import { SECTION_HEADINGS, T3_COLUMN_KEYS, activeDisclosureTable, applicationTables } from "./shared";

const T2_GRIDS = [
  {
    title: "第二十条第（一）项",
    corner: "信息内容",
    rows: [
      { label: "规章", key: "regulations" },
      { label: "行政规范性文件", key: "normative-docs", variants: ["规范性文件"] },
    ],
    columns: [
      { label: "本年制发件数", key: "issued" },
      { label: "本年废止件数", key: "repealed" },
      { label: "现行有效件数", key: "in-force" },
    ],
  },
  {
    title: "第二十条第（五）项",
    corner: "信息内容",
    rows: [{ label: "行政许可", key: "licensing" }],
    columns: [{ label: "本年处理决定数量", key: "decisions" }],
  },
  {
    title: "第二十条第（六）项",
    corner: "信息内容",
    rows: [
      { label: "行政处罚", key: "penalty" },
      { label: "行政强制", key: "enforcement" },
    ],
    columns: [{ label: "本年处理决定数量", key: "decisions" }],
  },
  {
    title: "第二十条第（八）项",
    corner: "信息内容",
    rows: [{ label: "行政事业性收费", key: "fees" }],
    columns: [{ label: "本年收费金额（单位：万元）", key: "amount", valueType: "amount", unit: "万元" }],
  },
] as const satisfies readonly GridDecl[];

const table2 = activeDisclosureTable(T2_GRIDS);

/** 2021 splits （六）其他处理 into three rows. */
const OTHER_OUTCOMES = {
  label: "（六）其他处理",
  children: [
    { label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", key: "3-6-1" },
    { label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", key: "3-6-2" },
    { label: "3.其他", key: "3-6-3" },
  ],
} as const satisfies HeaderNode;

const application = applicationTables(OTHER_OUTCOMES);

/**
 * X2 (warning): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for 规章 and 行政规范性文件
 * (修订 and 自然失效 may legitimately be counted otherwise). It needs both years in this layout of 表二.
 */
const inForceRules: StockRule[] = (["regulations", "normative-docs"] as const).map((row) => ({
  kind: "stock",
  id: "X2",
  severity: "warning",
  current: `t2.${row}.in-force`,
  previous: `t2.${row}.in-force`,
  plus: [`t2.${row}.issued`],
  minus: [`t2.${row}.repealed`],
}));

export const FORMAT_2021 = {
  id: "2021",
  name: "中华人民共和国政府信息公开工作年度报告格式",
  issuedBy: "国办公开办函〔2021〕30号",
  firstYear: 2021,
  supersedes: "2019",
  headings: SECTION_HEADINGS,
  tables: [table2, ...application.tables],
  rules: application.rules,
  // A report that still prints 2019's single （六）其他处理 row: that row stands for the three 2021 rows.
  legacyCells: T3_COLUMN_KEYS.map((column) => ({
    legacy: `t3.3-6.${column}`,
    replaces: [`t3.3-6-1.${column}`, `t3.3-6-2.${column}`, `t3.3-6-3.${column}`],
  })),
  oldLayouts: [
    { table: "t2", rule: "FMT-OLD-T2", handling: "replaced" },
    { table: "t3", rule: "FMT-OLD-T3-OTHER", handling: "legacyRows" },
  ],
  crossYearRules: [...application.crossYearRules, ...inForceRules],
} as const satisfies FormatDecl;
