// The language status item: the registry in effect for the active plan, its agencies and
// tasks, and a click to open (or create) the registry. Fed by the server's StatusNotification.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, StatusNotification, type StatusParams } from '../../server/src/protocol';
import { LANGUAGE_ID } from './planFiles';

/** What the status says of the workspace index: scanning, or a limit that applies. */
function indexNote(s: StatusParams): string {
  if (!s.index) return '';
  if (s.index.limit) return ` · ${vscode.l10n.t('workspace index: only the first {0} files (the limit); references and rename miss the rest', s.index.limit)}`;
  if (s.index.scanning) return ` · ${vscode.l10n.t('indexing the workspace: {0} plans so far', s.index.files)}`;
  return '';
}

export function registerStatus(context: vscode.ExtensionContext): (client: LanguageClient) => void {
  const status = vscode.languages.createLanguageStatusItem('fengong.status', { language: LANGUAGE_ID });
  status.name = 'fengong';
  status.text = '$(loading~spin) 分工';
  const byUri = new Map<string, StatusParams>();
  const show = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? byUri.get(uri) : undefined;
    if (!s) return;
    // The place and year the plan's agencies are checked for: 内蒙古自治区 2014, 全国 2024.
    status.text = `$(organization) ${s.place ?? vscode.l10n.t('national')}${s.year ? ` ${s.year}` : ''}`;
    status.detail = `${s.registry ?? vscode.l10n.t('no registry')} · ${vscode.l10n.t('{0} agencies · {1} tasks', s.agencies, s.tasks)}${indexNote(s)}`;
    // A limit that left plan files out of the workspace index: references and rename miss them.
    status.severity = s.registry && !s.index?.limit ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
    status.command = s.registry
      ? { title: vscode.l10n.t('Open registry'), command: ClientCommands.openRegistry }
      : { title: vscode.l10n.t('Create registry'), command: ClientCommands.createRegistry };
  };
  status.busy = false;
  context.subscriptions.push(status, vscode.window.onDidChangeActiveTextEditor(show));
  // Listens once the client has started.
  return (client) => {
    client.onNotification(StatusNotification, (s) => {
      byUri.set(s.uri, s);
      status.busy = !!s.index?.scanning;
      show();
    });
  };
}
