// The bundled checker as a user runs it (dist/cli.js in a child process), and workspaces of
// real plan text in temporary folders.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, SAMPLE } from '../helpers';

export const CLI = join(ROOT, 'dist/cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  // Outside GitHub Actions unless a test says otherwise (the checker reads GITHUB_WORKSPACE).
  const env = { ...process.env, GITHUB_WORKSPACE: '', ...options.env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', input: options.input, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Newest modification time under a path. */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds dist/ unless it is newer than everything the checker and the library are made of:
 * test files run side by side, and a rebuild under another file's running checker could be
 * read half-written (`npm test` builds first).
 */
export function build(): void {
  const outputs = ['dist/cli.js', 'dist/lib/index.mjs', 'dist/lib/index.cjs', 'dist/lib/index.d.cts'].map((f) => join(ROOT, f));
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const sources = Math.max(...['server/src', 'server/data', 'esbuild.mjs', 'package.json', 'tsconfig.lib.json'].map((p) => newest(join(ROOT, p))));
  if (built > sources) return;
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
}

/** A folder holding these files (text as UTF-8), returned as its path. */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The sample plan (seeds/manzhouli-2014.txt) with three faults: an unknown agency (warning), a clause without a lead (warning), an unclosed clause (error). */
export const FAULTY = SAMPLE.replace('(自治区商务厅牵头,满洲里海关', '(自治区商务厅牵头,满洲里海关X').replace('(自治区发展改革委牵头', '(自治区发展改革委配合') + '\n加快建设。(自治区商务厅牵头';

export const json = (r: Run) => JSON.parse(r.stdout) as { files: { path: string; diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[] }[]; projectFiles: { path: string; diagnostics: { code: string; line: number; severity: string }[] }[] };
