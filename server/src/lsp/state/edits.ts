// Where each open document changed since its last analysis. The editor sends its changes as
// ranges; folded into one window (the engine's `widen`), they let the next analysis take over
// every line outside it without comparing it with the previous version.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { widen, type EditWindow } from '../../engine';

export class EditWindows {
  /** `null`: the text was replaced whole, so no window is known. */
  private readonly windows = new Map<string, EditWindow | null>();

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
        const before = this.windows.get(uri);
        if (!('range' in change) || before === null) this.windows.set(uri, null);
        else {
          const start = doc.offsetAt(change.range.start);
          const end = doc.offsetAt(change.range.end);
          this.windows.set(uri, widen(before, start, Math.max(start, end), change.text.length));
        }
        doc = TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  };

  /** The window since the last call for this document, cleared (the caller analyses it now). */
  take(uri: string): EditWindow | undefined {
    const w = this.windows.get(uri);
    this.windows.delete(uri);
    return w ?? undefined;
  }

  forget(uri: string): void {
    this.windows.delete(uri);
  }
}
