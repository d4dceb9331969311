/**
 * npm start — builds the add-in and serves it at https://localhost:3000, then sideloads it where there is a desktop
 * Word or says how to sideload into Word on the web.
 * - Windows, macOS: Microsoft's dev certificates (office-addin-dev-certs, trusted by Word) and sideloading
 *   (office-addin-dev-settings), both fetched by npx on demand, never installed by `npm ci`: their chain needs a
 *   native build that the project's machines cannot do.
 * - Linux: Microsoft's installer writes to the system store with sudo, so a local self-signed certificate made by
 *   the dev server is used instead, and the Word-on-the-web steps are printed.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const desktop = process.platform === "win32" || process.platform === "darwin";
const bin = (name: string) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

const WEB_INSTRUCTIONS = `
开发服务器：https://localhost:3000/taskpane.html（自签名证书）
在网页版 Word 中试用：
  1. 先在浏览器中打开 https://localhost:3000/taskpane.html，接受证书提示（或将证书加入受信任列表）；
  2. 在网页版 Word 中打开一个文档，点击“插入”→“加载项”→“我的加载项”→“上传我的加载项”，选择本目录下的 manifest.xml；
  3. “开始”选项卡上会出现“年报检查”组。
Sideload into Word on the web: open https://localhost:3000/taskpane.html once to accept the certificate, then
Insert → Add-ins → My Add-ins → Upload My Add-in → manifest.xml.
`;

/** Microsoft's dev certificate for localhost, installed (and trusted) on first use. */
function devCertificate(): string[] {
  const folder = join(homedir(), ".office-addin-dev-certs");
  const key = join(folder, "localhost.key");
  const cert = join(folder, "localhost.crt");
  if (!existsSync(key) || !existsSync(cert)) {
    console.log("正在安装微软的本机开发证书（office-addin-dev-certs，需要网络）…");
    spawnSync("npx", ["--yes", "office-addin-dev-certs", "install"], { cwd: root, stdio: "inherit", shell: true });
  }
  return existsSync(key) && existsSync(cert) ? ["--env", `httpsKey=${key}`, "--env", `httpsCert=${cert}`] : [];
}

const server = spawn(bin("webpack"), ["serve", "--mode", "development", ...(desktop ? devCertificate() : [])], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});
server.on("exit", (code) => process.exit(code ?? 0));

setTimeout(() => {
  if (!desktop) {
    console.log(WEB_INSTRUCTIONS);
    return;
  }
  console.log("\n正在把加载项旁加载到桌面版 Word（office-addin-dev-settings，需要网络）…");
  const sideload = spawn("npx", ["--yes", "office-addin-dev-settings", "sideload", "manifest.xml"], { cwd: root, stdio: "inherit", shell: true });
  sideload.on("exit", (code) => {
    if (code !== 0) console.log(`旁加载未成功（退出码 ${code}）。可以手动旁加载：${WEB_INSTRUCTIONS}`);
  });
}, 15_000);
