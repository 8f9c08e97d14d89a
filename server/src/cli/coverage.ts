// fengong coverage PLAN [--source FILE] [--format text|json] [--min-coverage N] [--project FILE]
// Is every measure of the source document (上位文件) assigned to a task, and does every task
// come from it? The source is --source, else the project file's `source` (relative to it);
// .txt, .md or .docx. Coverage is advice: exit 0, unless --min-coverage N (a percentage) is not
// met (1); 2 for bad usage or an unreadable file, in one line.
import { dirname, resolve } from 'node:path';
import { analyze, indexSource, percent, ProjectRegistry, statedSource, type CoverageResult, type PlanModel } from '../engine';
import { READ_LIMITS } from '../host/limits';
import { isDocx, sourceTextOf } from '../host/sourceText';
import { readBytes } from '../node/host';
import { UsageError, type CommandSpec, type Parsed } from './args';
import type { Io } from './io';
import { display, eachPlan } from './plans';
import { failedRead } from './say';

export const COVERAGE: CommandSpec = {
  name: 'coverage',
  operands: 'PLAN',
  brief: { zh: '与上位文件对照：措施是否都已分配', en: 'check a plan against its source document' },
  zh: '与上位文件对照：上位文件的每项措施是否都分配到了任务，每项任务是否都来自上位文件。上位文件用 --source 指定，或写在项目文件的 source 中（.txt、.md、.docx）。',
  en: 'Check a plan against its source document (上位文件): is every measure of the source assigned to a task, and does every task come from it? The source is --source FILE or the project file’s `source` (.txt, .md, .docx).',
  options: {
    source: { arg: 'FILE', zh: '上位文件（默认：项目文件的 source）', en: 'the source document (default: the project file’s source)' },
    format: { values: ['text', 'json'], zh: '输出格式（默认 text）', en: 'output format (default text)' },
    'min-coverage': { arg: 'N', zh: '覆盖率低于 N%（0–100）时退出码为 1', en: 'exit 1 when coverage is below N percent (0–100)' },
    project: { arg: 'FILE', zh: '使用此项目文件，而非最近的 fengong.json', en: 'use this project file instead of the nearest fengong.json' },
  },
};

export async function coverage({ values, positionals }: Parsed, io: Io): Promise<number> {
  const { say } = io;
  if (positionals.length !== 1) throw new UsageError(say('需要一个方案文件', 'give one plan file'));
  const min = minCoverage(values['min-coverage'], io);
  const problems: string[] = [];
  const plans = eachPlan([{ kind: 'file', path: resolve(io.cwd, positionals[0]) }], { project: values.project as string | undefined, say }, problems);
  const { value: plan } = await plans.next();
  if (!plan) {
    for (const p of problems) io.warn(`fengong: ${p}`);
    return 2;
  }
  // --source, else the project file's, relative to the project file.
  const projectFile = plan.registry.registry instanceof ProjectRegistry ? plan.registry.registry : undefined;
  const given = values.source as string | undefined;
  const sourcePath = given ? resolve(io.cwd, given) : projectFile?.source && projectFile.sources[0] ? resolve(dirname(projectFile.sources[0]), projectFile.source) : undefined;
  if (!sourcePath) throw new UsageError(say('没有上位文件：用 --source FILE 指定，或在项目文件中写 "source"', 'no source document: give --source FILE, or "source" in the project file'));
  // A regular file within its limit, as every file the checker reads (a FIFO or /dev/zero is refused).
  const got = await readBytes(sourcePath, isDocx(sourcePath) ? READ_LIMITS.docx : READ_LIMITS.plan, { sync: true });
  if (!('bytes' in got)) {
    io.warn(`fengong: ${failedRead(say, '无法读取上位文件', 'cannot read the source document', got)}: ${display(sourcePath)}`);
    return 2;
  }
  const read = await sourceTextOf(got.bytes, sourcePath);
  if (read.text === undefined) {
    io.warn(`fengong: ${say('无法读取上位文件', 'cannot read the source document')}: ${read.error ?? display(sourcePath)}`);
    return 2;
  }
  const source = indexSource(read.text);
  const analysis = analyze(plan.text, { registry: plan.registry.registry, source });
  const result = analysis.coverage!;
  const shown = { plan: plan.display, source: display(sourcePath) };
  if (!source.measures.length) io.warn(`fengong: ${say('上位文件中没有找到措施（以“推进”“加快”“支持”等开头的句子或编号条目）', 'no measures found in the source document (sentences opening with 推进, 加快, 支持…, or numbered items)')}: ${shown.source}`);
  if (source.truncated) io.warn(`fengong: ${say(`上位文件过大：只对照前 ${source.measures.length} 项措施`, `the source document is very large: only its first ${source.measures.length} measures are compared`)}: ${shown.source}`);
  if (read.text.length > source.text.length) io.warn(`fengong: ${say(`上位文件过大：只读取前 ${source.text.length} 个字符`, `the source document is very large: only its first ${source.text.length} characters are read`)}: ${shown.source}`);
  const stated = statedSource(analysis.model);
  if (values.format === 'json') io.write(JSON.stringify(jsonOf(analysis.model, result, shown, stated), null, io.tty ? 2 : undefined) + '\n');
  else io.write(textOf(analysis.model, result, shown, stated, io));
  return min !== undefined && result.ratio * 100 < min ? 1 : 0;
}

