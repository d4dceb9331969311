/**
 * Checking many files: one after another in this thread, or on N worker threads (--jobs), each reading and checking
 * whole files, the results handed back in the files' order. One file's fault is its report's error; a worker that
 * dies takes only its file with it.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { checkReport } from "../domain/check";
import { readFailure } from "../readers/failure";
import { readWith } from "../readers/registry";
import { readInput } from "./io";
import { CLI_READERS } from "./readers";
import { renderReport, type FileReport, type RenderOptions } from "./report";
import { spooledReport, type SpooledReport } from "./spool";

export interface CheckRequest {
  file: string;
  year: number | null;
  /** Keep the cells' texts (for an export). */
  keepCells: boolean;
  /** How the command prints a report: rendered where the file is checked, so that workers share that work too. */
  render: RenderOptions;
}

/** A file checked and rendered, ready for the spool. */
export async function checkAndRender(request: CheckRequest): Promise<SpooledReport> {
  return spooledReport(await checkOneFile(request), (report) => renderReport(report, request.render));
}

export async function checkOneFile({ file, year, keepCells }: CheckRequest): Promise<FileReport> {
  try {
    const reading = await readWith(CLI_READERS, file, readInput(file), { year });
    const cells = keepCells ? new Map(reading.cells.map((cell) => [cell.id, cell.text])) : undefined;
    return { file, result: checkReport(reading), error: null, ...(cells ? { cells } : {}) };
  } catch (error) {
    return { file, result: null, ...readFailure(error) };
  }
}

/** The compiled worker beside this module; absent when the sources run directly (the tests), which check in-thread. */
const WORKER_SCRIPT = join(__dirname, "checkWorker.js");

/** Fewer files than this are checked in this thread whatever --jobs says. */
export const MIN_FILES_FOR_WORKERS = 8;

export function defaultJobs(): number {
  return availableParallelism();
}

/** Checks the files, handing each report to `onDone` with its index as it finishes; nothing is kept here. */
export async function checkFiles(
  requests: readonly CheckRequest[],
  jobs: number,
  onDone: (report: SpooledReport, index: number) => void,
): Promise<void> {
  // A worker takes a few hundred milliseconds to start (it loads the readers): a handful of files is quicker in one.
  const threads = requests.length >= MIN_FILES_FOR_WORKERS ? Math.min(jobs, requests.length) : 1;
  if (threads <= 1 || !existsSync(WORKER_SCRIPT)) {
    for (const [index, request] of requests.entries()) onDone(await checkAndRender(request), index);
    return;
  }
  const done = new Set<number>();
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER_SCRIPT);
      let current = -1;
      const give = () => {
        if (next >= requests.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(requests[current]);
      };
      worker.on("message", (report: SpooledReport) => {
        done.add(current);
        onDone(report, current);
        give();
      });
      worker.on("error", (error) => {
        // The worker is gone: its file gets the fault, the others go on in a new worker.
        if (current >= 0 && !done.has(current)) {
          done.add(current);
          const request = requests[current]!;
          const lost: FileReport = { file: request.file, result: null, ...readFailure(error) };
          onDone(
            spooledReport(lost, (report) => renderReport(report, request.render)),
            current,
          );
        }
        void runWorker().then(resolve);
      });
      give();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
}
