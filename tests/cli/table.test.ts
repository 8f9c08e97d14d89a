// `fengong table` and `fengong matrix` as a user runs them: the bundled dist/cli.js in a child
// process. Cells checked against values worked out by hand from seeds/manzhouli-2014.txt (see
// tests/engine/table.test.ts and matrix.test.ts for how); the xlsx read back with exceljs (its
// printed pages: tests/word/libreoffice.test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from './cli';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist/cli.js');
const SAMPLE_PATH = 'seeds/manzhouli-2014.txt';
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const cliBytes = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'buffer' });

/** RFC 4180: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function readXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A worksheet row's values from column 1 (exceljs keeps index 0 empty). */
const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

let dir: string;
beforeAll(() => {
  build();
  dir = mkdtempSync(join(tmpdir(), 'fengong-table-'));
});

const TABLE_HEADER = ['编号', '章', '节', '任务', '牵头单位', '配合单位', '负责单位', '完成时限', '责任领导', '行'];
const ROW_1_3_2 = ['一/(三)/2', '一、推进体制机制改革创新', '(三)创新金融服务体系', '拓展国际金融业务', '人民银行呼和浩特中心支行', '内蒙古银监局、内蒙古保监局、自治区金融办', '', '', '', '14'];
const ROW_3_13_2 = ['三/(十三)/2', '三、建设现代化国际口岸', '(十三)完善欧亚陆路大通道建设', '公路建设', '自治区交通运输厅', '自治区发展改革委、自治区国土资源厅、自治区环保厅、自治区财政厅、自治区外事办', '', '', '', '56'];
const ROW_1_4_1 = ['一/(四)/1', '一、推进体制机制改革创新', '(四)创新财税管理方式', '创新财税管理方式', '内蒙古国税局、自治区地税局', '自治区财政厅、自治区发展改革委', '', '', '', '18'];

