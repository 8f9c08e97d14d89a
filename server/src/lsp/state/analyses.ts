// One analysis per open document version (and registry and settings): every request on that
// version reads the same one, and the next version is analysed from it (unchanged lines are
// not parsed again).
import { analyze, type Analysis, type EditWindow, type Registry } from '../../engine';
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
    // The project file's rules and messages apply under the settings (engine: projectOptions).
    // fengong.messages at its default, both, leaves the language to the project file.
    return analyze(text, { registry, severities: s.severity, locale: s.messages === 'both' ? undefined : s.messages, previous, edit });
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
