/**
 * The command line's options, one table per command, parsed by Node's own `util.parseArgs` in strict mode: an
 * unknown option, a missing value or a value given to a switch is a usage error in Chinese, never ignored.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { FIRST_CHECKED_YEAR, LAST_ACCEPTED_YEAR } from "../domain/formats";

export class UsageError extends Error {
  /** The command whose usage to show with the error; null for the general usage. */
  constructor(
    message: string,
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The value's name in the usage (年份); switches have none. */
  value?: string;
  /** What it does, in the usage. */
  help: string;
  /** Options that make sense only together with this one's partner: refused without it. */
  /** Only with this option (or one of these). */
  requires?: string | readonly string[];
}

export interface CommandSpec {
  name: string;
  /** One line per form of the command. */
  synopsis: string[];
  summary: string;
  options: Record<string, OptionSpec>;
  /** Notes printed after the options (how positionals are read). */
  notes?: string[];
}

export interface ParsedCommand {
  command: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", help: "显示本命令的用法" };

/** The option named in a parseArgs error ("Unknown option '--jsn'"), or the whole message's subject. */
function optionIn(message: string): string {
  return /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, "") ?? "";
}

function chineseParseError(error: { code?: string; message: string }, spec: CommandSpec): UsageError {
  const option = optionIn(error.message);
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`“${spec.name}”命令没有选项 ${option}`, spec.name);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/ambiguous/.test(error.message))
        return new UsageError(`选项 ${option} 的值以“-”开头；如确是此值，请写成 ${option}=值`, spec.name);
      if (/does not take/.test(error.message)) return new UsageError(`选项 ${option} 不接受值`, spec.name);
      return new UsageError(`选项 ${option} 需要一个值`, spec.name);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError(`多余的参数：${option}`, spec.name);
    default:
      return new UsageError(`命令行参数有误（${error.message}）`, spec.name);
  }
}

export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedCommand {
  const options: ParseArgsConfig["options"] = { help: { type: "boolean", short: "h" } };
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = option.short ? { type: option.type, short: option.short } : { type: option.type };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw chineseParseError(error as { code?: string; message: string }, spec);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, option] of Object.entries(spec.options)) {
    if (values[name] === "" && option.type === "string") throw new UsageError(`选项 --${name} 的值不能为空`, spec.name);
    const needs = option.requires === undefined ? [] : typeof option.requires === "string" ? [option.requires] : option.requires;
    if (needs.length > 0 && values[name] !== undefined && needs.every((other) => values[other] === undefined)) {
      throw new UsageError(`选项 --${name} 只能与 ${needs.map((other) => `--${other}`).join("、")} 一起使用`, spec.name);
    }
  }
  return { command: spec.name, values, positionals: parsed.positionals };
}

/** Columns a terminal gives a text: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce(
    (width, char) =>
      width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1),
    0,
  );
}

function optionLine(name: string, option: OptionSpec): string {
  const flag = `${option.short ? `-${option.short}, ` : ""}--${name}${option.value ? ` ${option.value}` : ""}`;
  return `      ${flag}${" ".repeat(Math.max(2, 26 - displayWidth(flag)))}${option.help}`;
}

/** The usage of one command: its forms, what it does, every option. */
export function commandUsage(spec: CommandSpec): string {
  const lines = [...spec.synopsis.map((line) => `  ${line}`), `      ${spec.summary}`];
  for (const [name, option] of Object.entries({ ...spec.options, help: HELP_OPTION })) lines.push(optionLine(name, option));
  for (const note of spec.notes ?? []) lines.push(`      ${note}`);
  return lines.join("\n");
}

/** --year: a four-digit year within the limits the checker accepts (templates have their own lower bound). */
export function yearValue(raw: string | boolean | undefined, first = FIRST_CHECKED_YEAR): number | null {
  if (raw === undefined) return null;
  const year = typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(year) || year < first || year > LAST_ACCEPTED_YEAR) {
    throw new UsageError(`--year 应为 ${first}–${LAST_ACCEPTED_YEAR} 之间的四位年份，例如 --year 2024，而不是“${String(raw)}”`);
  }
  return year;
}

export { HELP_OPTION };
