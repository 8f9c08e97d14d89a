// A file host in memory, for tests: files set as text (UTF-8) or bytes, folders implied by the
// paths (POSIX), and a watch that reports every write and removal.
import { decodePlan } from './decode';
import { READ_LIMITS } from './limits';
import type { DirEntry, Disposable, FileChange, FileHost, FileStat, ReadOptions, ReadResult } from './fileHost';

export class MemoryFileHost implements FileHost {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly listeners = new Set<(changes: FileChange[]) => void>();
  private clock = 1;
  /** Every path read, in order: tests check what was read and how often. */
  readonly reads: string[] = [];

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.put(path, content);
  }

  private put(path: string, content: string | Uint8Array): boolean {
    const existed = this.files.has(path);
    this.files.set(path, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime: this.clock++ });
    return existed;
  }

  /** Writes a file and tells the watchers (`silent`: tells no one, as a change the editor missed). */
  write(path: string, content: string | Uint8Array, options: { silent?: boolean } = {}): void {
    const existed = this.put(path, content);
    if (!options.silent) this.fire([{ path, kind: existed ? 'changed' : 'created' }]);
  }

  remove(path: string): void {
    if (this.files.delete(path)) this.fire([{ path, kind: 'deleted' }]);
  }

  private fire(changes: FileChange[]): void {
    for (const l of this.listeners) l(changes);
  }

  async readText(path: string, options: ReadOptions = {}): Promise<ReadResult> {
    this.reads.push(path);
    const f = this.files.get(path);
    if (!f) return (await this.stat(path)) ? { error: `是目录，不是文件 (is a directory): ${path}`, code: 'EISDIR' } : { error: `无法读取文件 (cannot read file, ENOENT): ${path}`, code: 'ENOENT' };
    const limit = options.limit ?? READ_LIMITS.plan;
    if (options.maxBytes === undefined && f.bytes.length > limit) return { error: `文件过大 (file too large): ${path}`, code: 'EFBIG', limit };
    const bytes = options.maxBytes === undefined ? f.bytes : f.bytes.subarray(0, options.maxBytes);
    return decodePlan(bytes, path, options.maxBytes !== undefined);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const f = this.files.get(path);
    if (f) return { type: 'file', size: f.bytes.length, mtime: f.mtime };
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return { type: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async list(dir: string): Promise<DirEntry[]> {
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    const out = new Map<string, DirEntry>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (!out.has(name)) out.set(name, { name, type: slash < 0 ? 'file' : 'directory' });
    }
    return [...out.values()];
  }

  watch(listener: (changes: FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }
}
