/**
 * Every Chinese sentence the checker says about a report, rendered from the findings' data in this one module, so
 * that the command line, the task pane, the comments in a document and the JSON all say the same thing.
 *
 * A broken sum says what does not add up and by how much; only where the numbers single out one cell does a
 * problem name that cell and the value that mends every sum it breaks (and then no sum names another value).
 */
import { TABLE_NAMES, findCell } from "./cells";
import {
  brokenSumSummary,
  type CellFix,
  type Finding,
  type FindingDetail,
  type FindingGroup,
  type SourcePosition,
  type Term,
} from "./findings";
import { FORMATS, formatById } from "./formats";
import type { CellDecl, Severity, TableId } from "./formatModel";
import { tableTitle } from "./tables";
import { formatNumber, roundAmount, type InvalidReason, type ValueNote } from "./values";

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告" };

/** The words for the count of cells read, the same in the pane and the command line. */
export const CELLS_READ_LABEL = "已读单元格";

const NUMERALS = ["一", "二", "三", "四", "五", "六"];

/** A cell of any declared format (ids never change meaning across formats). */
export function cellDecl(id: string): CellDecl | undefined {
  for (const format of FORMATS) {
    const cell = findCell(format, id);
    if (cell) return cell;
  }
  return undefined;
}

/** 表三's column names are unique without their group (商业企业, not 法人或其他组织 · 商业企业). */
export function shortColumnLabel(cell: CellDecl): string {
  return cell.table === "t3" ? cell.columnPath[cell.columnPath.length - 1]!.label : cell.columnLabel;
}

/** 表三“（一）予以公开”行“自然人”列 — how a clerk finds a cell on paper. */
export function describeCell(cell: CellDecl | string): string {
  const decl = typeof cell === "string" ? cellDecl(cell) : cell;
  if (!decl) return `单元格“${String(cell)}”`;
  const table = TABLE_NAMES[decl.table];
  if (decl.rowLabel === "") return `${table}“${decl.columnLabel}”`;
  if (decl.table === "t3") return `${table}“${decl.rowLabel}”行“${shortColumnLabel(decl)}”列`;
  return `${table}“${decl.rowLabel}”的“${decl.columnLabel}”`;
}

/** 表三（文件第 108 行）, 表三第 9 行 (a row of a .docx table), 表三（第 2 页第 5 行）. */
export function placeText(table: TableId, where: SourcePosition | null): string {
  const name = TABLE_NAMES[table];
  if (!where || where.kind === "control") return name;
  if (where.kind === "line") return `${name}（文件第 ${where.line} 行）`;
  if (where.kind === "page") return `${name}（第 ${where.page} 页第 ${where.row} 行）`;
  return `${name}第 ${where.row} 行`;
}

export function formatLabel(formatId: string): string {
  const format = formatById(formatId);
  return `${format.id} 年格式（${format.issuedBy}）`;
}

function leafLabel(id: string): string {
  const decl = cellDecl(id);
  return decl ? decl.rowPath[decl.rowPath.length - 1]!.label : id;
}

function columnLeaf(id: string): string {
  const decl = cellDecl(id);
  return decl ? decl.columnPath[decl.columnPath.length - 1]!.label : id;
}

/** More non-zero terms than this are cut with "…" so that a message stays readable in a narrow pane. */
const MAX_TERMS_SHOWN = 6;

/** "自然人 4 + 商业企业 3，其余为 0": the non-zero terms, so a long sum stays readable. */
function explainTerms(terms: readonly Term[], label: (id: string) => string, showAll: boolean): string {
  const shown = showAll ? terms : terms.filter((term) => term.value !== 0);
  if (shown.length === 0) return "各项均为 0";
  const listed = shown.slice(0, MAX_TERMS_SHOWN).map((term) => `${label(term.id)} ${formatNumber(term.value)}`);
  const text = shown.length > MAX_TERMS_SHOWN ? `${listed.join(" + ")} + …（共 ${shown.length} 项）` : listed.join(" + ");
  const blanks = terms.filter((term) => term.blank).length;
  const rest = shown.length < terms.length ? "，其余为 0" : "";
  return `${text}${rest}${blanks > 0 ? `；其中 ${blanks} 个空白单元格按 0 计` : ""}`;
}

