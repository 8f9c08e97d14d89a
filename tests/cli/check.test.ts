// The checker as a user runs it: the bundled dist/cli.js in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from './cli';
import { ROOT, SAMPLE } from '../helpers';

const CLI = join(ROOT, 'dist/cli.js');
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

let dir: string;
beforeAll(() => {
  build();
  dir = mkdtempSync(join(tmpdir(), 'fengong-cli-'));
});

describe('fengong check', () => {
  it('passes the sample: exit 0, hints only, a summary line', () => {
    const r = cli(['check', 'seeds/manzhouli-2014.txt']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^seeds\/manzhouli-2014\.txt:58:\d+: hint: .*\[agency\.alias\]$/);
    expect(lines.at(-1)).toContain('0 errors, 0 warnings');
  });

  it('prints the outline with --outline', () => {
    const r = cli(['check', '--outline', 'seeds/manzhouli-2014.txt']);
    expect(r.stdout).toContain('  一、推进体制机制改革创新  (6)');
    expect(r.stdout).toContain('    (二十九)消除和减缓不良环境影响的措施  (168)');
    expect(r.stdout).toContain('任务 (tasks): 77');
  });

  it('gives the JSON contract', () => {
    const r = cli(['check', '--format', 'json', 'seeds/manzhouli-2014.txt']);
    expect(r.status).toBe(0);
    const { files } = JSON.parse(r.stdout);
    const f = files[0];
    expect(f.title).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案');
    expect(f.outline).toHaveLength(7);
    expect(f.outline[0]).toMatchObject({ kind: 'chapter', number: '一、', title: '推进体制机制改革创新', line: 6 });
    expect(f.outline[0].children[0]).toMatchObject({ kind: 'section', number: '(一)', line: 8 });
    expect(f.tasks).toHaveLength(77);
    // line/column where the clause starts: 1-based, UTF-16 columns
    const line8 = SAMPLE.split('\n')[7];
    expect(f.tasks[0]).toMatchObject({ line: 8, column: line8.indexOf('(自治区商务厅牵头') + 1, title: '创新口岸管理服务体系', lead: ['自治区商务厅'], responsible: [] });
    expect(f.tasks[0].cooperating).toEqual(['满洲里海关', '内蒙古出入境检验检疫局', '自治区外事办', '自治区交通运输厅', '自治区公安边防总队', '自治区贸促会']);
    expect(f.tasks[0].parties[4]).toEqual({ name: '自治区交通运输厅', written: '交通运输厅', role: 'cooperating', agency: '自治区交通运输厅' });
    expect(f.diagnostics[0]).toMatchObject({ line: 58, severity: 'hint', code: 'agency.alias' });
    expect(Object.keys(f.diagnostics[0])).toEqual(['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('exits 1 on an error and reports path:line:column', () => {
    const p = join(dir, 'broken.plan.txt');
    writeFileSync(p, SAMPLE.replace('(自治区商务厅牵头,满洲里海关', '(自治区商务厅牵头,满洲里海关X').replace('自治区外事办牵头,', '自治区外事办牵头,(') + '\n加快建设。(自治区商务厅牵头');
    const r = cli(['check', p]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/broken\.plan\.txt:8:\d+: warning: .*满洲里海关X.*\[agency\.unknown\]/);
    expect(r.stdout).toMatch(/: error: .*\[clause\.unclosed\]/);
  });

  it('uses the nearest fengong.registry.json, and reports a broken one in that file', () => {
    const ws = join(dir, 'ws');
    mkdirSync(join(ws, 'plans'), { recursive: true });
    writeFileSync(join(ws, 'plans/a.plan.txt'), '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头,县乙局配合)\n');
    writeFileSync(join(ws, 'fengong.registry.json'), '{ "agencies": [ { "name": "县甲局" } ] }');
    let r = cli(['check', 'plans/a.plan.txt'], ws);
    expect(r.stdout).toMatch(/a\.plan\.txt:3:\d+: warning: .*县乙局.*\[agency\.unknown\]/);
    expect(r.status).toBe(0);
    writeFileSync(join(ws, 'fengong.registry.json'), '{ "agencies": [ { "name": "县甲局" } ');
    r = cli(['check', 'plans/a.plan.txt'], ws);
    expect(r.stdout).toMatch(/^fengong\.registry\.json:1:\d+: error: .*\[registry\.invalid-json\]/m);
    expect(r.status).toBe(1);
  });

  it('reads a registry saved with a byte order mark (as Windows Notepad saves one)', () => {
    const ws = join(dir, 'ws-bom');
    mkdirSync(ws, { recursive: true });
    writeFileSync(join(ws, 'a.plan.txt'), '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头,县乙局配合)\n');
    writeFileSync(join(ws, 'fengong.registry.json'), '\ufeff{ "agencies": [ { "name": "县甲局" }, { "name": "县乙局" } ] }');
    const r = cli(['check', '--format', 'json', 'a.plan.txt'], ws);
    expect(r.status).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.diagnostics).toEqual([]);
    expect(file.tasks[0].parties.map((p: { agency: string | null }) => p.agency)).toEqual(['县甲局', '县乙局']);
    expect(JSON.parse(r.stdout).projectFiles).toEqual([]);
  });

  it('reads GB18030 files', () => {
    const p = join(dir, 'gbk.txt');
    // 一、任务 / 加快建设。(自治区商务厅牵头) in GB18030
    const gbk = Buffer.from('d2bba1a2c8cecef10abcd3bfecbda8c9e8a1a328d7d4d6cec7f8c9cccef1ccfcc7a3cdb729', 'hex');
    writeFileSync(p, gbk);
    const r = cli(['check', '--format', 'json', p]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files[0].tasks[0].lead).toEqual(['自治区商务厅']);
  });

  it('exits 2 with a one-line reason for bad usage and unreadable paths', () => {
    for (const args of [[], ['check'], ['check', '--format', 'xml', 'x'], ['lint', 'x'], ['check', 'no/such/file.txt'], ['check', 'tests/fixtures/sarif']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/at .*\.js:\d+/);
    }
    expect(cli(['check', 'no/such/file.txt']).stderr).toBe('fengong: 无法读取文件 (cannot read file, ENOENT): no/such/file.txt\n');
  });
});
