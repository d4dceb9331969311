import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { descendants, parseXml } from "../../src/util/xml";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const xsd = join(root, "test", "fixtures", "manifest-schemas", "OfficeAppManifestV1_1.xsd");

function validate(xml: string): { status: number | null; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
  writeFileSync(file, xml);
  const result = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  return { status: result.status, output: result.stderr };
}

describe("the manifest for an office's own server (ADDIN_URL)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rewriteManifest } = require("../../webpack.config.js") as { rewriteManifest(xml: string, url: string): string };

  it("points every URL and the app domain at the office's server, and still validates", () => {
    const rewritten = rewriteManifest(manifest, "https://intranet.example.gov.cn/gov-report/");
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain("<AppDomain>https://intranet.example.gov.cn</AppDomain>");
    expect(rewritten).toContain('<SourceLocation DefaultValue="https://intranet.example.gov.cn/gov-report/taskpane.html"/>');
    expect(validate(rewritten)).toMatchObject({ status: 0 });
  });
});

describe("manifest.xml", () => {
  it("validates offline against the add-in manifest schemas (npm run validate)", () => {
    expect(execFileSync("npm", ["run", "--silent", "validate"], { cwd: root, encoding: "utf8", stdio: "pipe" })).toBe("");
    expect(validate(manifest)).toMatchObject({ status: 0 });
  });

  it("fails validation when elements are out of order, so the check can fail", () => {
    const swapped = manifest
      .replace(/(\s*<Requirements>[\s\S]*?<\/Requirements>)/, "")
      .replace("</Permissions>", '</Permissions><Requirements><Sets><Set Name="WordApi" MinVersion="1.3"/></Sets></Requirements>');
    expect(validate(swapped).status).not.toBe(0);
  });

  it("asks for WordApi 1.3, opens the pane and runs the check from the Home tab, in Chinese with an English override", () => {
    const xml = parseXml(manifest);
    const find = (name: string) => [...descendants(xml, name)];
    expect(find("Set")[0]!.attrs).toEqual(
      new Map([
        ["Name", "WordApi"],
        ["MinVersion", "1.3"],
      ]),
    );
    expect(find("DefaultLocale")).toHaveLength(1);
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(find("OfficeTab")[0]!.attrs.get("id")).toBe("TabHome");
    const actions = find("Action").map((action) => action.attrs.get("xsi:type"));
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(manifest).toContain("<FunctionName>runCheck</FunctionName>");
    expect(manifest).toContain('<bt:String id="RunCheck.Label" DefaultValue="一键检查">');
    expect(find("Override").every((override) => override.attrs.get("Locale") === "en-US")).toBe(true);
    expect(find("bt:Override").length).toBeGreaterThanOrEqual(7);
  });

  it("names only https URLs and icons that exist in assets/", () => {
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
    for (const icon of urls.filter((url) => url.includes("/assets/"))) {
      expect(() => readFileSync(join(root, icon.replace("https://localhost:3000/", "")))).not.toThrow();
    }
  });
});
