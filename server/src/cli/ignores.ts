// What a walk through folders leaves out: node_modules and .git always, what the .gitignore
// files say (the repository's, from its root down to each folder; a deeper file over a
// shallower one, as git reads them), and the --ignore patterns (gitignore patterns, relative to
// the working folder, over everything else). Matching is the `ignore` package's, which follows
// git's own rules (negation, anchoring, `**`, directories) better than a few lines could.
import ignore, { type Ignore } from 'ignore';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileHost } from '../host/fileHost';
import { READ_LIMITS } from '../host/limits';

const ALWAYS = new Set(['node_modules', '.git']);

interface RuleSet {
  base: string;
  rules: Ignore;
}

const posix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function relativeTo(base: string, path: string): string | undefined {
  const r = relative(base, path);
  return r && !r.startsWith('..') && !isAbsolute(r) ? posix(r) : undefined;
}

export class Ignores {
  /** .gitignore rule sets by folder; null where a folder has none. */
  private readonly byDir = new Map<string, RuleSet | null>();
  private readonly extra?: RuleSet;

  constructor(
    private readonly host: FileHost,
    private readonly cwd: string,
    patterns: readonly string[],
  ) {
    if (patterns.length) this.extra = { base: cwd, rules: ignore().add([...patterns]) };
  }

  private async rulesOf(dir: string): Promise<RuleSet | null> {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    const read = await this.host.readText(join(dir, '.gitignore'), { limit: READ_LIMITS.ignore });
    const set = read.text !== undefined ? { base: dir, rules: ignore().add(read.text) } : null;
    this.byDir.set(dir, set);
    return set;
  }

  private readonly roots = new Map<string, Promise<string | null>>();

  /** The repository a folder is in (the nearest folder above with a .git), if any. */
  private root(dir: string): Promise<string | null> {
    let r = this.roots.get(dir);
    if (!r) {
      r = (async () => ((await this.host.stat(join(dir, '.git'))) ? dir : dirname(dir) === dir ? null : this.root(dirname(dir))))();
      this.roots.set(dir, r);
    }
    return r;
  }

  /** The folders whose .gitignore applies inside `dir`, deepest first: up to the repository's root; outside one, up to the working folder. */
  private async chain(dir: string): Promise<string[]> {
    const top = (await this.root(dir)) ?? (relativeTo(this.cwd, dir) !== undefined ? this.cwd : dir);
    const dirs: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      dirs.push(d);
      if (d === top || dirname(d) === d) return dirs;
    }
  }

  private readonly chains = new Map<string, Promise<string[]>>();

  /** Whether a file or folder (`directory`) is left out. */
  async ignored(path: string, directory: boolean): Promise<boolean> {
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (directory && ALWAYS.has(name)) return true;
    const test = (set: RuleSet): { ignored?: boolean; unignored?: boolean } => {
      const rel = relativeTo(set.base, path);
      return rel === undefined ? {} : set.rules.test(directory ? rel + '/' : rel);
    };
    if (this.extra && test(this.extra).ignored) return true;
    const parent = dirname(path);
    let chain = this.chains.get(parent);
    if (!chain) this.chains.set(parent, (chain = this.chain(parent)));
    // The deepest .gitignore that has a say decides.
    for (const dir of await chain) {
      const set = await this.rulesOf(dir);
      if (!set) continue;
      const r = test(set);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return false;
  }
}
