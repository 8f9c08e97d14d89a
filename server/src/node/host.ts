// Node's file host (host/fileHost.ts). It has no watch: the language server hears of changes
// from the editor, and the checker needs none.
//
// The language server reads asynchronously (node:fs/promises), so its thread is never held by
// a disk. The checker reads synchronously (`{ sync: true }`): it has nothing else to do while a
// file is read, and fs/promises' round trips through the thread pool cost it more than the reads.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { decodePlan } from '../host/decode';
import type { DirEntry, FileHost, FileStat, ReadOptions, ReadResult } from '../host/fileHost';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EIO';

interface Fs {
  read(path: string, maxBytes?: number): Promise<Uint8Array>;
  stat(path: string): Promise<Stats>;
  list(dir: string): Promise<Dirent[]>;
}

const ASYNC: Fs = {
  async read(path, maxBytes) {
    if (maxBytes === undefined) return readFile(path);
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  stat: (path) => stat(path),
  list: (dir) => readdir(dir, { withFileTypes: true }),
};

const SYNC: Fs = {
  async read(path, maxBytes) {
    if (maxBytes === undefined) return readFileSync(path);
    const fd = openSync(path, 'r');
    try {
      const buffer = new Uint8Array(maxBytes);
      return buffer.subarray(0, readSync(fd, buffer, 0, maxBytes, 0));
    } finally {
      closeSync(fd);
    }
  },
  stat: async (path) => statSync(path),
  list: async (dir) => readdirSync(dir, { withFileTypes: true }),
};

export function nodeFileHost(options: { sync?: boolean } = {}): FileHost {
  const fs = options.sync ? SYNC : ASYNC;
  return {
    async readText(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
      let bytes: Uint8Array;
      try {
        bytes = await fs.read(path, opts.maxBytes);
      } catch (e) {
        return { error: code(e) === 'EISDIR' ? `是目录，不是文件 (is a directory): ${path}` : `无法读取文件 (cannot read file, ${code(e)}): ${path}`, code: code(e) };
      }
      return decodePlan(bytes, path, opts.maxBytes !== undefined);
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const s = await fs.stat(path);
        return s.isFile() || s.isDirectory() ? { type: s.isFile() ? 'file' : 'directory', size: s.size, mtime: s.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    },
    async list(dir: string): Promise<DirEntry[]> {
      try {
        return (await fs.list(dir)).map((e) => ({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }));
      } catch {
        return [];
      }
    },
  };
}
