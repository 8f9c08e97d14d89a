// The workspace index: plan files on disk that are not open, found under the workspace folders
// and analysed in the background, so workspace symbols, references, rename, hover counts and
// the Agencies view cover the whole workspace. Files come through the file host. The scan runs
// in slices (requests are answered between them) and reports its progress; past its limit it
// says so in the status item rather than stopping silently.
import { isPlan, isPlanFileName, mayBePlanFileName, namesAPlan, type Analysis } from '../../engine';
import type { FileHost } from '../../host/fileHost';
import { join } from 'node:path';
import { Slices } from '../cancellation';
import { fileUriOf, fsPathOf } from '../convert';
import type { Analyses } from './analyses';
import type { Registries } from './registries';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.vscode-test']);
/**
 * Files that may be plans (.txt, .md, …) read at most: past it the rest are left out, and the
 * status item says so (`limit`). The bench's 5,000 small plans index in ~3 s and the server then
 * holds ~0.34 GB: 20,000 is about what a workspace can take without crowding the editor out.
 */
export const MAX_INDEXED_FILES = 20_000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Enough of a file's head to hold its first line in any encoding a plan comes in. */
const HEAD_BYTES = 600;
/** How often the scan reports its progress (files). */
const REPORT_EVERY = 250;
/** Work between two pauses of the scan (ms): a request waits a few of them at most. */
const SLICE_MS = 4;

/** Where a scan stands: for the status item and the progress report. */
export interface IndexState {
  /** Plan files in the index. */
  files: number;
  /** A scan is under way. */
  scanning: boolean;
  /** Set when the workspace holds more files that may be plans than the index reads. */
  limit?: number;
}

/** The progress the scan reports (the client's work-done progress, when it supports it). */
export interface ScanProgress {
  begin(found: number): void;
  report(done: number, found: number): void;
  done(): void;
}

export class WorkspaceIndex {
  private readonly plans = new Map<string, Analysis>();
  private scanning?: Promise<void>;
  private limited = false;

  /** `onChange`: the index gained, lost or re-analysed a plan. `maxFiles`: for tests. */
  constructor(
    private readonly host: FileHost,
    private readonly registries: Registries,
    private readonly analyses: Analyses,
    private readonly onChange: () => void,
    private readonly maxFiles = MAX_INDEXED_FILES,
  ) {}

  get(uri: string): Analysis | undefined {
    return this.plans.get(uri);
  }

  get size(): number {
    return this.plans.size;
  }

  get state(): IndexState {
    return { files: this.plans.size, scanning: !!this.scanning, limit: this.limited ? this.maxFiles : undefined };
  }

  entries(): IterableIterator<[string, Analysis]> {
    return this.plans.entries();
  }

  /** Resolves once the scan under way (if any) is over: for requests that must see every plan. */
  async ready(): Promise<void> {
    while (this.scanning) await this.scanning;
  }

  delete(uri: string): void {
    if (this.plans.delete(uri)) this.onChange();
  }

  /**
   * Finds plan files under the folders and analyses those not open, in slices with a pause
   * between them (cancellation.ts's Slices), so that requests are answered while it runs.
   */
  scan(folders: readonly string[], isOpen: (uri: string) => boolean, progress?: ScanProgress): Promise<void> {
    const run = this.scanNow(folders, isOpen, progress).finally(() => {
      if (this.scanning === run) this.scanning = undefined;
    });
    this.scanning = run;
    return run;
  }

  private async scanNow(folders: readonly string[], isOpen: (uri: string) => boolean, progress?: ScanProgress): Promise<void> {
    const files: string[] = [];
    const slices = new Slices(undefined, SLICE_MS);
    this.limited = false;
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (this.limited || depth > 12) return;
      await slices.next();
      for (const e of await this.host.list(dir)) {
        if (e.type === 'directory') {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(join(dir, e.name), depth + 1);
        } else if (e.type === 'file' && mayBePlanFileName(e.name)) {
          if (files.length >= this.maxFiles) this.limited = true;
          else files.push(join(dir, e.name));
        }
        if (this.limited) return;
      }
    };
    for (const f of folders) await walk(f, 0);
    progress?.begin(files.length);
    let done = 0;
    for (const file of files) {
      await slices.next();
      const uri = fileUriOf(file);
      if (!isOpen(uri)) await this.indexFile(uri);
      if (++done % REPORT_EVERY === 0) progress?.report(done, files.length);
    }
    progress?.done();
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

  /** Every indexed file again (the registries changed), in slices as the scan. */
  async reindexAll(): Promise<void> {
    const slices = new Slices(undefined, SLICE_MS);
    for (const uri of [...this.plans.keys()]) {
      await slices.next();
      await this.indexFile(uri);
    }
  }
}
