/**
 * Jest's globalSetup: pdf.js ships only ES modules, which Jest on Node 20 cannot load from CommonJS tests (Node
 * itself can; the command line requires them). This writes CommonJS copies once per pdfjs-dist version, with
 * TypeScript's own transpiler, and jest.config.js maps the two module names to them. Tests only: the product
 * never loads these copies.
 */
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const ts = require("typescript");

const root = join(__dirname, "..", "..");
const out = join(root, "test-output", "pdfjs-cjs");

module.exports = function writePdfjsForJest() {
  const source = join(root, "node_modules", "pdfjs-dist");
  const version = JSON.parse(readFileSync(join(source, "package.json"), "utf8")).version;
  const stamp = join(out, "version");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  mkdirSync(out, { recursive: true });
  for (const name of ["pdf", "pdf.worker"]) {
    // import.meta.url is the module's own address; in CommonJS that is __filename's.
    const module = readFileSync(join(source, "legacy", "build", `${name}.mjs`), "utf8").replaceAll("import.meta.url", "__pdfjsModuleUrl");
    const { outputText } = ts.transpileModule(module, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true },
      fileName: `${name}.js`,
    });
    writeFileSync(join(out, `${name}.cjs`), `const __pdfjsModuleUrl = require("node:url").pathToFileURL(__filename).href;\n${outputText}`);
  }
  writeFileSync(stamp, version);
};
