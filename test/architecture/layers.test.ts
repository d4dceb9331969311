/**
 * The layering, enforced: every import in src/ is read and checked against the rules below, and the folders may
 * not import each other in a cycle. (An equivalent of dependency-cruiser's rules, with no dependency: the project's
 * imports are plain relative paths, which this reads with the TypeScript compiler's own scanner.)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

const SRC = resolve(__dirname, "..", "..", "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (also `import()` and type-only imports). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((entry) => entry.fileName);
}

/** The src folder a file or a relative import lands in ("domain", "readers", …); null for a package. */
function folderOf(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const target = relative(SRC, resolve(dirname(from), specifier));
  return target.startsWith("..") ? ".." : target.split(/[\\/]/)[0]!;
}

const files = sourceFiles(SRC);
const edges = files.flatMap((file) => {
  const from = relative(SRC, file).split(/[\\/]/)[0]!;
  return importsOf(file).map((specifier) => ({ file: relative(SRC, file), from, specifier, to: folderOf(file, specifier) }));
});

describe("the layers of src/", () => {
  it("reads the imports (the check would pass vacuously otherwise)", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(edges.filter((edge) => edge.from === "domain" && edge.to === "domain").length).toBeGreaterThan(20);
  });

  it("the domain imports nothing outside the domain: no packages, no Node, no other folder", () => {
    const outside = edges.filter((edge) => edge.from === "domain" && edge.to !== "domain");
    expect(outside.map((edge) => `${edge.file} → ${edge.specifier}`)).toEqual([]);
  });

  it("readers import only the domain, util and each other: not docx, word, taskpane, commands or cli", () => {
    const wrong = edges.filter((edge) => edge.from === "readers" && edge.to !== null && !["domain", "readers", "util"].includes(edge.to));
    expect(wrong.map((edge) => `${edge.file} → ${edge.specifier}`)).toEqual([]);
  });

  it("nothing imports the command line, and no code outside the command line imports Node's file system", () => {
    expect(edges.filter((edge) => edge.to === "cli" && edge.from !== "cli").map((edge) => edge.file)).toEqual([]);
    const fsUsers = edges.filter((edge) => /^(node:)?(fs|child_process)$/.test(edge.specifier) && !["cli", "tools"].includes(edge.from));
    expect(fsUsers.map((edge) => `${edge.file} → ${edge.specifier}`)).toEqual([]);
  });

  it("only src/word/ touches the Word object model", () => {
    const wordApi = /\bWord\.(run|RequestContext|InsertLocation|ContentControl|ErrorCodes)\b|\bWord\s*\.\s*run\b/;
    const users = files.filter((file) => !relative(SRC, file).startsWith("word") && wordApi.test(readFileSync(file, "utf8")));
    expect(users.map((file) => relative(SRC, file))).toEqual([]);
  });

  it("the pane's components call actions, never the adapter or Office.js", () => {
    const components = edges.filter((edge) => edge.file.startsWith(join("taskpane", "components")));
    expect(components.filter((edge) => edge.to === "word").map((edge) => edge.file)).toEqual([]);
    const officeUsers = files.filter(
      (file) => relative(SRC, file).startsWith(join("taskpane", "components")) && /\bOffice\./.test(readFileSync(file, "utf8")),
    );
    expect(officeUsers).toEqual([]);
  });

  it("has no cycle between folders", () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of edges) {
      if (edge.to === null || edge.to === edge.from || edge.to === "..") continue;
      graph.set(edge.from, (graph.get(edge.from) ?? new Set()).add(edge.to));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    expect([...new Set(cycles)]).toEqual([]);
  });
});
