// The language server: a thin adapter mapping each LSP request to one engine call.
// Run with `node dist/server.js --stdio`; any LSP editor can use it.
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DocumentHighlightKind,
  FileChangeType,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeResult,
  type Location,
  type SelectionRange,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { addAgencyEdits, agencyKey, buildOutline, completeAt, completionStyle, foldingRanges, formatEdits, headingCompletionsAt, hoverAt, LineIndex, newRegistryText, occurrencesOf, partyAt, pickPreset, planStatus, prepareRenameAt, presetOf, quickFixesFor, registryFileOf, registryFindings, registryFromDocument, renameAgencyEdits, renameEdits, renumberPlan, repairPlan, safeFixes, selectionSpans, semanticTokenData, skeletonSnippetsAt, TOKEN_MODIFIERS, TOKEN_TYPES, workspaceSymbols, type Analysis, type NumberReference, type OutlineNode, type PinyinOf, type PlanModel } from './engine';
import { REGISTRY_FILE } from './node/files';
import { diagnosticOf, textEditsOf } from './lsp/convert';
import { DocumentTextRequest, RegistryFromDocumentRequest, ServerCommands, StatsRequest, StatusNotification, type CommandResult } from './protocol';
import { readSettings } from './lsp/settings';
import { registerViewRequests } from './lsp/views';
import { registerWordRequests } from './lsp/word';
import { fsPathOf, Workspace, type DocumentSource } from './lsp/workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();
let pullDiagnostics = false;
let configurationSupport = false;
let annotationSupport = false;

const isRegistry = (uri: string) => uri.endsWith('/' + REGISTRY_FILE);
const openPlans = (): DocumentSource[] => documents.all().filter((d) => !isRegistry(d.uri));