function typedText(term: Term): string {
  if (term.blank) return "为空白";
  if (term.placeholder !== null) return `填写“${term.placeholder}”（按 0 计）`;
  return `填写 ${formatNumber(term.value)}`;
}

function sumMessage(detail: Extract<FindingDetail, { kind: "sum" }>, singledOut: boolean): string {
  const decl = cellDecl(detail.target.id)!;
  const sumOfParts = roundAmount(detail.plus.reduce((sum, term) => sum + term.value, 0));
  const difference = formatNumber(Math.abs(roundAmount(detail.expected - detail.target.value)));
  const ifRight = (what: string, cell: string) => (singledOut ? "" : `；若${what}无误，“${cell}”应为 ${formatNumber(detail.expected)}`);
  switch (detail.shape) {
    case "rowTotal":
      return (
        `${TABLE_NAMES[decl.table]}“${decl.rowLabel}”行各列之和为 ${formatNumber(sumOfParts)}（${explainTerms(detail.plus, columnLeaf, false)}），` +
        `“总计”${typedText(detail.target)}，相差 ${difference}${ifRight("各列", "总计")}`
      );
    case "columnTotal":
      return (
        `${TABLE_NAMES[decl.table]}“${shortColumnLabel(decl)}”列（一）至（六）之和为 ${formatNumber(sumOfParts)}（${explainTerms(detail.plus, leafLabel, false)}），` +
        `“（七）总计”${typedText(detail.target)}，相差 ${difference}${ifRight("各项", "（七）总计")}`
      );
    case "groupTotal": {
      const group = decl.columnPath
        .slice(0, -1)
        .map((node) => node.label)
        .join(" · ");
      return (
        `${TABLE_NAMES[decl.table]}“${group}”四项之和为 ${formatNumber(sumOfParts)}（${explainTerms(detail.plus, columnLeaf, true)}），` +
        `“总计”${typedText(detail.target)}，相差 ${difference}${ifRight("四项", "总计")}`
      );
    }
    case "balance": {
      const [received, carriedOver] = detail.plus;
      const handled = detail.minus[0]!;
      const inflow = roundAmount(received!.value + carriedOver!.value);
      const outflow = roundAmount(handled.value + detail.target.value);
      return (
        `${TABLE_NAMES[decl.table]}“${shortColumnLabel(decl)}”列勾稽关系不成立：本年新收 ${formatNumber(received!.value)} + 上年结转 ${formatNumber(carriedOver!.value)} = ${formatNumber(inflow)}，` +
        `而（七）总计 ${formatNumber(handled.value)} + 结转下年度 ${formatNumber(detail.target.value)} = ${formatNumber(outflow)}，相差 ${difference}` +
        ifRight("其他数字", leafLabel(detail.target.id))
      );
    }
  }
}

const INVALID_TEXT: Record<InvalidReason, string> = {
  noNumber: "不是数字",
  leadingText: "数字前有文字，无法确定数值",
  multipleNumbers: "包含多个数字，无法确定数值",
  badSeparator: "千分位分隔不正确（小数点请用“.”，千分位每三位一个“,”）",
  negativeCount: "不能为负数",
  decimalCount: "件数应为整数",
  wrongUnit: "写的单位与该栏不符",
  tooLong: "数字位数过多，不像真实的件数或金额",
  severalParts: "单元格中有两段文字（分段、换行或制表符隔开），无法确定数值；请只保留一个数字",
};

