/**
 * The production build, as CI makes it (.ci/run runs `npm run build` before the tests; run alone, this builds).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
jest.setTimeout(300_000);

beforeAll(() => {
  if (!existsSync(join(dist, "taskpane.html"))) execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "pipe" });
});

/** Scripts a page loads at start: its <script src> tags, office.js excepted. */
function startScripts(page: string): string[] {
  const html = readFileSync(join(dist, page), "utf8");
  return [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((match) => match[1]!).filter((src) => !src.startsWith("https://"));
}

describe("npm run build", () => {
  it("writes the pane, the command page, the result dialog, the manifest and the icons to dist/", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.js",
      "commands.html",
      "commands.js",
      "result.html",
      "manifest.xml",
      "help.html",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-80.png",
    ]) {
      expect(existsSync(join(dist, file))).toBe(true);
    }
  });

  it("loads office.js from Microsoft's CDN in every page, and nothing else from the network", () => {
    for (const page of ["taskpane.html", "commands.html", "result.html"]) {
      const html = readFileSync(join(dist, page), "utf8");
      const external = [...html.matchAll(/(?:src|href)="?(https?:\/\/[^" >]+)/g)].map((match) => match[1]);
      expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    }
    const code = readdirSync(dist)
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(join(dist, file), "utf8"))
      .join("\n");
    expect(code).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket/);
  });

  it("keeps the pane's start-up scripts under 150 KB gzip", () => {
    const scripts = startScripts("taskpane.html");
    expect(scripts).toEqual(["taskpane.js"]);
    const gzip = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(150_000);
  });

  it("loads the template builder and the dismiss dialog only on demand", () => {
    const files = readdirSync(dist);
    const template = files.find((file) => /^template\.[0-9a-f]+\.js$/.test(file))!;
    expect(files.some((file) => /^dismiss\.[0-9a-f]+\.js$/.test(file))).toBe(true);
    // the template's title font is named only in the template builder
    expect(readFileSync(join(dist, template), "utf8")).toContain("方正小标宋简体");
    expect(readFileSync(join(dist, "taskpane.js"), "utf8")).not.toContain("方正小标宋简体");
  });
});

describe("the offline checker page, dist/checker.html", () => {
  const html = () => readFileSync(join(dist, "checker.html"), "utf8");
  const inlineScripts = () => [...html().matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);

  it("is one self-contained file: no script, style, font or image loaded from anywhere, no file beside it", () => {
    const markup = html().replace(/<script>[\s\S]*?<\/script>/g, "<script></script>");
    expect(markup.match(/<script[^>]+src=|<link[^>]+href=|url\((?!data:)|<img[^>]+src="(?!data:)/gi)).toBeNull();
    expect(readdirSync(dist).filter((file) => file.startsWith("checker"))).toEqual(["checker.html"]);
    expect(inlineScripts()).toHaveLength(2);
  });

  it("forbids every connection in its Content-Security-Policy, before any script runs", () => {
    const head = html().slice(0, html().indexOf("<script>"));
    const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(head)?.[1];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it("parses as ES2019, for Chromium 80-era browsers (360 and QQ browsers' fast mode)", () => {
    const [guard, bundle] = inlineScripts() as [string, string];
    expect(() => parse(guard, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse(bundle, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    // …and would not, were it newer: optional chaining is ES2020.
    expect(() => parse("a?.b", { ecmaVersion: 2019 })).toThrow();
  });
});
