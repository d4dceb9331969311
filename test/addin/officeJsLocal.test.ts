/**
 * OFFICE_JS=local: for intranets that cannot reach Microsoft's CDN, the pages load office.js from the add-in's own
 * server, copied from Microsoft's npm package at build time. The default build keeps the CDN.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

interface Plugin {
  userOptions?: { filename?: string; officeJs?: string };
  patterns?: { from: string; to: string }[];
}

function configWith(officeJs: string | undefined): Plugin[] {
  const previous = process.env.OFFICE_JS;
  if (officeJs === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = officeJs;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
    const configure = require(join(root, "webpack.config.js")) as (env: object, argv: object) => { name: string; plugins: Plugin[] }[];
    // The add-in's pages (the offline checker, built beside them, loads no office.js).
    return configure({}, { mode: "production" }).find((config) => config.name === "addin")!.plugins;
  } finally {
    if (previous === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = previous;
  }
}

const officeJsOf = (plugins: Plugin[]) =>
  plugins.flatMap((plugin) => (plugin.userOptions?.filename ? [[plugin.userOptions.filename, plugin.userOptions.officeJs]] : []));

describe("where the pages load office.js from", () => {
  it("is Microsoft's CDN by default", () => {
    for (const [, src] of officeJsOf(configWith(undefined))) expect(src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  it("is the add-in's own server with OFFICE_JS=local, from @microsoft/office-js, debug builds left out", () => {
    const plugins = configWith("local");
    for (const [, src] of officeJsOf(plugins)) expect(src).toBe("office-js/office.js");
    const copy = plugins.flatMap((plugin) => plugin.patterns ?? []).find((pattern) => pattern.to === "office-js");
    expect(copy?.from).toBe("node_modules/@microsoft/office-js/dist");
    const files = readdirSync(join(root, copy!.from));
    expect(files).toContain("office.js");
    expect(files.some((file) => /^word-win32-16\.\d+\.js$/.test(file))).toBe(true);
    expect(existsSync(join(root, copy!.from, "zh-cn"))).toBe(true);
  });
});
