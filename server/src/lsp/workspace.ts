// The server's state: one analysis per document version, registries per folder (with the last
// good one kept when a file breaks), and a background index of plan files not open.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import {
  analyze,
  isPlan,
  isPlanFileName,
  loadByAgency,
  mayBePlanFileName,
  namesAPlan,
  loadRegistryFile,
  presetRegistry,
  type Analysis,
  type Load,
  type RegistryFinding,
  type Registry,
} from '../engine';
import { decodePlan, REGISTRY_FILE } from '../node/files';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.vscode-test']);
const MAX_INDEXED_FILES = 2000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface DocumentSource {
  uri: string;
  version: number;
  getText(): string;
}

interface RegistryState {
  path: string;
  text: string;
  findings: RegistryFinding[];
  /** The registry in effect: this text's, or the last good one when this text is broken. */
  registry?: Registry;
}

interface Cached {
  version: number;
  registry?: Registry;
  settingsGen: number;
  analysis: Analysis;
}

export class Workspace {
  settings: Settings = DEFAULT_SETTINGS;
  private settingsGen = 0;
  folders: string[] = [];
  private readonly cache = new Map<string, Cached>();
  private readonly registries = new Map<string, RegistryState>();
  private readonly registryPathByDir = new Map<string, string | null>();
  /** Open registry documents: their unsaved text wins over the disk. */
  readonly openRegistryText = new Map<string, string>();
  /** Plan files on disk that are not open, analysed in the background. */
  readonly index = new Map<string, Analysis>();
  private indexLoad?: Map<string, Load>;
  /** How many analyses ran: tests assert that a version is analysed once. */
  analyses = 0;

  setSettings(s: Settings): void {
    this.settings = s;
    this.settingsGen++;
    this.cache.clear();
    this.indexLoad = undefined;
  }

