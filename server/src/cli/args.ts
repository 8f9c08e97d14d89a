// Command-line options, shared by every subcommand: `--name value`, `--name=value`, flags.

export class UsageError extends Error {}

export interface OptionSpec {
  /** Allowed values; any string when omitted. */
  values?: readonly string[];
  /** A flag takes no value. */
  flag?: boolean;
}

export interface Parsed {
  options: Record<string, string | true>;
  files: string[];
}

export function parseOptions(argv: string[], spec: Record<string, OptionSpec>): Parsed {
  const options: Record<string, string | true> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || a === '--') {
      if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 (unknown option): ${a}`);
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError(`未知选项 (unknown option): --${name}`);
    if (s.flag) {
      options[name] = true;
      continue;
    }
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new UsageError(`--${name} 缺少取值 (needs a value)`);
    if (s.values && !s.values.includes(v)) throw new UsageError(`--${name} 只能是 ${s.values.join('、')} (must be one of ${s.values.join(', ')}): ${v}`);
    options[name] = v;
  }
  return { options, files };
}
