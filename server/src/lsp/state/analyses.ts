// One analysis per open document version (and registry and settings): every request on that
// version reads the same one, and the next version is analysed from it (unchanged lines are
// not parsed again).
import { analyze, projectMessages, type Analysis, type EditWindow, type Registry } from '../../engine';
import type { SettingsState } from '../settings';
import type { EditWindows } from './edits';

export interface DocumentSource {
  uri: string;
  version: number;
  getText(): string;
}

/**
 * Past this many characters a document is not checked, only outlined (engine.too-large). The
 * sample at 100x (1.7 M characters, ~5 MB) is checked in ~90 ms fresh and ~7 ms per keystroke;
 * past 2 M a check grows with the text (the 50 MB case took 10 s, then 2.1 s per keystroke).
 */
export const MAX_CHECKED_CHARS = 2_000_000;

interface Cached {
  version: number;
  registry?: Registry;
  settingsGen: number;
  analysis: Analysis;
}

export class Analyses {
  private readonly cache = new Map<string, Cached>();
  /** How many analyses ran: tests assert that a version is analysed once. */
  count = 0;

  constructor(
    private readonly settings: SettingsState,
    private readonly edits?: EditWindows,
  ) {}

  /** Analyses a text with the settings in effect (the workspace index's files too). */
  analyze(text: string, registry: Registry | undefined, previous?: Analysis, edit?: EditWindow): Analysis {
    this.count++;
    const s = this.settings.current;
    // `auto`: the project file's messages where it says, else the display language.
    const locale = s.messages !== 'auto' ? s.messages : (projectMessages(registry) ?? this.settings.locale);
    return analyze(text, { registry, severities: s.severity, locale, previous, edit, checkUpTo: MAX_CHECKED_CHARS });
  }

  of(doc: DocumentSource, registry: Registry | undefined): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.registry === registry && hit.settingsGen === this.settings.generation) return hit.analysis;
    // The previous version's analysis is handed over: unchanged lines are not parsed again,
    // and with where the editor changed the text since, lines outside that are not even compared.
    const edit = this.edits?.take(doc.uri);
    const analysis = this.analyze(doc.getText(), registry, hit?.analysis, hit && hit.version !== doc.version ? edit : undefined);
    this.cache.set(doc.uri, { version: doc.version, registry, settingsGen: this.settings.generation, analysis });
    return analysis;
  }

  /** The last analysis of a document, whichever version it was of. */
  peek(uri: string): Analysis | undefined {
    return this.cache.get(uri)?.analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.edits?.forget(uri);
  }
}
