// A document's findings as LSP diagnostics: a plan's (with its status sent alongside), or a
// registry file's own problems. When they reach the editor is the scheduler's business
// (state/diagnostics.ts).
import type { Diagnostic } from 'vscode-languageserver';
import { LineIndex, planStatus, registryFindings } from '../engine';
import { StatusNotification } from '../protocol';
import type { ServerContext } from './context';
import { diagnosticOf, fsPathOf } from './convert';

export async function diagnosticsOf(ctx: ServerContext, uri: string): Promise<Diagnostic[]> {
  const doc = ctx.documents.get(uri);
  if (!doc) return [];
  if (ctx.plans.isRegistry(uri)) {
    const path = fsPathOf(uri);
    const state = path ? await ctx.registries.stateOf(path) : undefined;
    if (!state) return [];
    const lines = new LineIndex(state.text);
    return registryFindings(state.findings, { locale: ctx.settings.locale }).map((f) => diagnosticOf(lines, uri, f));
  }
  const a = await ctx.plans.analysisOf(doc);
  void ctx.connection.sendNotification(StatusNotification, { uri, ...planStatus(a) });
  return a.findings.map((f) => diagnosticOf(a.model.lines, uri, f));
}

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(ctx.guard('diagnostics', { kind: 'full', resultId: '0', items: [] }, (params) => ctx.diagnostics.report(params)));
}
