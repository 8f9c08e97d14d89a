// The language server dies (killed like a crash would end it): the client starts it again and
// findings come back without the user doing anything.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageserver-protocol';
import { StatsRequest } from '../../../server/src/protocol';
import { codeOf, openNewPlan, planExtension, waitForDiagnostics } from './editor';
import { assert, Suite, waitFor } from './harness';

/**
 * A protocol request through the extension's client. By its method name: this suite is bundled
 * apart from the extension, and the extension's JSON-RPC does not know this bundle's copy of
 * the RequestType class (its parameter structures compare by identity).
 */
function send<P, R>(client: LanguageClient, type: RequestType<P, R, void>, params: P): Promise<R> {
  return client.sendRequest(type.method, params) as Promise<R>;
}

export function registerRestartTests(suite: Suite): void {
  suite.test('a killed language server is started again and its findings come back', async () => {
    const { client } = planExtension().exports as { client: LanguageClient };
    const stats = () => send(client, StatsRequest, {});
    const { pid } = await stats();
    assert(Number.isInteger(pid) && pid > 0, `server pid ${pid}`);
    process.kill(pid, 'SIGKILL');
    const again = await waitFor(
      async () => {
        try {
          const s = await stats();
          return s.pid !== pid ? s.pid : undefined;
        } catch {
          return undefined; // still restarting
        }
      },
      30_000,
      'a new server process',
    );
    assert(again !== pid, 'a new process');
    const doc = await openNewPlan('after-restart.plan.txt', '《测试》分工方案\n一、任务\n加快建设。(自治区商务厅牵头,自治区不存在局配合)\n');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'agency.unknown'), 'agency.unknown from the restarted server', 20_000);
    void vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }, 60_000);
}
