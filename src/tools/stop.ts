/** npm stop — stops the dev server that npm start left running (its process id is in .dev-server.pid). */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const PID_FILE = join(__dirname, "..", "..", ".dev-server.pid");

function stop(): number {
  let pid: number;
  try {
    pid = Number(readFileSync(PID_FILE, "utf8").trim());
  } catch {
    console.log("没有正在运行的开发服务器（未找到 .dev-server.pid）。");
    return 0;
  }
  try {
    process.kill(pid, "SIGTERM");
    console.log(`已停止开发服务器（进程 ${pid}）。`);
  } catch {
    console.log(`开发服务器（进程 ${pid}）已不在运行。`);
    rmSync(PID_FILE, { force: true });
  }
  return 0;
}

process.exitCode = stop();