/** Each handler isolated: one failing request is logged and answered empty, never fatal. */
function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R): (...args: P) => R {
  return (...args: P) => {
    try {
      return fn(...args);
    } catch (e) {
      connection.console.error(`fengong: ${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

function analysisFor(uri: string): Analysis | undefined {
  const doc = documents.get(uri);
  if (doc) return isRegistry(uri) ? undefined : workspace.analysisOf(doc);
  return workspace.index.get(uri);
}

// ---- pinyin, loaded on the first completion only (keeps start-up light) ----
let pinyinOf: PinyinOf | undefined;
function pinyin(): PinyinOf {
  if (!pinyinOf) {
    // dist/pinyin.js, bundled separately (esbuild.mjs) and required on first use only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { pinyin: convert } = require('./pinyin.js') as typeof import('pinyin-pro');
    pinyinOf = (s) => convert(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  }
  return pinyinOf;
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  configurationSupport = !!caps.workspace?.configuration;
  annotationSupport = !!caps.workspace?.workspaceEdit?.changeAnnotationSupport;
  workspace.folders = (params.workspaceFolders ?? []).map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p);
  if (workspace.folders.length === 0 && params.rootUri) {
    const root = fsPathOf(params.rootUri);
    if (root) workspace.folders = [root];
  }
  workspace.setSettings(readSettings(params.initializationOptions?.settings));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['、', ',', '，', '(', '（', '〔', '【', ':', '：'], resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      executeCommandProvider: { commands: Object.values(ServerCommands) },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.fengong'] },
      documentSymbolProvider: { label: '分工方案' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      diagnosticProvider: pullDiagnostics ? { identifier: 'fengong', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'fengong', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (configurationSupport) await refreshSettings();
  void workspace.scan((uri) => !!documents.get(uri)).then(() => workspace.invalidateLoad());
});

async function refreshSettings(): Promise<void> {
  try {
    const raw = await connection.workspace.getConfiguration('fengong');
    workspace.setSettings(readSettings(raw));
  } catch (e) {
    connection.console.warn(`fengong: could not read settings: ${e}`);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (configurationSupport) await refreshSettings();
  else workspace.setSettings(readSettings((change.settings as { fengong?: unknown })?.fengong));
  revalidateAll();
});

// ---- diagnostics: pull where the client supports it, push otherwise ----

const lastReport = new Map<string, { resultId: string; items: Diagnostic[] }>();
let resultCounter = 0;

function diagnosticsOf(uri: string): Diagnostic[] {
  const doc = documents.get(uri);
  if (!doc) return [];
  if (isRegistry(uri)) {
    const path = fsPathOf(uri);
    const state = path ? workspace.registryState(path) : undefined;
    if (!state) return [];
    const lines = new LineIndex(state.text);
    return registryFindings(state.findings, { locale: workspace.settings.messages }).map((f) => diagnosticOf(lines, uri, f));
  }
  const a = workspace.analysisOf(doc);
  sendStatus(uri, a);
  return a.findings.map((f) => diagnosticOf(a.model.lines, uri, f));
}

function sendStatus(uri: string, a: Analysis): void {
  void connection.sendNotification(StatusNotification, { uri, ...planStatus(a) });
}

connection.languages.diagnostics.on(
  guard('diagnostics', { kind: 'full' as const, resultId: '0', items: [] as Diagnostic[] } as { kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string }, (params) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    // On save only: keep what was shown until the file is saved.
    const prev = lastReport.get(uri);
    if (doc && workspace.settings.validate === 'onSave' && prev && dirty.has(uri)) {
      if (params.previousResultId === prev.resultId) return { kind: 'unchanged' as const, resultId: prev.resultId };
      return { kind: 'full' as const, resultId: prev.resultId, items: prev.items };
    }
    const items = diagnosticsOf(uri);
    const resultId = String(++resultCounter);
    lastReport.set(uri, { resultId, items });
    return { kind: 'full' as const, resultId, items };
  }),
);

const pushTimers = new Map<string, NodeJS.Timeout>();
const dirty = new Set<string>();

function schedulePush(uri: string, delay = 150): void {
  if (pullDiagnostics) return;
  clearTimeout(pushTimers.get(uri));
  pushTimers.set(
    uri,
    setTimeout(
      guard('publishDiagnostics', undefined, () => {
        pushTimers.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(uri) });
      }),
      delay,
    ),
  );
}

function revalidateAll(): void {
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) schedulePush(d.uri, 0);
}

documents.onDidOpen(
  guard('didOpen', undefined, (e) => {
    if (isRegistry(e.document.uri)) registryTextChanged(e.document.uri, e.document.getText());
    else schedulePush(e.document.uri, 0);
    workspace.invalidateLoad();
  }),
);
documents.onDidChangeContent(
  guard('didChange', undefined, (e) => {
    dirty.add(e.document.uri);
    if (isRegistry(e.document.uri)) registryTextChanged(e.document.uri, e.document.getText());
    else if (workspace.settings.validate === 'onType') schedulePush(e.document.uri);
  }),
);
documents.onDidSave(
  guard('didSave', undefined, (e) => {
    dirty.delete(e.document.uri);
    workspace.invalidateLoad();
    if (workspace.settings.validate === 'onSave') {
      if (pullDiagnostics) void connection.languages.diagnostics.refresh();
      else schedulePush(e.document.uri, 0);
    }
  }),
);
documents.onDidClose(
  guard('didClose', undefined, (e) => {
    const uri = e.document.uri;
    dirty.delete(uri);
    lastReport.delete(uri);
    workspace.forget(uri);
    if (isRegistry(uri)) {
      const path = fsPathOf(uri);
      if (path) workspace.openRegistryText.delete(path);
      workspace.registryFilesChanged();
      revalidateAll();
    } else {
      workspace.indexFile(uri);
    }
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }),
);

/** An edited registry takes effect at once, saved or not; a broken one keeps the last good in force. */
function registryTextChanged(uri: string, text: string): void {
  const path = fsPathOf(uri);
  if (!path) return;
  const wasKnown = workspace.openRegistryText.has(path);
  workspace.openRegistryText.set(path, text);
  if (!wasKnown) workspace.registryFilesChanged();
  else workspace.registryState(path);
  revalidateAll();
}

connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, (params) => {
    let registryChanged = false;
    for (const c of params.changes) {
      if (isRegistry(c.uri)) registryChanged = true;
      else if (!documents.get(c.uri)) {
        if (c.type === FileChangeType.Deleted) workspace.index.delete(c.uri);
        else workspace.indexFile(c.uri);
      }
    }
    if (registryChanged) {
      workspace.registryFilesChanged();
      revalidateAll();
    }
    workspace.invalidateLoad();
  }),
);

// ---- outline, folding, selection, workspace symbols ----

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  chapter: SymbolKind.Module,
  section: SymbolKind.Namespace,
  item: SymbolKind.Class,
  subitem: SymbolKind.Class,
  task: SymbolKind.Event,
};

connection.onDocumentSymbol(
  guard('documentSymbol', [] as DocumentSymbol[], (params) => {
    const a = analysisFor(params.textDocument.uri);
    if (!a) return [];
    const lines = a.model.lines;
    const convert = (n: OutlineNode): DocumentSymbol => ({
      name: (n.number + n.title).trim() || '(无标题)',
      detail: n.detail ? `牵头 ${n.detail}` : undefined,
      kind: SYMBOL_KIND[n.kind],
      range: lines.rangeOf(n.span),
      selectionRange: lines.rangeOf(n.selectionSpan),
      children: n.children.map(convert),
    });
    return buildOutline(a.model).map(convert);
  }),
);

connection.onFoldingRanges(
  guard('foldingRanges', [], (params) => {
    const a = analysisFor(params.textDocument.uri);
    return a ? foldingRanges(a.model).map((f) => ({ startLine: f.startLine, endLine: f.endLine })) : [];
  }),
);

connection.onSelectionRanges(
  guard('selectionRanges', [] as SelectionRange[], (params) => {
    const a = analysisFor(params.textDocument.uri);
    if (!a) return [];
    return params.positions.map((pos) => {
      const spans = selectionSpans(a.model, a.model.lines.offsetAt(pos));
      let range: SelectionRange | undefined;
      for (let i = spans.length - 1; i >= 0; i--) range = { range: a.model.lines.rangeOf(spans[i]), parent: range };
      return range ?? { range: { start: pos, end: pos } };
    });
  }),
);

connection.onWorkspaceSymbol(
  guard('workspaceSymbol', [] as SymbolInformation[], (params) => {
    const plans = [...workspace.allAnalyses(openPlans())].map(([uri, a]): [string, PlanModel] => [uri, a.model]);
    return workspaceSymbols(plans, params.query).map((s) => ({
      name: s.name,
      kind: SYMBOL_KIND[s.kind],
      location: { uri: s.doc, range: s.model.lines.rangeOf(s.selectionSpan) },
      containerName: s.container,
    }));
  }),
);

// ---- completion and hover ----

connection.onCompletion(
  guard('completion', null, (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isRegistry(doc.uri)) return null;
    // Completion reads only the current line; the cached model (any version) gives the registry and style.
    const cached = workspace.peek(doc.uri);
    const registry = workspace.registryFor(doc.uri) ?? cached?.registry ?? (cached ? undefined : pickPreset(workspace.analysisOf(doc).model));
    const load = workspace.workspaceLoad(openPlans());
    const text = doc.getText();
    const result = completeAt(text, doc.offsetAt(params.position), {
      registry,
      pinyin: pinyin(),
      usage: (name) => {
        const l = load.get(name);
        return l ? l.lead + l.cooperating + l.responsible : 0;
      },
      ...completionStyle(cached?.model),
    });
    // The open document maps offsets itself: a line index of the whole text per keystroke would
    // make completion grow with the document.
    const rangeOf = (span: { start: number; end: number }) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });
    const item = (
      x: { label: string; detail?: string; sortText: string; replace: { start: number; end: number }; insertText: string; snippet: boolean },
      kind: CompletionItemKind,
    ) => ({
      label: x.label,
      kind,
      detail: x.detail,
      sortText: x.sortText,
      insertTextFormat: x.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: rangeOf(x.replace), newText: x.insertText },
    });
    if (result.items.length === 0) {
      // Not in a clause: at the start of a line, the next heading number and numbered skeletons.
      const model = workspace.analysisOf(doc).model;
      const offset = doc.offsetAt(params.position);
      const headings = headingCompletionsAt(text, offset, model).map((h) => ({ ...item({ ...h, snippet: !!h.snippet }, CompletionItemKind.EnumMember), preselect: h.preselect }));
      const skeletons = skeletonSnippetsAt(text, offset, model).map((sn) => item({ ...sn, sortText: `z${sn.name}`, snippet: true }, CompletionItemKind.Snippet));
      if (headings.length || skeletons.length) return { isIncomplete: false, items: [...headings, ...skeletons] };
    }
    return {
      isIncomplete: result.incomplete,
      items: result.items.map((it) => ({
        ...item(it, it.kind === 'agency' ? CompletionItemKind.Value : CompletionItemKind.Snippet),
        documentation: it.documentation,
        filterText: it.filterText,
      })),
    };
  }),
);

connection.onHover(
  guard('hover', null, (params) => {
    const a = analysisFor(params.textDocument.uri);
    if (!a) return null;
    const load = workspace.workspaceLoad(openPlans());
    const h = hoverAt(a.model, a.model.lines.offsetAt(params.position), a.registry, (k) => load.get(k));
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: a.model.lines.rangeOf(h.span) } : null;
  }),
);

// ---- definition, references, highlights, rename ----

function keyAt(uri: string, position: { line: number; character: number }): { key: string; a: Analysis } | undefined {
  const a = analysisFor(uri);
  if (!a) return undefined;
  const hit = partyAt(a.model, a.model.lines.offsetAt(position));
  return hit && !hit.party.collective ? { key: agencyKey(hit.party), a } : undefined;
}

connection.onDefinition(
  guard('definition', null as Location | null, (params) => {
    const hit = keyAt(params.textDocument.uri, params.position);
    const agency = hit && hit.a.registry?.lookup(hit.key);
    const file = registryFileOf(agency);
    if (!agency?.nameSpan || !file) return null;
    const state = workspace.registryState(file);
    if (!state) return null;
    return { uri: URI.file(file).toString(), range: new LineIndex(state.text).rangeOf(agency.nameSpan) };
  }),
);

connection.onReferences(
  guard('references', [] as Location[], (params) => {
    const hit = keyAt(params.textDocument.uri, params.position);
    if (!hit) return [];
    const out: Location[] = [];
    for (const [uri, a] of workspace.allAnalyses(openPlans())) {
      for (const o of occurrencesOf(a.model, hit.key)) out.push({ uri, range: a.model.lines.rangeOf(o.party.span) });
    }
    return out;
  }),
);

connection.onDocumentHighlight(
  guard('documentHighlight', [], (params) => {
    const hit = keyAt(params.textDocument.uri, params.position);
    if (!hit) return [];
    return occurrencesOf(hit.a.model, hit.key).map((o) => ({
      range: hit.a.model.lines.rangeOf(o.party.span),
      kind: o.party.role === 'lead' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  }),
);

connection.onPrepareRename(
  guard('prepareRename', null, (params) => {
    const a = analysisFor(params.textDocument.uri);
    if (!a) return null;
    const r = prepareRenameAt(a.model, a.model.lines.offsetAt(params.position));
    return r ? { range: a.model.lines.rangeOf(r.span), placeholder: r.placeholder } : null;
  }),
);

connection.onRenameRequest(
  guard('rename', null as WorkspaceEdit | null, (params) => {
    const hit = keyAt(params.textDocument.uri, params.position);
    const newName = params.newName.trim();
    if (!hit || !newName) return null;
    const changes: Record<string, LspTextEdit[]> = {};
    for (const [uri, a] of workspace.allAnalyses(openPlans())) {
      const edits = renameEdits(a.model, hit.key, newName);
      if (edits.length) changes[uri] = textEditsOf(a.model.lines, edits);
    }
    // The registry file's entry, when the agency is one of the workspace's own.
    const agency = hit.a.registry?.lookup(hit.key);
    const file = registryFileOf(agency);
    if (agency && agency.entryIndex !== undefined && file) {
      const state = workspace.registryState(file);
      const edits = state && renameAgencyEdits(state.text, agency.entryIndex, agency.name, newName);
      if (state && edits) changes[URI.file(file).toString()] = textEditsOf(new LineIndex(state.text), edits);
    }
    if (!annotationSupport) return { changes };
    // With annotations the editor shows a preview before applying a workspace-wide rename.
    return {
      changeAnnotations: { rename: { label: `重命名单位 (rename agency) ${hit.key} → ${newName}`, needsConfirmation: Object.keys(changes).length > 1 } },
      documentChanges: Object.entries(changes).map(([uri, edits]) => ({
        textDocument: { uri, version: documents.get(uri)?.version ?? null },
        edits: edits.map((e) => ({ ...e, annotationId: 'rename' })),
      })),
    };
  }),
);

// ---- code actions ----

connection.onCodeAction(
  guard('codeAction', [] as CodeAction[], (params) => {
    const uri = params.textDocument.uri;
    const a = analysisFor(uri);
    const doc = documents.get(uri);
    if (!a || !doc) return [];
    const lines = a.model.lines;
    const only = params.context.only;
    const out: CodeAction[] = [];
    const wantFixAll = !only || only.some((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
    const wantQuick = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
    if (wantQuick) {
      const start = lines.offsetAt(params.range.start);
      const end = lines.offsetAt(params.range.end);
      for (const f of a.findings) {
        if (f.span.end < start || f.span.start > end) continue;
        const diagnostic = diagnosticOf(lines, uri, f);
        for (const fix of quickFixesFor(a.model, f, a.registry)) {
          const e = fix.edit;
          const edit = e.kind === 'addToRegistry' ? addToRegistryEdit(uri, e.name) : e.kind === 'renumber' ? renumberEdit(uri, a, e.edits, e.references) : { changes: { [uri]: textEditsOf(lines, e.edits) } };
          if (!edit) continue;
          out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit });
        }
      }
    }
    if (wantFixAll) {
      const edits = safeFixes(a.model, a.findings, a.registry);
      if (edits.length) out.push({ title: '修正全部可自动修正的问题 (fix all)', kind: CodeActionKind.SourceFixAll + '.fengong', edit: { changes: { [uri]: textEditsOf(lines, edits) } } });
    }
    return out;
  }),
);

/** Adds a name to the registry file that applies, or creates one next to the workspace root. */
function addToRegistryEdit(uri: string, name: string): WorkspaceEdit | undefined {
  const path = workspace.registryPathFor(uri);
  if (path) {
    const state = workspace.registryState(path);
    const edits = state && addAgencyEdits(state.text, name);
    if (!state || !edits) return undefined;
    return { changes: { [URI.file(path).toString()]: textEditsOf(new LineIndex(state.text), edits) } };
  }
  const folder = workspace.folders[0] ?? (fsPathOf(uri) ? dirname(fsPathOf(uri)!) : undefined);
  if (!folder) return undefined;
  const target = URI.file(join(folder, REGISTRY_FILE)).toString();
  const a = analysisFor(uri);
  const preset = presetOf(a?.registry);
  const text = newRegistryText(name, preset);
  return {
    documentChanges: [
      { kind: 'create', uri: target, options: { ignoreIfExists: true } },
      { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ],
  };
}

/**
 * Renumbering as a workspace edit: the markers change; references in the text to renumbered
 * headings (见(十二), 第十二项) are listed for confirmation in the preview, never silently.
 */
function renumberEdit(uri: string, a: Analysis, edits: import('./engine').TextEdit[], references: NumberReference[]): WorkspaceEdit {
  const lines = a.model.lines;
  if (!annotationSupport) return { changes: { [uri]: textEditsOf(lines, edits) } };
  const refEdits = references.map((r, i) => ({
    range: lines.rangeOf(r.suggestion?.span ?? r.span),
    newText: r.suggestion?.newText ?? a.model.text.slice(r.span.start, r.span.end),
    annotationId: `ref${i}`,
  }));
  const changeAnnotations: Record<string, { label: string; needsConfirmation: boolean; description?: string }> = {
    renumber: { label: '重新编号 (renumber)', needsConfirmation: false },
  };
  references.forEach((r, i) => {
    changeAnnotations[`ref${i}`] = { label: `核对引用“${r.text}” (check this reference)`, needsConfirmation: true, description: r.suggestion ? `→ ${r.suggestion.newText}` : '指向多个标题 (ambiguous)' };
  });
  return {
    changeAnnotations,
    documentChanges: [{ textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits: [...textEditsOf(lines, edits).map((e) => ({ ...e, annotationId: 'renumber' })), ...refEdits] }],
  };
}

connection.onDocumentFormatting(
  guard('formatting', [] as LspTextEdit[], (params) => {
    const a = analysisFor(params.textDocument.uri);
    return a ? textEditsOf(a.model.lines, formatEdits(a.model, { fullWidth: workspace.settings.format.fullWidth })) : [];
  }),
);

connection.onDocumentRangeFormatting(
  guard('rangeFormatting', [] as LspTextEdit[], (params) => {
    const a = analysisFor(params.textDocument.uri);
    if (!a) return [];
    const lines = a.model.lines;
    const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
    return textEditsOf(lines, formatEdits(a.model, { fullWidth: workspace.settings.format.fullWidth, range }));
  }),
);

connection.onExecuteCommand(
  guard('executeCommand', Promise.resolve(undefined) as Promise<CommandResult | undefined>, async (params): Promise<CommandResult | undefined> => {
    const uri = (params.arguments?.[0] as string | undefined) ?? '';
    const doc = documents.get(uri);
    if (!doc || isRegistry(uri)) return undefined;
    const a = workspace.analysisOf(doc);
    if (params.command === ServerCommands.renumber) {
      const r = renumberPlan(a.model);
      if (r.edits.length === 0) return { changed: 0 };
      await connection.workspace.applyEdit({ label: '重新编号 (renumber)', edit: renumberEdit(uri, a, r.edits, r.references) });
      return { changed: r.changes.length, references: r.references.length };
    }
    if (params.command === ServerCommands.repair) {
      const r = repairPlan(doc.getText(), { registry: a.registry, severities: workspace.settings.severity, format: { fullWidth: workspace.settings.format.fullWidth } });
      if (!r.changed) return { changed: 0 };
      await connection.workspace.applyEdit({ label: '修正全部 (fix all)', edit: { changes: { [uri]: textEditsOf(a.model.lines, r.edits) } } });
      return { changed: r.edits.length, references: r.references.length };
    }
    return undefined;
  }),
);

// ---- semantic tokens ----

connection.languages.semanticTokens.on(
  guard('semanticTokens', { data: [] as number[] }, (params) => {
    const a = analysisFor(params.textDocument.uri);
    if (!a) return { data: [] };
    const data = semanticTokenData(a.model, !!a.registry);
    return { data };
  }),
);

// ---- custom requests for the client ----

connection.onRequest(
  RegistryFromDocumentRequest,
  guard('registryFromDocument', null, (params) => {
    const a = analysisFor(params.uri);
    if (!a) return null;
    const preset = presetOf(a.registry);
    const path = fsPathOf(params.uri);
    return { text: registryFromDocument(a.model, preset), folder: workspace.folders[0] ?? (path ? dirname(path) : null) };
  }),
);

connection.onRequest(StatsRequest, () => ({ analyses: workspace.analyses, indexed: workspace.index.size, pid: process.pid }));
// The server's view of a document, for tests that check it never drifts from the client's.
connection.onRequest(DocumentTextRequest, (params) => documents.get(params.uri)?.getText() ?? null);

registerViewRequests(connection, { of: analysisFor, all: () => workspace.allAnalyses(openPlans()) });
registerWordRequests(connection, (uri) => documents.get(uri)?.getText());

documents.listen(connection);
connection.listen();
