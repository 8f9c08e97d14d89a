// The registry commands: open the workspace's fengong.registry.json, or create one from the
// current plan's parties (RegistryFromDocumentRequest).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, RegistryFromDocumentRequest } from '../../server/src/protocol';
import { LANGUAGE_ID } from './planFiles';

const REGISTRY_FILE = 'fengong.registry.json';

/** Writes fengong.registry.json from the current plan's parties, unless one exists. */
async function createRegistry(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a plan document first.'));
    return undefined;
  }
  const result = await client.sendRequest(RegistryFromDocumentRequest, { uri: doc.uri.toString() });
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? (result?.folder ? vscode.Uri.file(result.folder) : undefined);
  if (!result || !folder) return undefined;
  const target = vscode.Uri.joinPath(folder, REGISTRY_FILE);
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showInformationMessage(vscode.l10n.t('The registry already exists; opened it.'));
  } catch {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  }
  await vscode.window.showTextDocument(target);
  return target;
}

export function registerRegistryCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.openRegistry, async () => {
      const files = await vscode.workspace.findFiles(`**/${REGISTRY_FILE}`, '**/node_modules/**', 1);
      if (files[0]) await vscode.window.showTextDocument(files[0]);
      else await vscode.commands.executeCommand(ClientCommands.createRegistry);
    }),
    vscode.commands.registerCommand(ClientCommands.createRegistry, () => createRegistry(client)),
  );
}
