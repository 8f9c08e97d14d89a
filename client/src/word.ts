// Word in, Word out: "Import plan from Word…" and "Export plan as Word…". The client picks the
// files and writes them (any workspace file system); the server converts (server/src/lsp/word.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ExportDocxRequest, ImportDocxRequest } from '../../server/src/protocol';
import { planStem, type PlanFiles } from './planFiles';

const t = (message: string, ...args: (string | number | boolean)[]) => vscode.l10n.t(message, ...args);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A sibling of `uri` named `stem + ending`: 方案.docx → 方案.plan.txt. */
function sibling(uri: vscode.Uri, stem: (name: string) => string, ending: string): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..', stem(path.posix.basename(uri.path)) + ending);
}

/** What could not be carried over: a notice, its lines in the output channel. */
function report(client: LanguageClient, title: string, warnings: string[]): void {
  if (!warnings.length) return;
  const out = client.outputChannel;
  out.appendLine(title);
  for (const w of warnings) out.appendLine(`  ${w}`);
  const details = t('Details');
  void vscode.window.showWarningMessage(`${title}: ${warnings[0]}${warnings.length > 1 ? t(' and {0} more', warnings.length - 1, warnings.length) : ''}`, details).then((pick) => {
    if (pick === details) out.show(true);
  });
}

function errorText(e: unknown): string {
  return (e as { message?: string })?.message ?? String(e);
}

async function importWord(client: LanguageClient, source?: vscode.Uri): Promise<void> {
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [t('Word documents')]: ['docx'] },
      openLabel: t('Import'),
      title: t('Import plan from Word'),
    });
    source = picked?.[0];
  }
  if (!source) return;
  let target = sibling(source, (name) => name.replace(/\.docx$/i, ''), '.plan.txt');
  if (await exists(target)) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { [t('Plans')]: ['txt'] }, title: t('Save the imported plan') });
    if (!chosen) return;
    target = chosen;
  }
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Importing the Word document…') },
      async () => {
        const bytes = await vscode.workspace.fs.readFile(source!);
        return client.sendRequest(ImportDocxRequest, { base64: Buffer.from(bytes).toString('base64') });
      },
    );
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    if (doc.languageId !== 'fengong') await vscode.languages.setTextDocumentLanguage(doc, 'fengong');
    report(client, t('Not carried over from {0}', path.posix.basename(source.path)), result.warnings);
  } catch (e) {
    void vscode.window.showErrorMessage(t('Import failed: {0}', errorText(e)));
  }
}

async function exportWord(client: LanguageClient, plans: PlanFiles, source?: vscode.Uri): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!source && editor?.document.languageId === 'fengong') source = editor.document.uri;
  if (!source) {
    void vscode.window.showWarningMessage(t('Open a plan document first.'));
    return;
  }
  const choice = await vscode.window.showQuickPick(
    [
      { label: t('Text only'), withTable: false },
      { label: t('Text and the task table as an attachment'), withTable: true },
    ],
    { title: t('Export plan as Word') },
  );
  if (!choice) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: sibling(source, (name) => planStem(name, plans), '.docx'),
    filters: { [t('Word documents')]: ['docx'] },
    title: t('Export plan as Word'),
  });
  if (!target) return;
  try {
    // An open document is exported as it stands, saved or not; a closed one is read from disk.
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Writing the Word document…') },
      () => client.sendRequest(ExportDocxRequest, { uri: source!.toString(), withTable: choice.withTable }),
    );
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.base64, 'base64'));
    const name = path.posix.basename(target.path);
    for (const w of result.warnings) client.outputChannel.appendLine(`${name}: ${w}`);
    const open = t('Open');
    const note = result.warnings.length ? ` — ${result.warnings.join('；')}` : '';
    const pick = await vscode.window.showInformationMessage(t('Exported {0}', name) + note, open);
    if (pick === open) await vscode.env.openExternal(target);
  } catch (e) {
    void vscode.window.showErrorMessage(t('Export failed: {0}', errorText(e)));
  }
}

/** The two commands; `uri` comes from the explorer's context menu when run from there. */
export function registerWordCommands(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanFiles): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.importWord, (uri?: vscode.Uri) => importWord(client, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(ClientCommands.exportWord, (uri?: vscode.Uri) => exportWord(client, plans, uri instanceof vscode.Uri ? uri : undefined)),
  );
}
