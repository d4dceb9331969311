/**
 * npm start — builds the add-in and serves it at https://localhost:3000 with a local self-signed certificate, then
 * sideloads it where there is a desktop Word (Windows, macOS) or says how to sideload into Word on the web.
 * Microsoft's debugging tools are fetched on demand there, never installed by `npm ci` (they need a native build).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const bin = (name: string) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

const server = spawn(bin("webpack"), ["serve", "--mode", "development"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
server.on("exit", (code) => process.exit(code ?? 0));

const WEB_INSTRUCTIONS = `
开发服务器：https://localhost:3000/taskpane.html（自签名证书）
在网页版 Word 中试用：
  1. 先在浏览器中打开 https://localhost:3000/taskpane.html，接受证书提示（或将证书加入受信任列表）；
  2. 在网页版 Word 中打开一个文档，点击“插入”→“加载项”→“我的加载项”→“上传我的加载项”，选择本目录下的 manifest.xml；
  3. “开始”选项卡上会出现“年报检查”组。
Sideload into Word on the web: open https://localhost:3000/taskpane.html once to accept the certificate, then
Insert → Add-ins → My Add-ins → Upload My Add-in → manifest.xml.
`;

setTimeout(() => {
  if (process.platform === "win32" || process.platform === "darwin") {
    console.log("\n正在把加载项旁加载到桌面版 Word（需要网络下载 office-addin-dev-settings）…");
    const sideload = spawn("npx", ["--yes", "office-addin-dev-settings", "sideload", "manifest.xml"], { cwd: root, stdio: "inherit", shell: true });
    sideload.on("exit", (code) => {
      if (code !== 0) console.log(`旁加载未成功（退出码 ${code}）。可以手动旁加载：${WEB_INSTRUCTIONS}`);
    });
  } else {
    console.log(WEB_INSTRUCTIONS);
  }
}, 15_000);
