/**
 * Filling the totals a clerk has not typed, only when asked: every 总计 of 表三's rows (T3-C), every （七）总计 of
 * its columns (T3-B) and 表四's totals (T4-A), computed from their parts. Empty totals are filled; a typed total is
 * changed only with `overwrite`, and is then listed with its old and new value. A part that is not a number blocks
 * its total: nothing is guessed.
 */
import { findCell } from "./cells";
import { resolveFormat } from "./check";
import type { SumRule } from "./formatModel";
import type { ReportReading } from "./reading";
import { arithmeticValue, parseCellText, roundAmount } from "./values";

export interface TotalChange {
  id: string;
  value: number;
  /** What the cell held: null for a blank cell. */
  previous: string | null;
}

export interface TotalsPlan {
  /** Values to write: blank totals, and typed ones that differ where `overwrite` was asked. */
  changes: TotalChange[];
  /** Typed totals that differ from their parts, left as typed (no `overwrite`). */
  kept: TotalChange[];
  /** Totals not computed, with the parts that are not numbers. */
  blocked: { id: string; parts: string[] }[];
}

const TOTAL_SHAPES = new Set<SumRule["shape"]>(["rowTotal", "columnTotal", "groupTotal"]);

export function planTotals(reading: ReportReading, options: { overwrite?: boolean } = {}): TotalsPlan {
  const format = resolveFormat(reading);
  const texts = new Map(reading.cells.map((cell) => [cell.id, cell.text]));
  const value = (id: string): number | null => {
    const decl = findCell(format, id);
    const text = texts.get(id);
    return decl && text !== undefined ? arithmeticValue(parseCellText(text, decl.valueType, decl.unit)) : null;
  };
  const rules = format.rules.filter(
    (rule): rule is SumRule => rule.kind === "sum" && TOTAL_SHAPES.has(rule.shape) && rule.minus.length === 0,
  );
  const computed = new Map<string, number>();
  const blocked = new Map<string, string[]>();
  // Row totals feed the （七）总计 row and the 总计 column feeds its own （七）总计: passes until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of rules) {
      if (computed.has(rule.target) || !texts.has(rule.target)) continue;
      const parts = rule.plus.map((id) => computed.get(id) ?? (isBlankTotal(id) ? null : value(id)));
      const unusable = rule.plus.filter((id, index) => parts[index] === null && !(isTotal(id) && !computed.has(id)));
      if (unusable.length > 0) {
        blocked.set(rule.target, unusable);
        continue;
      }
      if (parts.some((part) => part === null)) continue; // waits for a total it depends on
      computed.set(rule.target, roundAmount(parts.reduce<number>((sum, part) => sum + part!, 0)));
      blocked.delete(rule.target);
      changed = true;
    }
  }
  // A total still waiting is blocked by the totals it waits for.
  for (const rule of rules) {
    if (computed.has(rule.target) || blocked.has(rule.target) || !texts.has(rule.target)) continue;
    blocked.set(
      rule.target,
      rule.plus.filter((id) => !computed.has(id) && value(id) === null),
    );
  }
  const changes: TotalChange[] = [];
  const kept: TotalChange[] = [];
  for (const [id, total] of computed) {
    const text = texts.get(id)!.trim();
    const typed = text === "" ? null : value(id);
    if (typed === total && text !== "") continue;
    const change = { id, value: total, previous: text === "" ? null : text };
    if (text === "" || options.overwrite) changes.push(change);
    else kept.push(change);
  }
  return { changes, kept, blocked: [...blocked].map(([id, parts]) => ({ id, parts })) };

  function isTotal(id: string): boolean {
    return rules.some((rule) => rule.target === id);
  }
  /** A total that is itself to be computed from its parts (blank, or to be overwritten), not read as typed. */
  function isBlankTotal(id: string): boolean {
    return isTotal(id) && ((texts.get(id) ?? "").trim() === "" || Boolean(options.overwrite));
  }
}
