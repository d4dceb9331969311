/**
 * The folder summary: one self-contained HTML file (no script or style from anywhere else, opens offline) listing
 * every report: file, agency, year, format, errors, warnings, cells read; sortable by any column, filterable (only
 * reports with errors; by rule); each row opens to its findings; an unreadable file has its own row with its
 * error; a total line; rule ids link to a short explanation. The data is embedded as JSON, the page script is
 * plain ES2019 written here (it is small, and a framework would be most of the file).
 */
import type { CheckResult } from "../domain/check";
import { findingMessage, ruleExplanation, SEVERITY_LABELS } from "../domain/wording";

export interface SummaryEntry {
  file: string;
  result: CheckResult | null;
  error: string | null;
}

interface EntryData {
  file: string;
  organization: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  cellsRead: number;
  cellsExpected: number;
  findings: { rule: string; severity: string; message: string }[];
  error: string | null;
}

/** The folder all files are in ("" when none is common), so that rows show the path below it. */
function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return "";
  const parts = files.map((file) => file.split(/(?<=[/\\])/));
  const first = parts[0]!.slice(0, -1);
  let length = 0;
  while (length < first.length && parts.every((segments) => segments.length > length + 1 && segments[length] === first[length])) length++;
  return first.slice(0, length).join("");
}

function entryData({ file, result, error }: SummaryEntry): EntryData {
  return {
    file,
    organization: result?.organization ?? null,
    year: result?.year ?? null,
    format: result?.format ? `${result.format} 年格式` : null,
    errors: result?.errors ?? 0,
    warnings: result?.warnings ?? 0,
    cellsRead: result?.cellsRead ?? 0,
    cellsExpected: result?.cellsExpected ?? 0,
    findings: (result?.findings ?? []).map((finding) => ({
      rule: finding.rule,
      severity: SEVERITY_LABELS[finding.severity],
      message: findingMessage(finding),
    })),
    error,
  };
}

