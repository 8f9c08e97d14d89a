// fengong coverage: a plan against its source document, in text and JSON; exit 0 (advice)
// unless --min-coverage is not met (1); bad input exit 2 with one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build, cli, workspace } from './cli';
import { ROOT } from '../helpers';

beforeAll(build);

const DIR = join(ROOT, 'tests/fixtures/real/coverage');
const PLAN = join(ROOT, 'tests/fixtures/real/2018-national-gzbg-xiangcun.txt');
const REPORT = join(DIR, '2018-national-gzbg-report.txt');

const SOURCE = '一、重点任务\n（一）加快口岸建设。推进满洲里口岸扩能改造，完善查验设施。\n（二）举办中俄蒙旅游节。\n';
// The same text in GB18030, as a government office's file comes.
const SOURCE_GB18030 = Buffer.from(
  'd2bba1a2d6d8b5e3c8cecef10aa3a8d2bba3a9bcd3bfecbfdab0b6bda8c9e8a1a3cdc6bdf8c2fad6dec0efbfdab0b6c0a9c4dcb8c4d4eca3accdeac9c6b2e9d1e9c9e8caa9a1a30aa3a8b6fea3a9bed9b0ecd6d0b6edc3c9c2c3d3cebddaa1a30a',
  'hex',
);
const SMALL_PLAN = '关于印发《口岸建设》分工方案的通知\n为贯彻落实《口岸建设规划》，现将任务分解如下：\n一、重点任务\n(一)推进满洲里口岸扩能改造，完善口岸查验设施。(自治区商务厅牵头)\n(二)开展全民健身运动。(自治区体育局牵头)\n';

describe('fengong coverage', () => {
  it('the real pair, text: coverage, the unassigned measures with their lines, the tasks and the measures they cover; exit 0', () => {
    const r = cli(['coverage', PLAN, '--source', REPORT, '--locale', 'zh-cn']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^覆盖率: 10\/\d+ = \d+(\.\d)?%$/m);
    expect(r.stdout).toContain('方案写明《政府工作报告》');
    expect(r.stdout).toMatch(/2018-national-gzbg-report\.txt:152: 落实第二轮土地承包到期后再延长30年的政策/);
    expect(r.stdout).toContain('    ← tests/fixtures/real/coverage/2018-national-gzbg-report.txt:150: 加快消化粮食库存');
    expect(r.stderr).toBe('');
  });

  it('JSON: the same figures, each measure with line, column and offset in the source', () => {
    const r = cli(['coverage', PLAN, '--source', REPORT, '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.coverage.assigned).toBe(10);
    expect(j.coverage.ratio).toBeCloseTo(10 / j.coverage.total);
    expect(j.unsourced).toEqual([]);
    expect(j.tasks.map((t: { measures: unknown[] }) => t.measures.length)).toEqual([1, 9]);
    const m = j.unassigned.find((x: { text: string }) => x.text === '落实第二轮土地承包到期后再延长30年的政策');
    expect(m).toMatchObject({ line: 152, column: 10, heading: '（五）大力实施乡村振兴战略' });
  });

  it('--min-coverage: exit 1 when not met, 0 when met; a bad value is one line, exit 2', () => {
    expect(cli(['coverage', PLAN, '--source', REPORT, '--min-coverage', '85']).status).toBe(1);
    expect(cli(['coverage', PLAN, '--source', REPORT, '--min-coverage', '1%']).status).toBe(0);
    const bad = cli(['coverage', PLAN, '--source', REPORT, '--min-coverage', 'most', '--locale', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['fengong: --min-coverage must be a number from 0 to 100, not most; see fengong coverage --help']);
  });

  it('the project file’s source, relative to it; a GB18030 source; unsourced tasks listed', () => {
    const ws = workspace({ 'fengong.json': '{ "source": "上位/规划.txt" }', '上位/规划.txt': SOURCE_GB18030, 'plans/p.plan.txt': SMALL_PLAN });
    const r = cli(['coverage', 'plans/p.plan.txt', '--format', 'json'], { cwd: ws });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.source).toMatch(/规划\.txt$/);
    expect(j.statedSource).toBe('口岸建设规划');
    expect(j.coverage).toEqual({ ratio: 0.5, assigned: 1, total: 2 });
    expect(j.unassigned.map((m: { text: string; line: number }) => `${m.line} ${m.text}`)).toEqual(['3 举办中俄蒙旅游节']);
    expect(j.unsourced.map((t: { name: string }) => t.name)).toEqual(['开展全民健身运动']);
  });

  it('a .docx source is read through the Word import', () => {
    const ws = workspace({ 'source.txt': SOURCE, 'p.plan.txt': SMALL_PLAN });
    expect(cli(['export', '--format', 'docx', '-o', 'source.docx', 'source.txt'], { cwd: ws }).status).toBe(0);
    const r = cli(['coverage', 'p.plan.txt', '--source', 'source.docx', '--format', 'json'], { cwd: ws });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).coverage.assigned).toBe(1);
  });

  it('bad input: no source named, a missing source, a source that is no text, one with no measures, a plan with no stated source', () => {
    const ws = workspace({ 'p.plan.txt': SMALL_PLAN, 'bin.txt': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), 'chat.txt': '各位代表：\n\n谢谢大家。\n', 'bare.plan.txt': '重点工作分工方案\n一、重点任务\n(一)推进满洲里口岸扩能改造。(自治区商务厅牵头)\n', 'fake.docx': 'not a zip' });
    const none = cli(['coverage', 'p.plan.txt', '--locale', 'en'], { cwd: ws });
    expect(none.status).toBe(2);
    expect(none.stderr.trim().split('\n')).toEqual(['fengong: no source document: give --source FILE, or "source" in the project file; see fengong coverage --help']);
    const missing = cli(['coverage', 'p.plan.txt', '--source', 'nowhere.txt', '--locale', 'en'], { cwd: ws });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['fengong: cannot read the source document (ENOENT): nowhere.txt']);
    const docx = cli(['coverage', 'p.plan.txt', '--source', 'fake.docx', '--locale', 'en'], { cwd: ws });
    expect(docx.status).toBe(2);
    expect(docx.stderr.trim().split('\n')).toHaveLength(1);
    const chat = cli(['coverage', 'p.plan.txt', '--source', 'chat.txt', '--locale', 'en'], { cwd: ws });
    expect(chat.status).toBe(0);
    expect(chat.stderr).toMatch(/no measures found in the source document/);
    const bare = cli(['coverage', 'bare.plan.txt', '--source', 'chat.txt', '--locale', 'en'], { cwd: ws });
    expect(bare.stdout).toContain('(the plan names no source)');
    expect(cli(['coverage', '--source', 'chat.txt'], { cwd: ws }).status).toBe(2);
  });
});
