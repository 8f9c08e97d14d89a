// The file system as the adapters see it, injected: Node's (node/host.ts) for the checker and
// the language server, an in-memory one for tests (host/memory.ts). Asynchronous, so the
// language server never blocks its thread on a disk; nothing here throws.

export interface FileStat {
  /** `other`: something that is neither (a FIFO, a device, a socket): never read. */
  type: 'file' | 'directory' | 'other';
  size: number;
  /** Modification time in milliseconds: with the size, how a change is noticed. */
  mtime: number;
}

export interface DirEntry {
  name: string;
  type: 'file' | 'directory' | 'other';
}

export interface FileChange {
  path: string;
  kind: 'created' | 'changed' | 'deleted';
}

export interface Disposable {
  dispose(): void;
}

export interface ReadResult {
  text?: string;
  encoding?: 'utf-8' | 'utf-16le' | 'gb18030';
  /** The file began with a byte order mark (not part of `text`). */
  bom?: boolean;
  /** One-line reason when the file cannot be read as text. */
  error?: string;
  /**
   * Why it could not be read: the system's code (ENOENT, EISDIR, EACCES), or the host's own:
   * ENOTREG (not a regular file: a FIFO, a device), EFBIG (over `limit`, host/limits.ts).
   */
  code?: string;
  /** With EFBIG: the limit the file is over. */
  limit?: number;
}

export interface ReadOptions {
  /** Read the first bytes only (a look at the first line); a character cut at the end is dropped. */
  maxBytes?: number;
  /** A whole read: refused (EFBIG) when the file is larger; READ_LIMITS.plan unless said. */
  limit?: number;
}

export interface FileHost {
  /** A file as text, decoded the way plans come (host/decode.ts): UTF-8, UTF-16LE with BOM, GB18030. */
  readText(path: string, options?: ReadOptions): Promise<ReadResult>;
  /** Undefined when nothing is there. */
  stat(path: string): Promise<FileStat | undefined>;
  /** A folder's entries; none when it cannot be read. */
  list(dir: string): Promise<DirEntry[]>;
  /**
   * The path with every symbolic link resolved (what is really read); undefined when nothing is
   * there. A host without links (the in-memory one) may leave it out: paths are then real.
   */
  realpath?(path: string): Promise<string | undefined>;
  /**
   * Changes the host sees itself. The language server also hears of changes from the editor
   * (workspace/didChangeWatchedFiles), which is how Node's host learns of them: it has no watch.
   */
  watch?(listener: (changes: FileChange[]) => void): Disposable;
}

export async function isFile(host: FileHost, path: string): Promise<boolean> {
  return (await host.stat(path))?.type === 'file';
}

/**
 * Whether a project file is at a path for the lookup: a file, or a FIFO or device by that name
 * (reading it is refused, and the user is told so instead of the file being passed over).
 */
export async function isProjectFileAt(host: FileHost, path: string): Promise<boolean> {
  const type = (await host.stat(path))?.type;
  return type === 'file' || type === 'other';
}
