/**
 * Progress of a folder check on the terminal: a bar (cli-progress) only when stderr is a terminal, so that logs and
 * pipes get no control characters; a final line in every case.
 */
import { SingleBar } from "cli-progress";

export interface Progress {
  start(total: number): void;
  advance(file: string): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start: () => undefined, advance: () => undefined, stop: () => undefined };

export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  const bar = new SingleBar({
    stream,
    format: "检查中 [{bar}] {value}/{total} 份 {percentage}%  {file}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  return {
    start: (total) => bar.start(total, 0, { file: "" }),
    advance: (file) => bar.increment(1, { file: file.length > 40 ? `…${file.slice(-39)}` : file }),
    stop: () => bar.stop(),
  };
}
