/** What the pane says when Word could not do part of an operation (the adapter's notes), in Chinese. */
import type { AdapterNote } from "../word/adapter";

export function noteText(note: AdapterNote): string {
  switch (note.kind) {
    case "commentsFailed":
      return `批注未能添加：${note.detail}。单元格底纹已标注，问题见下方列表；“清除标记”可去掉底纹。`;
    case "noCommentsApi":
      return "当前 Word 不支持批注接口（需要 WordApi 1.4，如 Office 2021 LTSC 缺少）：只加底纹，不加批注；也无法检测修订（Track Changes）是否开启。";
    case "fillsUnread":
      return "Word 未能读出单元格原来的底纹颜色，已按模板的白色处理；如果您给某些单元格设置过底纹，清除标记后请核对。";
    case "stateUnread":
      return "未能读取文档中保存的“忽略”记录，本次检查中先前忽略的问题会重新列出。";
    case "stateInSettings":
      return "文档的自定义 XML 部件无法写入，标注和“忽略”记录已改存在文档设置中（随文档保存）。";
    case "stateUnsaved":
      return "标注和“忽略”记录未能保存到文档中；关闭文档后，忽略的问题在下次检查时会重新列出。";
  }
}
