// Node's file host (host/fileHost.ts), on node:fs/promises. It has no watch: the language server
// hears of changes from the editor, and the checker needs none.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { decodePlan } from '../host/decode';
import type { DirEntry, FileHost, FileStat, ReadOptions, ReadResult } from '../host/fileHost';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EIO';

async function readHead(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function nodeFileHost(): FileHost {
  return {
    async readText(path: string, options: ReadOptions = {}): Promise<ReadResult> {
      let bytes: Uint8Array;
      try {
        bytes = options.maxBytes === undefined ? await readFile(path) : await readHead(path, options.maxBytes);
      } catch (e) {
        return { error: code(e) === 'EISDIR' ? `是目录，不是文件 (is a directory): ${path}` : `无法读取文件 (cannot read file, ${code(e)}): ${path}`, code: code(e) };
      }
      return decodePlan(bytes, path, options.maxBytes !== undefined);
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const s = await stat(path);
        return s.isFile() || s.isDirectory() ? { type: s.isFile() ? 'file' : 'directory', size: s.size, mtime: s.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    },
    async list(dir: string): Promise<DirEntry[]> {
      try {
        const entries = await readdir(dir, { withFileTypes: true });
        return entries.map((e) => ({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }));
      } catch {
        return [];
      }
    },
  };
}
