// Word in, Word out: "Import plan from Word…" and "Export plan as Word…". The client picks the
// files and writes them (any workspace file system); the server converts (server/src/lsp/word.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ExportDocxRequest, ImportDocxRequest } from '../../server/src/protocol';
import { planStem, type PlanFiles } from './planFiles';

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');
const t = (zhText: string, en: string) => (zh() ? zhText : en);

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
  const details = t('查看详情', 'Details');
  void vscode.window.showWarningMessage(`${title}: ${warnings[0]}${warnings.length > 1 ? t(` 等 ${warnings.length} 项`, ` and ${warnings.length - 1} more`) : ''}`, details).then((pick) => {
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
      filters: { [t('Word 文档', 'Word documents')]: ['docx'] },
      openLabel: t('导入', 'Import'),
      title: t('从 Word 导入分工方案', 'Import plan from Word'),
    });
    source = picked?.[0];
  }
  if (!source) return;
  let target = sibling(source, (name) => name.replace(/\.docx$/i, ''), '.plan.txt');
  if (await exists(target)) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { [t('分工方案', 'Plans')]: ['txt'] }, title: t('保存导入的分工方案', 'Save the imported plan') });
    if (!chosen) return;
    target = chosen;
  }
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('正在导入 Word 文档…', 'Importing the Word document…') },
      async () => {
        const bytes = await vscode.workspace.fs.readFile(source!);
        return client.sendRequest(ImportDocxRequest, { base64: Buffer.from(bytes).toString('base64') });
      },
    );
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    if (doc.languageId !== 'fengong') await vscode.languages.setTextDocumentLanguage(doc, 'fengong');
    report(client, t(`导入 ${path.posix.basename(source.path)} 时未能保留`, `Not carried over from ${path.posix.basename(source.path)}`), result.warnings);
  } catch (e) {
    void vscode.window.showErrorMessage(t(`导入失败：${errorText(e)}`, `Import failed: ${errorText(e)}`));
  }
}

async function exportWord(client: LanguageClient, plans: PlanFiles, source?: vscode.Uri): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!source && editor?.document.languageId === 'fengong') source = editor.document.uri;
  if (!source) {
    void vscode.window.showWarningMessage(t('请先打开一份分工方案。', 'Open a plan document first.'));
    return;
  }
  const choice = await vscode.window.showQuickPick(
    [
      { label: t('正文', 'Text only'), withTable: false },
      { label: t('正文和附件任务分工表', 'Text and the task table as an attachment'), withTable: true },
    ],
    { title: t('导出为 Word 文档', 'Export plan as Word') },
  );
  if (!choice) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: sibling(source, (name) => planStem(name, plans), '.docx'),
    filters: { [t('Word 文档', 'Word documents')]: ['docx'] },
    title: t('导出为 Word 文档', 'Export plan as Word'),
  });
  if (!target) return;
  try {
    // An open document is exported as it stands, saved or not; a closed one is read from disk.
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('正在生成 Word 文档…', 'Writing the Word document…') },
      () => client.sendRequest(ExportDocxRequest, { uri: source!.toString(), withTable: choice.withTable }),
    );
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.base64, 'base64'));
    const name = path.posix.basename(target.path);
    for (const w of result.warnings) client.outputChannel.appendLine(`${name}: ${w}`);
    const open = t('打开', 'Open');
    const note = result.warnings.length ? ` — ${result.warnings.join('；')}` : '';
    const pick = await vscode.window.showInformationMessage(t(`已导出 ${name}`, `Exported ${name}`) + note, open);
    if (pick === open) await vscode.env.openExternal(target);
  } catch (e) {
    void vscode.window.showErrorMessage(t(`导出失败：${errorText(e)}`, `Export failed: ${errorText(e)}`));
  }
}

/** The two commands; `uri` comes from the explorer's context menu when run from there. */
export function registerWordCommands(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanFiles): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.importWord, (uri?: vscode.Uri) => importWord(client, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(ClientCommands.exportWord, (uri?: vscode.Uri) => exportWord(client, plans, uri instanceof vscode.Uri ? uri : undefined)),
  );
}
