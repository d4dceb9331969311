/**
 * npm start — builds the add-in and serves it at https://localhost:3000 (this machine only), then sideloads it
 * where there is a desktop Word or says how to sideload into Word on the web. `npm stop` stops it.
 * - The dev server runs in this process (webpack-dev-server's Node API), so a signal to `npm start` stops it.
 * - The instructions are printed when the first build is done, and again when Enter is pressed.
 * - Windows, macOS: Microsoft's dev certificates (office-addin-dev-certs, trusted by Word) and sideloading
 *   (office-addin-dev-settings), both fetched by npx on demand, never installed by `npm ci`: their chain needs a
 *   native build that the project's machines cannot do.
 * - Linux: Microsoft's installer writes to the system store with sudo, so a local self-signed certificate made by
 *   the dev server is used instead, and the Word-on-the-web steps are printed.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const desktop = process.platform === "win32" || process.platform === "darwin";
/** Tests start a second server on another port. */
const port = Number(process.env.GOV_REPORT_PORT ?? 3000);
export const PID_FILE = join(root, ".dev-server.pid");

const WEB_INSTRUCTIONS = `
开发服务器：https://localhost:${port}/taskpane.html（自签名证书，只在本机可访问）
在网页版 Word 中试用：
  1. 先在浏览器中打开 https://localhost:${port}/taskpane.html，接受证书提示（或将证书加入受信任列表）；
  2. 在网页版 Word 中打开一个文档，点击“插入”→“加载项”→“我的加载项”→“上传我的加载项”，选择本目录下的 manifest.xml；
  3. “开始”选项卡上会出现“年报检查”组。
按回车键再次显示本说明；按 Ctrl+C 或运行 npm stop 停止服务器。
`;

/** Microsoft's dev certificate for localhost, installed (and trusted) on first use. */
function devCertificate(): { key: string; cert: string } | null {
  const folder = join(homedir(), ".office-addin-dev-certs");
  const key = join(folder, "localhost.key");
  const cert = join(folder, "localhost.crt");
  if (!existsSync(key) || !existsSync(cert)) {
    console.log("正在安装微软的本机开发证书（office-addin-dev-certs，需要网络）…");
    spawnSync("npx", ["--yes", "office-addin-dev-certs", "install"], { cwd: root, stdio: "inherit", shell: true });
  }
  return existsSync(key) && existsSync(cert) ? { key, cert } : null;
}

/** Is the port free on this machine? A busy port gets a Chinese message instead of webpack's stack trace. */
function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

function sideload(): void {
  console.log("\n正在把加载项旁加载到桌面版 Word（office-addin-dev-settings，需要网络）…");
  const child = spawn("npx", ["--yes", "office-addin-dev-settings", "sideload", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: true,
  });
  child.on("exit", (code) => {
    if (code !== 0) console.log(`旁加载未成功（退出码 ${code}）。可以手动旁加载：${WEB_INSTRUCTIONS}`);
  });
}

async function start(): Promise<void> {
  if (!(await portIsFree())) {
    console.error(`端口 ${port} 已被占用：可能已有一个 npm start 在运行（用 npm stop 停止），或有其他程序使用该端口。`);
    process.exit(1);
  }
  /* eslint-disable @typescript-eslint/no-require-imports -- the project's own CommonJS config and webpack's API */
  const webpack = require("webpack") as typeof import("webpack");
  const WebpackDevServer = require("webpack-dev-server") as typeof import("webpack-dev-server");
  const configure = require(join(root, "webpack.config.js")) as (env: object, argv: object) => import("webpack").Configuration[];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const certificate = desktop ? devCertificate() : null;
  // The add-in's pages only: the offline checker is a file of its own (npm run build), which must not get the dev
  // server's live-reload client (a connection its policy forbids).
  const config = configure(certificate ? { httpsKey: certificate.key, httpsCert: certificate.cert } : {}, { mode: "development" }).find(
    (candidate) => candidate.name === "addin",
  )!;
  const compiler = webpack({ ...config, mode: "development", infrastructureLogging: { level: "warn" }, stats: "errors-warnings" });
  const server = new WebpackDevServer({ ...config.devServer, port, host: "localhost" }, compiler);

  let first = true;
  compiler.hooks.done.tap("gov-report-start", (stats) => {
    if (stats.hasErrors()) {
      console.error("构建失败，请查看上面的错误信息；修改后会自动重新构建。");
      return;
    }
    if (!first) {
      console.log("已重新构建。");
      return;
    }
    first = false;
    // One write, so that whoever reads the output never sees the first line without the instructions.
    console.log(`构建完成。\n${WEB_INSTRUCTIONS}`);
    if (desktop) sideload();
  });

  const stop = async (signal: string) => {
    console.log(`\n收到 ${signal}，正在停止开发服务器…`);
    await server.stop();
    rmSync(PID_FILE, { force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  if (process.stdin.isTTY) {
    process.stdin.on("data", () => console.log(WEB_INSTRUCTIONS));
  }
  writeFileSync(PID_FILE, String(process.pid));
  await server.start();
}

if (require.main === module) {
  start().catch((error: Error) => {
    console.error(`开发服务器未能启动：${error.message}`);
    rmSync(PID_FILE, { force: true });
    process.exit(1);
  });
}
