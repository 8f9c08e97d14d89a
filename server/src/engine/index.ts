// The engine's facade: the one module the adapters (language server, checker, Word, client)
// import. Pure: no LSP, no vscode, no I/O.
export * from './model';
export * from './text';
export * from './rules/rules';
export * from './registry/registry';
export * from './registry/schema';
export { standingAt } from './registry/registry';
export { loadRegistryFile, registryJsonSchema, NAMED, type LoadedRegistry, type RegistryFinding } from './registry/file';
export { provinces, placeByName, type Place, type Province } from './registry/places';
export { presetRegistry, presetFor, placeOfModel } from './registry/resolve';
export * from './parse/numerals';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { CLOSER_OF } from './parse/clauses';
export { buildOutline, leadsOf, type OutlineNode } from './features/outline';
export { checkPlan, type Finding } from './rules/diagnostics';

export { clauseAt, partyAt, taskAt, agencyKey } from './features/at';
export { completeAt, type CompletionContext, type CompletionItem, type CompletionResult, type PinyinOf } from './features/completion';
export { headingCompletionsAt, skeletonSnippetsAt } from './features/headingCompletion';
export { hoverAt, type HoverResult } from './features/hover';
export { occurrencesOf, loadByAgency, type Occurrence, type Load } from './features/occurrences';
export { prepareRenameAt, renameEdits } from './features/rename';
export { fixesFor, fixAll, type Fix } from './features/fixes';
export { fixAllSafe, type FixAllSafeOptions, type FixAllSafeResult } from './features/fixAllSafe';
export { formatEdits, type FormatOptions } from './features/format';
export { renumberFixFor, renumberPlan, type NumberReference } from './features/renumber';
export { addAgencyEdits, renameAgencyEdits, registryFromDocument } from './registry/fileEdits';
export { semanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS, type Token } from './features/tokens';
export { foldingRanges, type Fold } from './features/folding';
export { selectionSpans } from './features/selection';
export { applyEdits, type TextEdit } from './edits';
export { fileReport, diagnosticOf, type FileReport, type ReportOutline, type ReportTask, type ReportDiagnostic } from './reports/report';
export { taskRows, type TaskRow } from './reports/table';
export { agencyMatrix, agencyRows, type AgencyRow, type ChapterColumn, type TaskRef } from './reports/matrix';
