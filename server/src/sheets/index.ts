// The task table and the agency matrix as files, in every export format: what the checker
// (`fengong table`, `fengong matrix`) and the language server's export requests both call.
import { chapterSheet, matrixJson, matrixSheet, tableJson, tableSheet, taskTableSheets, type ExportPlan, type HeaderLocale } from '../engine';
import { toTaskTableXlsx } from './taskTable';
import { toCsv, toMarkdown, toXlsx } from './writers';

/** Every export format, declared once: the checker's `--format` values, the editor's choices. */
export const EXPORT_FORMATS = ['md', 'csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(format: unknown): format is ExportFormat {
  return EXPORT_FORMATS.includes(format as ExportFormat);
}

export async function exportTable(plans: ExportPlan[], format: ExportFormat, locale: HeaderLocale = 'zh-cn'): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return JSON.stringify(tableJson(plans), null, 2) + '\n';
    case 'csv':
      return toCsv(tableSheet(plans, locale));
    case 'xlsx':
      // The 任务分工表 ready to print, one sheet per plan.
      return toTaskTableXlsx(taskTableSheets(plans, locale));
    default:
      return toMarkdown(tableSheet(plans, locale));
  }
}

export async function exportMatrix(plans: ExportPlan[], format: ExportFormat, locale: HeaderLocale = 'zh-cn'): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return JSON.stringify(matrixJson(plans), null, 2) + '\n';
    case 'csv':
      return toCsv(matrixSheet(plans, locale));
    case 'xlsx':
      return toXlsx(plans.length === 1 ? [matrixSheet(plans, locale), chapterSheet(plans[0], locale)] : [matrixSheet(plans, locale)]);
    default:
      return toMarkdown(matrixSheet(plans, locale));
  }
}
