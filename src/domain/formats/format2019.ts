/**
 * 《中华人民共和国政府信息公开工作年度报告格式（试行）》, issued with 国办公开办函〔2019〕60号: report years 2019
 * and 2020. Labels from the format spec §3.1, §4.3 and §5.
 */
import type { FormatDecl, GridDecl, HeaderNode } from "../formatModel";
import { atMost } from "./ruleBuilders";
import { SECTION_HEADINGS, activeDisclosureTable, applicationTables } from "./shared";

const previousItems = { label: "上一年项目数量", key: "previous-items" } as const satisfies HeaderNode;
const change = { label: "本年增/减", key: "change", valueType: "signedCount" } as const satisfies HeaderNode;
const itemColumns = [previousItems, change, { label: "处理决定数量", key: "decisions" }] as const satisfies readonly HeaderNode[];

const T2_GRIDS = [
  {
    title: "第二十条第（一）项",
    corner: "信息内容",
    rows: [
      { label: "规章", key: "regulations" },
      { label: "规范性文件", key: "normative-docs" },
    ],
    columns: [
      { label: "本年新制作数量", key: "made" },
      { label: "本年新公开数量", key: "published" },
      { label: "对外公开总数量", key: "total-published" },
    ],
  },
  {
    title: "第二十条第（五）项",
    corner: "信息内容",
    rows: [
      { label: "行政许可", key: "licensing" },
      { label: "其他对外管理服务事项", key: "other-services" },
    ],
    columns: itemColumns,
  },
  {
    title: "第二十条第（六）项",
    corner: "信息内容",
    rows: [
      { label: "行政处罚", key: "penalty" },
      { label: "行政强制", key: "enforcement" },
    ],
    columns: itemColumns,
  },
  {
    title: "第二十条第（八）项",
    corner: "信息内容",
    rows: [{ label: "行政事业性收费", key: "fees" }],
    columns: [previousItems, change],
  },
  {
    title: "第二十条第（九）项",
    corner: "信息内容",
    rows: [{ label: "政府集中采购", key: "procurement" }],
    columns: [
      { label: "采购项目数量", key: "items" },
      // The header prints no unit: reports write 万元 or 元 in the cell (spec §3.1).
      { label: "采购总金额", key: "amount", valueType: "amount", unit: null },
    ],
  },
] as const satisfies readonly GridDecl[];

const table2 = activeDisclosureTable(T2_GRIDS);

/** 2019 prints （六）其他处理 as one row. */
const OTHER_OUTCOMES = { label: "（六）其他处理", key: "3-6" } as const satisfies HeaderNode;

const application = applicationTables(OTHER_OUTCOMES);

export const FORMAT_2019 = {
  id: "2019",
  name: "中华人民共和国政府信息公开工作年度报告格式（试行）",
  issuedBy: "国办公开办函〔2019〕60号",
  firstYear: 2019,
  supersedes: null,
  headings: SECTION_HEADINGS,
  tables: [table2, ...application.tables],
  rules: [
    ...application.rules,
    // T2-B (spec: unconfirmed, read from the column names): published ≤ made, published ≤ total published.
    ...(["regulations", "normative-docs"] as const).flatMap((row) => [
      atMost("T2-B", `t2.${row}.published`, `t2.${row}.made`),
      atMost("T2-B", `t2.${row}.published`, `t2.${row}.total-published`),
    ]),
  ],
  legacyCells: [],
  oldLayouts: [],
  crossYearRules: application.crossYearRules,
} as const satisfies FormatDecl;
