/**
 * Which files a PATH argument names: a file, or every report file in a folder and its subfolders. A folder is
 * walked without following symbolic links out of it; what is not a regular file (a FIFO, a device, a socket) and a
 * subfolder that cannot be read are each reported as their own entry, so that one odd entry never stops a run.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, relative, isAbsolute } from "node:path";
import { REPORT_EXTENSIONS } from "../docx/readerList";

/** A path that names something we will not read, with the reason in Chinese. */
export interface SkippedPath {
  file: string;
  reason: string;
}

export interface ExpandedPaths {
  files: string[];
  missing: string[];
  skipped: SkippedPath[];
}

function kindOf(stats: Stats): string | null {
  if (stats.isFIFO()) return "这是一个命名管道（FIFO），不是普通文件，已跳过";
  if (stats.isSocket()) return "这是一个套接字，不是普通文件，已跳过";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "这是一个设备文件，不是普通文件，已跳过";
  return null;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

export function expandPaths(paths: readonly string[], extensions: readonly string[] = REPORT_EXTENSIONS): ExpandedPaths {
  const out: ExpandedPaths = { files: [], missing: [], skipped: [] };
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      out.missing.push(path);
      continue;
    }
    if (stats.isDirectory()) walk(path, realpathSync(path), extensions, out);
    else {
      const odd = kindOf(stats);
      if (odd) out.skipped.push({ file: path, reason: odd });
      else out.files.push(path);
    }
  }
  return out;
}

function walk(folder: string, root: string, extensions: readonly string[], out: ExpandedPaths): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    out.skipped.push({
      file: folder,
      reason: `无法读取此文件夹（${(error as NodeJS.ErrnoException).code ?? "未知错误"}），其中的报告未检查`,
    });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const path = join(folder, entry.name);
    const isReport = extensions.some((extension) => entry.name.toLowerCase().endsWith(extension));
    if (entry.isDirectory()) {
      walk(path, root, extensions, out);
      continue;
    }
    if (entry.isSymbolicLink()) {
      followLink(path, root, isReport, extensions, out);
      continue;
    }
    if (!isReport) continue;
    const odd = entry.isFile() ? null : kindOf(lstatSync(path));
    if (odd) out.skipped.push({ file: path, reason: odd });
    else out.files.push(path);
  }
}

/** A link is followed only where it stays inside the folder given; a link to a folder is never walked twice. */
function followLink(path: string, root: string, isReport: boolean, extensions: readonly string[], out: ExpandedPaths): void {
  let target: string;
  let stats: Stats;
  try {
    target = realpathSync(path);
    stats = statSync(target);
  } catch {
    if (isReport) out.skipped.push({ file: path, reason: "符号链接指向的文件不存在，已跳过" });
    return;
  }
  if (!isInside(root, target)) {
    if (isReport || stats.isDirectory()) out.skipped.push({ file: path, reason: "符号链接指向所检查文件夹之外，已跳过" });
    return;
  }
  if (stats.isDirectory()) return; // inside the tree: walked where it really is
  if (!isReport) return;
  const odd = kindOf(stats);
  if (odd) out.skipped.push({ file: path, reason: odd });
  else out.files.push(path);
}
