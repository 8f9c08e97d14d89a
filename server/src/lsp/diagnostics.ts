// A document's findings as LSP diagnostics: a plan's (with its status sent alongside), or a
// registry file's own problems. When they reach the editor is the scheduler's business
// (state/diagnostics.ts).
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { LineIndex, planStatus, registryFindings } from '../engine';
import { StatusNotification } from '../protocol';
import type { ServerContext } from './context';
import { diagnosticOf, fsPathOf } from './convert';

/** The status last sent for each open document. */
const sentStatus = new WeakMap<object, string>();

export async function diagnosticsOf(ctx: ServerContext, uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
  const doc = ctx.documents.get(uri);
  if (!doc) return [];
  if (ctx.plans.isRegistry(uri)) {
    const path = fsPathOf(uri);
    const state = path ? await ctx.registries.stateOf(path) : undefined;
    if (!state) return [];
    const lines = new LineIndex(state.text);
    return registryFindings(state.findings, { locale: ctx.settings.locale }).map((f) => diagnosticOf(lines, uri, f));
  }
  const a = await ctx.plans.analysisOf(doc, token);
  // The status item changes only when the place, year or counts do: sent then, not per keystroke
  // (a document opened again is a new object, so it gets its status again).
  const status = planStatus(a);
  const key = JSON.stringify(status);
  if (sentStatus.get(doc) !== key) {
    sentStatus.set(doc, key);
    void ctx.connection.sendNotification(StatusNotification, { uri, ...status });
  }
  return a.findings.map((f) => diagnosticOf(a.model.lines, uri, f));
}

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(ctx.guard('diagnostics', { kind: 'full', resultId: '0', items: [] }, (params, token) => ctx.diagnostics.report(params, token)));
}
