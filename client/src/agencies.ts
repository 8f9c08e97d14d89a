// The Agencies view in the Explorer: every agency of the current plan (or of the whole
// workspace), its lead, cooperating and responsible tasks beneath it; a click reveals the task.
// The data comes from the language server (AgenciesRequest): the client never parses plans.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AgenciesRequest, ClientCommands, RevealTaskCommand, type AgenciesResult, type AgenciesScope, type ViewAgency, type ViewTask } from '../../server/src/protocol';
import { fileNameOf, lineText, revealTask, type PlanTracker } from './planTracker';

export const AGENCIES_VIEW = 'fengong.agencies';
type Scope = AgenciesScope;
type Role = ViewTask['role'];
const t = (message: string, ...args: (string | number | boolean)[]) => vscode.l10n.t(message, ...args);

const roleLabel = (r: Role) => ({ lead: t('Lead'), cooperating: t('Cooperating'), responsible: t('Responsible') })[r];

type Node =
  | { kind: 'agency'; agency: ViewAgency }
  | { kind: 'role'; agency: ViewAgency; role: Role; tasks: ViewTask[] }
  | { kind: 'task'; agency: ViewAgency; task: ViewTask; index: number };

/** `牵头 14 · 配合 17`, leaving out the roles it has no task in. */
export function loadText(a: { lead: number; cooperating: number; responsible: number }): string {
  return (['lead', 'cooperating', 'responsible'] as const)
    .filter((r) => a[r] > 0)
    .map((r) => `${roleLabel(r)} ${a[r]}`)
    .join(' · ');
}

export class AgenciesProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  scope: Scope = 'document';
  /** The last answer: its plan count and whether it came from the whole workspace. */
  last?: AgenciesResult;

  constructor(
    private readonly client: LanguageClient,
    private readonly plans: PlanTracker,
  ) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return (await this.load()).map((agency) => ({ kind: 'agency', agency }));
    if (node.kind === 'agency') {
      return (['lead', 'cooperating', 'responsible'] as const)
        .map((role) => ({ kind: 'role' as const, agency: node.agency, role, tasks: node.agency.tasks.filter((t) => t.role === role) }))
        .filter((g) => g.tasks.length > 0);
    }
    if (node.kind === 'role') return node.tasks.map((task, index) => ({ kind: 'task', agency: node.agency, task, index }));
    return [];
  }

  private async load(): Promise<ViewAgency[]> {
    const uri = this.plans.current?.toString();
    if (this.scope === 'document' && !uri) {
      this.last = undefined;
      return [];
    }
    try {
      this.last = await this.client.sendRequest(AgenciesRequest, { uri, scope: this.scope });
      return this.last?.agencies ?? [];
    } catch {
      // The server is starting or restarting: the next change refreshes the view.
      return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const many = this.scope === 'workspace';
    if (node.kind === 'agency') {
      const a = node.agency;
      const item = new vscode.TreeItem(a.agency, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `agency:${a.agency}`;
      const unknown = t('unknown agency');
      item.description = [loadText(a), a.unknown ? unknown : ''].filter(Boolean).join(' · ');
      item.iconPath = a.unknown ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(a.collective ? 'references' : 'organization');
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown(`**${escapeMd(a.agency)}**`);
      if (a.aliases.length) tip.appendMarkdown(`\n\n${t('Also written')}: ${a.aliases.map(escapeMd).join('、')}`);
      tip.appendMarkdown(`\n\n${escapeMd(loadText(a))}`);
      if (a.unknown) tip.appendMarkdown(`\n\n$(warning) ${t('Not in the agency registry')}`);
      tip.supportThemeIcons = true;
      item.tooltip = tip;
      item.contextValue = a.unknown ? 'fengong.agency.unknown' : 'fengong.agency';
      return item;
    }
    if (node.kind === 'role') {
      const item = new vscode.TreeItem(`${roleLabel(node.role)} (${node.tasks.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `role:${node.agency.agency}:${node.role}`;
      item.iconPath = new vscode.ThemeIcon(node.role === 'cooperating' ? 'person-add' : 'star-full');
      item.contextValue = 'fengong.role';
      return item;
    }
    const task = node.task;
    const item = new vscode.TreeItem(`${task.number} ${task.name}`, vscode.TreeItemCollapsibleState.None);
    // By position: a plan with a section number written twice has two tasks of one number path.
    item.id = `task:${node.agency.agency}:${task.role}:${node.index}`;
    const file = decodeURIComponent(task.uri.slice(task.uri.lastIndexOf('/') + 1));
    const due = task.deadline ? t('due {0}', task.deadline) : '';
    item.description = [many ? `${file}:${task.line}` : lineText(task.line), due].filter(Boolean).join(' · ');
    item.tooltip = `${task.number} ${task.name}\n${file}:${task.line}${due ? `\n${due}` : ''}`;
    item.iconPath = new vscode.ThemeIcon('symbol-enum-member');
    item.command = { title: t('Go to task'), command: RevealTaskCommand, arguments: [task] };
    item.contextValue = 'fengong.task';
    return item;
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'agency') return undefined;
    if (node.kind === 'role') return { kind: 'agency', agency: node.agency };
    return { kind: 'role', agency: node.agency, role: node.task.role, tasks: node.agency.tasks.filter((t) => t.role === node.task.role) };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Registers the view, its scope switch and refresh. `plans` is the caller's to dispose. */
export function registerAgenciesView(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanTracker): AgenciesProvider {
  const provider = new AgenciesProvider(client, plans);
  const view = vscode.window.createTreeView(AGENCIES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    view.description = provider.scope === 'workspace' ? t('whole workspace') : plans.current ? fileNameOf(plans.current) : '';
  };
  const setScope = async (scope: Scope) => {
    provider.scope = scope;
    await vscode.commands.executeCommand('setContext', 'fengong.agencies.scope', scope);
    describe();
    provider.refresh();
  };

  // Typing refreshes the view after a pause; the server analyses each version once anyway.
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = (delay = 500) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (view.visible) provider.refresh();
    }, delay);
  };

  void vscode.commands.executeCommand('setContext', 'fengong.agencies.enabled', true);
  void vscode.commands.executeCommand('setContext', 'fengong.agencies.scope', provider.scope);
  describe();

  context.subscriptions.push(
    provider,
    view,
    { dispose: () => clearTimeout(timer) },
    plans.onDidChange(() => {
      describe();
      if (provider.scope === 'document') refreshSoon(0);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId !== 'fengong' || e.contentChanges.length === 0) return;
      if (provider.scope === 'workspace' || e.document.uri.toString() === plans.current?.toString()) refreshSoon();
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (/(^|[\\/])fengong(\.registry)?\.json$/.test(d.fileName)) refreshSoon(300);
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible) provider.refresh();
    }),
    vscode.commands.registerCommand(ClientCommands.agenciesRefresh, () => provider.refresh()),
    vscode.commands.registerCommand(ClientCommands.agenciesShowWorkspace, () => setScope('workspace')),
    vscode.commands.registerCommand(ClientCommands.agenciesShowDocument, () => setScope('document')),
    vscode.commands.registerCommand(RevealTaskCommand, (task: ViewTask) => revealTask(task)),
  );
  return provider;
}
