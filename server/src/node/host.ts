// Node's file host (host/fileHost.ts). It has no watch: the language server hears of changes
// from the editor, and the checker needs none.
//
// The language server reads asynchronously (node:fs/promises), so its thread is never held by
// a disk. The checker reads synchronously (`{ sync: true }`): it has nothing else to do while a
// file is read, and fs/promises' round trips through the thread pool cost it more than the reads.
//
// Only regular files are read, and no more than their limit (host/limits.ts): the file is opened
// without blocking (a FIFO's open would wait for a writer for good), asked what it is on the open
// descriptor (no race with a rename in between), and read in chunks that stop at the limit (a
// device such as /dev/zero never ends; a file may grow while it is read).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { decodePlan } from '../host/decode';
import type { DirEntry, FileHost, FileStat, ReadOptions, ReadResult } from '../host/fileHost';
import { READ_LIMITS, refusal } from '../host/limits';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EIO';

/** O_NONBLOCK is POSIX's; Windows has no FIFOs to block on. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

class Refused extends Error {
  constructor(
    readonly code: 'EISDIR' | 'ENOTREG' | 'EFBIG',
    readonly limit?: number,
  ) {
    super(code);
  }
}

/** One open file, read by position: the same steps for both kinds of host. */
interface Opened {
  stat(): Stats | Promise<Stats>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): number | Promise<number>;
  close(): void | Promise<void>;
}

/**
 * A regular file's bytes: the first `maxBytes` (a head), or all of it up to `limit` (past it:
 * refused, EFBIG). Anything that is not a regular file is refused before a byte is read.
 */
async function readOpened(file: Opened, maxBytes: number | undefined, limit: number): Promise<Uint8Array> {
  try {
    const st = await file.stat();
    if (st.isDirectory()) throw new Refused('EISDIR');
    if (!st.isFile()) throw new Refused('ENOTREG');
    if (maxBytes === undefined && st.size > limit) throw new Refused('EFBIG', limit);
    // One byte past the limit tells a file that grew past it from one that is exactly at it.
    const cap = maxBytes ?? limit + 1;
    let buffer = new Uint8Array(Math.min(cap, Math.max(st.size + 1, 64 * 1024)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total >= cap) break;
        const bigger = new Uint8Array(Math.min(cap, buffer.length * 2));
        bigger.set(buffer);
        buffer = bigger;
      }
      const n = await file.read(buffer, total, buffer.length - total, total);
      if (n === 0) break;
      total += n;
    }
    if (maxBytes === undefined && total > limit) throw new Refused('EFBIG', limit);
    return buffer.subarray(0, total);
  } finally {
    await file.close();
  }
}

interface Fs {
  open(path: string): Promise<Opened>;
  stat(path: string): Promise<Stats>;
  list(dir: string): Promise<Dirent[]>;
  realpath(path: string): Promise<string>;
}

const ASYNC: Fs = {
  async open(path) {
    const handle = await open(path, OPEN_FLAGS);
    return {
      stat: () => handle.stat(),
      read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
      close: () => handle.close(),
    };
  },
  stat: (path) => stat(path),
  list: (dir) => readdir(dir, { withFileTypes: true }),
  realpath: (path) => realpath(path),
};

const SYNC: Fs = {
  async open(path) {
    const fd = openSync(path, OPEN_FLAGS);
    return {
      stat: () => fstatSync(fd),
      read: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
      close: () => closeSync(fd),
    };
  },
  stat: async (path) => statSync(path),
  list: async (dir) => readdirSync(dir, { withFileTypes: true }),
  realpath: async (path) => realpathSync(path),
};

/** A regular file's bytes (the checker's .docx, plans to fix, source documents): the reason as a ReadResult when refused. */
export async function readBytes(path: string, limit: number, options: { sync?: boolean } = {}): Promise<{ bytes: Uint8Array } | ReadResult> {
  const fs = options.sync ? SYNC : ASYNC;
  try {
    return { bytes: await readOpened(await fs.open(path), undefined, limit) };
  } catch (e) {
    return failure(e, path);
  }
}

function failure(e: unknown, path: string): ReadResult {
  const c = e instanceof Refused ? e.code : code(e);
  const limit = e instanceof Refused ? e.limit : undefined;
  if (c === 'EISDIR') return { error: `是目录，不是文件 (is a directory): ${path}`, code: c };
  const refused = refusal(c, limit);
  if (refused) return { error: `${refused.zh} (${refused.en}): ${path}`, code: c, limit };
  return { error: `无法读取文件 (cannot read file, ${c}): ${path}`, code: c };
}

export function nodeFileHost(options: { sync?: boolean } = {}): FileHost {
  const fs = options.sync ? SYNC : ASYNC;
  return {
    async readText(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
      let bytes: Uint8Array;
      try {
        bytes = await readOpened(await fs.open(path), opts.maxBytes, opts.limit ?? READ_LIMITS.plan);
      } catch (e) {
        return failure(e, path);
      }
      return decodePlan(bytes, path, opts.maxBytes !== undefined);
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const s = await fs.stat(path);
        return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, mtime: s.mtimeMs };
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
    async realpath(path: string): Promise<string | undefined> {
      try {
        return await fs.realpath(path);
      } catch {
        return undefined;
      }
    },
  };
}
