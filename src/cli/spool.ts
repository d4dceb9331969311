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
import { previousYearOf, withPreviousYear, type PreviousYear } from "../domain/crossYear";
import { renderReport, type FileReport, type RenderOptions } from "./report";

/**
 * A finished report as the spool takes it: already rendered where it was checked (a worker thread, in parallel),
 * with what the year after and the counts need.
 */
export interface SpooledReport {
  file: string;
  /** The report as JSON (cells as pairs): for the summary and workbook, and for a report the year before changes. */
  stored: string;
  /** Its piece of the command's output (see renderReport). */
  rendered: string;
  agency: string | null;
  year: number | null;
  previous: PreviousYear | null;
  /** The format it was read in (the workbook's columns). */
  format: string | null;
  errors: number;
  unreadable: boolean;
}

type Stored = Omit<FileReport, "cells"> & { cells?: [string, string][] };

export function spooledReport(report: FileReport, render: RenderOptions): SpooledReport {
  const result = report.result;
  const dated = result?.organization && result.year ? result : null;
  const stored: Stored = { ...report, cells: report.cells ? [...report.cells] : undefined };
  return {
    file: report.file,
    stored: JSON.stringify(stored),
    rendered: renderReport(report, render),
    agency: dated?.organization ?? null,
    year: dated?.year ?? null,
    previous: dated ? previousYearOf(dated) : null,
    format: result?.format ?? null,
    errors: result?.errors ?? 0,
    unreadable: result === null,
  };
}

/** One report's piece of the output (as stored: UTF-8 bytes; rendered again: text), and what it counts for. */
export interface OutputPiece {
  text: string | Uint8Array;
  errors: number;
  unreadable: boolean;
}

interface Entry {
  offset: number;
  storedBytes: number;
  renderedBytes: number;
  agency: string | null;
  year: number | null;
  previous: PreviousYear | null;
  format: string | null;
  errors: number;
  unreadable: boolean;
}

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
  put(index: number, report: SpooledReport): void {
    const stored = Buffer.from(`${report.stored}\n`, "utf8");
    const rendered = Buffer.from(report.rendered, "utf8");
    writeSync(this.fd, stored, 0, stored.length, this.size);
    writeSync(this.fd, rendered, 0, rendered.length, this.size + stored.length);
    const { agency, year, previous, format, errors, unreadable } = report;
    this.entries[index] = {
      offset: this.size,
      storedBytes: stored.length,
      renderedBytes: rendered.length,
      agency,
      year,
      previous,
      format,
      errors,
      unreadable,
    };
    this.size += stored.length + rendered.length;
    if (agency !== null && year !== null) {
      const key = `${agency}\u0000${year}`;
      const known = this.byAgencyYear.get(key);
      if (known === undefined || index < known) this.byAgencyYear.set(key, index);
    }
  }

  private bytes(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    readSync(this.fd, bytes, 0, length, offset);
    return bytes;
  }

  private read(index: number): FileReport {
    const { offset, storedBytes } = this.entries[index]!;
    const stored = JSON.parse(this.bytes(offset, storedBytes).toString("utf8")) as Stored;
    return { ...stored, cells: stored.cells ? new Map(stored.cells) : undefined };
  }

  /** The first report of the agency's year before, as checkAcrossYears pairs them. */
  private previousOf(index: number): PreviousYear | null {
    const { agency, year } = this.entries[index]!;
    if (agency === null || year === null) return null;
    const match = this.byAgencyYear.get(`${agency}\u0000${year - 1}`);
    return match === undefined ? null : this.entries[match]!.previous;
  }

  /** The report at `index` with the findings its agency's report of the year before gives it. */
  private report(index: number): FileReport {
    const report = this.read(index);
    const previous = report.result ? this.previousOf(index) : null;
    return previous && report.result ? { ...report, result: withPreviousYear(previous, report.result) } : report;
  }

  /** The formats the reports were read in, each once. */
  formats(): string[] {
    return [...new Set(this.entries.flatMap((entry) => (entry.format ? [entry.format] : [])))];
  }

  /** Every report in the files' order, with the cross-year findings; or only those that could not be read. */
  *reports(only?: "unreadable"): Generator<FileReport> {
    for (let index = 0; index < this.entries.length; index++)
      if (only !== "unreadable" || this.entries[index]!.unreadable) yield this.report(index);
  }

  /**
   * Every report's piece of the output in the files' order: as rendered when it was checked, unless the report of
   * its agency's year before adds findings to it, when it is rendered again with them.
   */
  *outputs(render: RenderOptions): Generator<OutputPiece> {
    for (let index = 0; index < this.entries.length; index++) {
      const entry = this.entries[index]!;
      if (this.previousOf(index)) {
        const report = this.report(index);
        yield { text: renderReport(report, render), errors: report.result?.errors ?? 0, unreadable: report.result === null };
      } else
        yield {
          text: this.bytes(entry.offset + entry.storedBytes, entry.renderedBytes),
          errors: entry.errors,
          unreadable: entry.unreadable,
        };
    }
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
