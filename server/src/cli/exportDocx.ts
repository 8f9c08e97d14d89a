// fengong export --format docx [--with-table] [-o OUT|-] [--force] [--registry FILE] FILE
// A plan as a Word document laid out as GB/T 9704-2012 asks (server/src/word/layout.ts), with
// --with-table its task table as an attachment. Without -o the document goes beside the plan
// as NAME.docx, never over an existing file unless --force; `-o -` writes it to stdout.
// Exit 0; 2 for bad usage or an unreadable plan.
import { existsSync } from 'node:fs';
import { planStem } from '../engine';
import { exportDocx } from '../word/docxExport';
import { parseOptions, UsageError } from './args';
import { shortOutput, writeOrFail } from './import';
import { display, loadPlans } from './plans';

export const EXPORT_USAGE = 'fengong export --format docx [--with-table] [-o OUT|-] [--force] [--registry FILE] FILE';

/** plan.plan.txt, plan.fengong, plan.txt → plan.docx */
export function docxPathFor(planPath: string): string {
  return planStem(planPath) + '.docx';
}

export async function exportCommand(argv: string[], write: (s: string | Uint8Array) => void, warn: (s: string) => void): Promise<number> {
  const { options, files } = parseOptions(shortOutput(argv), {
    format: { values: ['docx'] },
    'with-table': { flag: true },
    output: {},
    force: { flag: true },
    registry: {},
  });
  if (files.length !== 1) throw new UsageError('需要一个分工方案文件 (give one plan file)');
  const explicit = options.output as string | undefined;
  if (explicit === '-' && process.stdout.isTTY) throw new UsageError('docx 不能写到终端：用 -o 文件 (docx cannot go to a terminal: use -o FILE)');
  const { plans, unreadable } = await loadPlans(files, { registry: options.registry as string | undefined, locale: 'zh-cn' });
  for (const reason of unreadable) warn(`fengong: ${reason}`);
  const plan = plans[0];
  if (!plan) return 2;
  const out = explicit ?? docxPathFor(plan.path);
  if (!explicit && !options.force && existsSync(out)) {
    warn(`fengong: ${display(out)} 已存在，未覆盖；用 -o 指定文件或加 --force (exists, not overwritten: use -o FILE or --force)`);
    return 2;
  }
  const result = await exportDocx(plan.analysis.model, { withTable: options['with-table'] === true });
  for (const w of result.warnings) warn(`fengong: ${plan.display}: ${w}`);
  if (explicit === '-') {
    write(result.bytes);
    return 0;
  }
  writeOrFail(out, result.bytes);
  warn(`fengong: 已写入 (wrote) ${display(out)}`);
  return 0;
}
