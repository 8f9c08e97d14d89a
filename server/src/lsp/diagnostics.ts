// A document's findings as LSP diagnostics: a plan's (with its status sent alongside), or a
// registry file's own problems. When they reach the editor is the scheduler's business
// (state/diagnostics.ts).
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingOf, LineIndex, planStatus, registryFindings, type Analysis, type Finding, type FindingOptions } from '../engine';
import type { ReadResult } from '../host/fileHost';
import { refusal } from '../host/limits';
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
  statusSoon(ctx, doc, a);
  const out = a.findings.map((f) => diagnosticOf(a.model.lines, uri, f));
  // The project file that applies is there but cannot be read (a FIFO, a device, too large):
  // the plan is checked without it, and says so on its first line.
  const refused = await ctx.registries.unreadableFor(uri);
  if (refused) {
    const s = ctx.settings.current;
    const f = unreadableProjectFinding(a.model.text, refused.path, refused.read, { severities: s.severity, locale: s.messages !== 'auto' ? s.messages : ctx.settings.locale });
    if (f) out.unshift(diagnosticOf(a.model.lines, uri, f));
  }
  return out;
}

/** `registry.unreadable` for a plan whose project file could not be read, on the plan's first line. */
export function unreadableProjectFinding(text: string, path: string, read: ReadResult, options: FindingOptions): Finding | undefined {
  const why = refusal(read.code, read.limit) ?? { zh: `无法读取（${read.code ?? 'EIO'}）`, en: `cannot read (${read.code ?? 'EIO'})` };
  const end = text.search(/[\r\n]|$/);
  return findingOf('registry.unreadable', { start: 0, end }, { reason: why.zh, reasonEn: why.en, path }, options);
}

/** How long typing must pause before the status item's counts are counted again. */
const STATUS_PAUSE_MS = 300;
const statusTimers = new WeakMap<TextDocument, ReturnType<typeof setTimeout>>();

/**
 * A document's first status at once; after that, once typing pauses. Counting the agencies walks
 * every party (1.8 ms a keystroke in the sample at 100x, a fifth of the round trip), and the
 * status item is read at a glance, not per keystroke.
 */
function statusSoon(ctx: ServerContext, doc: TextDocument, a: Analysis): void {
  if (!sentStatus.has(doc)) return sendStatus(ctx, doc, a);
  clearTimeout(statusTimers.get(doc));
  const timer = setTimeout(() => {
    try {
      const now = ctx.analyses.peek(doc.uri);
      if (now && ctx.documents.get(doc.uri) === doc) sendStatus(ctx, doc, now);
    } catch {
      // the connection closed during the pause (sendNotification throws then): no one to tell
    }
  }, STATUS_PAUSE_MS);
  timer.unref?.();
  statusTimers.set(doc, timer);
}

/**
 * The status item changes only when the place, year, counts or the index's state do: sent then,
 * not per keystroke (a document opened again is a new object, so it gets its status again).
 */
function sendStatus(ctx: ServerContext, doc: TextDocument, a: Analysis): void {
  const status = { ...planStatus(a), index: ctx.index.state };
  const key = JSON.stringify(status);
  if (sentStatus.get(doc) === key) return;
  sentStatus.set(doc, key);
  // Dropped when the client is gone (a scan can end after it left).
  ctx.connection.sendNotification(StatusNotification, { uri: doc.uri, ...status }).catch(() => {});
}

/** The index's state changed (a scan began or ended, a limit applies): every open plan's status again. */
export function refreshStatus(ctx: ServerContext): void {
  try {
    for (const doc of ctx.plans.open()) {
      const a = ctx.analyses.peek(doc.uri);
      if (a) sendStatus(ctx, doc, a);
    }
  } catch {
    // the connection is closed: no one to tell
  }
}

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(ctx.guard('diagnostics', { kind: 'full', resultId: '0', items: [] }, (params, token) => ctx.diagnostics.report(params, token)));
}
