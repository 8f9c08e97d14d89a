// Analysis: text in, model and findings out. One call runs the stages in order: parse,
// choose the registry, resolve the parties against it, check.
import type { PlanModel } from './model';
import { parsePlan, type LineCache } from './parse/document';
import { headingsOnly } from './parse/headingsOnly';
import { chooseRegistry, resolveModel, type Chosen } from './registry/resolve';
import { checkPlan, type Finding } from './rules/diagnostics';
import { NameIndex } from './rules/consistency';
import type { Registry } from './registry/registry';
import type { Place } from './registry/places';
import type { EditWindow } from './edits';
import { findingOf, type Locale, type SeverityOverrides } from './rules/rules';
import { projectOptions } from './registry/file';
import { coverageFindings, coverageOf, type CoverageResult, type SourceIndex } from './features/coverage';

export interface AnalyzeOptions {
  /**
   * The workspace registry (from the project file, fengong.json): its entries over the
   * registries it names, or over the plan's place's; its rules and messages apply under
   * `severities` and `locale`. Without one the place's registry (from its title,
   * issuer and clauses) and date (文号 or date line) are used.
   */
  registry?: Registry;
  severities?: SeverityOverrides;
  locale?: Locale;
  /**
   * The previous analysis of the same document: unchanged lines are reused rather than parsed
   * again. It is consumed: do not read it after this call.
   */
  previous?: Analysis;
  /** Where the text changed since `previous` (the language server knows): lines outside it are not compared. */
  edit?: EditWindow;
  /** The source document (上位文件), indexed once (`indexSource`): its coverage findings join the plan's. */
  source?: SourceIndex;
  /**
   * Past this many characters the text is not checked: it gets its headings (the outline) and
   * one `engine.too-large` finding, as an editor turns features off for a large file. None: no limit.
   */
  checkUpTo?: number;
}

export interface Analysis {
  model: PlanModel;
  findings: Finding[];
  /** The registry in effect. */
  registry?: Registry;
  /** The place the registry is for: read from the plan, or the registry file's. */
  place?: Place;
  /** For the next analysis of this document (see `previous`). */
  readonly cache: AnalysisCache;
  /** How the plan covers `source`, when one was given. */
  coverage?: CoverageResult;
}

interface AnalysisCache extends LineCache {
  /** The registry chosen for this document, reused while its place, date and file stay the same. */
  chosen?: Chosen;
  /** Which names each agency is written under, brought up to date from one analysis to the next. */
  names?: NameIndex;
}

/** Reads a plan and checks it. Never throws: a broken document still gets a model and findings. */
export function analyze(text: string, given: AnalyzeOptions = {}): Analysis {
  // A project file's rules and messages, under the caller's severities and locale.
  const options = projectOptions(given);
  if (options.checkUpTo !== undefined && text.length > options.checkUpTo) return tooLarge(text, options.checkUpTo, options);
  try {
    const prev = options.previous?.cache;
    const { model, cache } = parsePlan(text, prev, options.edit);
    const analysisCache: AnalysisCache = cache;
    const chosen = chooseRegistry(model, options.registry, prev?.chosen);
    analysisCache.chosen = chosen;
    const registry = chosen.registry;
    resolveModel(model, registry);
    const names = prev?.names?.registry === registry ? prev.names : new NameIndex(registry);
    analysisCache.names = names;
    const findings = checkPlan(model, {
      registry,
      severities: options.severities,
      locale: options.locale,
      names,
    });
    // Coverage is advice beside the checks: its findings come last and are never cut by the limit.
    const coverage = options.source ? coverageOf(model, options.source) : undefined;
    if (coverage) findings.push(...coverageFindings(model, coverage, { severities: options.severities, locale: options.locale }));
    return { model, findings, registry, place: chosen.place, cache: analysisCache, coverage };
  } catch (e) {
    // A bug must not cost the user their outline: fall back to a fresh parse without the cache.
    if (options.previous) return analyze(text, { ...options, previous: undefined, edit: undefined });
    const { model, cache } = parsePlan('', undefined);
    return {
      model: { ...model, text },
      // Through the table like any finding, but never switched off: the user must see it.
      findings: [findingOf('engine.internal', { start: 0, end: 0 }, { error: (e as Error).message }, { locale: options.locale })!],
      cache,
    };
  }
}

/** A text past the limit: its headings, and the one finding that says why nothing else is there. */
function tooLarge(text: string, limit: number, options: AnalyzeOptions): Analysis {
  const model = headingsOnly(text);
  const { cache } = parsePlan('', undefined);
  const args = { chars: grouped(text.length), limit: grouped(limit) };
  const finding = findingOf('engine.too-large', { start: 0, end: model.lines.lineEnd(0) }, args, { locale: options.locale, severities: options.severities });
  return { model, findings: finding ? [finding] : [], registry: options.registry, cache };
}

/** 2000000 → 2,000,000. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
