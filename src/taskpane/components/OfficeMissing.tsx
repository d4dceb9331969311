import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

export type OfficeProblem = "no-office" | "not-word" | "old-word";

const TEXT: Record<OfficeProblem, { title: string; body: string }> = {
  "no-office": {
    title: "无法加载 Office 组件",
    body: "本加载项需要从微软服务器加载 office.js，但在规定时间内没有加载成功，可能是所在网络（如政务内网）无法访问该地址。请信息中心二选一：放行 appsforoffice.microsoft.com；或用 OFFICE_JS=local 重新构建加载项，由本单位的服务器提供 office.js（见说明文档“部署到单位”）。在此之前，可用 Chrome、Edge 等浏览器打开本工具的离线检查网页 checker.html（与本加载项放在同一位置，也可复制到本机打开）检查报告并下载标注副本，或使用命令行工具 gov-report。",
  },
  "not-word": { title: "请在 Word 中打开", body: "本页面是 Word 加载项的任务窗格，请在 Word 中通过“开始”选项卡上的“年报检查”按钮打开。" },
  "old-word": {
    title: "Word 版本过低",
    body: "本加载项需要 Word 2021、Microsoft 365 或网页版 Word（Word 2019 需安装 WebView2；WordApi 1.3，批注和修订状态需要 WordApi 1.4）。使用较早版本 Word 或 WPS 的，请用 Chrome、Edge 等浏览器打开本工具的离线检查网页 checker.html（与本加载项放在同一位置，也可复制到本机打开），检查 .docx、PDF 等报告并下载标注副本；也可以使用命令行工具 gov-report。",
  },
};

export function OfficeMissing({ problem }: { problem: OfficeProblem }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{TEXT[problem].title}</MessageBarTitle>
          {TEXT[problem].body}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
