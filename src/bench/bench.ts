/**
 * npm run bench [-- --json]: how long the engine takes. Prints figures; asserts nothing (speed goals live here,
 * not in timed tests).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../domain/check";
import { readTextReport } from "../readers/textReader";

const EXAMPLES = join(__dirname, "..", "..", "test", "fixtures", "examples");

/** Mean milliseconds per call over enough calls to fill about `budgetMs`. */
function timeIt(fn: () => void, budgetMs = 1500): number {
  for (let i = 0; i < 5; i++) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function engineFigures() {
  const texts = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), "utf8") }));
  const full2021 = readTextReport(texts.find((entry) => entry.name.startsWith("2024"))!.text);
  const checkMs = timeIt(() => checkReport(full2021));
  const perExample = Object.fromEntries(texts.map(({ name, text }) => [name, round(timeIt(() => checkReport(readTextReport(text)), 800))]));
  const textReadMs = Object.values(perExample).reduce((a, b) => a + b, 0) / texts.length;
  return {
    checkMsPerReport: round(checkMs),
    textReadMsPerReport: round(textReadMs),
    textReadMsPerExample: perExample,
    checkSecondsPer1000: round(checkMs),
    textReadSecondsPer1000: round(textReadMs),
  };
}

function main(): void {
  const figures = { engine: engineFigures() };
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const engine = figures.engine;
  console.log("引擎 / engine");
  console.log(`  检查一份完整的 2021 格式报告（已读出单元格）：${engine.checkMsPerReport} ms；每 1000 份 ${engine.checkSecondsPer1000} s`);
  for (const [name, ms] of Object.entries(engine.textReadMsPerExample)) console.log(`  读取并检查 ${name}：${ms} ms`);
  console.log(`  文本报告平均：${engine.textReadMsPerReport} ms；每 1000 份 ${engine.textReadSecondsPer1000} s`);
}

main();
