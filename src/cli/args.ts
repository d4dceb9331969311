/** A small argument parser: the command line has few options and should need no dependency. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Options that take a value; every other --option is a switch. */
const VALUED = new Set(["year", "org", "format", "annotate", "output", "o"]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = null, ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--") {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    const match = /^--?([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) {
      positionals.push(arg);
      continue;
    }
    const [, name = "", inline] = match;
    if (VALUED.has(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`选项 --${name} 需要一个值`);
      flags.set(name === "o" ? "output" : name, value);
    } else {
      flags.set(name, true);
    }
  }
  return { command, positionals, flags };
}

export function yearFlag(flags: ParsedArgs["flags"]): number | null {
  const raw = flags.get("year");
  if (raw === undefined) return null;
  const year = typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new UsageError(`--year 应为四位年份，例如 --year 2024，而不是“${String(raw)}”`);
  return year;
}
