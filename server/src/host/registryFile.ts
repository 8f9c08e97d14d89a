// Which fengong.registry.json applies to a plan: the nearest one in its folder or above. One
// lookup for the checker and the language server; what it learnt of each folder is kept until
// registry files appear or go (`clear`).
import { dirname, join } from 'node:path';

export const REGISTRY_FILE = 'fengong.registry.json';

/** A registry file by its name: a path or a URI. */
export function isRegistryFile(pathOrUri: string): boolean {
  return pathOrUri === REGISTRY_FILE || pathOrUri.endsWith('/' + REGISTRY_FILE) || pathOrUri.endsWith('\\' + REGISTRY_FILE);
}

export class RegistryFileLookup {
  private readonly byDir = new Map<string, string | null>();

  /** `exists`: whether a registry file is at that path (on disk, or open in the editor). */
  constructor(private readonly exists: (path: string) => Promise<boolean>) {}

  /** The registry file nearest to an absolute plan path, if any. */
  async nearest(planPath: string): Promise<string | undefined> {
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
      const candidate = join(dir, REGISTRY_FILE);
      if (await this.exists(candidate)) return remember(candidate);
      const up = dirname(dir);
      if (up === dir) return remember(null);
      dir = up;
    }
  }

  /** Registry files appeared or went: look again. */
  clear(): void {
    this.byDir.clear();
  }
}
