/** Builders of cell readings for tests: a report whose every rule holds, to be broken one number at a time. */
import { formatCells } from "../../src/domain/cells";
import type { CellReading, ReportReading } from "../../src/domain/check";
import { formatById, type CellId } from "../../src/domain/formats";
import { T3_COLUMN_KEYS } from "../../src/domain/formats/shared";
import type { FormatId } from "../../src/domain/formats";

export const T3_PART_COLUMNS = T3_COLUMN_KEYS.filter((column) => column !== "total");

/** Values that satisfy every rule of the format; distinct small numbers so a broken sum is visible. */
export function consistentValues(formatId: FormatId): Map<CellId, string> {
  const format = formatById(formatId);
  const values = new Map<string, number | string>();
  const cells = formatCells(format);
  const t3Rows = [...new Set(cells.filter((cell) => cell.table === "t3").map((cell) => cell.id.split(".")[1]!))];
  const handled = t3Rows.filter((row) => row.startsWith("3-") && row !== "3-7");
  handled.forEach((row, r) => T3_PART_COLUMNS.forEach((column, c) => values.set(`t3.${row}.${column}`, (r + c) % 4)));
  T3_PART_COLUMNS.forEach((column, c) => {
    const total = handled.reduce((sum, row) => sum + Number(values.get(`t3.${row}.${column}`)), 0);
    values.set(`t3.3-7.${column}`, total);
    values.set(`t3.1.${column}`, total - c);
    values.set(`t3.2.${column}`, c + 2);
    values.set(`t3.4.${column}`, 2);
  });
  for (const row of t3Rows) {
    values.set(
      `t3.${row}.total`,
      T3_PART_COLUMNS.reduce((sum, column) => sum + Number(values.get(`t3.${row}.${column}`)), 0),
    );
  }
  for (const group of ["review", "suit-direct", "suit-after-review"]) {
    const parts = { upheld: 3, corrected: 1, other: 2, pending: group.length % 3 };
    Object.entries(parts).forEach(([key, value]) => values.set(`t4.${group}.${key}`, value));
    values.set(
      `t4.${group}.total`,
      Object.values(parts).reduce((a, b) => a + b, 0),
    );
  }
  for (const cell of cells.filter((candidate) => candidate.table === "t2")) {
    const column = cell.id.split(".")[2]!;
    const byColumn: Record<string, string> = {
      made: "5",
      published: "3",
      "total-published": "40",
      change: "-2",
      amount: cell.unit === null ? "160.5964万元" : "7730.28",
    };
    values.set(cell.id, byColumn[column] ?? "12");
  }
  // Keys come from the declaration, so they are cell ids.
  return new Map([...values].map(([id, value]) => [id as CellId, String(value)]));
}

export function readingOf(values: Map<string, string>, formatId: FormatId | null, year: number | null = null): ReportReading {
  const cells: CellReading[] = [...values].map(([id, text]) => ({ id, text }));
  return { format: formatId, year, organization: "某某市某某局", cells, findings: [] };
}

export function withValue(values: Map<CellId, string>, id: CellId, text: string): Map<CellId, string> {
  if (!values.has(id)) throw new Error(`no cell ${id} in the test report`);
  return new Map(values).set(id, text);
}

export function without(values: Map<CellId, string>, id: CellId): Map<CellId, string> {
  const copy = new Map(values);
  if (!copy.delete(id)) throw new Error(`no cell ${id} in the test report`);
  return copy;
}

/** The text as a Chinese IME types digits: full-width (１２３). */
export function fullWidth(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

/** Every cell of the format with a random figure (seeded, so a failure can be repeated): for read-back tests. */
export function randomValues(formatId: FormatId, seed: number): Map<CellId, string> {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: small, fast and repeatable; these figures need no better randomness.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return new Map(
    formatCells(formatById(formatId)).map((cell) => {
      const amount = cell.id.endsWith(".amount");
      const change = cell.id.endsWith(".change");
      const text = amount
        ? `${(next() * 10000).toFixed(2)}${cell.unit === null ? "万元" : ""}`
        : String(Math.floor(next() * (change ? 21 : 1000)) - (change ? 10 : 0));
      return [cell.id as CellId, text];
    }),
  );
}
