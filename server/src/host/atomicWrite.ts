// Every file the product writes goes through here: a full disk or a failed write must never
// leave a plan, a registry or an export half-written. The bytes go to a new file beside the
// original (same folder, so the rename cannot cross file systems), are flushed to the disk,
// take the original's mode (and owner where the system lets us), and only then replace it by
// rename, which is atomic. On any failure the temporary file is removed and the original is
// left byte for byte as it was; the error is thrown for the caller to report.
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The calls made, injectable so a test can make one fail half way (a full disk). */
export interface AtomicFs {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  statSync(path: string, options: { throwIfNoEntry: false }): nodeFs.Stats | undefined;
  realpathSync(path: string): string;
}

export const NODE_FS: AtomicFs = nodeFs as unknown as AtomicFs;

let counter = 0;

export function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = NODE_FS): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // A symbolic link keeps pointing where it did: the file it names is the one replaced.
  let target = path;
  const before = fs.statSync(path, { throwIfNoEntry: false });
  if (before) target = fs.realpathSync(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${(counter++).toString(36)}.fengong-tmp`);
  // 'wx': created here and now, never an existing file (nor one a link points at).
  const fd = fs.openSync(temp, 'wx', before ? before.mode & 0o7777 : 0o666);
  let closed = false;
  try {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    if (before) {
      fs.fchmodSync(fd, before.mode & 0o7777);
      try {
        fs.fchownSync(fd, before.uid, before.gid);
      } catch {
        // only the owner's own files, or root, may be given away: keep ours
      }
    }
    fs.fsyncSync(fd);
    closed = true;
    fs.closeSync(fd);
    fs.renameSync(temp, target);
  } catch (e) {
    if (!closed) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the first error is the one to report
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // nothing more to do: the original is untouched either way
    }
    throw e;
  }
  // The rename itself on the disk (best effort: not every system opens folders).
  try {
    const dir = fs.openSync(dirname(target), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // the data is flushed; only the folder entry's flush is left to the system
  }
}
