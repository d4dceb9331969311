import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The real published reports from shared/examples, copied here so that the tests need nothing outside the repo. */
export const EXAMPLES = join(__dirname, "..", "fixtures", "examples");

export function example(name: string): string {
  return readFileSync(join(EXAMPLES, name), "utf8");
}
