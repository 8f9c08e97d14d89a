// Tests that hold for any extension under development: VS Code is real, the workspace is
// open, the extension is loaded from the expected folder, activates, and registers the
// commands it contributes.
import * as vscode from 'vscode';
import { expectedExtensionPath, extensionUnderTest, SAMPLE_FILE, samePath, workspaceRoot } from './context';
import { assert, preview, Suite, TestFailure, waitFor } from './harness';

export function registerSmokeTests(suite: Suite): void {
  suite.test('VS Code API is available and the workspace folder is open', async () => {
    assert(typeof vscode.version === 'string' && /^\d+\.\d+/.test(vscode.version), `vscode.version is ${preview(vscode.version)}`);
    const root = workspaceRoot();
    const expected = process.env.FENGONG_E2E_WORKSPACE;
    if (expected) assert(samePath(root.fsPath, expected), `workspace folder is ${root.fsPath}, expected ${expected}`);
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, SAMPLE_FILE));
    assert(stat.size > 0, `${SAMPLE_FILE} is empty`);
  });

  suite.test('the extension under development is loaded from its folder', async () => {
    const want = expectedExtensionPath();
    const ext = extensionUnderTest();
    if (!ext) {
      const dev = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => `${e.id} @ ${e.extensionPath}`);
      throw new TestFailure(`no extension at ${want}; non-builtin extensions: ${preview(dev)}`);
    }
    await ext.activate();
    await waitFor(() => ext.isActive, 10_000, `${ext.id} to be active`);
  });

  suite.test('the commands it contributes are registered', async () => {
    const ext = extensionUnderTest();
    assert(ext, `no extension at ${expectedExtensionPath()}`);
    await ext.activate();
    const contributed: string[] = (ext.packageJSON?.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    if (contributed.length === 0) return;
    let missing = contributed;
    await waitFor(
      async () => {
        const all = new Set(await vscode.commands.getCommands(true));
        missing = contributed.filter((c) => !all.has(c));
        return missing.length === 0;
      },
      10_000,
      'the contributed commands to be registered',
    ).catch((err: Error) => {
      throw new TestFailure(`${err.message}; missing ${preview(missing)}`);
    });
  });
}
