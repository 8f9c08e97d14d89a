// The source document (上位文件) each plan is compared with: the one the command "Compare with
// source document…" chose for it, else the project file's `source` (relative to the project
// file). Each source is read and indexed once per text (its measures and their vectors); a
// change on disk is noticed by its size and time, looked at no more than once a second.
import { dirname, resolve } from 'node:path';
import { indexSource, ProjectRegistry, type Registry, type SourceIndex } from '../../engine';
import type { FileHost } from '../../host/fileHost';
import { isDocx } from '../../host/sourceText';

interface Read {
  size: number;
  mtime: number;
  checked: number;
  index?: SourceIndex;
  error?: string;
}

export class Sources {
  /** Plan uri → source path chosen by the command. */
  private readonly chosen = new Map<string, string>();
  private readonly read = new Map<string, Read>();

  constructor(
    private readonly host: FileHost,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** The command's choice for a plan (undefined: back to the project file's). */
  choose(uri: string, path: string | undefined): void {
    if (path) this.chosen.set(uri, path);
    else this.chosen.delete(uri);
  }

  /** The path of the source a plan is compared with, if any. */
  pathFor(uri: string, registry: Registry | undefined): string | undefined {
    const chosen = this.chosen.get(uri);
    if (chosen) return chosen;
    if (registry instanceof ProjectRegistry && registry.source && registry.sources[0]) return resolve(dirname(registry.sources[0]), registry.source);
    return undefined;
  }

  async sourceFor(uri: string, registry: Registry | undefined): Promise<SourceIndex | undefined> {
    const path = this.pathFor(uri, registry);
    return path ? (await this.load(path)).index : undefined;
  }

  /** A source read (and indexed) once per text; `error` when it cannot be used. */
  async load(path: string): Promise<Read> {
    const now = Date.now();
    const last = this.read.get(path);
    if (last && now - last.checked < 1000) return last;
    const stat = await this.host.stat(path);
    if (last && stat && stat.size === last.size && stat.mtime === last.mtime) {
      last.checked = now;
      return last;
    }
    let entry: Read;
    if (!stat || stat.type !== 'file') entry = { size: -1, mtime: -1, checked: now, error: `无法读取上位文件 (cannot read the source document): ${path}` };
    else if (isDocx(path)) entry = { size: stat.size, mtime: stat.mtime, checked: now, error: `上位文件请先转为文本：fengong import (convert the .docx source first: fengong import): ${path}` };
    else {
      const r = await this.host.readText(path);
      entry = r.text === undefined ? { size: stat.size, mtime: stat.mtime, checked: now, error: r.error ?? path } : { size: stat.size, mtime: stat.mtime, checked: now, index: indexSource(r.text) };
    }
    if (entry.error && entry.error !== last?.error) this.log(`fengong: ${entry.error}`);
    this.read.set(path, entry);
    return entry;
  }
}
