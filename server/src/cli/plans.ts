// Reading plan files for any subcommand: decoding, the registry that applies, the analysis.
// Problems come back as one-line reasons, never as thrown errors.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, loadRegistryFile, registryFindings, type Analysis, type Locale, type Registry, diagnosticOf, LineIndex } from '../engine';
import { findRegistryFile, readPlanFile, type ReadResult } from '../node/files';

export interface RegistryChoice {
  registry?: Registry;
  /** Findings in the registry file itself, formatted `path:line:col: severity: message [code]`. */
  problems: string[];
  errors: number;
}

export interface PlanFile {
  path: string;
  /** As shown to the user: relative to the working folder when inside it. */
  display: string;
  text: string;
  encoding: ReadResult['encoding'];
  analysis: Analysis;
  registry: RegistryChoice;
}

export interface LoadResult {
  plans: PlanFile[];
  /** One-line reasons for files that could not be read. */
  unreadable: string[];
}

export function display(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

const registryCache = new Map<string, RegistryChoice | string>();

export function registryFor(path: string, explicit: string | undefined, locale: Locale): RegistryChoice | string {
  const file = explicit ?? findRegistryFile(path);
  if (!file) return { problems: [], errors: 0 };
  const cached = registryCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = `无法读取单位名录 (cannot read registry, ${(e as NodeJS.ErrnoException).code ?? 'EIO'}): ${file}`;
    registryCache.set(file, reason);
    return reason;
  }
  const loaded = loadRegistryFile(text, file);
  const lines = new LineIndex(text);
  const findings = registryFindings(loaded.findings, { locale });
  const problems = findings.map((f) => {
    const d = diagnosticOf(lines, f);
    return `${display(file)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const choice = { registry: loaded.registry, problems, errors };
  registryCache.set(file, choice);
  return choice;
}

/** Plans one at a time, so a run over many files holds one analysis at a time. */
export function* eachPlan(files: string[], opts: { registry?: string; locale: Locale }, unreadable: string[]): Generator<PlanFile> {
  for (const path of files) {
    const read = readPlanFile(path);
    if (read.error || read.text === undefined) {
      unreadable.push(read.error ?? path);
      continue;
    }
    const registry = registryFor(path, opts.registry, opts.locale);
    if (typeof registry === 'string') {
      unreadable.push(registry);
      continue;
    }
    const analysis = analyze(read.text, { registry: registry.registry, locale: opts.locale });
    yield { path, display: display(path), text: read.text, encoding: read.encoding, analysis, registry };
  }
}

export function loadPlans(files: string[], opts: { registry?: string; locale: Locale }): LoadResult {
  const unreadable: string[] = [];
  const plans = [...eachPlan(files, opts, unreadable)];
  return { plans, unreadable };
}
