/**
 * A folder check's reports, kept on disk rather than in memory: each finished report is written to a temporary
 * file as one JSON line, and only what the year after needs (agency, year, format, a few figures) stays in memory.
 * The output is written from the file, report by report in the files' order, once every report is checked: the
 * cross-year checks (X1, X2) can add a finding to any report until the last file is read. Peak memory does not
 * grow with the number of reports; the temporary folder goes when the spool is closed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../domain/check";
import { previousYearOf, withPreviousYear, type PreviousYear } from "../domain/crossYear";
import type { FileReport } from "./report";

interface Entry {
  offset: number;
  length: number;
  agency: string | null;
  previous: PreviousYear | null;
}

type Stored = Omit<FileReport, "cells"> & { cells?: [string, string][] };

export class ReportSpool {
  private readonly folder = mkdtempSync(join(tmpdir(), "gov-report-spool-"));
  private readonly fd = openSync(join(this.folder, "reports.jsonl"), "w+", 0o600);
  private readonly entries: Entry[] = [];
  /** agency and year → the lowest index of such a report. */
  private readonly byAgencyYear = new Map<string, number>();
  private size = 0;
  get count(): number {
    return this.entries.length;
  }

  /** Stores the report at `index` (reports may finish out of order on worker threads). */
  put(index: number, report: FileReport): void {
    const stored: Stored = { ...report, cells: report.cells ? [...report.cells] : undefined };
    const bytes = Buffer.from(`${JSON.stringify(stored)}\n`, "utf8");
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    const result = report.result;
    this.entries[index] = {
      offset: this.size,
      length: bytes.length,
      agency: result?.organization && result.year ? result.organization : null,
      previous: result?.organization && result.year ? previousYearOf(result) : null,
    };
    this.size += bytes.length;
    if (result?.organization && result.year) {
      const key = `${result.organization}\u0000${result.year}`;
      const known = this.byAgencyYear.get(key);
      if (known === undefined || index < known) this.byAgencyYear.set(key, index);
    }
  }

  private read(index: number): FileReport {
    const { offset, length } = this.entries[index]!;
    const bytes = Buffer.alloc(length);
    readSync(this.fd, bytes, 0, length, offset);
    const stored = JSON.parse(bytes.toString("utf8")) as Stored;
    return { ...stored, cells: stored.cells ? new Map(stored.cells) : undefined };
  }

  /** The first report of the agency's year before, as checkAcrossYears pairs them. */
  private previousOf(index: number, result: CheckResult): PreviousYear | null {
    const agency = this.entries[index]!.agency;
    if (agency === null || result.year === null) return null;
    const match = this.byAgencyYear.get(`${agency}\u0000${result.year - 1}`);
    return match === undefined ? null : this.entries[match]!.previous;
  }

  /** Every report in the files' order, with the findings its agency's report of the year before gives it. */
  *reports(): Generator<FileReport> {
    for (let index = 0; index < this.entries.length; index++) {
      const report = this.read(index);
      const previous = report.result ? this.previousOf(index, report.result) : null;
      yield previous && report.result ? { ...report, result: withPreviousYear(previous, report.result) } : report;
    }
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
