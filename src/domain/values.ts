/**
 * Reading what a clerk typed into a cell. Never throws, never guesses silently: every liberty taken is a note that
 * becomes a warning, and whatever cannot be read is `invalid` with the reason.
 */
import type { ValueType } from "./formatModel";

export type ValueNote =
  | { kind: "unit"; unit: string }
  | { kind: "yuanConverted"; yuan: number }
  | { kind: "unitMissing" }
  | { kind: "annotation"; text: string }
  | { kind: "precision"; decimals: number }
  | { kind: "fullWidth" }
  | { kind: "otherDigits" };

export type InvalidReason =
  | "noNumber"
  | "leadingText"
  | "multipleNumbers"
  | "badSeparator"
  | "negativeCount"
  | "decimalCount"
  | "wrongUnit"
  | "tooLong"
  | "severalParts";

export type ParsedValue =
  | { status: "number"; value: number; notes: ValueNote[] }
  | { status: "blank" }
  | { status: "placeholder"; mark: string }
  /** `value`: what the text reads as where it is a number the value rule rejects (-1 件, 1.5 件). */
  | { status: "invalid"; reason: InvalidReason; detail?: string; value?: number };

/** Written for "nothing happened" or "does not apply": counted as 0 with a warning. */
const PLACEHOLDER = /^(?:[-—–―‒−~〜_/\\]+|无|〇|零|空|不适用|无此项|不涉及|n\/?a)$/i;

/**
 * More integer digits than this cannot be a real count or amount, and past 15 digits a double no longer holds
 * every integer exactly: such a number is refused, never rounded silently.
 */
export const MAX_INTEGER_DIGITS = 15;
const SIGN = "[+\\-−]";
const NUMBER = new RegExp(`^(${SIGN}?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?`);
const COUNT_UNITS = ["件", "个", "项", "条", "次"];
const AMOUNT_UNITS = ["万元", "万", "元"];
const MAX_AMOUNT_DECIMALS = 4;

/**
 * Control characters Word puts into text as anchors (\u0005 for each comment, \u0007 at a cell's end, \u0001 for an
 * inline picture; office-js #2114 and #2258): not part of what the user typed, removed before anything is read.
 */
// eslint-disable-next-line no-control-regex -- these characters are what is removed
const WORD_ANCHORS = /[\u0000-\u0008\u000e-\u001f]/g;

export function withoutWordAnchors(raw: string): string {
  return raw.replace(WORD_ANCHORS, "");
}

export function normalizeCellText(raw: string): string {
  return withoutWordAnchors(raw)
    .normalize("NFKC")
    .replace(/[\s\u200b\ufeff]+/g, " ")
    .trim();
}

/** Text in two paragraphs, or split by a line break or tab: "1" and "234" must not read as 1234. */
function hasSeveralParts(raw: string): boolean {
  return /\S[ \u3000]*[\r\n\t\v\f\u2028\u2029]+\s*\S/.test(withoutWordAnchors(raw));
}

/** Digits split by spaces, as in "1 234": allowed only as thousands groups. */
function joinSpacedDigits(text: string): string | null {
  if (!/\d\s+\d/.test(text)) return text;
  return /^[+\-−]?\d{1,3}(?: \d{3})+(?:\.\d+)?(?:\D.*)?$/.test(text) ? text.replace(/(\d) (?=\d{3})/g, "$1") : null;
}

/** Full-width digits or number punctuation (１２，３４５．６), as a Chinese IME types them. */
const FULL_WIDTH_NUMBER = /[\uff10-\uff19\uff0c\uff0e\uff0b\uff0d]/;

/** Any other character that NFKC turns into a digit: ⑫ ① ¹² 𝟏𝟐 and the like. */
function hasOtherDigitForms(raw: string): boolean {
  for (const char of raw) {
    if (char.charCodeAt(0) < 0x80 || FULL_WIDTH_NUMBER.test(char)) continue;
    if (/\d/.test(char.normalize("NFKC"))) return true;
  }
  return false;
}

export function parseCellText(raw: string, type: ValueType, unit: string | null = null): ParsedValue {
  if (hasSeveralParts(raw)) return { status: "invalid", reason: "severalParts", detail: raw };
  const parsed = parseNormalized(normalizeCellText(raw), type, unit);
  // Read correctly, but said: a report's figures should be half-width Arabic numerals.
  if (parsed.status === "number" && hasOtherDigitForms(raw)) parsed.notes.unshift({ kind: "otherDigits" });
  if (parsed.status === "number" && FULL_WIDTH_NUMBER.test(raw)) parsed.notes.unshift({ kind: "fullWidth" });
  return parsed;
}

function parseNormalized(text: string, type: ValueType, unit: string | null): ParsedValue {
  if (text === "") return { status: "blank" };
  if (PLACEHOLDER.test(text.replace(/ /g, ""))) return { status: "placeholder", mark: text };

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
  if (integerPart.replace(/,/g, "").replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS)
    return { status: "invalid", reason: "tooLong", detail: text };
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
    return { status: "invalid", reason: "negativeCount", detail: text, value: roundAmount(value) };
  }
  if (type !== "amount" && fraction !== undefined)
    return { status: "invalid", reason: "decimalCount", detail: text, value: roundAmount(value) };
  if (
    type === "amount" &&
    fraction !== undefined &&
    fraction.length > MAX_AMOUNT_DECIMALS &&
    !notes.some((n) => n.kind === "yuanConverted")
  ) {
    notes.push({ kind: "precision", decimals: fraction.length });
  }
  return { status: "number", value: roundAmount(value), notes };
}

/** Keeps 万元 sums free of binary noise (0.1 + 0.2). */
export function roundAmount(value: number): number {
  // Integers stay exact (scaling by 1e8 would leave 2^53 behind for a 15-digit count); decimals to 8 places.
  return Number.isInteger(value) ? value : Number(value.toFixed(8));
}

/** The value that takes part in arithmetic, or null when the cell cannot be used. */
export function arithmeticValue(parsed: ParsedValue): number | null {
  switch (parsed.status) {
    case "number":
      return parsed.value;
    case "blank":
    case "placeholder":
      return 0;
    case "invalid":
      return null;
  }
}

/** The number the text reads as, also where the value rule rejects it; null for a blank, a placeholder or text. */
export function typedNumber(parsed: ParsedValue): number | null {
  if (parsed.status === "number") return parsed.value;
  if (parsed.status === "invalid") return parsed.value ?? null;
  return null;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(roundAmount(value));
}
