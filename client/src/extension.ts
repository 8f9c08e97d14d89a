// The VS Code client: starts the language server and adds what the server cannot (commands
// that create files or switch languages, the status item, the views). Everything about plans
// themselves comes from the server, through the protocol (server/src/protocol.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommands, ServerCommands, type CommandResult } from '../../server/src/protocol';
import { registerAgenciesView, type AgenciesProvider } from './agencies';
import { registerExports } from './exports';
import { registerMatrix, type MatrixPanel } from './matrix/panel';
import { LANGUAGE_ID, planFilesOf, planGlob, type PlanFiles } from './planFiles';
import { PlanTracker } from './planTracker';
import { registerRegistryCommands } from './registry';
import { registerReports, renameMiddleware, tellRepair } from './reports';
import { registerStatus } from './status';
import { registerWordCommands } from './word';
import { registerCoverageCommand } from './coverage';

let client: LanguageClient | undefined;

/** What activate() gives the real-editor tests. */
export interface Api {
  client: LanguageClient;
  views: { agencies: AgenciesProvider; matrix: MatrixPanel };
}

// VS Code applies `firstLine` only when no language claims the extension, and plaintext claims
// .txt: a plan saved as .txt would stay plain text. So we look at plain-text files ourselves,
// with the manifest's own `firstLine`.
async function claimPlainTextPlan(doc: vscode.TextDocument, plans: PlanFiles): Promise<void> {
  if (doc.languageId !== 'plaintext' || doc.uri.scheme === 'output' || doc.lineCount === 0) return;
  const first = doc.lineAt(0).text.slice(0, 200);
  if (plans.firstLine.test(first)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const plans = planFilesOf(context.extension);
  const PROJECT_FILES = '**/{fengong.json,fengong.registry.json}';
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('fengong', { log: true });
  const clientOptions: LanguageClientOptions = {
    // The project file, fengong.json, or its old name: its edits apply unsaved, its problems are shown in it.
    documentSelector: [{ language: LANGUAGE_ID }, { scheme: 'file', pattern: PROJECT_FILES }],
    synchronize: {
      configurationSection: 'fengong',
      fileEvents: [vscode.workspace.createFileSystemWatcher(PROJECT_FILES), vscode.workspace.createFileSystemWatcher(planGlob(plans))],
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('fengong') },
    outputChannel: output,
    errorHandler: restartingErrorHandler(),
    middleware: { provideRenameEdits: renameMiddleware },
  };
  const c = (client = new LanguageClient('fengong', '分工方案语言服务 (fengong)', serverOptions, clientOptions));
  registerWordCommands(context, c, plans);
  registerCoverageCommand(context, c);
  registerRegistryCommands(context, c);
  registerReports(context);
  const listenForStatus = registerStatus(context);

  /** A server command on the active plan; its answer, if any, is said (`tell`). */
  const onActivePlan = (command: string, tell?: (r: CommandResult | undefined) => void) => async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId !== LANGUAGE_ID) return undefined;
    const result = await vscode.commands.executeCommand<CommandResult | undefined>(command, doc.uri.toString());
    tell?.(result);
    return result;
  };
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(ClientCommands.restartServer, () => c.restart()),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show()),
    vscode.commands.registerCommand(ClientCommands.setLanguage, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand(ClientCommands.newPlan, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(await newPlanSnippet(context)));
    }),
    vscode.commands.registerCommand(ClientCommands.renumber, onActivePlan(ServerCommands.renumber)),
    vscode.commands.registerCommand(ClientCommands.repair, onActivePlan(ServerCommands.repair, tellRepair)),
    vscode.workspace.onDidOpenTextDocument((d) => void claimPlainTextPlan(d, plans)),
  );
  await Promise.all(vscode.workspace.textDocuments.map((d) => claimPlainTextPlan(d, plans)));

  await c.start();
  // The Agencies view, the matrix and the exports follow one plan.
  const tracker = new PlanTracker();
  context.subscriptions.push(tracker);
  const views = { agencies: registerAgenciesView(context, c, tracker), matrix: registerMatrix(context, c, tracker) };
  registerExports(context, c, tracker, plans);
  listenForStatus(c);
  return { client: c, views };
}

/**
 * If the server process dies it is restarted, and the user is told once; after four deaths in
 * three minutes it stays down with one message saying how to restart it.
 */
function restartingErrorHandler(): ErrorHandler {
  const deaths: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && now - deaths[0] > 3 * 60_000) deaths.shift();
      if (deaths.length > 4) {
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t('The fengong language server stopped unexpectedly several times in three minutes and was not restarted. Run "分工方案: Restart language server", or see its output.'),
        };
      }
      const first = !told;
      told = true;
      return { action: CloseAction.Restart, message: vscode.l10n.t('The fengong language server stopped unexpectedly and was restarted.'), handled: !first };
    },
  };
}

/**
 * The skeleton of a new plan: the `plan` snippet the extension contributes (package.json
 * contributes.snippets), which a test keeps equal to the engine's newPlanSnippet().
 */
async function newPlanSnippet(context: vscode.ExtensionContext): Promise<string> {
  const contributed = (context.extension.packageJSON as { contributes?: { snippets?: { path: string }[] } }).contributes?.snippets ?? [];
  for (const { path: file } of contributed) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, file));
    const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    const plan = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes('plan'));
    if (plan) return ([] as string[]).concat(plan.body).join('\n');
  }
  return '';
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
