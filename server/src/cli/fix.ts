// fengong fix [--write] [--project FILE] [--full-width] [--no-format] PATH...
// Applies every safe fix (clause repairs, registry names, formatting, renumbering) and prints
// the fixed text, or writes it back with --write in the file's own encoding (UTF-8 with or
// without BOM, UTF-16LE, GB18030) and line ends. References to renumbered headings are
// listed on stderr for the drafter to check.
// Exit 0: done; 1: an error remains after fixing; 2: bad usage, an unreadable or unwritable file.
import { writeFileAtomic } from '../host/atomicWrite';
import { repairPlan, analyze, type Locale, LineIndex } from '../engine';
import { UsageError, type CommandSpec, type Parsed } from './args';
import type { Io } from './io';
import { expandPaths } from './paths';
import { decodePlan } from '../host/decode';
import { READ_LIMITS } from '../host/limits';
import { readBytes } from '../node/host';
import { display, host, projectLines, registryFor } from './plans';
import { unreadable } from './say';
import { writeBack, type Encoding } from './writeBack';

export { encodeGb18030 } from './writeBack';

export const FIX: CommandSpec = {
  name: 'fix',
  operands: 'PATH...',
  brief: { zh: '修复分工方案', en: "repair plans" },
  zh: '修复分工方案：重新编号、补全括号、别名改为名录名称、统一格式；默认输出修复后的文本。',
  en: 'Repair plans: renumber, repair brackets, write aliases as registry names, format; prints the fixed text unless --write.',
  options: {
    write: { flag: true, short: 'w', zh: '写回文件（保留编码与换行）', en: 'write the files back (keeping encoding and line ends)' },
    project: { arg: 'FILE', zh: '使用此项目文件，而非最近的 fengong.json', en: 'use this project file instead of the nearest fengong.json' },
    registry: { arg: 'FILE', zh: '同 --project（旧名）', en: 'the same as --project (old name)' },
    'full-width': { flag: true, zh: '条款括号、分隔符与正文标点用全角（GB/T 15834）', en: 'full-width clause brackets, separators and body punctuation (GB/T 15834)' },
    'no-format': { flag: true, zh: '不统一格式', en: 'do not format' },
    ignore: { arg: 'PATTERN', multiple: true, zh: '另外跳过的路径（.gitignore 写法）', en: 'more paths to skip (.gitignore patterns)' },
  },
};

export async function fix({ values, positionals }: Parsed, io: Io): Promise<number> {
  const { say } = io;
  const write = (s: string) => io.write(s);
  const warn = (s: string) => io.warn(s);
  if (positionals.length === 0) throw new UsageError(say('没有要修复的文件', 'no files to fix'));
  if (positionals.includes('-')) throw new UsageError(say('fix 不读标准输入', 'fix does not read standard input'));
  const locale: Locale = 'both';
  let status = 0;
  const worse = (s: number) => {
    status = Math.max(status, s);
  };
  const expanded = await expandPaths(positionals, { host, cwd: io.cwd, ignore: (values.ignore as string[] | undefined) ?? [], say });
  for (const problem of expanded.problems) {
    warn(`fengong: ${problem}`);
    worse(2);
  }
  const files = expanded.inputs.flatMap((i) => (i.kind === 'file' ? [i.path] : []));
  const project = (values.project ?? values.registry) as string | undefined;

  for (const path of files) {
    const shown = display(path);
    // The bytes are read once: decoded here, and kept for the write-back (writeBack.ts).
    const got = await readBytes(path, READ_LIMITS.plan, { sync: true });
    const read = 'bytes' in got ? decodePlan(got.bytes, path) : got;
    if (!('bytes' in got) || read.error || read.text === undefined) {
      warn(`fengong: ${unreadable(say, path, read)}`);
      worse(2);
      continue;
    }
    const encoding: Encoding = read.encoding === 'utf-8' && read.bom ? 'utf-8-bom' : read.encoding ?? 'utf-8';
    const registry = await registryFor(path, project, locale);
    if (typeof registry === 'string') {
      warn(`fengong: ${registry}`);
      worse(2);
      continue;
    }
    for (const line of projectLines(registry)) warn(line);

    const result = repairPlan(read.text, {
      registry: registry.registry,
      format: values['no-format'] ? false : { fullWidth: values['full-width'] === true },
    });
    const lines = new LineIndex(result.text);
    for (const r of result.references) {
      const pos = lines.positionAt(r.span.start);
      const to = r.targets.filter((t) => t.to !== r.number).map((t) => t.to);
      const hint = r.suggestion ? `可能应为“${r.suggestion.newText}” (maybe ${r.suggestion.newText})` : `编号已调整为 ${to.join('、')} (renumbered to ${to.join(', ')})`;
      warn(`${shown}:${pos.line + 1}:${pos.character + 1}: 请核对引用“${r.text}”，${hint} (check this reference to a renumbered heading)`);
    }
    const { fixes, format, renumber } = result.counts;
    const summary = `${shown}: ${result.changed ? '已修复' : '无需修复'} (${fixes} 处条款修复 clause fixes, ${renumber} 处编号 renumbered, ${format} 处格式 formatting)`;

    if (values.write) {
      if (result.changed) {
        // Only the fixes' text is encoded; every other byte is the file's own (writeBack.ts).
        const back = writeBack(got.bytes, read.text, encoding, result.changes, result.text);
        if ('error' in back) {
          warn(
            back.error === 'encode'
              ? `fengong: 无法以 ${encoding} 写回，文件未改动 (cannot write back in ${encoding}; file left unchanged): ${shown}`
              : `fengong: 无法只改动修复之处写回，文件未改动 (cannot write back without changing bytes outside the fixes; file left unchanged): ${shown}`,
          );
          worse(2);
          continue;
        }
        const encoded = back.bytes;
        try {
          writeFileAtomic(path, encoded);
        } catch (e) {
          warn(`fengong: 无法写入文件，原文件未改动 (cannot write file, ${(e as NodeJS.ErrnoException).code ?? 'EIO'}; the file is left as it was): ${shown}`);
          worse(2);
          continue;
        }
      }
      write(summary + '\n');
    } else {
      if (files.length > 1) write(`==> ${shown} <==\n`);
      write(result.text);
      if (files.length > 1 && !/[\r\n]$/.test(result.text)) write('\n');
      warn(summary);
    }
    const remaining = analyze(result.text, { registry: registry.registry }).findings.filter((f) => f.severity === 'error');
    if (remaining.length) worse(1);
  }
  return status;
}
