// The command-line checker: a thin adapter over the engine, so it always agrees with the editor.
//   fengong check [--format text|json] [--registry FILE] [--outline] [--locale zh-cn|en|both] FILE...
// Exit 0: no error found; 1: an error was found; 2: bad usage or an unreadable file.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, loadRegistryFile, messageOf, registryJsonSchema, type Locale, type Registry } from './engine';
import { diagnosticOf, fileReport, type FileReport, type ReportOutline } from './engine/report';
import { findRegistryFile, readPlanFile } from './node/files';
import { LineIndex } from './engine/text';

const USAGE = `用法 (usage): fengong check [--format text|json] [--registry FILE] [--outline] [--locale zh-cn|en|both] FILE...`;

class UsageError extends Error {}

interface Options {
  command: string;
  format: 'text' | 'json';
  registry?: string;
  outline: boolean;
  locale: Locale;
  files: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: argv[0] ?? '', format: 'text', outline: false, locale: 'both', files: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${a.split('=')[0]} 缺少取值 (needs a value)`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json (must be text or json): ${v}`);
      o.format = v;
    } else if (a === '--registry' || a.startsWith('--registry=')) o.registry = value();
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = value();
      if (v !== 'zh-cn' && v !== 'en' && v !== 'both') throw new UsageError(`--locale 只能是 zh-cn、en 或 both: ${v}`);
      o.locale = v;
    } else if (a === '--outline') o.outline = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 (unknown option): ${a}`);
    else o.files.push(a);
  }
  return o;
}

interface RegistryChoice {
  registry?: Registry;
  /** Findings in the registry file itself, already formatted. */
  problems: string[];
  errors: number;
}

const registryCache = new Map<string, RegistryChoice>();

function registryFor(path: string, explicit: string | undefined, locale: Locale): RegistryChoice | string {
  const file = explicit ?? findRegistryFile(path);
  if (!file) return { problems: [], errors: 0 };
  const cached = registryCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return `无法读取单位名录 (cannot read registry, ${(e as NodeJS.ErrnoException).code ?? 'EIO'}): ${file}`;
  }
  const loaded = loadRegistryFile(text, file);
  const lines = new LineIndex(text);
  const problems = loaded.findings.map((f) => {
    const d = diagnosticOf(lines, { ...f, severity: 'error', message: messageOf(f.code, f.args, locale) });
    const sev = f.code === 'registry.duplicate-name' ? 'warning' : 'error';
    return `${display(file)}:${d.line}:${d.column}: ${sev}: ${d.message} [${f.code}]`;
  });
  const errors = loaded.findings.filter((f) => f.code !== 'registry.duplicate-name').length;
  const choice = { registry: loaded.registry, problems, errors };
  registryCache.set(file, choice);
  return choice;
}

function display(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

function printOutline(nodes: ReportOutline[], indent = ''): void {
  for (const n of nodes) {
    if (n.kind === 'task') {
      continue;
    }
    process.stdout.write(`${indent}${n.number}${n.title}  (${n.line})\n`);
    printOutline(n.children, indent + '  ');
  }
}

function printTasks(report: FileReport): void {
  for (const t of report.tasks) {
    const lead = t.lead.length ? t.lead : t.responsible;
    process.stdout.write(`  ${t.line}: ${t.title} — 牵头/负责: ${lead.join('、') || '—'}${t.cooperating.length ? `；配合: ${t.cooperating.length} 个单位` : ''}\n`);
  }
}

function run(argv: string[]): number {
  const o = parseArgs(argv);
  if (o.command === '--help' || o.command === '-h' || o.command === 'help' || o.command === '') {
    process.stdout.write(USAGE + '\n');
    return o.command === '' ? 2 : 0;
  }
  if (o.command === 'schema') {
    // JSON Schema of fengong.registry.json, written into dist/ by the build for editors.
    process.stdout.write(JSON.stringify(registryJsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (o.command !== 'check') throw new UsageError(`未知命令 (unknown command): ${o.command}`);
  if (o.files.length === 0) throw new UsageError('没有要检查的文件 (no files to check)');

  const reports: FileReport[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  let unreadable = 0;
  const printedRegistries = new Set<string>();
  for (const path of o.files) {
    const read = readPlanFile(path);
    if (read.error || read.text === undefined) {
      process.stderr.write(`fengong: ${read.error}\n`);
      unreadable++;
      continue;
    }
    const choice = registryFor(path, o.registry, o.locale);
    if (typeof choice === 'string') {
      process.stderr.write(`fengong: ${choice}\n`);
      unreadable++;
      continue;
    }
    const key = choice.problems.join('\n');
    if (key && !printedRegistries.has(key)) {
      printedRegistries.add(key);
      for (const p of choice.problems) process.stderr.write(p + '\n');
      errors += choice.errors;
    }
    const analysis = analyze(read.text, { registry: choice.registry, locale: o.locale });
    const report = fileReport(display(path), analysis);
    reports.push(report);
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
    }
    if (o.format === 'text') {
      if (o.outline) {
        process.stdout.write(`${report.path}: ${report.title ?? '(无标题 untitled)'}\n`);
        printOutline(report.outline, '  ');
        process.stdout.write(`任务 (tasks): ${report.tasks.length}\n`);
        printTasks(report);
      }
      for (const d of report.diagnostics) {
        process.stdout.write(`${report.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n`);
      }
    }
  }
  if (o.format === 'json') {
    process.stdout.write(JSON.stringify({ files: reports }, null, 2) + '\n');
  } else {
    process.stdout.write(
      `${reports.length} 个文件：${errors} 个错误，${warnings} 个警告，${others} 个提示 ` +
        `(${reports.length} files: ${errors} errors, ${warnings} warnings, ${others} infos/hints)\n`,
    );
  }
  if (unreadable) return 2;
  return errors ? 1 : 0;
}

// `fengong check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`fengong: ${e.message}\n${USAGE}\n`);
  } else {
    process.stderr.write(`fengong: 内部错误 (internal error): ${(e as Error).message}\n`);
  }
  process.exitCode = 2;
}
