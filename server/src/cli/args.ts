// Command lines, for every subcommand: Node's util.parseArgs with each command's options
// declared once (the parse, the values allowed and the --help text come from the same table).
// Every command takes --help and --version; a wrong option is one line saying which.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LOCALES, type Say } from './say';

export class UsageError extends Error {
  /** The command whose --help the message points to. */
  command?: string;
}

export interface OptionSpec {
  /** A flag takes no value; default: a string. */
  flag?: boolean;
  short?: string;
  /** Allowed values; any string when omitted. */
  values?: readonly string[];
  /** May be given more than once (`--ignore A --ignore B`). */
  multiple?: boolean;
  /** What the value is, in the help: FILE, N. */
  arg?: string;
  zh: string;
  en: string;
}

export interface CommandSpec {
  name: string;
  /** What follows the options in the synopsis: `PATH...`, `FILE.docx`. */
  operands: string;
  /** What it does, in a few words (the tool's --help), then in full (its own). */
  brief: { zh: string; en: string };
  zh: string;
  en: string;
  options: Record<string, OptionSpec>;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
  /** --help or --version was asked for: print it and exit 0. */
  asked?: 'help' | 'version';
}

const COMMON: Record<string, OptionSpec> = {
  help: { flag: true, short: 'h', zh: '显示本帮助', en: 'show this help' },
  version: { flag: true, short: 'v', zh: '显示版本号', en: 'show the version' },
};

/** The language of what a command prints, where the command gives --locale no meaning of its own. */
const LOCALE: OptionSpec = { values: LOCALES, zh: '输出语言（默认中英并列）', en: 'language of what is printed (default both)' };

/** A command's options with --locale, --help and --version. */
function allOptions(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, ...(spec.options.locale ? {} : { locale: LOCALE }), ...COMMON };
}

/** The one-line hint after a usage error. */
export function helpHint(say: Say, command?: string): string {
  const cmd = command ? `fengong ${command} --help` : 'fengong --help';
  return say(`用法见 ${cmd}`, `see ${cmd}`);
}

export function parseCommand(argv: string[], spec: CommandSpec, say: Say): Parsed {
  const options = allOptions(spec);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [name, { type: o.flag ? 'boolean' : 'string', ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ) as ParseArgsConfig['options'],
    }) as { values: Values; positionals: string[] };
  } catch (e) {
    throw new UsageError(parseError(e as Error & { code?: string }, say));
  }
  const { values, positionals } = parsed;
  if (values.help) return { values, positionals, asked: 'help' };
  if (values.version) return { values, positionals, asked: 'version' };
  for (const [name, o] of Object.entries(options)) {
    const v = values[name];
    if (!o.values || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v as string]) {
      if (!o.values.includes(one)) throw new UsageError(say(`--${name} 只能是 ${o.values.join('、')}，不能是 ${one}`, `--${name} must be one of ${o.values.join(', ')}, not ${one}`));
    }
  }
  return { values, positionals };
}

/** parseArgs' errors name the option in English; the user gets it in the locale, in one line. */
function parseError(e: Error & { code?: string }, say: Say): string {
  // "Option '-o, --output <value>' argument missing": the long name when there is one.
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0] ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return say(`未知选项 ${option}`, `unknown option ${option}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? say(`${option} 缺少取值`, `${option} needs a value`) : say(`${option} 不带取值`, `${option} takes no value`);
    default:
      return e.message;
  }
}

/** A command's --help: synopsis, what it does, each option. */
export function helpText(spec: CommandSpec, say: Say): string {
  const options = allOptions(spec);
  const left = (name: string, o: OptionSpec) => `${o.short ? `-${o.short}, ` : '    '}--${name}${o.flag ? '' : ` ${o.values ? o.values.join('|') : o.arg ?? 'VALUE'}`}`;
  const width = Math.max(...Object.entries(options).map(([n, o]) => left(n, o).length));
  return [
    `${say('用法', 'usage')}: fengong ${spec.name} [${say('选项', 'options')}] ${spec.operands}`.trimEnd(),
    '',
    say(spec.zh, spec.en),
    '',
    `${say('选项', 'options')}:`,
    ...Object.entries(options).map(([n, o]) => `  ${left(n, o).padEnd(width)}  ${say(o.zh, o.en)}`),
  ].join('\n');
}

/** The synopsis line of a command, for the tool's own --help. */
export function synopsis(spec: CommandSpec): string {
  return `fengong ${spec.name} ${spec.operands}`.trimEnd();
}

/** A whole number from an option (--max-warnings 10). */
export function count(values: Values, name: string, say: Say): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(say(`--${name} 须为非负整数，不能是 ${String(v)}`, `--${name} must be a whole number, not ${String(v)}`));
  return Number(v);
}
