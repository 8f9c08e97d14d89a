// Reading plan files for any subcommand: decoding, the registry that applies, the analysis.
// Files come through the file host (Node's); the registry file is found by the lookup the
// language server uses too. Problems come back as one-line reasons, never as thrown errors.
import { relative, resolve } from 'node:path';
import { analyze, loadRegistryFile, registryFindings, type Analysis, type Locale, type Registry, diagnosticOf, LineIndex } from '../engine';
import { isFile, type FileHost, type ReadResult } from '../host/fileHost';
import { RegistryFileLookup } from '../host/registryFile';
import { nodeFileHost } from '../node/host';

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
  bom: boolean;
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

/** The checker's files: Node's host (reading synchronously), one registry lookup and one reading of each registry file per run. */
export const host: FileHost = nodeFileHost({ sync: true });
const lookup = new RegistryFileLookup((path) => isFile(host, path));
const registryCache = new Map<string, RegistryChoice | string>();

export async function registryFor(path: string, explicit: string | undefined, locale: Locale): Promise<RegistryChoice | string> {
  const file = explicit ?? (await lookup.nearest(resolve(path)));
  if (!file) return { problems: [], errors: 0 };
  const cached = registryCache.get(file);
  if (cached) return cached;
  const read = await host.readText(file);
  if (read.text === undefined) {
    const reason = `无法读取单位名录 (cannot read registry, ${read.code ?? 'EIO'}): ${file}`;
    registryCache.set(file, reason);
    return reason;
  }
  const text = read.text;
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
export async function* eachPlan(files: string[], opts: { registry?: string; locale: Locale }, unreadable: string[]): AsyncGenerator<PlanFile> {
  for (const path of files) {
    const read = await host.readText(path);
    if (read.error || read.text === undefined) {
      unreadable.push(read.error ?? path);
      continue;
    }
    const registry = await registryFor(path, opts.registry, opts.locale);
    if (typeof registry === 'string') {
      unreadable.push(registry);
      continue;
    }
    const analysis = analyze(read.text, { registry: registry.registry, locale: opts.locale });
    yield { path, display: display(path), text: read.text, encoding: read.encoding, bom: !!read.bom, analysis, registry };
  }
}

export async function loadPlans(files: string[], opts: { registry?: string; locale: Locale }): Promise<LoadResult> {
  const unreadable: string[] = [];
  const plans: PlanFile[] = [];
  for await (const p of eachPlan(files, opts, unreadable)) plans.push(p);
  return { plans, unreadable };
}
