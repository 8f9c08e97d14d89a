// What the suite knows about the run it is part of. scripts/e2e/run.mjs passes these through
// code-server's environment, which the extension host inherits; under another runner
// (e.g. @vscode/test-electron) the defaults apply.
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The folder of the extension under test: the repo root unless the runner says otherwise. */
export function expectedExtensionPath(): string {
  // The suite is bundled to dist/e2e/suite/index.js, three levels below the repo root.
  return path.resolve(process.env.FENGONG_E2E_EXTENSION_PATH || path.resolve(__dirname, '..', '..', '..'));
}

export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => path.resolve(p).replace(/[\\/]+$/, '');
  return norm(a) === norm(b);
}

/** The extension whose folder is the one under test, or undefined. */
export function extensionUnderTest(): vscode.Extension<unknown> | undefined {
  const want = expectedExtensionPath();
  return vscode.extensions.all.find((e) => samePath(e.extensionUri.fsPath, want) || samePath(e.extensionPath, want));
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export const SAMPLE_FILE = 'manzhouli-2014.txt';