function minCoverage(v: unknown, io: Io): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+(?:\.\d+)?%?$/.test(v.trim()) ? Number(v.trim().replace(/%$/, '')) : NaN;
  if (!(n >= 0 && n <= 100)) throw new UsageError(io.say(`--min-coverage 须为 0 到 100 之间的数，不能是 ${String(v)}`, `--min-coverage must be a number from 0 to 100, not ${String(v)}`));
  return n;
}

interface Shown {
  plan: string;
  source: string;
}

function jsonOf(model: PlanModel, r: CoverageResult, shown: Shown, stated: string | undefined) {
  const m = r.source.measures;
  const sourceLines = lineStarts(r.source.text);
  const place = (offset: number, line: number) => ({ line: line + 1, column: offset - sourceLines[line] + 1, offset });
  return {
    plan: shown.plan,
    source: shown.source,
    statedSource: stated ?? null,
    coverage: { ratio: r.ratio, assigned: r.assigned, total: r.total },
    numbered: r.source.numbered,
    truncated: r.source.truncated,
    unassigned: r.unassigned.map((x) => ({ ...place(x.span.start, x.line), text: x.text, heading: x.heading ?? null })),
    unsourced: r.unsourced.map((t) => ({ line: t.line + 1, name: t.name })),
    tasks: r.tasks.map((t) => ({ line: t.task.line + 1, name: t.task.name, measures: t.measures.map((x) => ({ ...place(m[x.measure].span.start, m[x.measure].line), text: m[x.measure].text, score: Math.round(x.score * 1000) / 1000 })) })),
  };
}

function textOf(model: PlanModel, r: CoverageResult, shown: Shown, stated: string | undefined, io: Io): string {
  const { say } = io;
  const m = r.source.measures;
  const out: string[] = [];
  out.push(`${shown.plan}: ${say('上位文件', 'source')} ${shown.source}${stated ? ` (${say('方案写明', 'the plan names')}《${stated}》)` : ` (${say('方案未写明上位文件', 'the plan names no source')})`}`);
  out.push(`${say('覆盖率', 'coverage')}: ${r.assigned}/${r.total} = ${percent(r.ratio)}`);
  if (r.unassigned.length) {
    out.push('', `${say('未分配的措施', 'measures assigned to no task')} (${r.unassigned.length}):`);
    for (const x of r.unassigned) out.push(`  ${shown.source}:${x.line + 1}: ${x.text}`);
  }
  if (r.unsourced.length) {
    out.push('', `${say('在上位文件中找不到对应措施的任务', 'tasks that match no measure of the source')} (${r.unsourced.length}):`);
    for (const t of r.unsourced) out.push(`  ${shown.plan}:${t.line + 1}: ${t.name}`);
  }
  const covering = r.tasks.filter((t) => t.measures.length);
  if (covering.length) {
    out.push('', `${say('任务所覆盖的措施', 'the measures each task covers')}:`);
    for (const t of covering) {
      out.push(`  ${shown.plan}:${t.task.line + 1}: ${t.task.name}`);
      for (const x of t.measures) out.push(`    ← ${shown.source}:${m[x.measure].line + 1}: ${m[x.measure].text}`);
    }
  }
  return out.join('\n') + '\n';
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
