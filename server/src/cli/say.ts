// The checker's own words (usage, summaries, reasons) in the locale asked for: `--locale
// zh-cn|en|both` applies to everything printed, not to the findings only. Both: Chinese first,
// English in brackets, as the findings read.
import type { Locale } from '../engine';
import { refusal } from '../host/limits';

export interface Say {
  (zh: string, en: string): string;
  readonly locale: Locale;
}

export function sayer(locale: Locale = 'both'): Say {
  const say = locale === 'zh-cn' ? (zh: string) => zh : locale === 'en' ? (_zh: string, en: string) => en : (zh: string, en: string) => `${zh} (${en})`;
  return Object.assign(say, { locale });
}

export const LOCALES = ['zh-cn', 'en', 'both'] as const;

/** The --locale of a command line, read before the options are parsed (so a usage error speaks it too). */
export function localeOf(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    if (v && (LOCALES as readonly string[]).includes(v)) return v as Locale;
  }
  return undefined;
}

/** `无法读取文件 (cannot read file, ENOENT)`: a failed action with the system's code, in the locale. */
export function failed(say: Say, zh: string, en: string, code: string): string {
  return say.locale === 'both' ? `${zh} (${en}, ${code})` : `${say(zh, en)} (${code})`;
}

/** A file that could not be read for a purpose (the project file, the source document): the host's refusal, or the system's code. */
export function failedRead(say: Say, zh: string, en: string, read: { code?: string; limit?: number }): string {
  const refused = refusal(read.code, read.limit);
  return refused ? `${say(zh, en)}: ${say(refused.zh, refused.en)}` : failed(say, zh, en, read.code ?? 'EIO');
}

/** Why a file could not be read, from the host's answer. */
export function unreadable(say: Say, path: string, read: { code?: string; error?: string; limit?: number }): string {
  if (read.code === 'EISDIR') return `${say('是目录，不是文件', 'is a directory')}: ${path}`;
  const refused = refusal(read.code, read.limit);
  if (refused) return `${say(refused.zh, refused.en)}: ${path}`;
  if (read.code) return `${failed(say, '无法读取文件', 'cannot read file', read.code)}: ${path}`;
  return `${say('不是 UTF-8 或 GB18030 文本', 'not UTF-8 or GB18030 text')}: ${path}`;
}
