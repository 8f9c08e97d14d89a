// The registries in effect: per project file (fengong.json, or fengong.registry.json, its old
// name; found by the lookup the checker uses too, host/registryFile.ts), with the last good
// registry, and so its rules and messages, kept when a file breaks; an open project file's
// unsaved text wins over the disk. A file is read once and again when it changes: on the editor's file events,
// or when a look at it (at most once a second, never waited for) finds it changed on disk.
import { dirname, join } from 'node:path';
import { loadRegistryFile, presetRegistry, type Registry, type RegistryFinding } from '../../engine';
import { isProjectFileAt, type FileHost, type ReadResult } from '../../host/fileHost';
import { READ_LIMITS, refusal, utf8Exceeds } from '../../host/limits';
import { RegistryFileLookup } from '../../host/registryFile';
import { fsPathOf } from '../convert';
import type { SettingsState } from '../settings';
import type { WorkspaceScope } from './workspaceScope';

export interface RegistryState {
  path: string;
  text: string;
  findings: RegistryFinding[];
  /** The registry in effect: this text's, or the last good one when this text is broken. */
  registry?: Registry;
  /** Size and time of the file this text was read from; none for an open document's text. */
  stamp?: string;
}

const RECHECK_MS = 1000;

export class Registries {
  private readonly states = new Map<string, RegistryState>();
  /** Open registry documents: their unsaved text wins over the disk. */
  private readonly open = new Map<string, string>();
  private readonly lookup: RegistryFileLookup;
  private readonly checked = new Map<string, number>();
  private preset?: { key: string; registry: Registry };
  /** Project files that are there but could not be read (a FIFO, a device, too large): why. */
  private readonly unreadable = new Map<string, ReadResult>();
  /** The `searchAboveWorkspace` the lookup's answers were found under. */
  private searchedAbove = false;

  /**
   * `folders`: the workspace folders (the setting's relative path is taken from the first).
   * `onChange`: a registry changed behind a request's back (found changed on disk).
   */
  constructor(
    private readonly host: FileHost,
    private readonly settings: SettingsState,
    private readonly folders: () => readonly string[],
    private readonly onChange: () => void,
    private readonly scope: WorkspaceScope,
  ) {
    this.lookup = new RegistryFileLookup(async (path) => this.open.has(path) || (await isProjectFileAt(host, path)));
  }

  /**
   * The registry file that applies to a document: the setting, else the nearest one above it
   * inside its workspace folder (a plan in no folder: in its own folder), by real path too (a
   * link to a file elsewhere does not count). `fengong.registry.searchAboveWorkspace` lets the
   * lookup go on above the folder, as the checker does.
   */
  async pathFor(uri: string): Promise<string | undefined> {
    const { file, searchAboveWorkspace: above } = this.settings.current.registry;
    const first = this.folders()[0];
    if (file) return file.startsWith('/') || !first ? file : join(first, file);
    const fsPath = fsPathOf(uri);
    if (!fsPath) return undefined;
    if (above !== this.searchedAbove) {
      this.lookup.clear();
      this.searchedAbove = above;
    }
    if (above) return this.lookup.nearest(fsPath);
    const top = this.scope.folderOf(fsPath) ?? dirname(fsPath);
    const found = await this.lookup.nearest(fsPath, top);
    return found && (this.open.has(found) || (await this.scope.within(top, found))) ? found : undefined;
  }

  /** The registry for a document: its registry file's, else the presets the settings name. */
  async registryFor(uri: string): Promise<Registry | undefined> {
    const path = await this.pathFor(uri);
    if (path) {
      const state = await this.stateOf(path);
      if (state?.registry) return state.registry;
    }
    const presets = this.settings.current.registry.presets;
    if (!presets.length) return undefined;
    const key = presets.join(',');
    if (this.preset?.key !== key) this.preset = { key, registry: presetRegistry(presets) };
    return this.preset.registry;
  }

