// fengong export --format docx [--with-table] [--as-written] [-o OUT|-] [--force] [--registry FILE] FILE
// A plan as a Word document laid out as GB/T 9704-2012 asks (server/src/word/layout.ts), with
// --with-table its task table as an attachment. Without -o the document goes beside the plan
// as NAME.docx, never over an existing file unless --force; `-o -` writes it to stdout.
// Exit 0; 2 for bad usage or an unreadable plan.
import { existsSync } from 'node:fs';
import { planStem } from '../engine';
import { exportDocx } from '../word/docxExport';
import { UsageError, type CommandSpec, type Parsed } from './args';
import { writeOrFail } from './import';
import type { Io } from './io';
import { display, loadPlans } from './plans';

export const EXPORT: CommandSpec = {
  name: 'export',
  operands: 'FILE',
  brief: { zh: '导出为 Word', en: "export as Word" },
  zh: '把分工方案导出为 Word 文档（GB/T 9704 版式）；默认写到同名 .docx。',
  en: 'A plan as a Word document in GB/T 9704 layout; by default beside it as NAME.docx.',
  options: {
    format: { values: ['docx'], zh: '输出格式（docx）', en: 'output format (docx)' },
    'with-table': { flag: true, zh: '附任务表', en: 'add the task table as an attachment' },
    'as-written': { flag: true, zh: '标点照原文（默认正文标点转全角）', en: "keep the punctuation as written (by default the body's is made full width)" },
    output: { short: 'o', arg: 'OUT|-', zh: '写入此文件；- 为标准输出', en: 'write to OUT; - for standard output' },
    force: { flag: true, zh: '覆盖已有文件', en: 'overwrite an existing file' },
    project: { arg: 'FILE', zh: '使用此项目文件，而非最近的 fengong.json', en: 'use this project file instead of the nearest fengong.json' },
    registry: { arg: 'FILE', zh: '同 --project（旧名）', en: 'the same as --project (old name)' },
  },
};

/** plan.plan.txt, plan.fengong, plan.txt → plan.docx */
export function docxPathFor(planPath: string): string {
  return planStem(planPath) + '.docx';
}

export async function exportCommand({ values: options, positionals: files }: Parsed, io: Io): Promise<number> {
  const write = (s: string | Uint8Array) => io.write(s);
  const warn = (s: string) => io.warn(s);
  if (files.length !== 1) throw new UsageError(io.say('需要一个分工方案文件', 'give one plan file'));
  const explicit = options.output as string | undefined;
  if (explicit === '-' && io.tty) throw new UsageError(io.say('docx 不能写到终端：用 -o 文件', 'docx cannot go to a terminal: use -o FILE'));
  const { plans, unreadable } = await loadPlans([{ kind: 'file', path: files[0] }], { project: (options.project ?? options.registry) as string | undefined, locale: 'zh-cn' });
  for (const reason of unreadable) warn(`fengong: ${reason}`);
  const plan = plans[0];
  if (!plan) return 2;
  const out = explicit ?? docxPathFor(files[0]);
  if (!explicit && !options.force && existsSync(out)) {
    warn(`fengong: ${display(out)} 已存在，未覆盖；用 -o 指定文件或加 --force (exists, not overwritten: use -o FILE or --force)`);
    return 2;
  }
  const result = await exportDocx(plan.analysis.model, { withTable: options['with-table'] === true, punctuation: options['as-written'] === true ? 'as-written' : undefined });
  for (const w of result.warnings) warn(`fengong: ${plan.display}: ${w}`);
  if (explicit === '-') {
    write(result.bytes);
    return 0;
  }
  writeOrFail(out, result.bytes);
  warn(`fengong: 已写入 (wrote) ${display(out)}`);
  return 0;
}
