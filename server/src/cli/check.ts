// fengong check [--format text|json] [--registry FILE] [--outline] [--locale zh-cn|en|both] FILE...
// Exit 0: no error found; 1: an error was found; 2: an unreadable file.
import { fileReport, type FileReport, type ReportOutline, type Locale } from '../engine';
import { parseOptions, UsageError } from './args';
import { eachPlan } from './plans';

export const CHECK_USAGE = 'fengong check [--format text|json] [--registry FILE] [--outline] [--locale zh-cn|en|both] FILE...';

function printOutline(out: string[], nodes: ReportOutline[], indent: string): void {
  for (const n of nodes) {
    if (n.kind === 'task') continue;
    out.push(`${indent}${n.number}${n.title}  (${n.line})`);
    printOutline(out, n.children, indent + '  ');
  }
}

export async function check(argv: string[], write: (s: string) => void, warn: (s: string) => void): Promise<number> {
  const { options, files } = parseOptions(argv, {
    format: { values: ['text', 'json'] },
    registry: {},
    outline: { flag: true },
    locale: { values: ['zh-cn', 'en', 'both'] },
  });
  if (files.length === 0) throw new UsageError('没有要检查的文件 (no files to check)');
  const locale = (options.locale as Locale | undefined) ?? 'both';
  const unreadable: string[] = [];
  const plans = eachPlan(files, { registry: options.registry as string | undefined, locale }, unreadable);

  const out: string[] = [];
  const reports: FileReport[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  const printedRegistries = new Set<string>();
  for await (const plan of plans) {
    const key = plan.registry.problems.join('\n');
    if (key && !printedRegistries.has(key)) {
      printedRegistries.add(key);
      for (const p of plan.registry.problems) warn(p);
      errors += plan.registry.errors;
    }
    const report = fileReport(plan.display, plan.analysis);
    reports.push(report);
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
    }
    if (options.format === 'json') continue;
    if (options.outline) {
      out.push(`${report.path}: ${report.title ?? '(无标题 untitled)'}`);
      printOutline(out, report.outline, '  ');
      out.push(`任务 (tasks): ${report.tasks.length}`);
      for (const t of report.tasks) {
        const lead = t.lead.length ? t.lead : t.responsible;
        out.push(`  ${t.line}: ${t.title} — 牵头/负责: ${lead.join('、') || '—'}${t.cooperating.length ? `；配合: ${t.cooperating.length} 个单位` : ''}`);
      }
    }
    for (const d of report.diagnostics) out.push(`${report.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`);
  }
  for (const reason of unreadable) warn(`fengong: ${reason}`);
  if (options.format === 'json') {
    // Indented for a person at a terminal; compact for a program reading a pipe.
    write(JSON.stringify({ files: reports }, null, process.stdout.isTTY ? 2 : undefined) + '\n');
  } else {
    out.push(`${reports.length} 个文件：${errors} 个错误，${warnings} 个警告，${others} 个提示 (${reports.length} files: ${errors} errors, ${warnings} warnings, ${others} infos/hints)`);
    write(out.join('\n') + '\n');
  }
  if (unreadable.length) return 2;
  return errors ? 1 : 0;
}
