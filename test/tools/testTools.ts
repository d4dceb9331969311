/**
 * Run before the tests (npm's pretest): the tests use real programs from Debian — xmllint for the manifest,
 * LibreOffice, pdftotext and a CJK font for rendering, Chromium for the browser tests. Installs what is missing
 * when it can (root with apt-get, as on this project's machines and CI); otherwise says what to install.
 */
import { execFileSync, spawnSync } from "node:child_process";

interface Tool {
  command: string;
  args: string[];
  packages: string[];
  /** The tool is there when this returns true for the command's output. */
  present?: (output: string) => boolean;
}

const TOOLS: Record<string, Tool> = {
  xmllint: { command: "xmllint", args: ["--version"], packages: ["libxml2-utils"] },
  soffice: { command: "soffice", args: ["--version"], packages: ["libreoffice-writer-nogui"] },
  pdftotext: { command: "pdftotext", args: ["-v"], packages: ["poppler-utils"] },
  qpdf: { command: "qpdf", args: ["--version"], packages: ["qpdf"] },
  cjkFont: { command: "fc-list", args: [":lang=zh"], packages: ["fonts-noto-cjk"], present: (output) => output.trim() !== "" },
  chromium: { command: "chromium", args: ["--version"], packages: ["chromium"] },
};

function isPresent(tool: Tool): boolean {
  const result = spawnSync(tool.command, tool.args, { encoding: "utf8" });
  return result.status === 0 && (tool.present?.(result.stdout) ?? true);
}

function main(): void {
  const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["xmllint", "soffice", "pdftotext", "qpdf", "cjkFont"];
  const missing = wanted.map((name) => TOOLS[name]!).filter((tool) => !isPresent(tool));
  if (missing.length === 0 || process.platform !== "linux") return;
  const packages = [...new Set(missing.flatMap((tool) => tool.packages))];
  const root = process.getuid?.() === 0;
  const apt = spawnSync("apt-get", ["--version"]).status === 0;
  if (!root || !apt || process.env.GOV_REPORT_NO_APT) {
    console.warn(`测试需要以下 Debian 软件包：${packages.join(" ")}（sudo apt-get install ${packages.join(" ")}）`);
    return;
  }
  console.log(`安装测试所需的软件包：${packages.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env });
}

main();
