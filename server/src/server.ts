// The language server's composition root: createServer(connection, host) builds the state
// objects, answers initialize with the capabilities, and registers one handler file per
// feature (server/src/lsp/). No logic of its own; nothing global. node/main.ts runs it over
// stdio (`node dist/server.js --stdio`); the tests run it in-process over an in-memory
// connection with an in-memory file host.
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, TextDocuments, TextDocumentSyncKind } from './lsp/protocolValues';
import type { PinyinOf } from './engine';
import type { FileHost } from './host/fileHost';
import { FIX_ALL_KIND, registerCodeActions } from './lsp/codeActions';
import { registerCommands, SERVER_COMMANDS } from './lsp/commands';
import { registerCompletion } from './lsp/completion';
import { guardWith, type ServerContext } from './lsp/context';
import { fsPathOf } from './lsp/convert';
import { diagnosticsOf, refreshStatus, registerDiagnostics } from './lsp/diagnostics';
import { registerFolding } from './lsp/folding';
import { registerFormatting } from './lsp/formatting';
import { registerHover } from './lsp/hover';
import { scanProgress } from './lsp/indexProgress';
import { registerNavigation } from './lsp/navigation';
import { registerRename } from './lsp/rename';
import { registerRequests } from './lsp/requests';
import { readSettings, SettingsState } from './lsp/settings';
import { Analyses } from './lsp/state/analyses';
import { EditWindows } from './lsp/state/edits';
import { DiagnosticsScheduler } from './lsp/state/diagnostics';
import { Plans } from './lsp/state/plans';
import { Registries } from './lsp/state/registries';
import { WorkspaceIndex } from './lsp/state/workspaceIndex';
import { WorkspaceScope } from './lsp/state/workspaceScope';
import { registerSymbols } from './lsp/symbols';
import { refreshSettings, registerSync } from './lsp/sync';
import { registerTokens, TOKEN_LEGEND } from './lsp/tokens';
import { registerViewRequests } from './lsp/views';
import { registerWordRequests } from './lsp/word';
import type { DocxImportResult } from './word/docxImport';
import { registerCoverage } from './lsp/coverage';
import { Sources } from './lsp/state/sources';

export interface ServerOptions {
  /** Pinyin of Chinese text for completion; called on the first completion only. */
  pinyin: () => PinyinOf;
  /** Word import: isolated in a worker by the Node program (node/main.ts); in this thread, within the package's limits, otherwise. */
  importDocx?: (bytes: Uint8Array) => Promise<DocxImportResult>;
}

const TRIGGER_CHARACTERS = ['、', ',', '，', '(', '（', '〔', '【', ':', '：'];

function capabilities(pullDiagnostics: boolean): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    executeCommandProvider: { commands: SERVER_COMMANDS },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    documentSymbolProvider: { label: '分工方案' },
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    semanticTokensProvider: { legend: TOKEN_LEGEND, full: { delta: true } },
    diagnosticProvider: pullDiagnostics ? { identifier: 'fengong', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
    workspace: { workspaceFolders: { supported: true } },
  };
}

function foldersOf(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p);
  const root = params.rootUri ? fsPathOf(params.rootUri) : undefined;
  return folders.length === 0 && root ? [root] : folders;
}

/** The server on a connection (not yet listening: the caller calls `connection.listen()`). */
export function createServer(connection: Connection, host: FileHost, options: ServerOptions): ServerContext {
  const settings = new SettingsState();
  const edits = new EditWindows();
  const documents = new TextDocuments(edits.documents);
  const folders: string[] = [];
  const analyses = new Analyses(settings, edits);
  const scope = new WorkspaceScope(host, () => folders);
  // The closures below run after construction, once every object exists.
  const diagnostics = new DiagnosticsScheduler(connection, documents, settings, (uri, token) => diagnosticsOf(ctx, uri, token));
  const registries = new Registries(host, settings, () => folders, () => {
    // A registry file changed on disk without the editor saying so: as if it had.
    plans.invalidateLoad();
    void index.reindexAll().then(() => diagnostics.revalidateAll());
  }, scope);
  const index = new WorkspaceIndex(host, registries, analyses, () => plans.invalidateLoad());
  const sources = new Sources(host, (m) => connection.console.log(m));
  const plans = new Plans(documents, analyses, registries, index, sources);
  let pinyin: PinyinOf | undefined;
  const ctx: ServerContext = {
    connection,
    documents,
    host,
    settings,
    client: { configuration: false, annotations: false, workDoneProgress: false },
    folders,
    scope,
    registries,
    analyses,
    index,
    plans,
    sources,
    diagnostics,
    pinyin: () => (pinyin ??= options.pinyin()),
    guard: guardWith((message) => connection.console.error(message)),
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    diagnostics.pull = !!caps.textDocument?.diagnostic;
    ctx.client.configuration = !!caps.workspace?.configuration;
    ctx.client.annotations = !!caps.workspace?.workspaceEdit?.changeAnnotationSupport;
    ctx.client.workDoneProgress = !!caps.window?.workDoneProgress;
    folders.push(...foldersOf(params));
    settings.displayLanguage = params.locale ?? '';
    settings.update(readSettings(params.initializationOptions?.settings));
    return { capabilities: capabilities(diagnostics.pull), serverInfo: { name: 'fengong', version: '0.1.0' } };
  });

  connection.onInitialized(
    ctx.guard('initialized', undefined, async () => {
      if (ctx.client.configuration) await refreshSettings(ctx);
      // In the background: requests are answered while the workspace is read.
      const scan = ctx.guard('scan', undefined, async () => {
        const scanning = index.scan(folders, (uri) => !!documents.get(uri), await scanProgress(ctx));
        refreshStatus(ctx);
        await scanning;
        plans.invalidateLoad();
        refreshStatus(ctx);
      });
      void scan();
    }),
  );
  const watching = registerSync(ctx);
  // One shutdown handler (a second would replace the first): timers and the host's watch.
  connection.onShutdown(() => {
    diagnostics.dispose();
    watching?.dispose();
  });
  registerDiagnostics(ctx);
  registerSymbols(ctx);
  registerFolding(ctx);
  registerCompletion(ctx);
  registerHover(ctx);
  registerNavigation(ctx);
  registerRename(ctx);
  registerCodeActions(ctx);
  registerFormatting(ctx);
  registerCommands(ctx);
  registerTokens(ctx);
  registerRequests(ctx);
  registerCoverage(ctx);
  registerViewRequests(connection, plans);
  registerWordRequests(connection, (uri) => documents.get(uri)?.getText(), host, options.importDocx, (path) => scope.contains(path));

  documents.listen(connection);
  return ctx;
}
