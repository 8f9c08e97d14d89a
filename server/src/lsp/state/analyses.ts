// One analysis per open document text (and registry and settings): every request on that text
// reads the same one, and the next text is analysed from it (unchanged lines are not parsed
// again). Keyed by the text itself, not the version: versions can go backwards (6 → 2 → 6) and
// the same number can come with another text. The analysis holds its text anyway (model.text),
// and the document's current string is usually that very one, so the check is a pointer compare.
import { analyze, projectMessages, type Analysis, type EditWindow, type Registry, type SourceIndex } from '../../engine';
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
  registry?: Registry;
  source?: SourceIndex;
  settingsGen: number;
  analysis: Analysis;
}

export class Analyses {
  private readonly cache = new Map<string, Cached>();
  /** How many analyses ran: tests assert that a text is analysed once. */
  count = 0;

  constructor(
    private readonly settings: SettingsState,
    private readonly edits?: EditWindows,
  ) {}

  /** Analyses a text with the settings in effect (the workspace index's files too). */
  analyze(text: string, registry: Registry | undefined, previous?: Analysis, edit?: EditWindow, source?: SourceIndex): Analysis {
    this.count++;
    const s = this.settings.current;
    // `auto`: the project file's messages where it says, else the display language.
    const locale = s.messages !== 'auto' ? s.messages : (projectMessages(registry) ?? this.settings.locale);
    return analyze(text, { registry, severities: s.severity, locale, previous, edit, source, checkUpTo: MAX_CHECKED_CHARS });
  }

  /** `source`: the source document the plan is compared with (its coverage findings join the plan's). */
  of(doc: DocumentSource, registry: Registry | undefined, source?: SourceIndex): Analysis {
    const hit = this.cache.get(doc.uri);
    const text = doc.getText();
    if (hit && hit.analysis.model.text === text && hit.registry === registry && hit.source === source && hit.settingsGen === this.settings.generation) return hit.analysis;
    // The previous analysis is handed over: unchanged lines are not parsed again, and with
    // where the editor changed the text since (a window measured from that analysis' text, and
    // only then), lines outside that are not even compared.
    const edit = this.edits?.take(doc.uri, hit?.analysis.model.text);
    const analysis = this.analyze(text, registry, hit?.analysis, edit, source);
    this.cache.set(doc.uri, { registry, source, settingsGen: this.settings.generation, analysis });
    return analysis;
  }

  /** The last analysis of a document, whichever text it was of. */
  peek(uri: string): Analysis | undefined {
    return this.cache.get(uri)?.analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.edits?.forget(uri);
  }
}
