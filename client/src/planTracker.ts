// The plan the views follow (the active editor's, else the last one active and still open),
// and revealing a task in it.
import * as vscode from 'vscode';
import type { ViewTask } from '../../server/src/protocol';
import { LANGUAGE_ID } from './planFiles';

export function toRange(r: ViewTask['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Opens the plan and selects the task's name, in the editor column the plan is shown in if any. */
export async function revealTask(task: Pick<ViewTask, 'uri' | 'range'>): Promise<void> {
  const uri = vscode.Uri.parse(task.uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === task.uri);
  const editor = await vscode.window.showTextDocument(uri, { selection: toRange(task.range), viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  editor.revealRange(toRange(task.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** `第 8 行` / `line 8`. */
export function lineText(line: number): string {
  return vscode.l10n.t('line {0}', line);
}

/** A file's name from its URI. */
export function fileNameOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));
}

export class PlanTracker implements vscode.Disposable {
  private last?: vscode.Uri;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.update(vscode.window.activeTextEditor?.document);
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => this.update(e?.document)),
      // A .txt opened as plain text and then switched to fengong is closed and opened again,
      // with no change of active editor.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === d.uri.toString()) this.update(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const uri = d.uri.toString();
        if (this.last?.toString() !== uri) return;
        // Closed for good, not reopened under another language: after the reopening, if any.
        setTimeout(() => {
          if (this.last?.toString() !== uri || vscode.workspace.textDocuments.some((x) => x.uri.toString() === uri && x.languageId === LANGUAGE_ID)) return;
          this.last = undefined;
          this.emitter.fire(undefined);
        }, 0);
      }),
    );
  }

  get current(): vscode.Uri | undefined {
    return this.last;
  }

  private update(doc: vscode.TextDocument | undefined): void {
    if (doc?.languageId !== LANGUAGE_ID) return;
    if (this.last?.toString() === doc.uri.toString()) return;
    this.last = doc.uri;
    this.emitter.fire(this.last);
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
