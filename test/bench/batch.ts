/**
 * npm run bench -- --batch: a folder check at the scale of a city's collection. Generates (once, cached in
 * test-output/bench/) 1,000 and 5,000 filled template .docx reports with random valid and invalid figures, then in
 * one run measures the floor (unzip every document.xml and scan its text), `gov-report check --json` on the folder
 * with --jobs 1 (in a child process, for its peak memory), their ratio, and reports per second.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateDocx } from "../../src/docx/template";
import { fillControls } from "../support/controlTyping";
import { consistentValues, randomValues } from "../helpers/reports";

const ROOT = join(process.cwd(), "test-output", "bench");
const CLI = join(process.cwd(), "test-output", "build", "src", "cli", "main.js");

function reportsFolder(count: number): string {
  const folder = join(ROOT, `batch-${count}`);
  if (existsSync(folder) && readdirSync(folder).length === count) return folder;
  mkdirSync(folder, { recursive: true });
  const template = templateDocx(FORMAT_2021, { organization: "某某市某某局", year: 2024 });
  for (let i = 0; i < count; i++) {
    // Random figures break most sums (invalid reports, many findings); every fourth is consistent (valid).
    const values = i % 4 === 0 ? consistentValues("2021") : randomValues("2021", i + 1);
    writeFileSync(join(folder, `report-${String(i).padStart(5, "0")}.docx`), fillControls(template, values));
  }
  return folder;
}

/**
 * Unzip each document.xml and scan its text once: the least any reader must do. The fastest of three passes: the
 * first may find the files cold on disk, which the checks after it do not (one run read 3.2 s against 2.0–2.3 s).
 */
function floorSeconds(folder: string): number {
  return Math.min(floorPass(folder), floorPass(folder), floorPass(folder));
}

function floorPass(folder: string): number {
  const started = performance.now();
  let chars = 0;
  for (const name of readdirSync(folder)) {
    const xml = strFromU8(
      unzipSync(readFileSync(join(folder, name)), { filter: (file) => file.name === "word/document.xml" })["word/document.xml"]!,
    );
    for (let i = xml.indexOf("<w:t"); i >= 0; i = xml.indexOf("<w:t", i + 4)) chars++;
  }
  if (chars === 0) throw new Error("no text scanned");
  return (performance.now() - started) / 1000;
}

/** Preloaded into the child: prints its peak resident memory (all threads) when it exits. */
const RSS_PRELOAD = join(ROOT, "peak-rss.js");

/** The command line on the folder, in a child process (output discarded): its wall time and peak RSS. */
function checkRun(folder: string, jobs: number | null, extra: string[] = []): { seconds: number; peakRssMB: number } {
  writeFileSync(RSS_PRELOAD, 'process.on("exit", () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n');
  const started = performance.now();
  const args = ["-r", RSS_PRELOAD, CLI, "check", "--json", folder, ...(jobs ? ["--jobs", String(jobs)] : []), ...extra];
  const run = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { seconds, peakRssMB: Math.round(kb / 1024) };
}

export function batchFigures(count: number) {
  const folder = reportsFolder(count);
  const floor = floorSeconds(folder);
  const one = checkRun(folder, 1);
  const all = checkRun(folder, null);
  // With the summary page, workbook and CSV too: they hold what they show of every report, no more.
  const out = join(ROOT, `outputs-${count}`);
  const withOutputs = checkRun(folder, null, ["--summary", `${out}.html`, "--xlsx", `${out}.xlsx`, "--csv", `${out}.csv`, "--force"]);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    reports: count,
    floorSeconds: round(floor),
    checkSeconds: round(one.seconds),
    ratioToFloor: round(one.seconds / floor),
    reportsPerSecond: round(count / one.seconds),
    reportsPerSecondAllCores: round(count / all.seconds),
    peakRssMB: Math.max(one.peakRssMB, all.peakRssMB),
    // The same run on every core (the command's default), against the same single-threaded floor.
    checkSecondsAllCores: round(all.seconds),
    ratioToFloorAllCores: round(all.seconds / floor),
    peakRssMBOneThread: one.peakRssMB,
    peakRssMBAllCores: all.peakRssMB,
    peakRssMBWithOutputs: withOutputs.peakRssMB,
    checkSecondsWithOutputs: round(withOutputs.seconds),
  };
}