  /** A registry file's text, findings and registry; undefined when it cannot be read. */
  async stateOf(path: string): Promise<RegistryState | undefined> {
    const open = this.open.get(path);
    if (open !== undefined) return this.parse(path, open);
    const known = this.states.get(path);
    if (known?.stamp) {
      this.recheckSoon(path, known);
      return known;
    }
    return this.read(path);
  }

  /** Why the project file that applies to a document could not be read, if it could not. */
  async unreadableFor(uri: string): Promise<{ path: string; read: ReadResult } | undefined> {
    const path = await this.pathFor(uri);
    const read = path && !this.open.has(path) ? this.unreadable.get(path) : undefined;
    return path && read ? { path, read } : undefined;
  }

  private async read(path: string): Promise<RegistryState | undefined> {
    // Only a regular file within the project limit is read (node/host.ts): a FIFO or a device
    // named by the setting is refused at once, never waited on.
    const [st, read] = await Promise.all([this.host.stat(path), this.host.readText(path, { limit: READ_LIMITS.project })]);
    if (this.open.has(path)) return this.parse(path, this.open.get(path)!);
    // A file that is there but refused is remembered, so that its plans can say why.
    if (st && read.text === undefined && read.code !== 'ENOENT') this.unreadable.set(path, read);
    else this.unreadable.delete(path);
    if (!st || read.text === undefined) {
      this.states.delete(path);
      return undefined;
    }
    this.checked.set(path, Date.now());
    return this.parse(path, read.text, stampOf(st));
  }

  private parse(path: string, text: string, stamp?: string): RegistryState {
    const prev = this.states.get(path);
    if (prev && prev.text === text) {
      prev.stamp = stamp;
      return prev;
    }
    // An open document past the limit its file is read under: not parsed on every keystroke
    // (a 34 MB one blocked the server for two seconds each), said in the file, the last good kept.
    const loaded =
      stamp === undefined && utf8Exceeds(text, READ_LIMITS.project)
        ? { findings: [tooLargeFinding(text, path)], registry: undefined }
        : loadRegistryFile(text, path);
    const state: RegistryState = { path, text, findings: loaded.findings, registry: loaded.registry ?? prev?.registry, stamp };
    this.states.set(path, state);
    return state;
  }

  /** A look at the file on disk, in the background: a change found is read and announced. */
  private recheckSoon(path: string, known: RegistryState): void {
    const now = Date.now();
    if (now - (this.checked.get(path) ?? 0) < RECHECK_MS) return;
    this.checked.set(path, now);
    void this.host.stat(path).then(async (st) => {
      if (this.open.has(path) || this.states.get(path) !== known || (st && stampOf(st) === known.stamp)) return;
      const before = known.registry;
      const after = await this.read(path);
      if (after?.registry !== before) this.onChange();
    });
  }

  /** An open registry document's text; true when the document was not open before. */
  setOpenText(path: string, text: string): boolean {
    const isNew = !this.open.has(path);
    this.open.set(path, text);
    return isNew;
  }

  /** A registry document was closed: the disk's text applies again. */
  closed(path: string): void {
    this.open.delete(path);
    const state = this.states.get(path);
    if (state) state.stamp = undefined;
  }

  /** Registry files appeared, went or changed on disk: look for them again and read them again. */
  async filesChanged(): Promise<void> {
    this.lookup.clear();
    this.unreadable.clear();
    await Promise.all([...this.states.keys()].filter((p) => !this.open.has(p)).map((p) => this.read(p)));
  }
}

function tooLargeFinding(text: string, path: string): RegistryFinding {
  const why = refusal('EFBIG', READ_LIMITS.project)!;
  return { code: 'registry.unreadable', span: { start: 0, end: Math.max(1, text.search(/[\r\n]|$/)) }, args: { reason: why.zh, reasonEn: why.en, path } };
}

function stampOf(st: { size: number; mtime: number }): string {
  return `${st.size}:${st.mtime}`;
}
