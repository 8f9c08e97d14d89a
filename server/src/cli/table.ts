// fengong table [--format md|csv|json|xlsx] [--output FILE] [--project FILE] [--locale zh-cn|en] PATH...
// One row per task: number path, chapter, section, task, lead, cooperating, responsible, line.
import { exportTable } from '../sheets';
import type { CommandSpec, Parsed } from './args';
import type { Io } from './io';
import { writeExport, EXPORT_OPTIONS, loadForExport } from './matrix';

export const TABLE: CommandSpec = {
  name: 'table',
  operands: 'PATH...',
  brief: { zh: '任务表', en: "the task table" },
  zh: '任务表：每个任务一行（编号、章、节、任务、牵头、配合、负责、行号）。',
  en: 'The task table: one row per task (number, chapter, section, task, lead, cooperating, responsible, line).',
  options: EXPORT_OPTIONS,
};

export async function table(parsed: Parsed, io: Io): Promise<number> {
  const loaded = await loadForExport(parsed, io);
  const out = await exportTable(loaded.plans, loaded.format, loaded.locale);
  writeExport(out, loaded.output, io);
  return loaded.unreadable ? 2 : 0;
}
