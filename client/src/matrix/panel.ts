// The responsibility matrix panel: a webview that follows the active plan, its page a typed
// script of its own (client/src/webview/matrix.ts, bundled to dist/matrix.js). The data comes
// from the language server (MatrixRequest); a click on a count opens its tasks here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, MatrixRequest, type MatrixResult, type ViewTask } from '../../../server/src/protocol';
import { fileNameOf, lineText, revealTask, type PlanTracker } from '../planTracker';
import type { FromWebview, MatrixStrings, ToWebview } from './messages';

export const MATRIX_VIEW_TYPE = 'fengong.matrix';
const t = (message: string, ...args: (string | number | boolean)[]) => vscode.l10n.t(message, ...args);

/** The page's words; placeholders stay for the page to fill. */
function strings(): MatrixStrings {
  return {
    title: t('Responsibility matrix'),
    filter: t('Filter agencies…'),
    export: t('Export…'),
    legend: t('Cells: tasks led / cooperated on (r: responsible for). Click a count to go to its tasks; click a header to sort.'),
    empty: t('The current document is not a plan, or the language server is not ready.'),
    summary: t('{0} of {1} agencies', '{0}', '{1}'),
    agency: t('Agency'),
    lead: t('Lead'),
    leadTitle: t('Tasks led'),
    cooperating: t('Coop.'),
    cooperatingTitle: t('Tasks cooperated on'),
    responsible: t('Resp.'),
    responsibleTitle: t('Tasks responsible for'),
    alsoWritten: t('Also written: '),
    notInRegistry: t('Not in the agency registry'),
    responsibleMark: t('r'),
    cellTitle: t('{0}：lead {1}, cooperating {2}', '{0}', '{1}', '{2}'),
    cellTitleResponsible: t('{0}：lead {1}, cooperating {2}, responsible {3}', '{0}', '{1}', '{2}', '{3}'),
  };
}

/** Several tasks: pick one; one task: go there. */
async function openTasks(tasks: ViewTask[], title: string): Promise<void> {
  if (tasks.length === 0) return;
  if (tasks.length === 1) return revealTask(tasks[0]);
  const role = { lead: t('lead'), cooperating: t('cooperating'), responsible: t('responsible') };
  const picked = await vscode.window.showQuickPick(
    tasks.map((task) => ({ label: `${task.number} ${task.name}`, description: `${role[task.role]} · ${lineText(task.line)}`, task })),
    { title, placeHolder: t('Go to task'), matchOnDescription: true },
  );
  if (picked) await revealTask(picked.task);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The page's shell: no remote resources; our script (by nonce) and stylesheet from dist/ only. */
export function html(webview: vscode.Webview, dist: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'matrix.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'matrix.css'));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
</head>
<body>
<header>
  <h1 id="title"></h1>
  <input id="filter" type="search">
  <span class="summary" id="summary"></span>
  <button class="action" id="export"></button>
</header>
<main id="main"></main>
<div class="legend" id="legend"></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

export class MatrixPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private data?: MatrixResult | null;
  private uri?: vscode.Uri;
  private timer?: NodeJS.Timeout;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly dist: vscode.Uri;
  /** How many agency rows the page last drew (-1: none yet): the page's script runs. */
  renderedRows = -1;

  constructor(
    private readonly client: LanguageClient,
    plans: PlanTracker,
    extensionUri: vscode.Uri,
  ) {
    this.dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.subscriptions.push(
      plans.onDidChange((uri) => {
        if (uri) this.show(uri, false);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.contentChanges.length && e.document.uri.toString() === this.uri?.toString()) this.updateSoon();
      }),
      // A registry edit changes which agencies are unknown and how names merge.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.panel && /(^|[\\/])fengong(\.registry)?\.json$/.test(d.fileName)) this.updateSoon();
      }),
    );
  }

  /** Opens the panel (or brings it forward) on a plan. */
  show(uri: vscode.Uri | undefined, reveal = true): void {
    if (!uri) {
      if (reveal) void vscode.window.showWarningMessage(t('Open a plan document first.'));
      return;
    }
    this.uri = uri;
    if (!this.panel) {
      if (!reveal) return;
      this.panel = vscode.window.createWebviewPanel(
        MATRIX_VIEW_TYPE,
        t('Responsibility matrix'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [this.dist], enableFindWidget: true },
      );
      this.panel.webview.html = html(this.panel.webview, this.dist);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.data = undefined;
        this.renderedRows = -1;
      });
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m));
    } else if (reveal) {
      this.panel.reveal(undefined, true);
    }
    void this.update();
  }

  private updateSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 500);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    try {
      this.data = await this.client.sendRequest(MatrixRequest, { uri: uri.toString() });
    } catch {
      this.data = null;
    }
    const file = fileNameOf(uri);
    panel.title = t('Matrix · {0}', file);
    const message: ToWebview = { type: 'data', file, matrix: this.data, strings: strings() };
    void panel.webview.postMessage(message);
  }

  private async receive(m: FromWebview): Promise<void> {
    if (m.type === 'ready') return this.update();
    if (m.type === 'rendered') {
      this.renderedRows = m.rows;
      return;
    }
    if (m.type === 'export') {
      await vscode.commands.executeCommand(ClientCommands.exportMatrix, this.uri);
      return;
    }
    const row = this.data?.rows.find((r) => r.agency === m.agency);
    if (!row) return;
    const tasks = row.tasks.filter((task) => (m.chapter < 0 || task.chapter === m.chapter) && (!m.role || task.role === m.role));
    const chapter = m.chapter >= 0 ? this.data?.chapters[m.chapter]?.label : undefined;
    await openTasks(tasks, chapter ? `${row.agency} · ${chapter}` : row.agency);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The matrix command and panel. `plans` is the caller's to dispose. */
export function registerMatrix(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanTracker): MatrixPanel {
  const panel = new MatrixPanel(client, plans, context.extensionUri);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand(ClientCommands.showMatrix, (uri?: vscode.Uri) => panel.show(uri instanceof vscode.Uri ? uri : plans.current)),
  );
  return panel;
}
