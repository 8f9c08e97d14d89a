// `fengong.exportTable` and `fengong.exportMatrix` [plan uri] [format] [output uri]: the task
// table or the matrix of a plan as Excel, CSV, Markdown or JSON. The format and the file are
// asked for when not given (keybindings and tests give them); the command resolves with the
// file written, if any. The server makes the file (ExportTableRequest, ExportMatrixRequest).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ExportMatrixRequest, ExportTableRequest, type ExportFormat, type ExportResult, type HeaderLocale } from '../../server/src/protocol';
import { planStem, type PlanFiles } from './planFiles';
import { fileNameOf, type PlanTracker } from './planTracker';

type Kind = 'table' | 'matrix';
const t = (message: string, ...args: (string | number | boolean)[]) => vscode.l10n.t(message, ...args);

/** The server's export formats (ExportFormat), in the order the quick pick offers them. */
const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV (.csv, UTF-8)',
  md: 'Markdown (.md)',
  json: 'JSON (.json)',
};
const FORMATS = (Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => ({ format, label: FORMAT_LABELS[format] }));

/** The exported files' headers in the display language: Chinese for any Chinese one, else English. */
function headerLocale(): HeaderLocale {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

async function exportPlan(client: LanguageClient, plans: PlanTracker, planFiles: PlanFiles, kind: Kind, target?: vscode.Uri | string, format?: string, output?: vscode.Uri): Promise<vscode.Uri | undefined> {
  // An explicit plan (Explorer menu, the matrix panel), else the one the views follow.
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target instanceof vscode.Uri ? target : plans.current;
  if (!uri) {
    void vscode.window.showWarningMessage(t('Open a plan document first.'));
    return undefined;
  }
  // A plan picked in the Explorer is opened so the server reads its current text.
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await vscode.workspace.openTextDocument(uri);
  let chosen = FORMATS.find((f) => f.format === format)?.format;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      FORMATS.map((f) => ({ label: f.label, format: f.format })),
      { title: kind === 'table' ? t('Export task table') : t('Export responsibility matrix'), placeHolder: t('Choose a format') },
    );
    if (!pick) return undefined;
    chosen = pick.format;
  }
  const suffix = kind === 'table' ? t('tasks') : t('matrix');
  const fileName = `${planStem(fileNameOf(uri), planFiles)}.${suffix}.${chosen}`;
  const folder = uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(uri, '..');
  const file =
    output ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { [FORMAT_LABELS[chosen]]: [chosen] },
      saveLabel: t('Export'),
    }));
  if (!file) return undefined;
  let result: ExportResult | null = null;
  try {
    result = await client.sendRequest(kind === 'table' ? ExportTableRequest : ExportMatrixRequest, { uri: uri.toString(), format: chosen, locale: headerLocale() });
  } catch {
    // reported below, as when the server has nothing
  }
  if (!result || (result.text === undefined && result.base64 === undefined)) {
    void vscode.window.showErrorMessage(t('Export failed: the language server returned nothing.'));
    return undefined;
  }
  const bytes = result.base64 !== undefined ? Buffer.from(result.base64, 'base64') : new TextEncoder().encode(result.text);
  await vscode.workspace.fs.writeFile(file, bytes);
  // Not awaited: the command is done once the file is written.
  const open = t('Open');
  const written = chosen;
  void vscode.window.showInformationMessage(t('Exported to {0}', file.fsPath || file.toString()), open).then((choice) => {
    if (choice !== open) return;
    if (written === 'xlsx') void vscode.env.openExternal(file);
    else void vscode.window.showTextDocument(file);
  });
  return file;
}

export function registerExports(context: vscode.ExtensionContext, client: LanguageClient, plans: PlanTracker, planFiles: PlanFiles): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.exportTable, (uri?: vscode.Uri | string, format?: string, output?: vscode.Uri) => exportPlan(client, plans, planFiles, 'table', uri, format, output)),
    vscode.commands.registerCommand(ClientCommands.exportMatrix, (uri?: vscode.Uri | string, format?: string, output?: vscode.Uri) => exportPlan(client, plans, planFiles, 'matrix', uri, format, output)),
  );
}
