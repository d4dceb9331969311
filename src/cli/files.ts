/** Which files a PATH argument names: a file, or every report file in a folder and its subfolders. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const REPORT_EXTENSIONS = [".txt", ".text", ".docx", ".doc", ".wps"];

export function expandPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) files.push(...reportFilesIn(path));
    else files.push(path);
  }
  return { files, missing };
}

function reportFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && !entry.name.startsWith("~$"))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return reportFilesIn(path);
      return REPORT_EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(extension)) ? [path] : [];
    });
}
