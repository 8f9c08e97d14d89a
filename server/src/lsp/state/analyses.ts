// One analysis per open document version (and registry and settings): every request on that
// version reads the same one, and the next version is analysed from it (unchanged lines are
// not parsed again).
import { analyze, projectMessages, type Analysis, type EditWindow, type Registry, type SourceIndex } from '../../engine';
import type { SettingsState } from '../settings';
import type { EditWindows } from './edits';

export interface DocumentSource {
  uri: string;
  version: number;
  getText(): string;
}

interface Cached {
  version: number;
  registry?: Registry;
  source?: SourceIndex;
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
  analyze(text: string, registry: Registry | undefined, previous?: Analysis, edit?: EditWindow, source?: SourceIndex): Analysis {
    this.count++;
    const s = this.settings.current;
    // `auto`: the project file's messages where it says, else the display language.
    const locale = s.messages !== 'auto' ? s.messages : (projectMessages(registry) ?? this.settings.locale);
    return analyze(text, { registry, severities: s.severity, locale, previous, edit, source });
  }

  /** `source`: the source document the plan is compared with (its coverage findings join the plan's). */
  of(doc: DocumentSource, registry: Registry | undefined, source?: SourceIndex): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.registry === registry && hit.source === source && hit.settingsGen === this.settings.generation) return hit.analysis;
    // The previous version's analysis is handed over: unchanged lines are not parsed again,
    // and with where the editor changed the text since, lines outside that are not even compared.
    const edit = this.edits?.take(doc.uri);
    const analysis = this.analyze(doc.getText(), registry, hit?.analysis, hit && hit.version !== doc.version ? edit : undefined, source);
    this.cache.set(doc.uri, { version: doc.version, registry, source, settingsGen: this.settings.generation, analysis });
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
