// What the server may read from disk: files inside the workspace folders, by their real path
// (a symbolic link inside a folder that points outside it counts as outside). The editor's file
// events, a closed document, a path a request names: each is checked here before it is read,
// so nothing outside the folders reaches the index, an export or an edit. A project file above
// a folder is found only when `fengong.registry.searchAboveWorkspace` says so (registries.ts).
import { dirname, isAbsolute, relative } from 'node:path';
import type { FileHost } from '../../host/fileHost';

/** Whether `path` is `folder` or below it (both absolute, of one kind: both real or both as given). */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class WorkspaceScope {
  private realFolders?: { key: string; real: Promise<string[]> };

  constructor(
    private readonly host: FileHost,
    private readonly folders: () => readonly string[],
  ) {}

  private async real(path: string): Promise<string | undefined> {
    return this.host.realpath ? this.host.realpath(path) : path;
  }

  /** The folders' real paths (computed again when the folders change). */
  private foldersReal(): Promise<string[]> {
    const given = this.folders();
    const key = given.join('\0');
    if (this.realFolders?.key !== key) this.realFolders = { key, real: Promise.all(given.map(async (f) => (await this.real(f)) ?? f)) };
    return this.realFolders.real;
  }

  /**
   * Whether a file (or folder) is inside a workspace folder by its real path. A file that is
   * not there is judged by its folder's real path (a file just deleted, or about to be made).
   * With no folders nothing is inside: the server then reads only what the editor has open.
   */
  async contains(path: string): Promise<boolean> {
    const folders = await this.foldersReal();
    if (folders.length === 0) return false;
    const real = (await this.real(path)) ?? (await this.real(dirname(path)));
    return real !== undefined && folders.some((f) => isWithin(f, real));
  }

  /** Whether `path` is really inside `folder`: both by their real paths. */
  async within(folder: string, path: string): Promise<boolean> {
    const [f, p] = await Promise.all([this.real(folder), this.real(path)]);
    return f !== undefined && p !== undefined && isWithin(f, p);
  }

  /** The workspace folder a path is in, as given (lexically); none when it is in none. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders()) if (isWithin(f, path) && (!best || f.length > best.length)) best = f;
    return best;
  }
}
