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
import type { FileReport, RenderOptions } from "./report";
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
  return spooledReport(await checkOneFile(request), request.render);
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

/** Requests a worker holds at once: the next is there when it finishes one, while this thread is busy checking. */
const IN_FLIGHT = 2;

/**
 * Checks the files, handing each report to `onDone` with its index as it finishes; nothing is kept here. With N
 * jobs, this thread is one of the N and N − 1 workers are the others: one V8 heap fewer than N workers, and this
 * thread has little else to do.
 */
export async function checkFiles(
  requests: readonly CheckRequest[],
  jobs: number,
  onDone: (report: SpooledReport, index: number) => void,
): Promise<void> {
  // A worker takes a few hundred milliseconds to start (it loads the readers): a handful of files is quicker in one.
  const threads = requests.length >= MIN_FILES_FOR_WORKERS ? Math.min(jobs, requests.length) : 1;
  const queue = new WorkQueue(requests.length);
  const lanes =
    threads > 1 && existsSync(WORKER_SCRIPT) ? Array.from({ length: threads - 1 }, () => runWorker(requests, queue, onDone)) : [];
  lanes.push(runHere(requests, queue, onDone, lanes.length > 0));
  await Promise.all(lanes);
}

/** The files not yet given out, in order; those a dead worker had not begun come first again. */
class WorkQueue {
  private next = 0;
  private readonly again: number[] = [];
  constructor(private readonly length: number) {}
  take(): number | null {
    if (this.again.length > 0) return this.again.shift()!;
    return this.next < this.length ? this.next++ : null;
  }
  giveBack(indexes: readonly number[]): void {
    this.again.push(...indexes);
  }
}

async function runHere(
  requests: readonly CheckRequest[],
  queue: WorkQueue,
  onDone: (report: SpooledReport, index: number) => void,
  withWorkers: boolean,
): Promise<void> {
  for (let index = queue.take(); index !== null; index = queue.take()) {
    onDone(await checkAndRender(requests[index]!), index);
    // Let the workers' messages in between two files (a check is synchronous work).
    if (withWorkers) await new Promise((resolve) => setImmediate(resolve));
  }
}

function runWorker(
  requests: readonly CheckRequest[],
  queue: WorkQueue,
  onDone: (report: SpooledReport, index: number) => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    // A smaller young generation than V8's default: a report's garbage is short-lived, and the folder's peak
    // memory is mostly the heaps' (192 → 182 MB for 1,000 reports on two threads, at the same speed).
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    // What the worker holds, in the order it checks them (one at a time).
    const held: number[] = [];
    const give = () => {
      while (held.length < IN_FLIGHT) {
        const index = queue.take();
        if (index === null) break;
        held.push(index);
        worker.postMessage(requests[index]);
      }
      if (held.length === 0) void worker.terminate().then(() => resolve());
    };
    worker.on("message", (report: SpooledReport) => {
      onDone(report, held.shift()!);
      give();
    });
    worker.on("error", (error) => {
      // The worker is gone: the file it was checking gets the fault; the one it had not begun goes back.
      const lost = held.shift();
      if (lost !== undefined) {
        const request = requests[lost]!;
        const report: FileReport = { file: request.file, result: null, ...readFailure(error) };
        onDone(spooledReport(report, request.render), lost);
      }
      queue.giveBack(held.splice(0));
      void runWorker(requests, queue, onDone).then(resolve);
    });
    give();
  });
}
