/**
 * Comparing labels as printed in real reports: full-width and half-width forms, spaces from PDF extraction,
 * "1、" for "1.", curly or straight quotes. Also the fuzzy measure the readers use for wrapped and interleaved labels.
 */

/** A comparison key: NFKC, no white space, no quotes, list numbering unified to "1.". */
export function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u200b\ufeff]+/g, "")
    .replace(/[“”"‘’'「」]/g, "")
    .replace(/(\d)[、,，.．]/g, "$1.");
}

/** Length of the longest common subsequence: how much of a label survives in text that interleaves other text. */
export function commonSubsequenceLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      current[j] = char === b.charCodeAt(j - 1) ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Share of `label` found, in order, inside `text` (1 = every character). */
export function coverage(label: string, text: string): number {
  return label.length === 0 ? 0 : commonSubsequenceLength(label, text) / label.length;
}
