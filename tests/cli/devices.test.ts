// FIFOs, devices and oversized files: the checker reads regular files only, within the limits
// of host/limits.ts, and says why in one line (exit 2) instead of hanging or filling memory.
import { spawnSync } from 'node:child_process';
import { mkfifoSync } from './fifo';
import { openSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, CLI, workspace } from './cli';

beforeAll(build);

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头)\n';

/** The checker with a deadline: a hang is killed at 5 s and shows as a null status. */
function timed(args: string[], cwd: string, stdin?: number): { status: number | null; stderr: string; ms: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 5000, stdio: [stdin ?? 'pipe', 'pipe', 'pipe'], env: { ...process.env, GITHUB_WORKSPACE: '' } });
  return { status: r.status, stderr: r.stderr, ms: Date.now() - t0 };
}

// Node's start-up is ~0.1 s; on a busy 2-core machine a run that reads nothing stays well under this.
const QUICK_MS = 2000;

describe.skipIf(process.platform === 'win32' || !mkfifoSync)('FIFOs and devices', () => {
  it('refuses a FIFO as --project at once, in one line', () => {
    const ws = workspace({ 'a.plan.txt': PLAN });
    mkfifoSync!(join(ws, 'pipe.json'));
    const r = timed(['check', '--locale', 'en', '--project', 'pipe.json', 'a.plan.txt'], ws);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('fengong: cannot read the project file: not a regular file (pipes and devices are not read): pipe.json');
    expect(r.ms).toBeLessThan(QUICK_MS);
  });

  it('says so of a FIFO named fengong.registry.json beside the plan, instead of passing over it', () => {
    const ws = workspace({ 'a.plan.txt': PLAN });
    mkfifoSync!(join(ws, 'fengong.registry.json'));
    const r = timed(['check', '--locale', 'en', 'a.plan.txt'], ws);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot read the project file: not a regular file (pipes and devices are not read): ${join(ws, 'fengong.registry.json')}`);
    expect(r.ms).toBeLessThan(QUICK_MS);
  });

  it('refuses a FIFO or /dev/zero as the source document of coverage, in one line', () => {
    const ws = workspace({ 'a.plan.txt': PLAN });
    mkfifoSync!(join(ws, 'source.txt'));
    const fifo = timed(['coverage', '--locale', 'en', 'a.plan.txt', '--source', 'source.txt'], ws);
    expect(fifo.status).toBe(2);
    expect(fifo.stderr.trim()).toBe('fengong: cannot read the source document: not a regular file (pipes and devices are not read): source.txt');
    expect(fifo.ms).toBeLessThan(QUICK_MS);
    const zero = timed(['coverage', '--locale', 'en', 'a.plan.txt', '--source', '/dev/zero'], ws);
    expect(zero.status).toBe(2);
    expect(zero.ms).toBeLessThan(QUICK_MS);
  });

  it('check /dev/zero, --project /dev/zero and import /dev/zero exit 2 at once', () => {
    const ws = workspace({ 'a.plan.txt': PLAN });
    const check = timed(['check', '--locale', 'en', '/dev/zero'], ws);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain('fengong: not a regular file (pipes and devices are not read): /dev/zero');
    expect(check.ms).toBeLessThan(QUICK_MS);
    const project = timed(['check', '--locale', 'en', '--project', '/dev/zero', 'a.plan.txt'], ws);
    expect(project.status).toBe(2);
    expect(project.stderr.trim()).toBe('fengong: cannot read the project file: not a regular file (pipes and devices are not read): /dev/zero');
    expect(project.ms).toBeLessThan(QUICK_MS);
    const imported = timed(['import', '-o', '-', '/dev/zero'], ws);
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('not a regular file');
    expect(imported.ms).toBeLessThan(QUICK_MS);
  });

  it('reads standard input up to the plan limit: /dev/zero on stdin ends, refused', () => {
    const ws = workspace({ 'a.plan.txt': PLAN });
    const fd = openSync('/dev/zero', 'r');
    try {
      const r = timed(['check', '--locale', 'en', '-'], ws, fd);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('file too large (over 20 MiB): <stdin>');
    } finally {
      closeSync(fd);
    }
  });
});

describe('oversized files', () => {
  it('refuses a project file over 4 MiB and a plan over 20 MiB, saying so', () => {
    const ws = workspace({ 'a.plan.txt': PLAN });
    writeFileSync(join(ws, 'big.json'), `{ "agencies": [] ${' '.repeat(4 * 1024 * 1024)}}`);
    const project = timed(['check', '--locale', 'en', '--project', 'big.json', 'a.plan.txt'], ws);
    expect(project.status).toBe(2);
    expect(project.stderr.trim()).toBe('fengong: cannot read the project file: file too large (over 4 MiB): big.json');
    writeFileSync(join(ws, 'big.plan.txt'), PLAN + '加快建设。\n'.repeat(2 * 1024 * 1024));
    const plan = timed(['check', '--locale', 'en', 'big.plan.txt'], ws);
    expect(plan.status).toBe(2);
    expect(plan.stderr).toContain('fengong: file too large (over 20 MiB): big.plan.txt');
  });
});
