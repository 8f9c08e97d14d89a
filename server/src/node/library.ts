/// <reference path="../types/modules.d.ts" />
// The engine as a library: `import { analyze, report } from 'fengong'` (ESM and CommonJS,
// esbuild.mjs builds both with their type declarations). `analyze` is the editor's and the
// checker's; `report` gives exactly the per-file object `fengong check --format json` prints;
// `projectFor` finds and reads the project file (fengong.json) that applies to a plan, as the
// checker does.
import { resolve } from 'node:path';
import {
  analyze as analyzePlan,
  diagnosticOf,
  fileReport,
  LineIndex,
  loadRegistryFile,
  ProjectRegistry,
  registryFindings,
  type Analysis,
  type AnalyzeOptions,
  type FileReport,
  type Locale,
  type Registry,
  type ReportDiagnostic,
} from '../engine';
import { isProjectFileAt } from '../host/fileHost';
import { READ_LIMITS } from '../host/limits';
import { RegistryFileLookup } from '../host/registryFile';
import { nodeFileHost } from './host';

export type { Analysis, AnalyzeOptions, FileReport, Finding, Locale, PlanModel, Registry, ReportDiagnostic, ReportOutline, ReportTask, RuleCode, Severity, SeverityOverrides } from '../engine';
export { RULES, RULE_DESCRIPTIONS, messageOf, isPlan, loadRegistryFile as loadProjectFile } from '../engine';

export interface LibraryAnalyzeOptions extends AnalyzeOptions {
  /** The plan's path, as `report` shows it. */
  path?: string;
}

const paths = new WeakMap<Analysis, string>();

/** Reads a plan and checks it (never throws): the model, the findings, the registry in effect. */
export function analyze(text: string, options: LibraryAnalyzeOptions = {}): Analysis {
  const { path, ...rest } = options;
  const analysis = analyzePlan(text, rest);
  if (path !== undefined) paths.set(analysis, path);
  return analysis;
}

/**
 * The per-file object `fengong check --format json` prints: title, place, date, outline,
 * tasks with their parties, diagnostics (1-based lines, UTF-16 columns). `path`: the one given
 * to `analyze`, else `<text>`.
 */
export function report(analysis: Analysis, path?: string): FileReport {
  return fileReport(path ?? paths.get(analysis) ?? '<text>', analysis);
}

export interface Project {
  /** The project file's path; none when no fengong.json (or fengong.registry.json) is above the plan. */
  path?: string;
  /** For `analyze(text, { registry })`: its agencies, rules and messages. Undefined when the file is broken. */
  registry?: Registry;
  /** Findings in the project file itself. */
  diagnostics: ReportDiagnostic[];
}

const host = nodeFileHost({ sync: true });
const lookup = new RegistryFileLookup((p) => isProjectFileAt(host, p));

/** The project file nearest above a plan (its folder, then each folder up), read as the checker reads it. */
export async function projectFor(planPath: string, options: { locale?: Locale } = {}): Promise<Project> {
  const path = await lookup.nearest(resolve(planPath));
  if (!path) return { diagnostics: [] };
  // A regular file within the project limit, as the checker reads it; else the reason, thrown.
  const read = await host.readText(path, { limit: READ_LIMITS.project });
  if (read.text === undefined) throw new Error(read.error ?? path);
  const text = read.text;
  const loaded = loadRegistryFile(text, path);
  const lines = new LineIndex(text);
  const locale = options.locale ?? (loaded.registry instanceof ProjectRegistry ? loaded.registry.messages : undefined);
  return { path, registry: loaded.registry, diagnostics: registryFindings(loaded.findings, { locale }).map((f) => diagnosticOf(lines, f)) };
}