describe('fengong table', () => {
  it('prints a Markdown table by default: a header, then one row per task', () => {
    const r = cli(['table', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 77);
    expect(lines[0]).toBe(`| ${TABLE_HEADER.join(' | ')} |`);
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- | --- | ---: |');
    expect(lines).toContain(`| ${ROW_1_3_2.join(' | ')} |`);
    expect(lines[2].startsWith('| 一/(一)/1 | 一、推进体制机制改革创新 | (一)创新口岸管理服务体系 | 创新口岸管理服务体系 | 自治区商务厅 | 满洲里海关、')).toBe(true);
  });

  it('writes CSV as UTF-8 with a BOM and CRLF, checked cell by cell', () => {
    const r = cliBytes(['table', '--format', 'csv', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.stdout.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(TABLE_HEADER.join(','));
    const rows = parseCsv(text);
    expect(rows).toHaveLength(78);
    expect(rows[0]).toEqual(TABLE_HEADER);
    const byNumber = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byNumber.get('一/(三)/2')).toEqual(ROW_1_3_2);
    expect(byNumber.get('三/(十三)/2')).toEqual(ROW_3_13_2);
    expect(byNumber.get('一/(四)/1')).toEqual(ROW_1_4_1);
    // a task name with an ASCII comma survives quoting
    expect(byNumber.get('一/(六)/2')![3]).toContain('创新人力资源开发和管理模式,');
    expect(rows.at(-1)).toEqual(['七/(二十九)/3', '七、加强生态建设和环境保护', '(二十九)消除和减缓不良环境影响的措施', '开展环境影响跟踪监测', '自治区环保厅', '自治区发展改革委、自治区经济和信息化委、自治区国土资源厅', '', '', '', '172']);
  });

  it('gives JSON with lists as arrays', () => {
    const r = cli(['table', '--format', 'json', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    const { files } = JSON.parse(r.stdout);
    expect(files).toHaveLength(1);
    expect(files[0].path).toBe(SAMPLE_PATH);
    expect(files[0].title).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案');
    expect(files[0].tasks).toHaveLength(77);
    expect(files[0].tasks[3]).toEqual({
      number: '一/(三)/2',
      chapter: '一、推进体制机制改革创新',
      section: '(三)创新金融服务体系',
      name: '拓展国际金融业务',
      lead: ['人民银行呼和浩特中心支行'],
      cooperating: ['内蒙古银监局', '内蒙古保监局', '自治区金融办'],
      responsible: [],
      deadline: null,
      line: 14,
    });
  });

  it('gives each task its deadline: as written, and the date it names', () => {
    const plan = join(dir, 'dated.plan.txt');
    writeFileSync(plan, '2024年重点工作分工方案\n一、重点任务\n(一)加强耕地保护。(自治区自然资源厅牵头;2024年底前完成)\n(二)严格用途管制。(自治区农牧厅负责;持续推进)\n');
    const { files } = JSON.parse(cli(['table', '--format', 'json', plan]).stdout);
    expect(files[0].tasks.map((t: { deadline: unknown }) => t.deadline)).toEqual([
      { text: '2024年底前完成', date: '2024-12' },
      { text: '持续推进', date: 'ongoing' },
    ]);
    const csv = parseCsv(cli(['table', '--format', 'csv', plan]).stdout.slice(1));
    expect(csv.map((r) => r[7])).toEqual(['完成时限', '2024年底前完成', '持续推进']);
  });

  it('neutralises CSV cells a spreadsheet would read as formulas (OWASP)', () => {
    const plan = join(dir, 'formula.plan.txt');
    writeFileSync(plan, '《方案》分工方案\n一、任务\n=HYPERLINK("x")。(自治区商务厅牵头)\n+1+2。(自治区商务厅牵头)\n@SUM(A1)。(自治区商务厅牵头)\n');
    const rows = parseCsv(cli(['table', '--format', 'csv', plan]).stdout.slice(1));
    expect(rows.slice(1).map((r) => r[3])).toEqual([`'=HYPERLINK("x")`, "'+1+2", "'@SUM(A1)"]);
    // the raw cell is quoted, its quotes doubled
    expect(cli(['table', '--format', 'csv', plan]).stdout).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes the 任务分工表 as xlsx ready to print: A4 landscape, one page wide, header repeated, a title row, group rows', async () => {
    const out = join(dir, 'table.xlsx');
    const r = cli(['table', '--format', 'xlsx', '--output', out, SAMPLE_PATH]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const wb = await readXlsx(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务分工表']);
    const ws = wb.worksheets[0];
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    // the fit-to-page flag itself, without which fitToWidth does nothing
    const sheetXml = strFromU8(unzipSync(readFileSync(out))['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
    expect(ws.getCell('A1').value).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作任务分工表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(values(ws, 2)).toEqual(['序号', '任务', '牵头单位', '配合单位', '完成时限', '原文行']);
    // the source line stands outside the print area
    expect(ws.pageSetup.printArea).toBe(`A1:E${ws.rowCount}`);
    expect(ws.rowCount).toBe(2 + 7 + 29 + 77);
    expect(ws.getCell('A3').value).toBe('一、推进体制机制改革创新');
    expect(ws.getCell('A4').value).toBe('(一)创新口岸管理服务体系');
    expect(ws.getCell('A5').value).toBe(1);
    expect(String(ws.getCell('B5').value).startsWith('优化口岸通关服务环境,推进联检联运监管改革')).toBe(true);
    expect(String(ws.getCell('B5').value).endsWith('宽领域互利合作。')).toBe(true);
    expect(ws.getCell('C5').value).toBe('自治区商务厅');
    expect(ws.getCell('F5').value).toBe(8);
    const font = ws.getCell('B5').font;
    expect(font.name).toBe('仿宋_GB2312');
    expect(font.size).toBeGreaterThanOrEqual(10);
    expect(font.size).toBeLessThanOrEqual(12);
    expect(ws.getCell('B5').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B5').border?.left?.style).toBe('thin');
    // a row tall enough for its wrapped text
    expect(ws.getRow(5).height).toBeGreaterThan(80);
  });

  it('writes xlsx bytes to a pipe when no --output is given, English headers with --locale en', async () => {
    const r = cliBytes(['table', '--format', 'xlsx', '--locale', 'en', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = await readXlsx(r.stdout);
    expect(wb.worksheets[0].name).toBe('Task table');
    expect(values(wb.worksheets[0], 2)).toEqual(['No.', 'Task', 'Lead', 'Cooperating', 'Deadline', 'line']);
    expect(wb.worksheets[0].headerFooter.oddFooter).toContain('Page &P of &N');
  });

  it('adds a file column for several files, and English headers with --locale en', () => {
    const other = join(dir, 'other.plan.txt');
    writeFileSync(other, '《其他》分工方案\n一、任务\n加快建设。(自治区商务厅牵头,自治区财政厅配合)\n');
    const r = cli(['table', '--format', 'csv', '--locale', 'en', SAMPLE_PATH, other]);
    expect(r.status).toBe(0);
    const rows = parseCsv(r.stdout.slice(1));
    expect(rows[0]).toEqual(['file', 'number', 'chapter', 'section', 'task', 'lead', 'cooperating', 'responsible', 'deadline', 'officials', 'line']);
    expect(rows).toHaveLength(1 + 77 + 1);
    expect(rows.at(-1)).toEqual([other, '一/1', '一、任务', '', '加快建设', '自治区商务厅', '自治区财政厅', '', '', '', '3']);
  });

  it('exits 2 for bad usage and unreadable files, still exporting the readable ones', () => {
    for (const args of [['table'], ['table', '--format', 'pdf', SAMPLE_PATH], ['matrix', '--output'], ['table', '--bogus', SAMPLE_PATH]]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^fengong: /);
    }
    const r = cli(['table', '--format', 'json', 'no/such.txt', SAMPLE_PATH]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('fengong: 无法读取文件 (cannot read file, ENOENT): no/such.txt\n');
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
    const bad = cli(['table', '--output', join(dir, 'no/such/dir/x.md'), SAMPLE_PATH]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/无法写入文件 \(cannot write file, ENOENT\)/);
  });

  it('leaves `check` as it was', () => {
    const r = cli(['check', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toContain('0 errors, 0 warnings');
  });
});

const MATRIX_HEADER = ['单位', '其他名称', '牵头任务数', '配合任务数', '负责任务数', '牵头任务', '配合任务', '负责任务', '备注'];
const 商务厅 = [
  '自治区商务厅',
  '',
  '14',
  '17',
  '0',
  '一/(一)/1、二/(七)/1、二/(七)/2、二/(七)/3、二/(八)/1、二/(八)/2、二/(九)/1、三/(十二)/2、三/(十四)/1、四/(十五)/1、四/(十五)/2、四/(十五)/3、四/(十五)/4、四/(十五)/6',
  '一/(二)/1、二/(八)/3、二/(十一)/1、三/(十二)/1、三/(十四)/2、四/(十五)/5、四/(十六)/2、四/(十七)/1、四/(十七)/2、四/(十七)/3、四/(十七)/4、四/(十七)/5、四/(十七)/6、五/(十九)/2、五/(十九)/3、五/(二十)/2、六/(二十三)/2',
  '',
  '',
];
const 旅游局 = ['自治区旅游局', '', '5', '4', '0', '四/(十五)/5、四/(十六)/1、四/(十六)/2、四/(十六)/3、四/(十六)/4', '二/(八)/3、二/(十一)/1、六/(二十四)/1、六/(二十四)/2', '', ''];
const 机场集团 = ['内蒙古民航机场集团', '内蒙古民航机场集团公司', '0', '3', '0', '', '三/(十三)/3、三/(十四)/1、四/(十六)/2', '', ''];

describe('fengong matrix', () => {
  it('writes CSV: one row per agency, aliases merged, checked cell by cell', () => {
    const r = cliBytes(['matrix', '--format', 'csv', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(r.stdout.toString('utf8').slice(1));
    expect(rows[0]).toEqual(MATRIX_HEADER);
    expect(rows).toHaveLength(1 + 45);
    expect(rows[1]).toEqual(商务厅);
    const byAgency = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byAgency.get('自治区旅游局')).toEqual(旅游局);
    expect(byAgency.get('内蒙古民航机场集团')).toEqual(机场集团);
    expect(byAgency.has('内蒙古民航机场集团公司')).toBe(false);
    expect(byAgency.get('自治区财政厅')!.slice(0, 5)).toEqual(['自治区财政厅', '', '0', '27', '0']);
    expect(byAgency.get('自治区外事办')!.slice(2, 6)).toEqual(['1', '16', '0', '二/(十一)/1']);
  });

  it('prints Markdown with counts right-aligned', () => {
    const r = cli(['matrix', SAMPLE_PATH]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`| ${MATRIX_HEADER.join(' | ')} |`);
    expect(lines[1]).toBe('| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |');
    expect(lines[2]).toBe(`| ${商务厅.join(' | ')} |`);
    expect(lines).toHaveLength(2 + 45);
  });

  it('gives JSON with the chapters and each agency’s cells', () => {
    const r = cli(['matrix', '--format', 'json', SAMPLE_PATH]);
    const out = JSON.parse(r.stdout);
    expect(out.chapters.map((c: { number: string }) => c.number)).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    const a = out.agencies[0];
    expect(a).toMatchObject({ agency: '自治区商务厅', aliases: [], unknown: false, lead: 14, cooperating: 17, responsible: 0 });
    expect(a.chapters.map((c: { lead: number; cooperating: number }) => `${c.lead}/${c.cooperating}`)).toEqual(['1/1', '6/2', '2/2', '5/8', '0/3', '0/1', '0/0']);
    expect(a.tasks[0]).toEqual({ number: '一/(一)/1', name: '创新口岸管理服务体系', role: 'lead', line: 8 });
    const airport = out.agencies.find((x: { agency: string }) => x.agency === '内蒙古民航机场集团');
    expect(airport.aliases).toEqual(['内蒙古民航机场集团公司']);
  });

  it('writes xlsx: the agency sheet and the by-chapter sheet, read back with exceljs', async () => {
    const out = join(dir, 'matrix.xlsx');
    expect(cli(['matrix', '--format=xlsx', `--output=${out}`, SAMPLE_PATH]).status).toBe(0);
    const wb = await readXlsx(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位分工', '按章统计']);
    const ws = wb.worksheets[0];
    expect(values(ws, 1)).toEqual(MATRIX_HEADER);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.rowCount).toBe(46);
    // counts are numbers; empty cells stay empty
    expect(values(ws, 2)).toEqual([商务厅[0], undefined, 14, 17, 0, 商务厅[5], 商务厅[6]]);
    const rowOf = (name: string) => ws.getColumn(1).values.indexOf(name);
    expect(values(ws, rowOf('自治区旅游局'))).toEqual([旅游局[0], undefined, 5, 4, 0, 旅游局[5], 旅游局[6]]);
    expect(values(ws, rowOf('内蒙古民航机场集团'))).toEqual([机场集团[0], 机场集团[1], 0, 3, 0, undefined, 机场集团[6]]);
    expect(ws.columns[0].width).toBeGreaterThanOrEqual('自治区人力资源社会保障厅'.length * 2);

    const byChapter = wb.worksheets[1];
    expect(values(byChapter, 1)).toEqual(['单位', ...['一', '二', '三', '四', '五', '六', '七'].flatMap((n) => [`${n} 牵头`, `${n} 配合`])]);
    expect(byChapter.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    // 自治区商务厅: 1/1 6/2 2/2 5/8 0/3 0/1 0/0, zeros left blank
    expect(values(byChapter, 2)).toEqual(['自治区商务厅', 1, 1, 6, 2, 2, 2, 5, 8, undefined, 3, undefined, 1]);
    const rowOfCh = (name: string) => byChapter.getColumn(1).values.indexOf(name);
    // 自治区财政厅 cooperates 3, 2, 5, 5, 2, 8, 2 by chapter
    expect(values(byChapter, rowOfCh('自治区财政厅'))).toEqual(['自治区财政厅', undefined, 3, undefined, 2, undefined, 5, undefined, 5, undefined, 2, undefined, 8, undefined, 2]);
  });

  it('merges several files into one set of rows, naming each task’s file', () => {
    const other = join(dir, 'other2.plan.txt');
    writeFileSync(other, '《其他》分工方案\n一、任务\n加快建设。(自治区商务厅牵头,自治区财政厅配合)\n');
    const rows = parseCsv(cli(['matrix', '--format', 'csv', SAMPLE_PATH, other]).stdout.slice(1));
    const row = rows.find((r) => r[0] === '自治区商务厅')!;
    expect(row.slice(2, 5)).toEqual(['15', '17', '0']);
    expect(row[5].split('、').at(-1)).toBe(`${other}:一/1`);
    expect(row[5].split('、')[0]).toBe(`${SAMPLE_PATH}:一/(一)/1`);
  });

  it('marks unknown agencies against the registry that applies', () => {
    const ws = join(dir, 'ws');
    execFileSync('mkdir', ['-p', ws]);
    writeFileSync(join(ws, 'a.plan.txt'), '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头,县乙局配合)\n');
    writeFileSync(join(ws, 'fengong.registry.json'), '{ "agencies": [ { "name": "县甲局", "aliases": ["甲局"] } ] }');
    const rows = parseCsv(cli(['matrix', '--format', 'csv', 'a.plan.txt'], ws).stdout.slice(1));
    expect(rows.slice(1)).toEqual([
      ['县甲局', '', '1', '0', '0', '一/1', '', '', ''],
      ['县乙局', '', '0', '1', '0', '', '一/1', '', '未知单位'],
    ]);
  });
});
