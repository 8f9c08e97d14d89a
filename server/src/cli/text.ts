// `check --format text`: `path:line:column: severity: message [code]` per finding, the outline
// with --outline, then one summary line, every word of it in the --locale.
import type { FileReport, ReportOutline } from '../engine';
import type { Checked } from './results';
import type { Say } from './say';

function printOutline(out: string[], nodes: ReportOutline[], indent: string): void {
  for (const n of nodes) {
    if (n.kind === 'task') continue;
    out.push(`${indent}${n.number}${n.title}  (${n.line})`);
    printOutline(out, n.children, indent + '  ');
  }
}

function outlineOf(out: string[], report: FileReport, say: Say): void {
  out.push(`${report.path}: ${report.title ?? say('(无标题)', '(untitled)')}`);
  printOutline(out, report.outline, '  ');
  out.push(`${say('任务', 'tasks')}: ${report.tasks.length}`);
  for (const t of report.tasks) {
    const lead = t.lead.length ? t.lead : t.responsible;
    const cooperating = t.cooperating.length ? say(`；配合: ${t.cooperating.length} 个单位`, `; cooperating: ${t.cooperating.length}`) : '';
    out.push(`  ${t.line}: ${t.title} — ${say('牵头/负责', 'lead')}: ${lead.join('、') || '—'}${cooperating}`);
  }
}

export function summary(checked: Checked, say: Say): string {
  const n = checked.files.length;
  const { errors, warnings, others } = checked.counts;
  const en = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return say(`${n} 个文件：${errors} 个错误，${warnings} 个警告，${others} 个提示`, `${en(n, 'file', 'files')}: ${en(errors, 'error', 'errors')}, ${en(warnings, 'warning', 'warnings')}, ${others} infos/hints`);
}

export function textOutput(checked: Checked, options: { outline: boolean; say: Say }): string {
  const out: string[] = [];
  for (const p of checked.projects) for (const d of p.diagnostics) out.push(`${p.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`);
  for (const report of checked.files) {
    if (options.outline) outlineOf(out, report, options.say);
    for (const d of report.diagnostics) out.push(`${report.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`);
  }
  out.push(summary(checked, options.say));
  return out.join('\n') + '\n';
}
