// The VS Code client: starts the language server and adds the commands and status the
// server cannot (file creation, language switching, the status item). Everything about
// plans themselves comes from the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPlanViews } from './matrix';
import { LANGUAGE_ID, planFilesOf, planGlob, type PlanFiles } from './planFiles';
import { ClientCommands, RegistryFromDocumentRequest, ServerCommands, StatusNotification, type StatusParams } from '../../server/src/protocol';
import { registerWordCommands } from './word';

let client: LanguageClient | undefined;

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');

// VS Code applies `firstLine` only when no language claims the extension, and plaintext claims
// .txt: a plan saved as .txt would stay plain text. So we look at plain-text files ourselves,
// with the manifest's own `firstLine`.
async function claimPlainTextPlan(doc: vscode.TextDocument, plans: PlanFiles): Promise<void> {
  if (doc.languageId !== 'plaintext' || doc.uri.scheme === 'output' || doc.lineCount === 0) return;
  const first = doc.lineAt(0).text.slice(0, 200);
  if (plans.firstLine.test(first)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; views: ReturnType<typeof registerPlanViews> }> {
  const plans = planFilesOf(context.extension);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('fengong', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'fengong' },
      { scheme: 'file', pattern: '**/fengong.registry.json' },
    ],
    synchronize: {
      configurationSection: 'fengong',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/fengong.registry.json'),
        vscode.workspace.createFileSystemWatcher(planGlob(plans)),
      ],
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('fengong') },
    outputChannel: output,
    errorHandler: restartingErrorHandler(),
  };
  client = new LanguageClient('fengong', '分工方案语言服务 (fengong)', serverOptions, clientOptions);
  registerWordCommands(context, client, plans);

  const status = vscode.languages.createLanguageStatusItem('fengong.status', { language: 'fengong' });
  status.name = 'fengong';
  status.text = '$(loading~spin) 分工';
  const byUri = new Map<string, StatusParams>();
  const showStatus = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? byUri.get(uri) : undefined;
    if (!s) return;
    const reg = s.registry ? `${s.registry}` : zh() ? '无单位名录' : 'no registry';
    status.text = `$(organization) ${reg}`;
    status.detail = zh() ? `${s.agencies} 个单位 · ${s.tasks} 项任务` : `${s.agencies} agencies · ${s.tasks} tasks`;
    status.severity = s.registry ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
    status.command = s.registry ? { title: zh() ? '打开单位名录' : 'Open registry', command: ClientCommands.openRegistry } : { title: zh() ? '创建单位名录' : 'Create registry', command: ClientCommands.createRegistry };
  };

  context.subscriptions.push(
    status,
    output,
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show()),
    vscode.commands.registerCommand(ClientCommands.setLanguage, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, 'fengong');
    }),
    vscode.commands.registerCommand(ClientCommands.openRegistry, async () => {
      const files = await vscode.workspace.findFiles('**/fengong.registry.json', '**/node_modules/**', 1);
      if (files[0]) await vscode.window.showTextDocument(files[0]);
      else await vscode.commands.executeCommand(ClientCommands.createRegistry);
    }),
    vscode.commands.registerCommand(ClientCommands.createRegistry, async () => createRegistry()),
    vscode.commands.registerCommand(ClientCommands.newPlan, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'fengong', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(await newPlanSnippet(context)));
    }),
    vscode.commands.registerCommand(ClientCommands.renumber, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.languageId === LANGUAGE_ID) await vscode.commands.executeCommand(ServerCommands.renumber, doc.uri.toString());
    }),
    vscode.commands.registerCommand(ClientCommands.repair, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.languageId === LANGUAGE_ID) await vscode.commands.executeCommand(ServerCommands.repair, doc.uri.toString());
    }),
  );

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void claimPlainTextPlan(d, plans)));
  await Promise.all(vscode.workspace.textDocuments.map((d) => claimPlainTextPlan(d, plans)));

  await client.start();
  const views = registerPlanViews(context, client, plans);
  client.onNotification(StatusNotification, (s) => {
    byUri.set(s.uri, s);
    showStatus();
  });
  return { client, views };
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
          message: zh()
            ? '分工语言服务三分钟内多次意外退出，已停止。可运行“fengong: 重启语言服务”，或查看输出面板。'
            : 'The fengong language server stopped unexpectedly several times in three minutes and was not restarted. Run "fengong: Restart language server", or see its output.',
        };
      }
      const first = !told;
      told = true;
      return {
        action: CloseAction.Restart,
        message: zh() ? '分工语言服务意外退出，已重新启动。' : 'The fengong language server stopped unexpectedly and was restarted.',
        handled: !first,
      };
    },
  };
}

/** Writes fengong.registry.json from the current plan's parties, unless one exists. */
async function createRegistry(): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!client || !doc || doc.languageId !== 'fengong') {
    void vscode.window.showWarningMessage(zh() ? '请先打开一份分工方案。' : 'Open a plan document first.');
    return undefined;
  }
  const result = await client.sendRequest(RegistryFromDocumentRequest, { uri: doc.uri.toString() });
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? (result?.folder ? vscode.Uri.file(result.folder) : undefined);
  if (!result || !folder) return undefined;
  const target = vscode.Uri.joinPath(folder, 'fengong.registry.json');
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showInformationMessage(zh() ? '单位名录已存在，已打开。' : 'The registry already exists; opened it.');
  } catch {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  }
  await vscode.window.showTextDocument(target);
  return target;
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
