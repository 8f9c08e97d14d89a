// fengong matrix [--format md|csv|json|xlsx] [--output FILE] [--registry FILE] [--locale zh-cn|en] FILE...
// One row per agency, under its registry name with its other names merged: tasks led, tasks
// cooperated on, tasks responsible for, and which. Several files make one set of rows.
// Exit 0; 2 for bad usage or an unreadable file (the readable ones are still exported).
import { writeFileSync } from 'node:fs';
import { parseOptions, UsageError, type OptionSpec } from './args';
import type { ExportPlan, HeaderLocale } from '../engine';
import { EXPORT_FORMATS, exportMatrix, type ExportFormat } from '../sheets';
import { loadPlans } from './plans';

export const MATRIX_USAGE = 'fengong matrix [--format md|csv|json|xlsx] [--output FILE] [--registry FILE] [--locale zh-cn|en] FILE...';

export const EXPORT_OPTIONS: Record<string, OptionSpec> = {
  format: { values: EXPORT_FORMATS },
  output: {},
  registry: {},
  locale: { values: ['zh-cn', 'en'] },
};

export interface ExportRun {
  plans: ExportPlan[];
  format: ExportFormat;
  locale: HeaderLocale;
  output?: string;
  unreadable: boolean;
}

/** Options, files and registries, as every export subcommand reads them. */
export async function loadForExport(argv: string[], spec: Record<string, OptionSpec>, warn: (s: string) => void): Promise<ExportRun> {
  const { options, files } = parseOptions(argv, spec);
  if (files.length === 0) throw new UsageError('没有要导出的文件 (no files to export)');
  const format = (options.format as ExportFormat | undefined) ?? 'md';
  const output = options.output as string | undefined;
  // Bytes on a terminal help no one.
  if (format === 'xlsx' && !output && process.stdout.isTTY) throw new UsageError('xlsx 需要 --output 文件 (xlsx needs --output FILE)');
  const locale = (options.locale as HeaderLocale | undefined) ?? 'zh-cn';
  const { plans, unreadable } = await loadPlans(files, { registry: options.registry as string | undefined, locale });
  for (const reason of unreadable) warn(`fengong: ${reason}`);
  const printed = new Set<string>();
  for (const p of plans) {
    for (const problem of p.registry.problems) {
      if (printed.has(problem)) continue;
      printed.add(problem);
      warn(problem);
    }
  }
  return {
    plans: plans.map((p) => ({ path: p.display, model: p.analysis.model, registry: p.analysis.registry })),
    format,
    locale,
    output,
    unreadable: unreadable.length > 0,
  };
}

export function writeExport(out: string | Uint8Array, output: string | undefined, write: (s: string | Uint8Array) => void): void {
  if (!output) return write(out);
  try {
    writeFileSync(output, out);
  } catch (e) {
    throw new UsageError(`无法写入文件 (cannot write file, ${(e as NodeJS.ErrnoException).code ?? 'EIO'}): ${output}`);
  }
}

export async function matrix(argv: string[], write: (s: string | Uint8Array) => void, warn: (s: string) => void): Promise<number> {
  const loaded = await loadForExport(argv, EXPORT_OPTIONS, warn);
  const out = await exportMatrix(loaded.plans, loaded.format, loaded.locale);
  writeExport(out, loaded.output, write);
  return loaded.unreadable ? 2 : 0;
}
