/**
 * Reading what a clerk typed into a cell. Never throws, never guesses silently: every liberty taken is a note that
 * becomes a warning, and whatever cannot be read is `invalid` with the reason.
 */
import type { ValueType } from "./model";

export type ValueNote =
  | { kind: "unit"; unit: string }
  | { kind: "yuanConverted"; yuan: number }
  | { kind: "unitMissing" }
  | { kind: "annotation"; text: string }
  | { kind: "precision"; decimals: number }
  | { kind: "fullWidth" };

export type InvalidReason =
  | "noNumber"
  | "leadingText"
  | "multipleNumbers"
  | "badSeparator"
  | "negativeCount"
  | "decimalCount"
  | "wrongUnit";

export type ParsedValue =
  | { status: "number"; value: number; notes: ValueNote[] }
  | { status: "blank" }
  | { status: "zeroMark"; mark: string }
  | { status: "invalid"; reason: InvalidReason; detail?: string };

/** Written for "nothing happened": counted as 0 with a warning. */
const ZERO_MARK = /^(?:[-—–―‒−~〜_/\\]+|无|〇|零|空)$/;
const SIGN = "[+\\-−]";
const NUMBER = new RegExp(`^(${SIGN}?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?`);
const COUNT_UNITS = ["件", "个", "项", "条", "次"];
const AMOUNT_UNITS = ["万元", "万", "元"];
const MAX_AMOUNT_DECIMALS = 4;

export function normalizeCellText(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s\u200b\ufeff]+/g, " ").trim();
}

/** Digits split by spaces, as in "1 234": allowed only as thousands groups. */
function joinSpacedDigits(text: string): string | null {
  if (!/\d\s+\d/.test(text)) return text;
  return /^[+\-−]?\d{1,3}(?: \d{3})+(?:\.\d+)?(?:\D.*)?$/.test(text) ? text.replace(/(\d) (?=\d{3})/g, "$1") : null;
}

/** Full-width digits or number punctuation (１２，３４５．６), as a Chinese IME types them. */
const FULL_WIDTH_NUMBER = /[\uff10-\uff19\uff0c\uff0e\uff0b\uff0d]/;

export function parseCellText(raw: string, type: ValueType, unit: string | null = null): ParsedValue {
  const parsed = parseNormalized(normalizeCellText(raw), type, unit);
  // Read correctly, but said: a report's figures should be half-width Arabic numerals.
  if (parsed.status === "number" && FULL_WIDTH_NUMBER.test(raw)) parsed.notes.unshift({ kind: "fullWidth" });
  return parsed;
}

function parseNormalized(text: string, type: ValueType, unit: string | null): ParsedValue {
  if (text === "") return { status: "blank" };
  if (ZERO_MARK.test(text.replace(/ /g, ""))) return { status: "zeroMark", mark: text };

  const joined = joinSpacedDigits(text);
  if (joined === null) return { status: "invalid", reason: "multipleNumbers", detail: text };
  const match = NUMBER.exec(joined);
  if (!match) {
    return /\d/.test(joined)
      ? { status: "invalid", reason: "leadingText", detail: text }
      : { status: "invalid", reason: "noNumber", detail: text };
  }
  const [whole, sign = "", integerPart = "", fraction] = match;
  const leadingDigits = /^[+\-−]?[\d,]+/.exec(joined)?.[0] ?? "";
  if (leadingDigits.includes(",") && !/^[+\-−]?\d{1,3}(?:,\d{3})+$/.test(leadingDigits)) {
    return { status: "invalid", reason: "badSeparator", detail: text };
  }
  const negative = sign === "-" || sign === "−";
  let value = Number(`${integerPart.replace(/,/g, "")}${fraction !== undefined ? `.${fraction}` : ""}`);
  if (negative) value = -value;

  const notes: ValueNote[] = [];
  let rest = joined.slice(whole.length).trim();

  const typedUnit = [...(type === "amount" ? AMOUNT_UNITS : COUNT_UNITS)].find((candidate) => rest.startsWith(candidate));
  const foreignUnit = [...(type === "amount" ? COUNT_UNITS : AMOUNT_UNITS)].find((candidate) => rest.startsWith(candidate));
  if (foreignUnit && !typedUnit) return { status: "invalid", reason: "wrongUnit", detail: text };
  if (typedUnit) {
    rest = rest.slice(typedUnit.length).trim();
    if (typedUnit === "元") {
      notes.push({ kind: "yuanConverted", yuan: value });
      value = value / 10000;
    } else if (!(type === "amount" && unit === null)) {
      notes.push({ kind: "unit", unit: typedUnit === "万" ? "万元" : typedUnit });
    }
  } else if (type === "amount" && unit === null) {
    notes.push({ kind: "unitMissing" });
  }

  if (rest !== "") {
    if (!rest.startsWith("(") && /\d/.test(rest)) return { status: "invalid", reason: "multipleNumbers", detail: text };
    notes.push({ kind: "annotation", text: rest });
  }

  if (type !== "signedCount" && negative) {
    return { status: "invalid", reason: "negativeCount", detail: text };
  }
  if (type !== "amount" && fraction !== undefined) return { status: "invalid", reason: "decimalCount", detail: text };
  if (type === "amount" && fraction !== undefined && fraction.length > MAX_AMOUNT_DECIMALS && !notes.some((n) => n.kind === "yuanConverted")) {
    notes.push({ kind: "precision", decimals: fraction.length });
  }
  return { status: "number", value: roundAmount(value), notes };
}

/** Keeps 万元 sums free of binary noise (0.1 + 0.2). */
export function roundAmount(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** The value that takes part in arithmetic, or null when the cell cannot be used. */
export function arithmeticValue(parsed: ParsedValue): number | null {
  switch (parsed.status) {
    case "number":
      return parsed.value;
    case "blank":
    case "zeroMark":
      return 0;
    case "invalid":
      return null;
  }
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(roundAmount(value));
}
