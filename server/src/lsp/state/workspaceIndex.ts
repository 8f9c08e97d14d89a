// The workspace index: plan files on disk that are not open, found under the workspace folders
// and analysed in the background, so workspace symbols, references, rename, hover counts and
// the Agencies view cover the whole workspace. Files come through the file host.
import { isPlan, isPlanFileName, mayBePlanFileName, namesAPlan, type Analysis } from '../../engine';
import type { FileHost } from '../../host/fileHost';
import { join } from 'node:path';
import { fileUriOf, fsPathOf } from '../convert';
import type { Analyses } from './analyses';
import type { Registries } from './registries';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.vscode-test']);
const MAX_INDEXED_FILES = 2000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Enough of a file's head to hold its first line in any encoding a plan comes in. */
const HEAD_BYTES = 600;

export class WorkspaceIndex {
  private readonly plans = new Map<string, Analysis>();

  /** `onChange`: the index gained, lost or re-analysed a plan. */
  constructor(
    private readonly host: FileHost,
    private readonly registries: Registries,
    private readonly analyses: Analyses,
    private readonly onChange: () => void,
  ) {}

  get(uri: string): Analysis | undefined {
    return this.plans.get(uri);
  }

  get size(): number {
    return this.plans.size;
  }

  entries(): IterableIterator<[string, Analysis]> {
    return this.plans.entries();
  }

  delete(uri: string): void {
    if (this.plans.delete(uri)) this.onChange();
  }

  /** Finds plan files under the folders and analyses those not open. */
  async scan(folders: readonly string[], isOpen: (uri: string) => boolean): Promise<void> {
    const files: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (files.length >= MAX_INDEXED_FILES || depth > 12) return;
      for (const e of await this.host.list(dir)) {
        if (files.length >= MAX_INDEXED_FILES) return;
        if (e.type === 'directory') {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(join(dir, e.name), depth + 1);
        } else if (e.type === 'file' && mayBePlanFileName(e.name)) {
          files.push(join(dir, e.name));
        }
      }
    };
    for (const f of folders) await walk(f, 0);
    for (const file of files) {
      const uri = fileUriOf(file);
      if (!isOpen(uri)) await this.indexFile(uri);
    }
  }

  /** Reads a file again: indexed when it is a plan, dropped when it is not (or is gone). */
  async indexFile(uri: string): Promise<void> {
    const path = fsPathOf(uri);
    if (!path) return;
    const analysis = await this.analyse(uri, path);
    if (analysis) this.plans.set(uri, analysis);
    else this.plans.delete(uri);
    this.onChange();
  }

  private async analyse(uri: string, path: string): Promise<Analysis | undefined> {
    try {
      const st = await this.host.stat(path);
      if (st?.type !== 'file' || st.size > MAX_FILE_BYTES) return undefined;
      // Any .txt or .md may be a plan: look at its first line before reading all of it.
      if (!isPlanFileName(path)) {
        const head = await this.host.readText(path, { maxBytes: HEAD_BYTES });
        if (head.text === undefined || !namesAPlan(head.text)) return undefined;
      }
      const read = await this.host.readText(path);
      if (read.text === undefined || !isPlan(path, read.text)) return undefined;
      return this.analyses.analyze(read.text, await this.registries.registryFor(uri));
    } catch {
      return undefined;
    }
  }

  /** Every indexed file again (the registries changed). */
  async reindexAll(): Promise<void> {
    for (const uri of [...this.plans.keys()]) await this.indexFile(uri);
  }
}
