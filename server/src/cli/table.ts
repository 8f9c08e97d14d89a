// fengong table [--format md|csv|json|xlsx] [--output FILE] [--registry FILE] [--locale zh-cn|en] FILE...
// One row per task: number path, chapter, section, task, lead, cooperating, responsible, line.
import { exportTable } from '../sheets';
import { writeExport, EXPORT_OPTIONS, loadForExport } from './matrix';

export const TABLE_USAGE = 'fengong table [--format md|csv|json|xlsx] [--output FILE] [--registry FILE] [--locale zh-cn|en] FILE...';

export async function table(argv: string[], write: (s: string | Uint8Array) => void, warn: (s: string) => void): Promise<number> {
  const loaded = await loadForExport(argv, EXPORT_OPTIONS, warn);
  const out = await exportTable(loaded.plans, loaded.format, loaded.locale);
  writeExport(out, loaded.output, write);
  return loaded.unreadable ? 2 : 0;
}
