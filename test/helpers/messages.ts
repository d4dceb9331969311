import type { Finding } from "../../src/domain/findings";
import { findingMessage } from "../../src/domain/wording";

/** A finding's Chinese message, as every host renders it; undefined for no finding. */
export function messageOf(finding: Finding | undefined): string | undefined {
  return finding ? findingMessage(finding) : undefined;
}

import { CLI_READERS } from "../../src/cli/readers";
import type { ReadOptions, ReportReading } from "../../src/domain/reading";
import { readWith } from "../../src/readers/registry";
import { ReportReadError } from "../../src/readers/errors";

/** Reads a file's bytes as the command line does, with its list of readers. */
export function readReportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReportReading> {
  return readWith(CLI_READERS, name, bytes, options);
}

/** The read error a file gives, as the command line reads it; fails the test when it reads without one. */
export async function readErrorOf(name: string, bytes: Uint8Array): Promise<ReportReadError> {
  try {
    await readReportBytes(name, bytes);
  } catch (error) {
    if (error instanceof ReportReadError) return error;
    throw error;
  }
  throw new Error(`${name} was read without an error`);
}
