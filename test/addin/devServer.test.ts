/**
 * npm start: instructions once the first build is done, the server on this machine only, stopped by SIGTERM (as
 * `npm stop` sends), and a Chinese message for a busy port. Runs the compiled build/tools/start.js (npm install's
 * `prepare` compiles it) on a port of its own.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const START = join(ROOT, "build", "tools", "start.js");

beforeAll(() => {
  // The tests may run before `npm install`'s compile: compile the tools they run.
  spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: ROOT });
});

// Every server a test starts, killed after it whatever the test did: a server left running keeps Jest from exiting
// (on two cores Jest runs the tests in its own process).
const running = new Set<ChildProcess>();

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});

function startServer(port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn(process.execPath, [START], { cwd: ROOT, env: { ...process.env, GOV_REPORT_PORT: String(port) } });
  running.add(child);
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

async function waitFor(test: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

describe("npm start", () => {
  it("prints the instructions after the first build, listens on localhost only, and stops on SIGTERM", async () => {
    const port = 3611;
    const server = startServer(port);
    const instructions = /构建完成。\s+开发服务器：https:\/\/localhost:3611\/taskpane\.html/;
    // Waits for the whole message (a pipe may deliver one write in pieces); on a timeout, says what came.
    await waitFor(() => instructions.test(server.output()), 120_000).catch(() => undefined);
    expect(server.output()).toMatch(instructions);
    expect(await canConnect(port, "127.0.0.1")).toBe(true);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(await canConnect(port, "127.0.0.1")).toBe(false);
  }, 180_000);

  it("says in Chinese that the port is busy", async () => {
    const port = 3612;
    const blocker = createServer().listen(port, "localhost");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const server = startServer(port);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`端口 ${port} 已被占用`);
    blocker.close();
  }, 60_000);
});
