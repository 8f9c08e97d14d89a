// Every file the product writes is replaced whole or not at all (server/src/host/atomicWrite.ts):
// a write that fails half way (a full disk) leaves the original byte for byte as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NODE_FS, writeFileAtomic, type AtomicFs } from '../../server/src/host/atomicWrite';
import { ROOT, SAMPLE } from '../helpers';
import { build } from './cli';

const CLI = join(ROOT, 'dist/cli.js');
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const folder = () => fs.mkdtempSync(join(tmpdir(), 'fengong-atomic-'));

/** Node's calls, but every write stops after `budget` bytes with ENOSPC, as a full disk does. */
function fullDisk(budget: number): AtomicFs {
  let left = budget;
  return {
    ...NODE_FS,
    writeSync(fd, data, offset, length) {
      if (left <= 0) throw enospc();
      const n = Math.min(left, length);
      left -= n;
      return fs.writeSync(fd, data, offset, n);
    },
  };
}

describe('writeFileAtomic', () => {
  it('a write that fails half way (ENOSPC) leaves the original byte-identical and no temporary file', () => {
    const dir = folder();
    const p = join(dir, 'plan.txt');
    const original = Buffer.from(SAMPLE, 'utf8');
    fs.writeFileSync(p, original);
    const longer = Buffer.from(SAMPLE + SAMPLE, 'utf8');
    expect(() => writeFileAtomic(p, longer, fullDisk(original.length / 2))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(fs.readFileSync(p).equals(original)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['plan.txt']);
  });

  it('a failed rename or flush also leaves the original and removes the temporary file', () => {
    const dir = folder();
    const p = join(dir, 'plan.txt');
    fs.writeFileSync(p, '原文');
    for (const broken of [
      { renameSync: () => { throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' }); } },
      { fsyncSync: () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); } },
    ]) {
      expect(() => writeFileAtomic(p, '新的文本', { ...NODE_FS, ...broken })).toThrow();
      expect(fs.readFileSync(p, 'utf8')).toBe('原文');
      expect(fs.readdirSync(dir)).toEqual(['plan.txt']);
    }
  });

  it("replaces the file whole, keeping its mode, and writes through a symbolic link to the file it names", () => {
    const dir = folder();
    const p = join(dir, 'plan.txt');
    fs.writeFileSync(p, '原文');
    fs.chmodSync(p, 0o640);
    writeFileAtomic(p, '新的文本');
    expect(fs.readFileSync(p, 'utf8')).toBe('新的文本');
    expect(fs.statSync(p).mode & 0o777).toBe(0o640);
    const link = join(dir, 'link.txt');
    fs.symlinkSync(p, link);
    writeFileAtomic(link, '经由链接');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(p, 'utf8')).toBe('经由链接');
    // a new file is made as writeFileSync would make it
    writeFileAtomic(join(dir, 'new.csv'), 'a,b\n');
    expect(fs.readFileSync(join(dir, 'new.csv'), 'utf8')).toBe('a,b\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['link.txt', 'new.csv', 'plan.txt']);
  });
});

// A real full disk: a 64 KiB tmpfs, filled. Needs root (mount); skipped, saying why, elsewhere.
describe('on a full disk (64 KiB tmpfs)', () => {
  let disk: string | undefined;
  let why = '';
  beforeAll(() => {
    build();
    const dir = folder();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
      disk = dir;
    } catch (e) {
      why = `cannot mount a tmpfs here (${String((e as Error).message).split('\n')[0]})`;
    }
  });
  afterAll(() => {
    if (disk) execFileSync('umount', [disk]);
  });
  afterEach(() => {
    if (disk) for (const f of fs.readdirSync(disk)) fs.rmSync(join(disk, f));
  });

  /** Fills what is left of the disk. */
  function fill(): void {
    const fd = fs.openSync(join(disk!, 'filler'), 'a');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
  }

  it('fix --write exits 2 with one line naming the file and ENOSPC, and the plan is byte-identical', ({ skip }) => {
    if (!disk) return skip(why);
    // The sample padded to just under 13 pages: --full-width makes it longer than those pages,
    // so a rewrite in place would run out of room part way.
    const head = Buffer.from(SAMPLE + '\n说明：', 'utf8');
    const original = Buffer.concat([head, Buffer.from('。'.repeat(Math.floor((13 * 4096 - 64 - head.length) / 3)), 'utf8')]);
    const p = join(disk, 'plan.txt');
    fs.writeFileSync(p, original);
    const fixed = cli(['fix', '--full-width', p]);
    expect(Buffer.byteLength(fixed.stdout)).toBeGreaterThan(13 * 4096);
    fill();
    const r = cli(['fix', '--write', '--full-width', p]);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('fengong:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/无法写入文件.*ENOSPC.*plan\.txt$/);
    expect(fs.statSync(p).size).toBe(original.length);
    expect(fs.readFileSync(p).equals(original)).toBe(true);
    expect(fs.readdirSync(disk).sort()).toEqual(['filler', 'plan.txt']);
  });

  it('matrix --output over an existing export on a full disk exits 2 and keeps the old export', ({ skip }) => {
    if (!disk) return skip(why);
    const plan = join(ROOT, 'seeds/manzhouli-2014.txt');
    const out = join(disk, 'matrix.csv');
    const old = Buffer.from('单位,牵头\n旧的导出,1\n'.repeat(200), 'utf8');
    fs.writeFileSync(out, old);
    fill();
    const r = cli(['matrix', '--format', 'csv', '--output', out, plan]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/无法写入文件.*ENOSPC.*matrix\.csv/);
    expect(fs.readFileSync(out).equals(old)).toBe(true);
    expect(fs.readdirSync(disk).sort()).toEqual(['filler', 'matrix.csv']);
  });
});
