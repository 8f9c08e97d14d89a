// fix --write changes the bytes of its fixes and no others: text that does not survive decoding
// and encoding again (a lone UTF-16 surrogate, an odd last byte, GB18030's 0x80 and A3 A0) is
// copied from the file as it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, repairPlan } from '../../server/src/engine';
import { encodeGb18030 } from '../../server/src/cli/fix';
import { ROOT, SAMPLE } from '../helpers';
import { build, FAULTY } from './cli';

const CLI = join(ROOT, 'dist/cli.js');
const fix = (p: string) => spawnSync(process.execPath, [CLI, 'fix', '--write', p], { encoding: 'utf8' });
const FIXED = /^\S+: 已修复 \(0 处条款修复 clause fixes, 1 处编号 renumbered, 0 处格式 formatting\)$/m;
const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const gb = (s: string) => Buffer.from(encodeGb18030(s)!);

// Renumbering makes 三、 二、: the one change, on the heading line.
const HEAD = '《甲》分工方案\n一、任务\n推进改革。(县甲局牵头)\n';
const BODY = '、保障\n加强领导。(县乙局牵头)\n';

let dir: string;
beforeAll(() => {
  build();
  dir = mkdtempSync(join(tmpdir(), 'fengong-bytes-'));
});

function written(name: string, bytes: Buffer): { status: number | null; stdout: string; stderr: string; bytes: Buffer } {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  const r = fix(p);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, bytes: readFileSync(p) };
}

describe('fix --write keeps every byte outside its fixes', () => {
  it('UTF-16LE: a lone surrogate in another line, one on the changed line, and an odd last byte stay as they were', () => {
    const lone = Buffer.from([0x00, 0xd8]); // U+D800 alone
    const before = (n: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('《甲》分工方案\n一、任务\n推进改革'), lone, utf16('。(县甲局牵头)\n' + n + '、保障'), lone, utf16('\n加强领导。(县乙局牵头)\n'), Buffer.from([0x41])]);
    const r = written('utf16.plan.txt', before('三'));
    expect(r.stdout).toMatch(FIXED);
    expect(r.status).toBe(0);
    expect(r.bytes.toString('hex')).toBe(before('二').toString('hex'));
  });

  it('GB18030: 0x80 and A3 A0 stay as they were (not A2 E3 and A1 A1)', () => {
    const before = (n: string) => Buffer.concat([gb('《甲》分工方案\n一、任务\n推进改革'), Buffer.from([0x80]), gb('。(县甲局牵头)\n' + n + '、保障\n加强'), Buffer.from([0xa3, 0xa0]), gb('领导。(县乙局牵头)\n')]);
    const r = written('gb.plan.txt', before('三'));
    expect(r.stdout).toMatch(FIXED);
    expect(r.status).toBe(0);
    expect(r.bytes.toString('hex')).toBe(before('二').toString('hex'));
  });

  it('GB18030: every sequence that does not come back the same is copied, not re-encoded', () => {
    // The sequences (one, two and four bytes, the BMP's) whose decoding encodes to other bytes, each once in the body.
    const decoder = new TextDecoder('gb18030', { fatal: true });
    const odd: Buffer[] = [];
    const check = (bytes: Buffer) => {
      let s: string;
      try {
        s = decoder.decode(bytes);
      } catch {
        return;
      }
      if (!Buffer.from(encodeGb18030(s) ?? []).equals(bytes)) odd.push(bytes);
    };
    check(Buffer.from([0x80]));
    for (let b1 = 0x81; b1 <= 0xfe; b1++) for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) check(Buffer.from([b1, b2]));
    for (let p = 0; p < 39420; p++) check(Buffer.from([0x81 + Math.floor(p / 12600), 0x30 + (Math.floor(p / 1260) % 10), 0x81 + (Math.floor(p / 10) % 126), 0x30 + (p % 10)]));
    expect(odd.length).toBeGreaterThanOrEqual(20);
    const before = (n: string) => Buffer.concat([gb(HEAD + n + BODY + '说明'), ...odd, gb('。\n')]);
    const r = written('gb-odd.plan.txt', before('三'));
    // written (1: the odd characters leave the body line with a finding of its own)
    expect(r.status).not.toBe(2);
    expect(r.stdout).toMatch(/已修复/);
    expect(r.bytes.toString('hex')).toBe(before('二').toString('hex'));
  });

  it('UTF-8 with a BOM and CRLF: only the renumbered character changes', () => {
    const before = (n: string) => Buffer.from('\ufeff' + (HEAD + n + BODY).replace(/\n/g, '\r\n'), 'utf8');
    const r = written('bom.plan.txt', before('三'));
    expect(r.status).toBe(0);
    expect(r.bytes.equals(before('二'))).toBe(true);
  });
});

describe("repairPlan's changes", () => {
  it.each([
    ['the faulty sample', FAULTY, {}],
    ['the sample, full width', SAMPLE, { format: { fullWidth: true } }],
  ])('%s: edits of the original that make the fixed text, touching only what changed', (_, text, options) => {
    const r = repairPlan(text, options);
    expect(r.changed).toBe(true);
    expect(applyEdits(text, r.changes)).toBe(r.text);
    expect(r.changes.length).toBeGreaterThan(1);
    const touched = r.changes.reduce((n, c) => n + c.span.end - c.span.start, 0);
    expect(touched).toBeLessThan(text.length / 10);
  });
});

describe('writeBack', () => {
  it('refuses (nothing to write) when the bytes do not line up with the text they were read as', async () => {
    const { writeBack } = await import('../../server/src/cli/writeBack');
    const bytes = Buffer.from('一、任务\n', 'utf8');
    expect(writeBack(bytes, '一、任务\n多余\n', 'utf-8', [{ span: { start: 0, end: 1 }, newText: '二' }], '二、任务\n多余\n')).toEqual({ error: 'splice' });
    expect(writeBack(gb('一、任务\n'), '一、任务\n', 'gb18030', [{ span: { start: 0, end: 1 }, newText: '\ud800' }], '\ud800、任务\n')).toEqual({ error: 'encode' });
  });
});
