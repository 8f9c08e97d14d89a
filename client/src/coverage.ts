// "Compare with source document…" (与上位文件对照…): pick the source (.txt, .md) a plan carries
// out; the server adds its coverage findings to the plan's and hover on a task lists the source
// measures it covers (server/src/lsp/coverage.ts). The project file's `source` does the same
// without the command.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, CompareWithSourceRequest } from '../../server/src/protocol';

const t = (message: string, ...args: (string | number | boolean)[]) => vscode.l10n.t(message, ...args);

async function compareWithSource(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'fengong') {
    void vscode.window.showInformationMessage(t('Open a plan first.'));
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(editor.document.uri, '..'),
    filters: { [t('Text documents')]: ['txt', 'md'] },
    openLabel: t('Compare'),
    title: t('Compare with source document'),
  });
  const source = picked?.[0];
  if (!source) return;
  try {
    const r = await client.sendRequest(CompareWithSourceRequest, { uri: editor.document.uri.toString(), source: source.fsPath });
    if (!r) return;
    if (r.error) void vscode.window.showErrorMessage(r.error);
    else if (r.total !== undefined) {
      const pct = `${Math.round((r.ratio ?? 0) * 1000) / 10}%`;
      const [assigned, unassigned, unsourced] = [r.assigned ?? 0, r.unassigned ?? 0, r.unsourced ?? 0];
      const show = t('Show unassigned measures');
      const pick = await vscode.window.showInformationMessage(t('Coverage {0}: {1} of {2} measures assigned; {3} unassigned, {4} tasks with no source measure.', pct, assigned, r.total, unassigned, unsourced), ...(r.measures?.length ? [show] : []));
      if (pick === show) await showMeasures(source, r.measures ?? []);
    }
  } catch (e) {
    const reason = (e as Error)?.message ?? String(e);
    void vscode.window.showErrorMessage(t('Comparison failed: {0}', reason));
  }
}

/** The measures no task covers, each opening the source at its place. */
async function showMeasures(source: vscode.Uri, measures: { line: number; character: number; text: string }[]): Promise<void> {
  const items = measures.map((m) => ({ label: m.text, description: t('line {0}', m.line + 1), measure: m }));
  const chosen = await vscode.window.showQuickPick(items, { title: t('Measures of the source document assigned to no task'), matchOnDescription: true });
  if (!chosen) return;
  const at = new vscode.Position(chosen.measure.line, chosen.measure.character);
  await vscode.window.showTextDocument(source, { selection: new vscode.Range(at, at.translate(0, chosen.measure.text.length)) });
}

export function registerCoverageCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(ClientCommands.compareWithSource, () => compareWithSource(client)));
}