  analysisOf(doc: DocumentSource): Analysis {
    const registry = this.registryFor(doc.uri);
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.registry === registry && hit.settingsGen === this.settingsGen) return hit.analysis;
    // The previous version's analysis is handed over: unchanged lines are not parsed again.
    const analysis = this.analyzeText(doc.getText(), registry, hit?.analysis);
    this.cache.set(doc.uri, { version: doc.version, registry, settingsGen: this.settingsGen, analysis });
    return analysis;
  }

  peek(uri: string): Analysis | undefined {
    return this.cache.get(uri)?.analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private analyzeText(text: string, registry: Registry | undefined, previous?: Analysis): Analysis {
    this.analyses++;
    return analyze(text, { registry, severities: this.settings.severity, locale: this.settings.messages, previous });
  }

  // ---- registries ----

  /** The registry file that applies to a document: the setting, else the nearest one above it. */
  registryPathFor(uri: string): string | undefined {
    const fsPath = fsPathOf(uri);
    if (this.settings.registry.file) {
      const f = this.settings.registry.file;
      return f.startsWith('/') || !this.folders[0] ? f : join(this.folders[0], f);
    }
    if (!fsPath) return undefined;
    let dir = dirname(fsPath);
    const visited: string[] = [];
    for (;;) {
      const known = this.registryPathByDir.get(dir);
      if (known !== undefined) {
        for (const v of visited) this.registryPathByDir.set(v, known);
        return known ?? undefined;
      }
      visited.push(dir);
      const candidate = join(dir, REGISTRY_FILE);
      if (this.openRegistryText.has(candidate) || exists(candidate)) {
        for (const v of visited) this.registryPathByDir.set(v, candidate);
        return candidate;
      }
      const up = dirname(dir);
      if (up === dir) {
        for (const v of visited) this.registryPathByDir.set(v, null);
        return undefined;
      }
      dir = up;
    }
  }

  registryFor(uri: string): Registry | undefined {
    const path = this.registryPathFor(uri);
    if (path) {
      const state = this.registryState(path);
      if (state?.registry) return state.registry;
    }
    if (this.settings.registry.presets.length) return this.presetRegistry();
    return undefined;
  }

  private presetCache?: { key: string; registry: Registry };
  private presetRegistry(): Registry {
    const key = this.settings.registry.presets.join(',');
    if (this.presetCache?.key !== key) this.presetCache = { key, registry: presetRegistry(this.settings.registry.presets) };
    return this.presetCache.registry;
  }

  registryState(path: string): RegistryState | undefined {
    let text = this.openRegistryText.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        this.registries.delete(path);
        return undefined;
      }
    }
    const prev = this.registries.get(path);
    if (prev && prev.text === text) return prev;
    const loaded = loadRegistryFile(text, path);
    const state: RegistryState = { path, text, findings: loaded.findings, registry: loaded.registry ?? prev?.registry };
    this.registries.set(path, state);
    this.indexLoad = undefined;
    return state;
  }

  /** A registry file appeared, disappeared or changed on disk. */
  registryFilesChanged(): void {
    this.registryPathByDir.clear();
    for (const path of [...this.registries.keys()]) if (!this.openRegistryText.has(path)) this.registryState(path);
    this.reindexAll();
  }

  // ---- the workspace index ----

  private reindexAll(): void {
    for (const uri of [...this.index.keys()]) this.indexFile(uri);
  }

  /** Finds plan files under the workspace folders; analyses them a few at a time. */
  async scan(isOpen: (uri: string) => boolean): Promise<void> {
    const files: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (files.length >= MAX_INDEXED_FILES || depth > 12) return;
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth + 1);
        } else if (e.isFile() && mayBePlanFileName(e.name)) {
          files.push(join(dir, e.name));
        }
      }
    };
    for (const f of this.folders) walk(f, 0);
    for (let i = 0; i < files.length; i++) {
      const uri = URI.file(files[i]).toString();
      if (!isOpen(uri)) this.indexFile(uri);
      if (i % 5 === 4) await new Promise((r) => setImmediate(r));
    }
  }

  indexFile(uri: string): void {
    const path = fsPathOf(uri);
    if (!path) return;
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return void this.index.delete(uri);
      // Any .txt or .md may be a plan: look at its first line before reading all of it.
      if (!isPlanFileName(path) && !headNamesAPlan(path)) {
        this.index.delete(uri);
        return;
      }
      const read = decodePlan(readFileSync(path), path);
      if (read.text === undefined || !isPlan(path, read.text)) {
        this.index.delete(uri);
        return;
      }
      this.index.set(uri, this.analyzeText(read.text, this.registryFor(uri)));
    } catch {
      this.index.delete(uri);
    }
    this.indexLoad = undefined;
  }

  /** Every plan's analysis: open documents first (current text), then indexed files. */
  *allAnalyses(open: DocumentSource[]): Iterable<[string, Analysis]> {
    const seen = new Set<string>();
    for (const d of open) {
      if (!this.isPlan(d)) continue;
      seen.add(d.uri);
      yield [d.uri, this.analysisOf(d)];
    }
    for (const [uri, a] of this.index) if (!seen.has(uri)) yield [uri, a];
  }

  isPlan(d: DocumentSource): boolean {
    return !d.uri.endsWith(REGISTRY_FILE);
  }

  /** Each agency's load over the whole workspace, for hover and completion ranking. */
  workspaceLoad(open: DocumentSource[]): Map<string, Load> {
    if (this.indexLoad) return this.indexLoad;
    const total = new Map<string, Load>();
    for (const [, a] of this.allAnalyses(open)) {
      for (const [k, l] of loadByAgency(a.model)) {
        const t = total.get(k) ?? { lead: 0, cooperating: 0, responsible: 0 };
        t.lead += l.lead;
        t.cooperating += l.cooperating;
        t.responsible += l.responsible;
        total.set(k, t);
      }
    }
    this.indexLoad = total;
    return total;
  }

  invalidateLoad(): void {
    this.indexLoad = undefined;
  }
}

/** The file's first 600 bytes, in any encoding a plan may come in, name a 分工方案 on their first line. */
function headNamesAPlan(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(600);
    const bytes = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    return ['utf-8', 'gb18030', 'utf-16le'].some((enc) => namesAPlan(new TextDecoder(enc).decode(bytes)));
  } finally {
    closeSync(fd);
  }
}

export function fsPathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
