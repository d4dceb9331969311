/** The pages' inline guard must parse in Internet Explorer 11: it is checked here with a parser set to ES5. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

const GUARD = readFileSync(join(__dirname, "..", "..", "src", "shared", "engineGuard.js"), "utf8");

describe("the engine guard", () => {
  it("parses as ES5", () => {
    expect(() => parse(GUARD, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("is a check that can fail: ES2020 does not parse as ES5", () => {
    expect(() => parse("const a = b?.c ?? 1;", { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  it.each(["taskpane", "commands", "result", "help"])("is inlined first in %s.html", (page) => {
    const folder = page === "taskpane" || page === "help" ? "taskpane" : "commands";
    const html = readFileSync(join(__dirname, "..", "..", "src", folder, `${page}.html`), "utf8");
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head.indexOf("htmlWebpackPlugin.options.engineGuard")).toBeGreaterThan(0);
    expect(head.indexOf("htmlWebpackPlugin.options.engineGuard")).toBeLessThan(
      Math.max(head.indexOf("<script type"), head.indexOf("<style")),
    );
  });
});
