/** A report as a government CMS page, from known figures: for the HTML and MHT reader tests. */
import { leafOf, leafPaths } from "../../src/domain/cells";
import { formatById } from "../../src/domain/formats";
import type { GridDecl, HeaderNode } from "../../src/domain/formatModel";

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A header tree's depth (rows it takes). */
const depth = (nodes: readonly HeaderNode[]): number => Math.max(...nodes.map((node) => (node.children ? 1 + depth(node.children) : 1)));
const width = (node: HeaderNode): number => (node.children ? node.children.reduce((sum, child) => sum + width(child), 0) : 1);

/** The grid as an HTML table: column headers with colspan/rowspan, row groups with rowspan, as CMS editors make them. */
function tableHtml(tableId: string, grid: GridDecl, values: Map<string, string>): string {
  const rowDepth = depth(grid.rows);
  const colDepth = depth(grid.columns);
  const head: string[][] = Array.from({ length: colDepth }, () => []);
  head[0]!.push(`<td rowspan="${colDepth}" colspan="${rowDepth}">${esc(grid.corner ?? "")}</td>`);
  const placeColumns = (nodes: readonly HeaderNode[], level: number) => {
    for (const node of nodes) {
      const rows = node.children ? 1 : colDepth - level;
      head[level]!.push(`<th colspan="${width(node)}" rowspan="${rows}">${esc(node.label)}</th>`);
      if (node.children) placeColumns(node.children, level + 1);
    }
  };
  placeColumns(grid.columns, 0);
  const columns = leafPaths(grid.columns).map(leafOf);
  const body: string[] = [];
  const placeRows = (nodes: readonly HeaderNode[], level: number, prefix: string[]) => {
    nodes.forEach((node, index) => {
      const cells = index === 0 ? [...prefix] : [];
      if (node.children) {
        cells.push(`<td rowspan="${leafPaths([node]).length}">${esc(node.label)}</td>`);
        placeRows(node.children, level + 1, cells);
        return;
      }
      cells.push(`<td colspan="${rowDepth - level}">${esc(node.label || "数量")}</td>`);
      for (const column of columns) {
        const id = [tableId, node.key, column.key].filter((part) => part).join(".");
        cells.push(`<td>${esc(values.get(id) ?? "")}</td>`);
      }
      body.push(`<tr>${cells.join("")}</tr>`);
    });
  };
  placeRows(grid.rows, 0, []);
  const title = grid.title ? `<tr><td colspan="${rowDepth + columns.length}">${esc(grid.title)}</td></tr>` : "";
  return `<table border="1">${title}${head.map((cells) => `<tr>${cells.join("")}</tr>`).join("")}${body.join("")}</table>`;
}

export function cmsPage(values: Map<string, string>, charset: string): string {
  const format = formatById("2021");
  const article: string[] = [`<h1>某市某局2024年政府信息公开工作年度报告</h1>`, `<p>${format.headings[0]}</p>`, "<p>（略）</p>"];
  format.tables.forEach((table, index) => {
    article.push(`<p><strong>${format.headings[index + 1]}</strong></p>`);
    for (const grid of table.grids) article.push(tableHtml(table.id, grid, values));
  });
  article.push(...format.headings.slice(4).map((heading) => `<p>${heading}</p><p>（略）</p>`));
  const nav = `<nav><ul>${["首页", "政务公开", "政府信息公开年报", "互动交流"].map((item) => `<li><a href="#">${item}</a></li>`).join("")}</ul></nav>`;
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>某市某局2024年政府信息公开工作年度报告</title><script>var x = "<table>";</script></head>
<body>${nav}<table class="layout" width="100%"><tr><td class="sidebar">${"<p>栏目导航</p>".repeat(3)}</td><td class="content">${article.join("\n")}</td></tr></table><footer>主办单位：某市某局</footer></body></html>`;
}
