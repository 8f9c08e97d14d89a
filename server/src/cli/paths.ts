// The paths a command is given, as the plans to read: a file as named (whatever its name), a
// folder searched through (a file in it is a plan by the editor's test, engine/features/
// planFiles.ts: its ending, or a first line naming a 分工方案), a quoted glob expanded here
// (its matches taken as named), and `-` for standard input. Walks leave out what ignores.ts
// says. A path that gives nothing is a one-line reason.
import picomatch from 'picomatch';
import { join, relative, resolve, sep } from 'node:path';
import { isPlanFileName, mayBePlanFileName, namesAPlan } from '../engine';
import type { FileHost } from '../host/fileHost';
import { Ignores } from './ignores';
import { unreadable, type Say } from './say';

export type Input = { kind: 'file'; path: string } | { kind: 'stdin'; name?: string };

export interface Expanded {
  inputs: Input[];
  /** One line per path that could not be used. */
  problems: string[];
}

export interface ExpandOptions {
  host: FileHost;
  cwd: string;
  /** --ignore patterns. */
  ignore: readonly string[];
  /** --stdin-filename: the name standard input goes by. */
  stdinName?: string;
  say: Say;
}

/** Enough of a file's head to hold its first line in any encoding a plan comes in. */
const HEAD_BYTES = 600;

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function expandPaths(args: readonly string[], opts: ExpandOptions): Promise<Expanded> {
  const { host, cwd, say } = opts;
  const ignores = new Ignores(host, cwd, opts.ignore);
  const inputs: Input[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, shown = path) => {
    const abs = resolve(cwd, path);
    if (seen.has(abs)) return;
    seen.add(abs);
    inputs.push({ kind: 'file', path: shown });
  };
  const walk = async (dir: string, visit: (path: string) => Promise<void>): Promise<void> => {
    for (const e of (await host.list(dir)).sort(byName)) {
      const p = join(dir, e.name);
      if (e.type === 'directory' && !(await ignores.ignored(p, true))) await walk(p, visit);
      else if (e.type === 'file' && !(await ignores.ignored(p, false))) await visit(p);
    }
  };
  let stdin = false;

  for (const arg of args) {
    if (arg === '-') {
      if (!stdin) inputs.push({ kind: 'stdin', name: opts.stdinName });
      stdin = true;
      continue;
    }
    const abs = resolve(cwd, arg);
    const st = await host.stat(abs);
    if (st?.type === 'file') {
      add(arg);
      continue;
    }
    if (st?.type === 'other') {
      problems.push(unreadable(say, arg, { code: 'ENOTREG' }));
      continue;
    }
    const before = inputs.length;
    if (st?.type === 'directory') {
      await walk(abs, async (p) => {
        const name = p.slice(p.lastIndexOf(sep) + 1);
        if (isPlanFileName(name) || (mayBePlanFileName(name) && namesAPlan((await host.readText(p, { maxBytes: HEAD_BYTES })).text ?? ''))) add(shownPath(cwd, arg, abs, p));
      });
      if (inputs.length === before) problems.push(`${say('目录中没有分工方案', 'no plans in this folder')}: ${arg}`);
      continue;
    }
    const scan = picomatch.scan(arg.split(sep).join('/'));
    if (scan.isGlob) {
      const base = resolve(cwd, scan.base || '.');
      const match = picomatch(scan.glob, { dot: false });
      if ((await host.stat(base))?.type === 'directory') {
        await walk(base, async (p) => {
          if (match(relative(base, p).split(sep).join('/'))) add(shownPath(cwd, scan.base || '.', base, p));
        });
      }
      if (inputs.length === before) problems.push(`${say('没有文件与之匹配', 'no file matches')}: ${arg}`);
      continue;
    }
    problems.push(unreadable(say, arg, { code: 'ENOENT' }));
  }
  return { inputs, problems };
}

/** A found file's path as the user's path began: `plans/a.txt` for `plans`, absolute for an absolute one. */
function shownPath(cwd: string, given: string, givenAbs: string, found: string): string {
  const rest = relative(givenAbs, found);
  return given.startsWith('/') || /^[A-Za-z]:[\\/]/.test(given) ? found : relative(cwd, join(cwd, given, rest)) || rest;
}
