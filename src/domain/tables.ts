/** How the tables are named to a user, from the format's section headings: 表三 收到和处理政府信息公开申请情况. */
import { TABLE_NAMES } from "./cells";
import { FORMATS } from "./formats";
import type { TableId } from "./formatModel";

/** The table's name and subject, or 全文 for findings about the whole report. */
export function tableTitle(table: TableId | null): string {
  if (table === null) return "全文";
  const heading = FORMATS[0]!.tables.find((decl) => decl.id === table)!.heading;
  return `${TABLE_NAMES[table]} ${heading.replace(/^[一二三四五六七八九十]+、/, "")}`;
}