/** JSON inside <script>: "<" escaped, so that no text in a report can close the element. */
const embedded = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Segoe UI",sans-serif;margin:24px;color:#242424;background:#fff}
h1{font-size:20px;margin:0 0 8px}
.controls{display:flex;gap:16px;flex-wrap:wrap;align-items:center;margin:12px 0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #d1d1d1;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#242424}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.failed td{background:#fde7e9}
tr.details td{background:#fafafa}
tr.total td{font-weight:600;background:#f0f0f0}
.err{color:#b10e1c;font-weight:600}
.warn{color:#835b00}
ul.findings{margin:0;padding-left:20px}
a{color:#0f6cbd}
dl dt{font-weight:600;margin-top:8px}
`;

/** The page's script: renders the rows from the embedded data, sorts, filters, opens rows. */
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById("summary-data").textContent);
  var body = document.getElementById("rows");
  var onlyErrors = document.getElementById("only-errors");
  var byRule = document.getElementById("by-rule");
  var sortKey = "file", sortUp = true, open = {};
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function cell(text, className) { return el("td", className ? { class: className } : {}, [text === null ? "" : String(text)]); }
  function ruleLink(rule) { return el("a", { href: "#rule-" + rule }, [rule]); }
  function visible(entry) {
    if (onlyErrors.checked && !(entry.errors > 0 || entry.error)) return false;
    if (byRule.value && !entry.findings.some(function (f) { return f.rule === byRule.value; })) return false;
    return true;
  }
  function compare(a, b) {
    var x = a[sortKey], y = b[sortKey];
    if (x === y) return a.file < b.file ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (sortUp ? 1 : -1);
  }
  function render() {
    body.textContent = "";
    var shown = data.filter(visible).sort(compare);
    var totals = { errors: 0, warnings: 0, failed: 0 };
    shown.forEach(function (entry, index) {
      var id = "details-" + index;
      var toggle = el("button", { type: "button", "aria-expanded": String(Boolean(open[entry.file])), "aria-controls": id }, [open[entry.file] ? "收起" : "展开"]);
      toggle.addEventListener("click", function () { open[entry.file] = !open[entry.file]; render(); });
      var rules = {};
      entry.findings.forEach(function (f) { rules[f.rule] = true; });
      var ruleCell = el("td", {}, []);
      Object.keys(rules).sort().forEach(function (rule, i) { if (i > 0) ruleCell.append("、"); ruleCell.append(ruleLink(rule)); });
      var row = entry.error
        ? el("tr", { class: "failed" }, [cell(entry.file), el("td", { colspan: "7" }, ["无法读取：" + entry.error]), el("td", {}, [])])
        : el("tr", {}, [cell(entry.file), cell(entry.organization), cell(entry.year, "n"), cell(entry.format),
            cell(entry.errors, entry.errors > 0 ? "n err" : "n"), cell(entry.warnings, entry.warnings > 0 ? "n warn" : "n"),
            cell(entry.cellsRead + "/" + entry.cellsExpected, "n"), ruleCell, el("td", {}, entry.findings.length ? [toggle] : [])]);
      body.append(row);
      if (!entry.error && open[entry.file]) {
        var list = el("ul", { class: "findings" }, entry.findings.map(function (f) {
          return el("li", {}, [f.severity + " ", ruleLink(f.rule), " " + f.message]);
        }));
        body.append(el("tr", { class: "details", id: id }, [el("td", { colspan: "9" }, [list])]));
      }
      totals.errors += entry.errors; totals.warnings += entry.warnings; if (entry.error) totals.failed++;
    });
    body.append(el("tr", { class: "total" }, [cell("合计：" + shown.length + " 份（无法读取 " + totals.failed + " 份）"), cell(""), cell(""), cell(""),
      cell(totals.errors, "n"), cell(totals.warnings, "n"), cell(""), cell(""), cell("")]));
    document.querySelectorAll("th[data-key]").forEach(function (th) {
      th.setAttribute("aria-sort", th.getAttribute("data-key") === sortKey ? (sortUp ? "ascending" : "descending") : "none");
    });
  }
  document.querySelectorAll("th[data-key] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.parentNode.getAttribute("data-key");
      sortUp = key === sortKey ? !sortUp : true;
      sortKey = key;
      render();
    });
  });
  onlyErrors.addEventListener("change", render);
  byRule.addEventListener("change", render);
  render();
})();
`;

const HEADERS: [string, string][] = [
  ["file", "文件"],
  ["organization", "机关"],
  ["year", "年度"],
  ["format", "格式"],
  ["errors", "错误"],
  ["warnings", "警告"],
  ["cellsRead", "已读单元格"],
];

/** The whole page as one string (a handful of reports; a folder's is written in pieces, see summaryHtmlPieces). */
export function summaryHtml(entries: readonly SummaryEntry[], generated: string): string {
  return [...summaryHtmlPieces(() => entries, generated)].join("");
}

/**
 * The page in pieces, for writing as it goes: `entries` is read twice, first for the totals, the rules and the
 * common folder, then for each report's data, so that nothing but those totals is kept whatever the number of
 * reports (a folder's entries are read back from disk one by one).
 */
export function* summaryHtmlPieces(entries: () => Iterable<SummaryEntry>, generated: string): Generator<string> {
  const files: string[] = [];
  const ruleSet = new Set<string>();
  let withErrors = 0;
  let failed = 0;
  for (const { file, result, error } of entries()) {
    files.push(file);
    if ((result?.errors ?? 0) > 0) withErrors++;
    if (error !== null) failed++;
    for (const finding of result?.findings ?? []) ruleSet.add(finding.rule);
  }
  const folder = commonFolder(files);
  const rules = [...ruleSet].sort();
  const headers = HEADERS.map(([key, label]) => `<th data-key="${key}" aria-sort="none"><button type="button">${label}</button></th>`).join(
    "",
  );
  const count = files.length;
  files.length = 0;
  yield pageHead({ count, withErrors, failed, folder, generated, rules, headers });
  yield "[";
  let first = true;
  for (const entry of entries()) {
    const data = entryData(entry);
    yield `${first ? "" : ","}${embedded({ ...data, file: data.file.slice(folder.length) })}`;
    first = false;
  }
  yield `]</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function pageHead({
  count,
  withErrors,
  failed,
  folder,
  generated,
  rules,
  headers,
}: {
  count: number;
  withErrors: number;
  failed: number;
  folder: string;
  generated: string;
  rules: readonly string[];
  headers: string;
}): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告 · 检查汇总</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>政府信息公开工作年度报告 · 检查汇总</h1>
<p>共 ${count} 份报告：${withErrors} 份有错误，${failed} 份无法读取。${folder ? `文件夹：${escapeHtml(folder)}。` : ""}生成于 ${escapeHtml(generated)}，由 gov-report 生成，只在本机打开，不联网。</p>
<div class="controls">
<label><input type="checkbox" id="only-errors"> 只看有错误或无法读取的报告</label>
<label>按规则：<select id="by-rule"><option value="">全部</option>${rules.map((rule) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)}</option>`).join("")}</select></label>
</div>
<table>
<caption style="text-align:left;margin-bottom:4px">点击列名排序；“展开”列出该报告的问题</caption>
<thead><tr>${headers}<th>规则</th><th>问题</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<h2 style="font-size:16px">规则说明</h2>
<dl>${rules.map((rule) => `<dt id="rule-${escapeHtml(rule)}">${escapeHtml(rule)}</dt><dd>${escapeHtml(ruleExplanation(rule))}</dd>`).join("")}</dl>
</main>
<script type="application/json" id="summary-data">`;
}
