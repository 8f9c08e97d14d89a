// Saying what an action did: a name added to the registry (and where, with a way to open it),
// the fixes of "fix all" and Repair plan, a rename that wrote the registry. The server attaches
// ReportCommand to its code actions (the editor runs it once the edit is applied); Repair plan
// answers with its counts; a rename's edit is looked at as it passes (renameMiddleware).
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { ReportCommand, type CommandResult, type Report } from '../../server/src/protocol';

const t = (message: string, ...args: (string | number | boolean)[]) => vscode.l10n.t(message, ...args);
const REGISTRY_FILE = 'fengong.registry.json';

/** The file's path as a person reads it: relative to its workspace folder. */
function where(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

async function offerOpen(message: string, file: vscode.Uri): Promise<void> {
  const open = t('Open');
  if ((await vscode.window.showInformationMessage(message, open)) === open) await vscode.window.showTextDocument(file);
}

export function tell(report: Report): void {
  if (report.kind === 'registry') {
    const file = vscode.Uri.parse(report.file);
    const path = where(file);
    const message = report.created ? t('Created the agency registry {0} and added “{1}” to it.', path, report.name) : t('Added “{0}” to the agency registry {1}.', report.name, path);
    void offerOpen(message, file);
    return;
  }
  void vscode.window.showInformationMessage(report.fixes ? t('Fix all: {0} fixes made.', report.fixes) : t('Fix all: nothing to fix.'));
}

/** What Repair plan changed, in words. */
export function tellRepair(result: CommandResult | undefined): void {
  if (!result) return;
  if (!result.changed) {
    void vscode.window.showInformationMessage(t('Repair plan: nothing to change.'));
    return;
  }
  const c = result.counts ?? { fixes: result.changed, format: 0, renumber: 0 };
  let message = t('Repair plan: {0} fixes, {1} formatting changes, {2} renumberings.', c.fixes, c.format, c.renumber);
  if (result.references) message += ' ' + t('{0} references to renumbered headings need a look.', result.references);
  void vscode.window.showInformationMessage(message);
}

/**
 * A rename that writes the workspace registry says so once the editor has applied it (Enter, or
 * Apply in the preview); a rename discarded in the preview says nothing.
 */
export const renameMiddleware: Middleware['provideRenameEdits'] = async (document, position, newName, token, next) => {
  const edit = await next(document, position, newName, token);
  if (!edit) return edit;
  const registry = edit.entries().map(([uri]) => uri).find((u) => u.path.endsWith(`/${REGISTRY_FILE}`));
  if (!registry) return edit;
  // The old name is the alias the edit writes (a string in its text other than the new name).
  const written = edit.get(registry).map((e) => e.newText).join(' ');
  const old = [...written.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string).filter((x) => x !== newName.trim() && !/^(name|aliases|agencies|ignore|extends)$/.test(x)).pop() ?? '';
  const watch = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() !== registry.toString() || e.contentChanges.length === 0) return;
    done();
    const name = newName.trim();
    const path = where(registry);
    void offerOpen(t('Renamed to “{0}”: the agency registry {1} lists it now, with “{2}” kept as another name.', name, path, old), registry);
  });
  const timer = setTimeout(() => done(), 120_000);
  const done = () => {
    watch.dispose();
    clearTimeout(timer);
  };
  return edit;
};

export function registerReports(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(ReportCommand, (report: Report) => tell(report)));
}
