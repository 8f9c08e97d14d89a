// fengong fix as a user runs it: the bundled dist/cli.js in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from './cli';
import { formatChineseNumeral } from '../../server/src/engine';
import { ROOT, run, SAMPLE } from '../helpers';

const CLI = join(ROOT, 'dist/cli.js');
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

// The sample with a section inserted after (四): two (五)s, the rest one behind.
const INSERTED = SAMPLE.replace('(五)创新土地管理体系', '(五)深化投融资体制改革。拓宽融资渠道,具体见(六)。(自治区发展改革委牵头,自治区财政厅等部门配合)\n\n(五)创新土地管理体系');

let dir: string;
beforeAll(() => {
  build();
  dir = mkdtempSync(join(tmpdir(), 'fengong-fix-'));
});

describe('fengong fix', () => {
  it('prints the sample with a section inserted as (一) to (三十) in order, with no numbering finding', () => {
    const p = join(dir, 'inserted.plan.txt');
    writeFileSync(p, INSERTED);
    const r = cli(['fix', p]);
    expect(r.status).toBe(0);
    const { model, findings } = run(r.stdout);
    expect(model.headings.filter((h) => h.kind === 'section').map((h) => h.marker)).toEqual(Array.from({ length: 30 }, (_, i) => `(${formatChineseNumeral(i + 1)})`));
    expect(findings.filter((f) => f.code.startsWith('numbering.'))).toEqual([]);
    expect(model.tasks).toHaveLength(78);
    // the registry name for 内蒙古民航机场集团公司 (a safe alias fix)
    expect(r.stdout).not.toContain('内蒙古民航机场集团公司');
    // the file itself is left alone without --write
    expect(readFileSync(p, 'utf8')).toBe(INSERTED);
    // the reference 见(六) is listed for the drafter, not rewritten
    expect(r.stdout).toContain('具体见(六)');
    expect(r.stderr).toMatch(/inserted\.plan\.txt:\d+:\d+: 请核对引用“见\(六\)”.*\(maybe 七\)/);
    expect(r.stderr).toMatch(/inserted\.plan\.txt: 已修复 \(2 处条款修复 clause fixes, 25 处编号 renumbered, 0 处格式 formatting\)/);
  });

  it('writes back with --write, keeping a BOM and CRLF line ends', () => {
    const p = join(dir, 'crlf.plan.txt');
    const original = '\ufeff' + INSERTED.replace(/\n/g, '\r\n');
    writeFileSync(p, original);
    const r = cli(['fix', '--write', p]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已修复');
    const bytes = readFileSync(p);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')).toHaveLength(original.split('\r\n').length);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('(三十)消除和减缓不良环境影响的措施');
    // fixing again changes nothing
    const again = cli(['fix', '--write', p]);
    expect(again.stdout).toContain('无需修复');
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('writes a GB18030 file back in GB18030', () => {
    const p = join(dir, 'gbk.txt');
    // 一、任务 / (二)加快建设。(自治区商务厅牵头) in GB18030: (二) should be (一)
    const text = '一、任务\n(二)加快建设。(自治区商务厅牵头)\n';
    const gbk = Buffer.from('d2bba1a2c8cecef10a28b6fe29bcd3bfecbda8c9e8a1a328d7d4d6cec7f8c9cccef1ccfcc7a3cdb7290a', 'hex');
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(text);
    writeFileSync(p, gbk);
    const r = cli(['fix', '--write', p]);
    expect(r.status).toBe(0);
    const out = readFileSync(p);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(out)).toBe(text.replace('(二)', '(一)'));
    expect(out.length).toBe(gbk.length);
  });

  it('formats full-width with --full-width, and not at all with --no-format', () => {
    const p = join(dir, 'small.plan.txt');
    writeFileSync(p, '《规划》分工方案\n一、任务\n(一)加快建设。(自治区商务厅牵头,自治区财政厅等部门配合)\n');
    expect(cli(['fix', '--full-width', p]).stdout).toContain('（一）加快建设。（自治区商务厅牵头，自治区财政厅等部门配合）');
    // The body's punctuation too, between Chinese words; numbers stay as written.
    writeFileSync(p, '《规划》分工方案\n一、任务\n(一)加快建设,扩大规模:新增1,000家。(自治区商务厅牵头)\n');
    expect(cli(['fix', '--full-width', p]).stdout).toContain('（一）加快建设，扩大规模：新增1,000家。（自治区商务厅牵头）');
    expect(cli(['fix', p]).stdout).toContain('加快建设,扩大规模:新增1,000家。');
    writeFileSync(p, '《规划》分工方案\n一、任务\n(二)加快建设。(自治区商务厅牵头 ，自治区财政厅等部门配合)\n');
    expect(cli(['fix', '--no-format', p]).stdout).toContain('(一)加快建设。(自治区商务厅牵头 ，自治区财政厅等部门配合)');
  });

  it('exits 2 with a one-line reason for bad usage and unreadable paths', () => {
    for (const args of [['fix'], ['fix', '--bogus', 'x'], ['fix', 'no/such/file.txt'], ['fix', 'tests/fixtures/sarif']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/at .*\.js:\d+/);
    }
    expect(cli(['fix', 'no/such/file.txt']).stderr).toBe('fengong: 无法读取文件 (cannot read file, ENOENT): no/such/file.txt\n');
  });
});
