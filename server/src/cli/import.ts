// fengong import [-o OUT|-] [--force] FILE.docx
// A Word document as a plan text file: headings with their numbers (Word's automatic numbering
// written out), paragraphs, and task tables as lines with clauses. What could not be carried
// over is said on stderr. Without -o the plan goes beside the document as NAME.plan.txt, never
// over an existing file unless --force; `-o -` writes it to stdout.
// Exit 0; 2 for bad usage, an unreadable file or one that is no .docx.
import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../host/atomicWrite';
import { basename, dirname, extname, join } from 'node:path';
import { importDocx, NotDocxError } from '../word/docxImport';
import { UsageError, type CommandSpec, type Parsed } from './args';
import type { Io } from './io';
import { display } from './plans';
import { READ_LIMITS } from '../host/limits';
import { readBytes } from '../node/host';
import { sayer, unreadable } from './say';

export const IMPORT: CommandSpec = {
  name: 'import',
  operands: 'FILE.docx',
  brief: { zh: '从 Word 导入', en: "import from Word" },
  zh: '把 Word 分工方案转为方案文本（自动编号写成文字，任务表转为条款）；默认写到同名 .plan.txt。',
  en: 'A Word plan as plan text (automatic numbering written out, task tables as clauses); by default beside it as NAME.plan.txt.',
  options: {
    output: { short: 'o', arg: 'OUT|-', zh: '写入此文件；- 为标准输出', en: 'write to OUT; - for standard output' },
    force: { flag: true, zh: '覆盖已有文件', en: 'overwrite an existing file' },
  },
};

export function writeOrFail(path: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(path, data);
  } catch (e) {
    throw new UsageError(`无法写入文件 (cannot write file, ${(e as NodeJS.ErrnoException).code ?? 'EIO'}): ${path}`);
  }
}

export async function importCommand({ values: options, positionals: files }: Parsed, io: Io): Promise<number> {
  const write = (s: string | Uint8Array) => io.write(s);
  const warn = (s: string) => io.warn(s);
  if (files.length !== 1) throw new UsageError(io.say('需要一个 .docx 文件', 'give one .docx file'));
  const [file] = files;
  // A regular file only, within its limit (a FIFO or /dev/zero is refused, saying so).
  const read = await readBytes(file, READ_LIMITS.docx, { sync: true });
  if (!('bytes' in read)) {
    warn(`fengong: ${unreadable(sayer('both'), file, read)}`);
    return 2;
  }
  const { bytes } = read;
  let result;
  try {
    result = await importDocx(bytes);
  } catch (e) {
    if (e instanceof NotDocxError) {
      warn(`fengong: ${display(file)}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  for (const w of result.warnings) warn(`fengong: ${display(file)}: ${w}`);
  const explicit = options.output as string | undefined;
  if (explicit === '-') {
    write(result.text);
    return 0;
  }
  const out = explicit ?? join(dirname(file), basename(file, extname(file)) + '.plan.txt');
  if (!explicit && !options.force && existsSync(out)) {
    warn(`fengong: ${display(out)} 已存在，未覆盖；用 -o 指定文件或加 --force (exists, not overwritten: use -o FILE or --force)`);
    return 2;
  }
  writeOrFail(out, result.text);
  warn(`fengong: 已写入 (wrote) ${display(out)}`);
  return 0;
}
