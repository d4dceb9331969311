/** Draws the fake Word's document as HTML beside the pane, so that screenshots show the cells being marked. */
import type { CellModel, FakeDocument } from "../support/fakeWord";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** rowspan of each vMerge "restart" cell, by grid column. */
function tableHtml(rows: CellModel[][], document: FakeDocument): string {
  const positions = rows.map((row) => {
    let column = 0;
    return row.map((cell) => {
      const at = column;
      column += cell.span;
      return at;
    });
  });
  const rowspan = (rowIndex: number, column: number) => {
    let span = 1;
    for (let next = rowIndex + 1; next < rows.length; next++) {
      const index = positions[next]!.indexOf(column);
      if (index < 0 || rows[next]![index]!.vMerge !== "continue") break;
      span++;
    }
    return span;
  };
  const commented = new Set(document.comments.map((comment) => comment.control));
  const body = rows
    .map((row, rowIndex) =>
      row
        .map((cell, index) => {
          if (cell.vMerge === "continue") return "";
          const span = cell.vMerge === "restart" ? rowspan(rowIndex, positions[rowIndex]![index]!) : 1;
          const control = cell.control;
          const selected = control && document.selected === control ? " selected" : "";
          const note = control && commented.has(control) ? '<span class="note" aria-hidden="true"></span>' : "";
          const attributes = control ? ` data-tag="${control.tag}" title="${escape(control.title)}"` : "";
          return `<td colspan="${cell.span}" rowspan="${span}" class="${control ? "data" : "label"}${selected}" style="background:${cell.fill}"${attributes}>${escape(control ? control.text : cell.label)}${note}</td>`;
        })
        .join(""),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join("");
  return `<table>${body}</table>`;
}

export function renderDocument(document: FakeDocument, root: HTMLElement): void {
  const blocks = document.blocks
    .map((block) => (block.kind === "paragraph" ? (block.text ? `<p>${escape(block.text)}</p>` : "") : tableHtml(block.rows, document)))
    .join("");
  const comments = document.comments
    .map((comment) => `<li><b>${escape(comment.control?.title ?? "")}</b><br>${escape(comment.content)}</li>`)
    .join("");
  root.innerHTML = `<div class="page">${blocks || '<p class="empty">（空白文档）</p>'}</div>${comments ? `<aside><h2>批注（${document.comments.length}）</h2><ol>${comments}</ol></aside>` : ""}`;
}
