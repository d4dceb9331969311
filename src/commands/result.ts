/** The ribbon command's result dialog: a few lines from the URL, and a button that closes it. */
import { markStarted } from "../shared/started";

markStarted();

function text(params: URLSearchParams): { title: string; lines: string[] } {
  const number = (name: string) => Number(params.get(name) ?? 0);
  switch (params.get("status")) {
    case "checked":
      return number("errors") + number("warnings") === 0
        ? { title: "检查完成：没有发现问题", lines: [] }
        : {
            title: `检查完成：错误 ${number("errors")} 项，警告 ${number("warnings")} 项`,
            lines: [
              `已在文档中标注 ${number("marked")} 个单元格，批注中写明了应填的数值。`,
              "打开“年报检查”任务窗格可查看全部问题并定位到单元格。",
            ],
          };
    case "tracking":
      return {
        title: `检查完成：错误 ${number("errors")} 项，警告 ${number("warnings")} 项`,
        lines: ["修订（Track Changes）已开启，未在文档中标注。请在任务窗格中检查并选择是否标注。"],
      };
    default:
      return { title: "无法检查", lines: [params.get("message") ?? "未知错误"] };
  }
}

function render(): void {
  const { title, lines } = text(new URLSearchParams(window.location.search));
  document.getElementById("title")!.textContent = title;
  const list = document.getElementById("lines")!;
  for (const line of lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    list.appendChild(paragraph);
  }
  document.getElementById("close")!.addEventListener("click", () => {
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
    else window.close();
  });
}

if (typeof Office !== "undefined") void Office.onReady(render);
else render();
