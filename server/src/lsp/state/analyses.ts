// One analysis per open document version (and registry and settings): every request on that
// version reads the same one, and the next version is analysed from it (unchanged lines are
// not parsed again).
import { analyze, type Analysis, type Registry } from '../../engine';
import type { SettingsState } from '../settings';

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

  constructor(private readonly settings: SettingsState) {}

  /** Analyses a text with the settings in effect (the workspace index's files too). */
  analyze(text: string, registry: Registry | undefined, previous?: Analysis): Analysis {
    this.count++;
    const s = this.settings.current;
    return analyze(text, { registry, severities: s.severity, locale: this.settings.locale, previous });
  }

  of(doc: DocumentSource, registry: Registry | undefined): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.registry === registry && hit.settingsGen === this.settings.generation) return hit.analysis;
    // The previous version's analysis is handed over: unchanged lines are not parsed again.
    const analysis = this.analyze(doc.getText(), registry, hit?.analysis);
    this.cache.set(doc.uri, { version: doc.version, registry, settingsGen: this.settings.generation, analysis });
    return analysis;
  }

  /** The last analysis of a document, whichever version it was of. */
  peek(uri: string): Analysis | undefined {
    return this.cache.get(uri)?.analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
