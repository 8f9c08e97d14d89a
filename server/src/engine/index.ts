// The engine's facade: text in, model and findings out. Pure: no LSP, no vscode, no I/O.
// The language server, the checker and the client all go through these calls.
import type { PlanModel } from './model';
import { parsePlan } from './document';
import { pickPreset, resolveModel } from './resolve';
import { checkPlan, type Finding } from './diagnostics';
import type { Registry } from './registry';
import type { Locale, Severity } from './rules';

export * from './model';
export * from './text';
export * from './rules';
export * from './registry';
export * from './numerals';
export { buildOutline, leadsOf, type OutlineNode } from './outline';
export { checkPlan, type Finding } from './diagnostics';
export { pickPreset, presetFor } from './resolve';
export { clauseAt, partyAt, taskAt, agencyKey } from './at';
export { completeAt, type CompletionContext, type CompletionItem, type CompletionResult, type PinyinOf } from './completion';
export { hoverAt, type HoverResult } from './hover';
export { occurrencesOf, loadByAgency, type Occurrence, type Load } from './occurrences';
export { prepareRenameAt, renameEdits } from './rename';
export { fixesFor, fixAll, type Fix } from './fixes';
export { addAgencyEdits, renameAgencyEdits, registryFromDocument } from './registryEdits';
export { semanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS, type Token } from './tokens';
export { foldingRanges, type Fold } from './folding';
export { selectionSpans } from './selection';
export { applyEdits, type TextEdit } from './edits';

export interface AnalyzeOptions {
  /** The workspace registry (from fengong.registry.json); without one the best-fitting preset is used. */
  registry?: Registry;
  severities?: Partial<Record<string, Severity>>;
  locale?: Locale;
}

export interface Analysis {
  model: PlanModel;
  findings: Finding[];
  /** The registry in effect, if any. */
  registry?: Registry;
}

/** Reads a plan and checks it. Never throws: a broken document still gets a model and findings. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const model = parsePlan(text);
  const registry = options.registry ?? pickPreset(model);
  resolveModel(model, registry);
  const findings = checkPlan(model, {
    registry,
    noRegistry: !registry,
    severities: options.severities,
    locale: options.locale,
  });
  return { model, findings, registry };
}
