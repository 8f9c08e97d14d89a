// When findings reach the editor: pulled (textDocument/diagnostic) where the client supports
// it, pushed after a pause in typing otherwise; with `fengong.validate: onSave`, what was
// shown stays until the file is saved.
import type { CancellationToken, Connection, Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { yieldToEventLoop } from '../cancellation';
import type { SettingsState } from '../settings';

export class DiagnosticsScheduler {
  /** The client pulls diagnostics (set on initialize). */
  pull = false;
  private readonly lastReport = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private resultCounter = 0;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents changed since they were last saved. */
  private readonly dirty = new Set<string>();
  /** Documents whose pause is over, pushed one at a time (see `drain`). */
  private readonly due = new Set<string>();
  private draining = false;

  /** `compute`: a document's diagnostics now. */
  constructor(
    private readonly connection: Pick<Connection, 'sendDiagnostics' | 'languages' | 'console'>,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsState,
    private readonly compute: (uri: string, token?: CancellationToken) => Promise<Diagnostic[]>,
  ) {}

  private get onSave(): boolean {
    return this.settings.current.validate === 'onSave';
  }

  /** A pull: the findings of now, or (on save only, while unsaved) those last shown. */
  async report(params: DocumentDiagnosticParams, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const prev = this.lastReport.get(uri);
    if (this.documents.get(uri) && this.onSave && prev && this.dirty.has(uri)) {
      if (params.previousResultId === prev.resultId) return { kind: 'unchanged', resultId: prev.resultId };
      return { kind: 'full', resultId: prev.resultId, items: prev.items };
    }
    const items = await this.compute(uri, token);
    // The same findings as the editor holds (a keystroke that changed none of them): say so
    // instead of sending them all again.
    if (prev && params.previousResultId === prev.resultId && sameDiagnostics(prev.items, items)) return { kind: 'unchanged', resultId: prev.resultId };
    const resultId = String(++this.resultCounter);
    this.lastReport.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  /** Pushes a document's findings after `delay` ms (nothing to do when the client pulls). */
  schedule(uri: string, delay = 150): void {
    if (this.pull) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.due.add(uri);
        void this.drain();
      }, delay),
    );
  }

  /**
   * Pushes the documents that are due one at a time, with a pause between them: twelve big plans
   * revalidated at once (a setting changed) must not hold every message back until all are done.
   */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.due.size) {
        // A pause before each document. Timers that fall due together run back to back, with
        // no I/O between them: without this, each would analyse its document at once and
        // sixteen big plans would hold back every message until the last (a test found it).
        // After the pause the due ones are all here, and what arrived meanwhile has been read.
        await yieldToEventLoop();
        const uri = first(this.due);
        if (uri === undefined) break;
        this.due.delete(uri);
        if (!this.documents.get(uri)) continue;
        try {
          const diagnostics = await this.compute(uri);
          // The version analysed: no message is handled between the analysis and this.
          const doc = this.documents.get(uri);
          if (doc) void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
        } catch (e) {
          try {
            this.connection.console.error(`fengong: publishDiagnostics failed: ${(e as Error).stack ?? e}`);
          } catch {
            return; // the connection is closed (sends throw then): nothing more to push
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Every document again: the settings or a registry changed. */
  revalidateAll(): void {
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else for (const d of this.documents.all()) this.schedule(d.uri, 0);
  }

  opened(uri: string): void {
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    this.dirty.add(uri);
    if (!this.onSave) this.schedule(uri);
  }

  saved(uri: string): void {
    this.dirty.delete(uri);
    if (!this.onSave) return;
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else this.schedule(uri, 0);
  }

  closed(uri: string): void {
    this.dirty.delete(uri);
    this.lastReport.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.due.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

function first<T>(set: Set<T>): T | undefined {
  for (const v of set) return v;
  return undefined;
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Whether two lists show the same findings at the same places (what the editor would redraw). */
function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.code !== y.code || x.message !== y.message || x.severity !== y.severity || !samePosition(x.range.start, y.range.start) || !samePosition(x.range.end, y.range.end)) return false;
    if (JSON.stringify(x.relatedInformation) !== JSON.stringify(y.relatedInformation)) return false;
  }
  return true;
}