function noteText(note: ValueNote, value: number, cell: CellDecl | undefined): string {
  switch (note.kind) {
    case "unit":
      return `单元格中写了单位“${note.unit}”，已按 ${formatNumber(value)} 计；单元格只需填数字`;
    case "yuanConverted":
      return `该栏单位为${cell?.unit ?? "万元"}，已将 ${formatNumber(note.yuan)} 元折算为 ${formatNumber(value)} 万元；请核对并按万元填写`;
    case "unitMissing":
      return `未写单位（元或万元），已按 ${formatNumber(value)} 万元计；请注明单位`;
    case "annotation":
      return `数字后附有文字“${note.text}”，已按 ${formatNumber(value)} 计；说明文字请写在正文或表注中`;
    case "precision":
      return `有 ${note.decimals} 位小数，金额以万元计最多保留 4 位小数`;
    case "fullWidth":
      return `是全角数字，已按 ${formatNumber(value)} 读取；报告中的数字请用半角阿拉伯数字`;
    case "otherDigits":
      return `使用了非标准的数字字符，已按 ${formatNumber(value)} 读取；报告中的数字请用半角阿拉伯数字`;
  }
}

function shortList(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join("、")}等 ${names.length} 个单元格` : names.join("、");
}

function unplacedWhy(detail: Extract<FindingDetail, { kind: "unplaced" }>): string {
  const why = detail.why;
  switch (why.reason) {
    case "noRow":
      return `的数字无法对应到${TABLE_NAMES[detail.table]}的任何一行`;
    case "valueCount":
      return `对应“${why.row}”行，但有 ${why.found} 个数，应为 ${why.expected} 个（文本中的空白单元格无法定位）`;
    case "duplicateRow":
      return `与前面的“${why.row}”行重复`;
    case "outsideDataRow":
      return `在${TABLE_NAMES[detail.table]}数据行之外`;
  }
}

const TITLE_EXAMPLE = "形如“××市××局2024年政府信息公开工作年度报告”的标题";

/** The one statement a finding makes. */
export function findingMessage(finding: Finding): string {
  const detail = finding.detail;
  const singledOut = finding.likely !== undefined;
  switch (detail.kind) {
    case "sum":
      return sumMessage(detail, singledOut);
    case "atMost": {
      const right = cellDecl(detail.right.id);
      return `${describeCell(detail.left.id)}为 ${formatNumber(detail.left.value)}，大于“${right?.columnLabel ?? detail.right.id}” ${formatNumber(detail.right.value)}，请核对`;
    }
    case "unchecked": {
      const names = shortList(detail.problemCells.map((id) => describeCell(id)));
      const reason = detail.why === "missing" ? `未找到${names}` : `${names}不是有效数字`;
      return `${describeCell(detail.ruleTarget)}无法按 ${finding.rule} 核对：${reason}`;
    }
    case "blank":
      return `${describeCell(detail.cell)}为空白，计算时按 0 计；没有发生的请填 0`;
    case "placeholder":
      return `${describeCell(detail.cell)}填写“${detail.text.trim()}”，计算时按 0 计；标准格式应填数字 0`;
    case "invalid":
      return `${describeCell(detail.cell)}填写“${detail.text.trim()}”，${INVALID_TEXT[detail.reason]}`;
    case "note":
      return `${describeCell(detail.cell)}填写“${detail.text.trim()}”，${noteText(detail.note, detail.value, cellDecl(detail.cell))}`;
    case "duplicate": {
      const texts = detail.texts.map((text) => `“${text.trim()}”`).join("、");
      return detail.differ
        ? `${describeCell(detail.cell)}出现了 ${detail.texts.length} 次，内容不同（${texts}），无法确定以哪个为准，相关核对已跳过；请删除多余的一份`
        : `${describeCell(detail.cell)}出现了 ${detail.texts.length} 次（${texts}），请删除多余的一份`;
    }
    case "unknownCell":
      return `发现未知的单元格标记“${detail.id}”${detail.where?.kind === "line" ? `（文件第 ${detail.where.line} 行）` : ""}，其内容“${detail.text.trim()}”未参与核对`;
    case "notAReport":
      return "文件中既没有年度报告的标题，也没有找到表二、表三、表四，不像政府信息公开工作年度报告，未作检查";
    case "nestedControl":
      return `${describeCell(detail.cell)}的内容控件中嵌套了另一个单元格控件“${detail.inner}”，内层内容已作为外层单元格的文字读取；请删除多余的控件`;
    case "missingCells": {
      const names = detail.cells
        .slice(0, 5)
        .map((id) => describeCell(id))
        .join("、");
      return `${TABLE_NAMES[detail.table]}有 ${detail.cells.length} 个单元格未找到：${names}${detail.cells.length > 5 ? " 等" : ""}`;
    }
    case "unplaced":
      return `${placeText(detail.table, detail.where)}“${detail.rowText}”${unplacedWhy(detail)}，未读入`;
    case "labelVariant":
      return `${placeText(detail.table, detail.where)}的行名“${detail.variant}”与标准格式不符，应为“${detail.label}”`;
    case "oldLabel":
      return `${placeText("t2", detail.where)}使用了 ${detail.oldFormat} 年格式的行名“${detail.variant}”，${detail.format} 年格式应为“${detail.label}”`;
    case "headingMissing":
      return `未找到第${NUMERALS[detail.section]}部分标题“${detail.heading}”`;
    case "headingChanged":
      return `标题“${detail.text}”${detail.change === "renamed" ? "措辞与标准格式不同" : "序号与标准格式不同"}，标准格式为“${detail.heading}”`;
    case "titleMissing": {
      const year =
        detail.year === null
          ? "也未能确定年份，请用 --year 指定"
          : detail.yearFrom === "override"
            ? `年份按指定的 ${detail.year} 年`
            : `年份按正文推断为 ${detail.year} 年`;
      return `未找到${TITLE_EXAMPLE}，${year}`;
    }
    case "placeholderOrganization":
      return `标题中的机关名称“${detail.text}”是模板的占位文字，请改为本机关的全称`;
    case "tableMissing":
      return `未找到${tableTitle(detail.table)}，无法核对该表`;
    case "outdatedFormat":
      return `${detail.year} 年度报告应使用${formatById(detail.expected).issuedBy}规定的 ${detail.expected} 年格式，本报告使用的是已被取代的 ${detail.format} 年格式`;
    case "newerFormat":
      return `${detail.year} 年度报告通常使用 ${formatLabel(detail.expected)}，本报告使用的是 ${detail.format} 年修订的格式，请确认`;
    case "oldLayout":
      return oldLayoutMessage(detail);
    case "carry":
      return `与 ${detail.previousYear} 年度报告不衔接：${describeCell(detail.cell)}为 ${formatNumber(detail.now)}，应等于上年报告“${leafLabel(detail.previousCell)}”的 ${formatNumber(detail.before)}`;
    case "stock": {
      const plus = detail.plus.map((term) => ` + ${columnLeaf(term.id)} ${formatNumber(term.value)}`).join("");
      const minus = detail.minus.map((term) => ` − ${columnLeaf(term.id)} ${formatNumber(term.value)}`).join("");
      return `${describeCell(detail.cell)}为 ${formatNumber(detail.now)}；按上年 ${formatNumber(detail.before)}${plus}${minus} 应为 ${formatNumber(detail.expected)}（修订、自然失效等另行计数的，可忽略）`;
    }
    case "quoted":
      return `正文“…${detail.context}…”中${detail.quantity} ${detail.quoted} 件，与${TABLE_NAMES[detail.table]}的 ${formatNumber(detail.tableValue)} 不一致；若正文统计的是其他口径，可忽略`;
  }
}

/** Labels one format's table prints and the other's does not, for the message that a table is in the old layout. */
function distinctLabels(formatId: string, otherId: string, table: TableId): string[] {
  const labels = (id: string) =>
    new Set(
      formatById(id)
        .tables.filter((decl) => decl.id === table)
        .flatMap((decl) =>
          decl.grids.flatMap((grid) =>
            [...grid.rows, ...grid.columns].flatMap(function leaves(node): string[] {
              return node.children ? node.children.flatMap(leaves) : [node.label];
            }),
          ),
        ),
    );
  const mine = labels(formatId);
  const other = labels(otherId);
  return [...mine].filter((label) => !other.has(label));
}

function oldLayoutMessage(detail: Extract<FindingDetail, { kind: "oldLayout" }>): string {
  const name = TABLE_NAMES[detail.table];
  if (detail.handling === "replaced") {
    const old = distinctLabels(detail.oldFormat, detail.format, detail.table).slice(0, 3).join("、");
    const current = distinctLabels(detail.format, detail.oldFormat, detail.table).slice(0, 3).join("、");
    return `${name}使用的是 ${detail.oldFormat} 年格式的栏目（${old}等），${detail.format} 年起应改用修订后的${name}（${current}等）`;
  }
  const legacy = formatById(detail.format).legacyCells.filter((cell) => cellDecl(cell.legacy)?.table === detail.table);
  const oldRow = legacy[0] ? leafLabel(legacy[0].legacy) : "";
  const newRows = legacy[0] ? legacy[0].replaces.map((id) => `“${truncate(leafLabel(id), 24)}”`).join("") : "";
  return `${name}“${oldRow}”按 ${detail.oldFormat} 年格式印为一行；${detail.format} 年起应分为 ${legacy[0]?.replaces.length ?? 0} 行：${newRows}。已按该行合计核对相关总计`;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The one statement for a cell that explains several broken sums. */
export function fixMessage(fix: CellFix, sums: number): string {
  const typed = fix.text === null || fix.text.trim() === "" ? "为空白" : `填写“${fix.text.trim()}”`;
  return `最可能填错的是${describeCell(fix.id)}：${typed}，改为 ${formatNumber(fix.value)} 可使以下 ${sums} 处核对都成立`;
}

const FOLD_TEXT: Record<string, string> = {
  blank: "个空白单元格（计算时按 0 计）",
  placeholder: "个单元格填写“无”“—”“不适用”等（按 0 计）",
  unit: "个单元格写了单位",
  annotation: "个单元格数字后附有文字",
  fullWidth: "个单元格使用全角数字",
  otherDigits: "个单元格使用了非标准的数字字符",
};

/** The line a folded group shows: "175 个空白单元格（计算时按 0 计）". */
export function foldSummary(group: FindingGroup): string {
  const kind = group.fold!.kind;
  const count = group.findings.length;
  if (kind.endsWith(":unchecked")) return `${count} 项核对无法进行`;
  return `${count} ${FOLD_TEXT[kind.split(":").pop()!] ?? "个单元格有同类问题"}`;
}

/** The headline of a group: the fix, the folded summary, or the single finding. */
export function groupHeadline(group: FindingGroup): string {
  if (group.fix) return fixMessage(group.fix, group.findings.length);
  if (group.fold) return foldSummary(group);
  return findingMessage(group.findings[0]!);
}

/** "2 处核对不成立，改正 1 个单元格即可全部解决", where the numbers single out cells; null otherwise. */
export function brokenSumText(findings: readonly Finding[]): string | null {
  const { broken, explained, cellsToFix } = brokenSumSummary(findings);
  if (explained === 0) return null;
  const how = explained === broken ? `改正 ${cellsToFix} 个单元格即可全部解决` : `其中 ${explained} 处改正 ${cellsToFix} 个单元格即可解决`;
  return `${broken} 处核对不成立，${how}`;
}

/** "错误 3 项，警告 1 项；2 处核对不成立，改正 1 个单元格即可全部解决". */
export function countsText(result: { errors: number; warnings: number; findings: readonly Finding[] }): string {
  const counts = `${SEVERITY_LABELS.error} ${result.errors} 项，${SEVERITY_LABELS.warning} ${result.warnings} 项`;
  const sums = brokenSumText(result.findings);
  return sums ? `${counts}；${sums}` : counts;
}

/** 机关：… 年度：… 格式：… — the report's identity as both the pane and the command line show it. */
export function identityParts(result: {
  organization: string | null;
  year: number | null;
  format: string;
  cellsRead: number;
  cellsExpected: number;
}): string[] {
  return [
    `机关：${result.organization ?? "未识别"}`,
    `年度：${result.year ?? "未识别"}`,
    `格式：${formatLabel(result.format)}`,
    `${CELLS_READ_LABEL}：${result.cellsRead}/${result.cellsExpected}`,
  ];
}

/** What a fill did, in a few words: "已计算并写入 3 个合计" or "没有需要填入的合计"; each host says what follows. */
export function totalsHeadline(changed: number): string {
  return changed > 0 ? `已计算并写入 ${changed} 个合计` : "没有需要填入的合计";
}

/** What `fill` did and did not do, one line each: written totals, typed totals kept or changed, blocked totals. */
export function totalsLines(
  plan: {
    changes: { id: string; value: number; previous: string | null }[];
    kept: { id: string; value: number; previous: string | null }[];
    blocked: { id: string; parts: string[] }[];
  },
  /** How the user asks to overwrite typed totals, in this host. */
  overwriteHint = "加 --overwrite 改写",
): string[] {
  return [
    ...plan.changes.map((change) =>
      change.previous === null
        ? `  填入 ${describeCell(change.id)}：${formatNumber(change.value)}`
        : `  改写 ${describeCell(change.id)}：原为“${change.previous}”，现为 ${formatNumber(change.value)}`,
    ),
    ...plan.kept.map(
      (change) =>
        `  未改 ${describeCell(change.id)}：填写“${change.previous}”，按各项应为 ${formatNumber(change.value)}（${overwriteHint}）`,
    ),
    ...plan.blocked.map(
      (entry) => `  未计算 ${describeCell(entry.id)}：${shortList(entry.parts.map((id) => describeCell(id)))}不是有效数字`,
    ),
  ];
}

/** What clear did, said exactly: what it removed, and what it found recorded but could not find in the document. */
export function clearText({ shadings, comments, notFound }: { shadings: number; comments: number; notFound: number }): string {
  if (shadings + comments + notFound === 0) return "文件中没有本工具添加的标注，已原样保存";
  const done = `已恢复 ${shadings} 个单元格的底纹，删除 ${comments} 条本工具添加的批注`;
  return notFound > 0 ? `${done}；另有 ${notFound} 处记录的标注在文档中已找不到或已被改动，未作处理` : done;
}

/** What each rule checks, in a sentence: for the folder summary's links and anyone reading a rule id. */
export const RULE_EXPLANATIONS: Record<string, string> = {
  "T3-A": "表三每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。",
  "T3-B": "表三每一列：（七）总计 = （一）至（六）各项之和。",
  "T3-C": "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。",
  "T4-A": "表四行政复议、未经复议直接起诉、复议后起诉：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。",
  "T2-A": "表二单元格的数值：应为不小于 0 的数字（件数为整数）；空白和“无”“—”等按 0 计并提示。",
  "T2-B": "（2019 格式）本年新公开数量不大于本年新制作数量，也不大于对外公开总数量。",
  "T3-D": "表三单元格的数值：应为不小于 0 的整数；空白和“无”“—”等按 0 计并提示。",
  "T4-D": "表四单元格的数值：应为不小于 0 的整数；空白和“无”“—”等按 0 计并提示。",
  "TX-1": "正文中引用的表格数字（新收、结转、予以公开、行政复议等件数）应与表格一致。",
  X1: "同一机关相邻两年：本年“二、上年结转”各列 = 上年“四、结转下年度继续办理”各列。",
  X2: "（2021 格式，相邻两年）现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。",
};

/** The explanation of a rule id; FMT-* and READ-* are the report's format and how it was read. */
export function ruleExplanation(rule: string): string {
  if (RULE_EXPLANATIONS[rule]) return RULE_EXPLANATIONS[rule];
  if (rule.startsWith("FMT-")) return "报告格式问题：与国务院办公厅规定的格式（标题、部分标题、表格、行名、列名）不符。";
  if (rule.startsWith("READ-")) return "读取问题：表格中的某些数字无法确定对应哪个单元格，或单元格缺失、重复。";
  return "";
}
