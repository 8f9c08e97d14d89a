// Reading plans for any subcommand: decoding, the project file that applies (found by the
// lookup the language server uses too), the analysis. Files come through the file host (Node's);
// standard input is read whole. Problems come back as one-line reasons, never as thrown errors.
import { relative, resolve } from 'node:path';
import { analyze, loadRegistryFile, ProjectRegistry, registryFindings, diagnosticOf, LineIndex, type Analysis, type Locale, type Registry, type ReportDiagnostic } from '../engine';
import { isProjectFileAt, type FileHost, type ReadResult } from '../host/fileHost';
import { READ_LIMITS } from '../host/limits';
import { decodePlan } from '../host/decode';
import { RegistryFileLookup } from '../host/registryFile';
import { nodeFileHost } from '../node/host';
import type { Input } from './paths';
import { failedRead, sayer, unreadable, type Say } from './say';

/** The project file a plan is checked under, and its own findings. */
export interface ProjectChoice {
  registry?: Registry;
  /** The file's path as shown; none when no project file applies. */
  display?: string;
  /** Findings in the project file itself, located in it. */
  diagnostics: ReportDiagnostic[];
  errors: number;
}

export interface PlanFile {
  /** The path read (none for standard input). */
  path?: string;
  /** As shown to the user: relative to the working folder when inside it; the --stdin-filename. */
  display: string;
  text: string;
  encoding: ReadResult['encoding'];
  bom: boolean;
  analysis: Analysis;
  registry: ProjectChoice;
}

export interface ReadOptions {
  /** --project (or --registry): this file instead of the nearest. */
  project?: string;
  /** --locale; none: the project file's messages decide. */
  locale?: Locale;
  /** The words of reasons (default: the locale's). */
  say?: Say;
}

export const STDIN_NAME = '<stdin>';

export function display(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

/** The checker's files: Node's host (reading synchronously), one project lookup and one reading of each project file per run. */
export const host: FileHost = nodeFileHost({ sync: true });
const lookup = new RegistryFileLookup((path) => isProjectFileAt(host, path));
const projectCache = new Map<string, ProjectChoice | string>();

/** The project file for a plan (a path, or the --stdin-filename); a string when it cannot be read. */
export async function registryFor(path: string, explicit: string | undefined, locale: Locale | undefined, say: Say = sayer(locale)): Promise<ProjectChoice | string> {
  const file = explicit ?? (await lookup.nearest(resolve(path)));
  if (!file) return { diagnostics: [], errors: 0 };
  const cached = projectCache.get(file);
  if (cached) return cached;
  const read = await host.readText(file, { limit: READ_LIMITS.project });
  if (read.text === undefined) {
    const reason = `${failedRead(say, '无法读取项目文件', 'cannot read the project file', read)}: ${file}`;
    projectCache.set(file, reason);
    return reason;
  }
  const text = read.text;
  const loaded = loadRegistryFile(text, file);
  const lines = new LineIndex(text);
  // The file's own findings speak --locale, else its own messages (when it could be read).
  const messages = locale ?? (loaded.registry instanceof ProjectRegistry ? loaded.registry.messages : undefined);
  const findings = registryFindings(loaded.findings, { locale: messages });
  const choice: ProjectChoice = {
    registry: loaded.registry,
    display: display(file),
    diagnostics: findings.map((f) => diagnosticOf(lines, f)),
    errors: findings.filter((f) => f.severity === 'error').length,
  };
  projectCache.set(file, choice);
  return choice;
}

/** Standard input whole, up to the plan limit (`cat /dev/zero |` ends, refused, at the limit). */
async function readStdin(name: string): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > READ_LIMITS.plan) {
      process.stdin.destroy();
      return { code: 'EFBIG', limit: READ_LIMITS.plan };
    }
    chunks.push(chunk as Buffer);
  }
  return decodePlan(Buffer.concat(chunks), name);
}

/** Plans one at a time, so a run over many files holds one analysis at a time. */
export async function* eachPlan(inputs: readonly Input[], opts: ReadOptions, unreadableOut: string[]): AsyncGenerator<PlanFile> {
  const say = opts.say ?? sayer(opts.locale);
  for (const input of inputs) {
    const shown = input.kind === 'stdin' ? (input.name ?? STDIN_NAME) : display(input.path);
    const read = input.kind === 'stdin' ? await readStdin(shown) : await host.readText(input.path);
    if (read.error || read.text === undefined) {
      unreadableOut.push(unreadable(say, input.kind === 'stdin' ? shown : input.path, read));
      continue;
    }
    // Standard input finds its project file from its name, as if it were that file.
    const at = input.kind === 'stdin' ? resolve(input.name ?? STDIN_NAME) : input.path;
    const registry = await registryFor(at, opts.project, opts.locale, say);
    if (typeof registry === 'string') {
      unreadableOut.push(registry);
      continue;
    }
    const analysis = analyze(read.text, { registry: registry.registry, locale: opts.locale });
    yield { path: input.kind === 'file' ? input.path : undefined, display: shown, text: read.text, encoding: read.encoding, bom: !!read.bom, analysis, registry };
  }
}

export async function loadPlans(inputs: readonly Input[], opts: ReadOptions): Promise<{ plans: PlanFile[]; unreadable: string[] }> {
  const problems: string[] = [];
  const plans: PlanFile[] = [];
  for await (const p of eachPlan(inputs, opts, problems)) plans.push(p);
  return { plans, unreadable: problems };
}

/** A project file's findings as `path:line:column: severity: message [code]` lines. */
export function projectLines(choice: ProjectChoice): string[] {
  return choice.diagnostics.map((d) => `${choice.display}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`);
}
