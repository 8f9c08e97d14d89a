// fengong matrix [--format md|csv|json|xlsx] [--output FILE] [--project FILE] [--locale zh-cn|en] PATH...
// One row per agency, under its registry name with its other names merged: tasks led, tasks
// cooperated on, tasks responsible for, and which. Several files make one set of rows.
// Exit 0; 2 for bad usage or an unreadable file (the readable ones are still exported).
import { writeFileAtomic } from '../host/atomicWrite';
import { UsageError, type CommandSpec, type OptionSpec, type Parsed } from './args';
import type { ExportPlan, HeaderLocale } from '../engine';
import { EXPORT_FORMATS, exportMatrix, type ExportFormat } from '../sheets';
import type { Io } from './io';
import { expandPaths } from './paths';
import { host, loadPlans } from './plans';
import { failed } from './say';

export const EXPORT_OPTIONS: Record<string, OptionSpec> = {
  format: { values: EXPORT_FORMATS, zh: '输出格式（默认 md）', en: 'output format (default md)' },
  output: { short: 'o', arg: 'FILE', zh: '写入文件而非标准输出', en: 'write to FILE instead of standard output' },
  project: { arg: 'FILE', zh: '使用此项目文件，而非最近的 fengong.json', en: 'use this project file instead of the nearest fengong.json' },
  registry: { arg: 'FILE', zh: '同 --project（旧名）', en: 'the same as --project (old name)' },
  locale: { values: ['zh-cn', 'en'], zh: '表头语言（默认 zh-cn）', en: 'language of the headers (default zh-cn)' },
  ignore: { arg: 'PATTERN', multiple: true, zh: '另外跳过的路径（.gitignore 写法）', en: 'more paths to skip (.gitignore patterns)' },
};

export const MATRIX: CommandSpec = {
  name: 'matrix',
  operands: 'PATH...',
  brief: { zh: '责任矩阵', en: "the responsibility matrix" },
  zh: '责任矩阵：每个单位一行，列出牵头、配合、负责的任务。',
  en: 'The responsibility matrix: one row per agency, with the tasks it leads, cooperates on and is responsible for.',
  options: EXPORT_OPTIONS,
};

export interface ExportRun {
  plans: ExportPlan[];
  format: ExportFormat;
  locale: HeaderLocale;
  output?: string;
  unreadable: boolean;
}

/** Options, paths and project files, as every export subcommand reads them. */
export async function loadForExport({ values, positionals }: Parsed, io: Io): Promise<ExportRun> {
  const { say } = io;
  if (positionals.length === 0) throw new UsageError(say('没有要导出的文件', 'no files to export'));
  const format = (values.format as ExportFormat | undefined) ?? 'md';
  const output = values.output as string | undefined;
  // Bytes on a terminal help no one.
  if (format === 'xlsx' && !output && io.tty) throw new UsageError(say('xlsx 需要 --output 文件', 'xlsx needs --output FILE'));
  const locale = (values.locale as HeaderLocale | undefined) ?? 'zh-cn';
  const expanded = await expandPaths(positionals, { host, cwd: io.cwd, ignore: (values.ignore as string[] | undefined) ?? [], say });
  const { plans, unreadable } = await loadPlans(expanded.inputs, { project: (values.project ?? values.registry) as string | undefined, locale });
  for (const reason of [...expanded.problems, ...unreadable]) io.warn(`fengong: ${reason}`);
  const printed = new Set<string>();
  for (const p of plans) {
    for (const d of p.registry.diagnostics) {
      const line = `${p.registry.display}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
      if (printed.has(line)) continue;
      printed.add(line);
      io.warn(line);
    }
  }
  return {
    plans: plans.map((p) => ({ path: p.display, model: p.analysis.model, registry: p.analysis.registry })),
    format,
    locale,
    output,
    unreadable: unreadable.length + expanded.problems.length > 0,
  };
}

export function writeExport(out: string | Uint8Array, output: string | undefined, io: Io): void {
  if (!output) return io.write(out);
  try {
    writeFileAtomic(output, out);
  } catch (e) {
    throw new UsageError(`${failed(io.say, '无法写入文件', 'cannot write file', (e as NodeJS.ErrnoException).code ?? 'EIO')}: ${output}`);
  }
}

export async function matrix(parsed: Parsed, io: Io): Promise<number> {
  const loaded = await loadForExport(parsed, io);
  const out = await exportMatrix(loaded.plans, loaded.format, loaded.locale);
  writeExport(out, loaded.output, io);
  return loaded.unreadable ? 2 : 0;
}
