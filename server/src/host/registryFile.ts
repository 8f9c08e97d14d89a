// Which project file applies to a plan: the nearest fengong.json (or fengong.registry.json, its
// old name; fengong.json wins in one folder) in its folder or above. One lookup for the checker
// and the language server; what it learnt of each folder is kept until project files appear or
// go (`clear`).
import { dirname, isAbsolute, join, relative } from 'node:path';

export const PROJECT_FILE = 'fengong.json';
/** The old name, still read. */
export const REGISTRY_FILE = 'fengong.registry.json';
/** In the order they are looked for in a folder. */
export const PROJECT_FILES = [PROJECT_FILE, REGISTRY_FILE] as const;

/** A project file by its name (either one): a path or a URI. */
export function isRegistryFile(pathOrUri: string): boolean {
  return PROJECT_FILES.some((name) => pathOrUri === name || pathOrUri.endsWith('/' + name) || pathOrUri.endsWith('\\' + name));
}

export const isProjectFile = isRegistryFile;

export class RegistryFileLookup {
  private readonly byDir = new Map<string, string | null>();

  /** `exists`: whether a project file is at that path (on disk, or open in the editor). */
  constructor(private readonly exists: (path: string) => Promise<boolean>) {}

  /**
   * The project file nearest to an absolute plan path, if any. `top`: the highest folder looked
   * in (the language server's workspace folder); none: up to the root (the checker).
   */
  async nearest(planPath: string, top?: string): Promise<string | undefined> {
    let dir = dirname(planPath);
    const visited: string[] = [];
    const remember = (found: string | null) => {
      for (const v of visited) this.byDir.set(v, found);
      return found ?? undefined;
    };
    for (;;) {
      const known = this.byDir.get(dir);
      if (known !== undefined) return remember(known);
      visited.push(dir);
      for (const name of PROJECT_FILES) {
        const candidate = join(dir, name);
        if (await this.exists(candidate)) return remember(candidate);
      }
      const up = dirname(dir);
      if (up === dir || (top !== undefined && !inside(top, up))) return remember(null);
      dir = up;
    }
  }

  /** Project files appeared or went: look again. */
  clear(): void {
    this.byDir.clear();
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
