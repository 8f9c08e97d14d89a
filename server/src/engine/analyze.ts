// Analysis: text in, model and findings out. One call runs the stages in order: parse,
// choose the registry, resolve the parties against it, check.
import type { PlanModel } from './model';
import { parsePlan, type LineCache } from './parse/document';
import { pickPreset, resolveModel } from './registry/resolve';
import { checkPlan, type Finding } from './rules/diagnostics';
import type { Registry } from './registry/registry';
import { findingOf, type Locale, type SeverityOverrides } from './rules/rules';

export interface AnalyzeOptions {
  /** The workspace registry (from fengong.registry.json); without one the best-fitting preset is used. */
  registry?: Registry;
  severities?: SeverityOverrides;
  locale?: Locale;
  /**
   * The previous analysis of the same document: unchanged lines are reused rather than parsed
   * again. It is consumed: do not read it after this call.
   */
  previous?: Analysis;
}

export interface Analysis {
  model: PlanModel;
  findings: Finding[];
  /** The registry in effect, if any. */
  registry?: Registry;
  /** For the next analysis of this document (see `previous`). */
  readonly cache: AnalysisCache;
}

interface AnalysisCache extends LineCache {
  /** The preset picked when no registry was given, and for how many clauses it was picked. */
  picked?: { registry: Registry | undefined; clauses: number };
}

/** Reads a plan and checks it. Never throws: a broken document still gets a model and findings. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  try {
    const prev = options.previous?.cache;
    const { model, cache } = parsePlan(text, prev);
    const analysisCache: AnalysisCache = cache;
    let registry = options.registry;
    if (!registry) {
      // Picking a preset reads every party: do it again only when the clauses change in number.
      const picked = prev?.picked && prev.picked.clauses === model.clauses.length ? prev.picked : { registry: pickPreset(model), clauses: model.clauses.length };
      analysisCache.picked = picked;
      registry = picked.registry;
    }
    resolveModel(model, registry);
    const findings = checkPlan(model, {
      registry,
      noRegistry: !registry,
      severities: options.severities,
      locale: options.locale,
    });
    return { model, findings, registry, cache: analysisCache };
  } catch (e) {
    // A bug must not cost the user their outline: fall back to a fresh parse without the cache.
    if (options.previous) return analyze(text, { ...options, previous: undefined });
    const { model, cache } = parsePlan('', undefined);
    return {
      model: { ...model, text },
      // Through the table like any finding, but never switched off: the user must see it.
      findings: [findingOf('engine.internal', { start: 0, end: 0 }, { error: (e as Error).message }, { locale: options.locale })!],
      cache,
    };
  }
}
