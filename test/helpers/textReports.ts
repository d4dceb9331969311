/** Renders a report as text the way clerks paste tables from Word or Excel: headings, then tab-separated rows. */
import { leafOf, leafPaths } from "../../src/domain/cells";
import { formatById } from "../../src/domain/formats";
import type { FormatId } from "../../src/domain/formats";

export interface TextReportOptions {
  title?: string;
  headings?: string[];
  separator?: string;
}

export function tabReport(formatId: FormatId, values: Map<string, string>, options: TextReportOptions = {}): string {
  const format = formatById(formatId);
  const separator = options.separator ?? "\t";
  const headings = options.headings ?? [...format.headings];
  const lines: string[] = [options.title ?? "某某市某某局2024年政府信息公开工作年度报告", headings[0]!, "（略）"];
  format.tables.forEach((table, index) => {
    lines.push(headings[index + 1]!);
    for (const grid of table.grids) {
      if (grid.title) lines.push(grid.title);
      const columns = leafPaths(grid.columns).map(leafOf);
      lines.push([grid.corner ?? "", ...columns.map((column) => column.label)].join(separator));
      for (const rowPath of leafPaths(grid.rows)) {
        const row = leafOf(rowPath);
        const ids = columns.map((column) => [table.id, row.key, column.key].filter((part) => part).join("."));
        if (ids.every((id) => !values.has(id))) continue;
        lines.push(
          [...rowPath.map((node) => node.label).filter((label) => label), ...ids.map((id) => values.get(id) ?? "")].join(separator),
        );
      }
    }
  });
  lines.push(...headings.slice(4));
  return lines.join("\n");
}
