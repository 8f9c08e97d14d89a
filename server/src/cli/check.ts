// fengong check [options] PATH...: the plans' findings, as a person or a CI reads them.
// Exit 0: no error (and no more warnings than --max-warnings); 1: an error was found, or more
// warnings than allowed; 2: bad usage, or a path or project file that could not be read (one
// line each, on stderr).
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileReport, ProjectRegistry, type FileReport, type Locale } from '../engine';
import { count, UsageError, type CommandSpec, type Parsed } from './args';
import type { Io } from './io';
import { expandPaths } from './paths';
import { eachPlan, host, registryFor, STDIN_NAME } from './plans';
import type { Checked, ProjectReport } from './results';
import { githubOutput } from './github';
import { sarifLog } from './sarif';
import { LOCALES, sayer } from './say';
import { textOutput } from './text';
import { VERSION } from './version';

export const CHECK: CommandSpec = {
  name: 'check',
  operands: 'PATH...',
  brief: { zh: '检查分工方案', en: "check plans" },
  zh: '检查分工方案：PATH 为文件、目录（递归查找分工方案）、带引号的通配符，或 - 表示标准输入。跳过 .gitignore 中的路径与 node_modules。',
  en: 'Check plans. PATH is a file, a folder (searched for plans), a quoted glob, or - for standard input. Paths in .gitignore and node_modules are skipped.',
  options: {
    format: { values: ['text', 'json', 'sarif', 'github'], zh: '输出格式（默认 text）', en: 'output format (default text)' },
    quiet: { flag: true, short: 'q', zh: '只报告错误', en: 'report errors only' },
    'max-warnings': { arg: 'N', zh: '警告多于 N 个时退出码为 1', en: 'exit 1 when there are more than N warnings' },
    locale: { values: LOCALES, zh: '输出语言，含问题提示与汇总（默认按项目文件的 messages，否则中英并列）', en: "language of everything printed (default: the project file's messages, else both)" },
    project: { arg: 'FILE', zh: '使用此项目文件，而非各文件向上最近的 fengong.json', en: 'use this project file instead of the nearest fengong.json' },
    registry: { arg: 'FILE', zh: '同 --project（旧名）', en: 'the same as --project (old name)' },
    ignore: { arg: 'PATTERN', multiple: true, zh: '另外跳过的路径（.gitignore 写法，可多次给出）', en: 'more paths to skip (.gitignore patterns; may be repeated)' },
    'stdin-filename': { arg: 'NAME', zh: '标准输入的文件名：用于输出与查找项目文件', en: 'the name of standard input, in the output and for finding the project file' },
    outline: { flag: true, zh: '同时列出大纲与任务（text 格式）', en: 'print the outline and tasks too (text format)' },
  },
};

/** Paths relative to the repository's root for code scanning and annotations (those outside it stay as shown). */
function fromRoot(checked: Checked, io: Io): Checked {
  if (resolve(io.root) === resolve(io.cwd)) return checked;
  const rebase = (path: string) => {
    const r = relative(io.root, resolve(io.cwd, path));
    return r && !r.startsWith('..') && !isAbsolute(r) ? r.split(sep).join('/') : path;
  };
  return { ...checked, files: checked.files.map((f) => ({ ...f, path: rebase(f.path) })), projects: checked.projects.map((p) => ({ ...p, path: rebase(p.path) })) };
}

/** --quiet: errors only. */
const errorsOnly = (r: FileReport): FileReport => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') });

export async function check({ values, positionals }: Parsed, io: Io): Promise<number> {
  const locale = values.locale as Locale | undefined;
  const project = (values.project ?? values.registry) as string | undefined;
  // Without --locale, the working folder's project file's messages speak for the run too.
  const here = locale ? undefined : await registryFor(join(io.cwd, STDIN_NAME), project, undefined);
  const messages = typeof here === 'object' && here.registry instanceof ProjectRegistry ? here.registry.messages : undefined;
  const say = messages ? sayer(messages) : io.say;
  if (positionals.length === 0) throw new UsageError(say('没有要检查的路径', 'no paths to check'));
  const maxWarnings = count(values, 'max-warnings', say);
  const format = (values.format as string | undefined) ?? 'text';
  if (values['stdin-filename'] !== undefined && !positionals.includes('-')) throw new UsageError(say('--stdin-filename 须与 - 一起使用', '--stdin-filename needs - among the paths'));

  const expanded = await expandPaths(positionals, { host, cwd: io.cwd, ignore: (values.ignore as string[] | undefined) ?? [], stdinName: values['stdin-filename'] as string | undefined, say });
  const checked: Checked = { files: [], projects: [], counts: { errors: 0, warnings: 0, others: 0 }, unreadable: [...expanded.problems] };
  const projects = new Map<string, ProjectReport>();
  const tally = (severity: string) => {
    if (severity === 'error') checked.counts.errors++;
    else if (severity === 'warning') checked.counts.warnings++;
    else checked.counts.others++;
  };
  for await (const plan of eachPlan(expanded.inputs, { project, locale, say }, checked.unreadable)) {
    const p = plan.registry;
    if (p.display && p.diagnostics.length && !projects.has(p.display)) {
      projects.set(p.display, { path: p.display, diagnostics: p.diagnostics });
      p.diagnostics.forEach((d) => tally(d.severity));
    }
    const report = fileReport(plan.display, plan.analysis);
    report.diagnostics.forEach((d) => tally(d.severity));
    checked.files.push(values.quiet ? errorsOnly(report) : report);
  }
  checked.projects = [...projects.values()].map((p) => (values.quiet ? { ...p, diagnostics: p.diagnostics.filter((d) => d.severity === 'error') } : p));

  if (format === 'json') {
    // Indented for a person at a terminal; compact for a program reading a pipe.
    io.write(JSON.stringify({ files: checked.files, projectFiles: checked.projects }, null, io.tty ? 2 : undefined) + '\n');
  } else if (format === 'sarif') {
    io.write(JSON.stringify(sarifLog(fromRoot(checked, io), { say, version: VERSION, cwd: io.root }), null, 2) + '\n');
  } else if (format === 'github') {
    io.write(githubOutput(fromRoot(checked, io), say));
  } else {
    io.write(textOutput(checked, { outline: values.outline === true, say }));
  }
  for (const reason of checked.unreadable) io.warn(`fengong: ${reason}`);
  const tooMany = maxWarnings !== undefined && checked.counts.warnings > maxWarnings;
  if (tooMany) io.warn(`fengong: ${say(`警告 ${checked.counts.warnings} 个，多于 --max-warnings ${maxWarnings}`, `${checked.counts.warnings} warnings, more than --max-warnings ${maxWarnings}`)}`);
  if (checked.unreadable.length) return 2;
  return checked.counts.errors || tooMany ? 1 : 0;
}
