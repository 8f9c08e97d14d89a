// The workspace scan's progress in the editor: window/workDoneProgress, when the client says it
// supports it. Sent by hand rather than through the library's reporter, so that a client gone
// mid-scan costs nothing (every send's failure is dropped).
import type { WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver';
import { WorkDoneProgress, WorkDoneProgressCreateRequest } from './protocolValues';
import { say } from '../engine';
import type { ServerContext } from './context';
import type { ScanProgress } from './state/workspaceIndex';

let tokens = 0;

export async function scanProgress(ctx: ServerContext): Promise<ScanProgress | undefined> {
  if (!ctx.client.workDoneProgress) return undefined;
  const token = `fengong/index/${++tokens}`;
  try {
    await ctx.connection.sendRequest(WorkDoneProgressCreateRequest.type, { token });
  } catch {
    return undefined; // the client refused: the scan runs without a report
  }
  const locale = ctx.settings.locale;
  const message = (done: number, found: number) => say(locale, `${done}/${found} 个文件`, `${done}/${found} files`);
  const send = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
    try {
      void ctx.connection.sendProgress(WorkDoneProgress.type, token, value).catch(() => {});
    } catch {
      // the connection is gone
    }
  };
  return {
    begin: (found) => send({ kind: 'begin', title: say(locale, '分工方案：正在索引工作区', 'fengong: indexing the workspace'), percentage: 0, message: message(0, found), cancellable: false }),
    report: (done, found) => send({ kind: 'report', percentage: found ? Math.round((done * 100) / found) : 100, message: message(done, found) }),
    done: () => send({ kind: 'end' }),
  };
}
