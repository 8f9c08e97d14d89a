// Export then import gives back the plan: on the sample, the same 77 tasks with the same number,
// name, lead and cooperating agencies; through the library, the bundled command line, and the
// attachment table read on its own.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, applyEdits, fullWidthEdits } from '../../server/src/engine';
import { taskRows } from '../../server/src/engine/reports/table';
import { exportDocx } from '../../server/src/word/docxExport';
import { importDocx } from '../../server/src/word/docxImport';
import { ROOT, SAMPLE } from '../helpers';
import { makeDocx, p, r } from './fixtures/build';

const CLI = join(ROOT, 'dist/cli.js');
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

/** What a reviewer checks per task: where it is, what it is called, who leads, who helps. */
const rowsOf = (text: string) => taskRows(analyze(text).model).map((t) => ({ number: t.number, name: t.name, lead: t.lead, cooperating: t.cooperating, responsible: t.responsible }));
const SAMPLE_ROWS = rowsOf(SAMPLE);
// The export writes the body's punctuation in full width (GB/T 15834): names read with ，（）.
const SAMPLE_FULL_WIDTH = applyEdits(SAMPLE, fullWidthEdits(analyze(SAMPLE).model));
const FULL_ROWS = rowsOf(SAMPLE_FULL_WIDTH);

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'fengong-word-'));
});

describe('export then import', () => {
  it('gives back the sample’s 77 tasks with the same numbers, names, leads and cooperating agencies', async () => {
    expect(SAMPLE_ROWS).toHaveLength(77);
    const { bytes } = await exportDocx(analyze(SAMPLE).model, { punctuation: 'as-written' });
    const back = await importDocx(bytes);
    expect(back.warnings).toEqual([]);
    expect(rowsOf(back.text)).toEqual(SAMPLE_ROWS);
  });

  it('gives them back with full-width punctuation by default, the parties unchanged', async () => {
    const back = await importDocx((await exportDocx(analyze(SAMPLE).model)).bytes);
    const rows = rowsOf(back.text);
    expect(rows).toEqual(FULL_ROWS);
    expect(rows.map((r) => [r.number, r.lead, r.cooperating, r.responsible])).toEqual(SAMPLE_ROWS.map((r) => [r.number, r.lead, r.cooperating, r.responsible]));
    expect(back.text).toContain('创新人力资源开发和管理模式，建立');
    expect(back.text).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
  });

  it('leaves the attachment table out when it only repeats the text, and says so', async () => {
    const { bytes } = await exportDocx(analyze(SAMPLE).model, { withTable: true });
    const back = await importDocx(bytes);
    expect(rowsOf(back.text)).toEqual(FULL_ROWS);
    expect(back.text).not.toMatch(/^附件/m);
    expect(back.text).not.toContain('任务分工表');
    expect(back.warnings).toEqual(["1 个任务表与正文任务重复，未导入 (1 task tables repeating the text's tasks left out)"]);
  });

  it('reads the attachment table alone as 77 tasks, each keeping its lead and cooperating cells as a clause', async () => {
    const { bytes } = await exportDocx(analyze(SAMPLE).model, { withTable: true });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    const table = /<w:tbl>.*<\/w:tbl>/s.exec(xml)![0];
    const back = await importDocx(makeDocx({ body: p(r('《满洲里试验区建设总体规划》重点工作任务分工表')) + table }));
    const rows = rowsOf(back.text);
    expect(rows).toHaveLength(77);
    expect(rows.map((t) => t.lead)).toEqual(SAMPLE_ROWS.map((t) => (t.lead.length ? t.lead : t.responsible)));
    expect(rows.map((t) => t.cooperating)).toEqual(SAMPLE_ROWS.map((t) => t.cooperating));
    const lines = back.text.split('\n');
    expect(lines).toContain('一、推进体制机制改革创新');
    expect(lines).toContain('（三）创新金融服务体系');
    expect(lines).toContain('4.拓展国际金融业务。在金融业务、金融产品等方面加强创新……（人民银行呼和浩特中心支行牵头，内蒙古银监局、内蒙古保监局、自治区金融办配合）');
  });
});

