// Where each open document changed since its last analysis. The editor sends its changes as
// ranges; folded into one window (the engine's `widen`), they let the next analysis take over
// every line outside it without comparing it with the previous version. A window is measured
// from one text (the one before its first change): it is handed over only with an analysis of
// that very text, whatever the version numbers say (they may go backwards: 6 → 2 → 6).
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { widen, type EditWindow } from '../../engine';

export class EditWindows {
  /** `window: null`: the text was replaced whole, so no window is known. `base`: the text it is measured from. */
  private readonly windows = new Map<string, { window: EditWindow | null; base: string }>();

  /** The documents' configuration for `TextDocuments`: applies each change, noting where it fell. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.windows.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      // The changes of one notification apply in order, each to the text the ones before it
      // left: applied one at a time, each is measured on the text it applies to.
      for (const change of changes) {
        const uri = doc.uri;
        const entry = this.windows.get(uri) ?? { window: undefined, base: doc.getText() };
        if (!('range' in change) || entry.window === null) this.windows.set(uri, { window: null, base: entry.base });
        else {
          const start = doc.offsetAt(change.range.start);
          const end = doc.offsetAt(change.range.end);
          this.windows.set(uri, { window: widen(entry.window, start, Math.max(start, end), change.text.length), base: entry.base });
        }
        doc = TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  };

  /**
   * The window since the last call for this document, cleared (the caller analyses it now);
   * `from`: the text the caller's previous analysis was of. The window is given only when it
   * was measured from that text, else none (the engine then compares the lines).
   */
  take(uri: string, from?: string): EditWindow | undefined {
    const entry = this.windows.get(uri);
    this.windows.delete(uri);
    if (!entry || entry.window === null || from === undefined || entry.base !== from) return undefined;
    return entry.window;
  }

  forget(uri: string): void {
    this.windows.delete(uri);
  }
}