describe('fengong export / fengong import', () => {
  it('exports the sample beside nothing, imports it to stdout, and the tasks survive', () => {
    const out = join(dir, 'sample.docx');
    const ex = cli(['export', '--format', 'docx', '--with-table', '-o', out, 'seeds/manzhouli-2014.txt']);
    expect(ex.status).toBe(0);
    expect(ex.stderr).toContain('略去 3 行网页杂项');
    expect(ex.stderr).toContain(`已写入 (wrote) ${out}`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const im = cli(['import', out, '-o', '-']);
    expect(im.status).toBe(0);
    expect(im.stderr).toContain('任务表与正文任务重复');
    expect(rowsOf(im.stdout)).toEqual(FULL_ROWS);
  });

  it('writes NAME.plan.txt and NAME.docx beside their sources, never over an existing file unless --force', () => {
    const plan = join(dir, '方案.plan.txt');
    writeFileSync(plan, SAMPLE);
    expect(cli(['export', plan]).status).toBe(0);
    expect(existsSync(join(dir, '方案.docx'))).toBe(true);
    const again = cli(['export', plan]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在，未覆盖');
    expect(cli(['export', '--force', plan]).status).toBe(0);
    // The body's punctuation is made full width unless --as-written keeps it.
    const body = (file: string) => strFromU8(unzipSync(readFileSync(file))['word/document.xml']);
    expect(body(join(dir, '方案.docx'))).toContain('根据自治区');
    expect(body(join(dir, '方案.docx'))).not.toContain('简称《规划》),根据');
    expect(cli(['export', '--as-written', '-o', join(dir, '原样.docx'), plan]).status).toBe(0);
    expect(body(join(dir, '原样.docx'))).toContain('提出的各项重点任务,根据自治区');

    const docx = join(dir, '方案.docx');
    const refused = cli(['import', docx]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('方案.plan.txt 已存在');
    const other = join(dir, '导入.plan.txt');
    expect(cli(['import', docx, '-o', other]).status).toBe(0);
    expect(rowsOf(readFileSync(other, 'utf8'))).toEqual(FULL_ROWS);
    writeFileSync(join(dir, '另一份.docx'), readFileSync(docx));
    expect(cli(['import', join(dir, '另一份.docx')]).status).toBe(0);
    expect(existsSync(join(dir, '另一份.plan.txt'))).toBe(true);
  });

  it('answers a file that is no .docx, a missing file and bad usage with exit 2 and a reason', () => {
    const notDocx = cli(['import', 'seeds/manzhouli-2014.txt', '-o', '-']);
    expect(notDocx.status).toBe(2);
    expect(notDocx.stderr).toContain('不是 Word 文档（.docx）：不是 zip 压缩包 (not a Word document (.docx): not a zip package)');
    const missing = cli(['import', join(dir, 'nothing.docx')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('无法读取文件');
    expect(cli(['export', '--format', 'pdf', 'seeds/manzhouli-2014.txt']).status).toBe(2);
    expect(cli(['import']).status).toBe(2);
    expect(cli(['export', join(dir, 'nothing.plan.txt')]).status).toBe(2);
  });

  it('lists both commands in the usage, and their options in their --help', () => {
    const help = cli(['--help']);
    expect(help.stdout).toContain('fengong import FILE.docx');
    expect(help.stdout).toContain('fengong export FILE');
    expect(cli(['import', '--help']).stdout).toMatch(/-o, --output OUT\|-[\s\S]*--force/);
    expect(cli(['export', '--help']).stdout).toMatch(/--format docx[\s\S]*--with-table/);
  });

  it('keeps the Word libraries out of cli.js and server.js: they load from dist/word.js on first use', () => {
    for (const bundle of ['dist/cli.js', 'dist/server.js']) {
      const js = readFileSync(join(ROOT, bundle), 'utf8');
      expect(js).not.toContain('fast-xml-parser');
      expect(js).not.toMatch(/Dolan Miu|class Packer/);
    }
    expect(readFileSync(join(ROOT, 'dist/cli.js'), 'utf8')).toMatch(/["']\.\/word\.js["']/);
    expect(existsSync(join(ROOT, 'dist/word.js'))).toBe(true);
  });
});
