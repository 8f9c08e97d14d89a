// The exported .docx read back part by part: page, grid, fonts, sizes, indents, page numbers and
// the attachment table, against GB/T 9704-2012 (numbers in server/src/word/layout.ts).
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { exportDocx, BODY_SQUEEZE } from '../../server/src/word/docxExport';
import { layoutPlan } from '../../server/src/word/layout';
import { plan, SAMPLE } from '../helpers';
import { child, children, descendants, fontOf, mm, paragraphStarting, prop, readDocx, runs, text, type Docx } from './fixtures/read';

let plain: Docx;
let withTable: Docx;
let warnings: string[];

beforeAll(async () => {
  const { model } = analyze(SAMPLE);
  const a = await exportDocx(model);
  warnings = a.warnings;
  plain = readDocx(a.bytes);
  withTable = readDocx((await exportDocx(model, { withTable: true })).bytes);
});

describe('page (GB/T 9704 §5.2)', () => {
  it('is A4 with a 156 × 225 mm text block 37 mm from the top and 28 mm from the left', () => {
    const sect = child(plain.body, 'w:sectPr')!;
    const size = child(sect, 'w:pgSz')!.attrs;
    expect(mm(size['w:w'])).toBeCloseTo(210, 0);
    expect(mm(size['w:h'])).toBeCloseTo(297, 0);
    const m = child(sect, 'w:pgMar')!.attrs;
    expect(mm(m['w:top'])).toBeCloseTo(37, 1);
    expect(mm(m['w:left'])).toBeCloseTo(28, 1);
    expect(mm(m['w:right'])).toBeCloseTo(26, 1);
    expect(mm(m['w:bottom'])).toBeCloseTo(35, 1);
    expect(mm(Number(size['w:w']) - Number(m['w:left']) - Number(m['w:right']))).toBeCloseTo(156, 1);
    expect(mm(Number(size['w:h']) - Number(m['w:top']) - Number(m['w:bottom']))).toBeCloseTo(225, 1);
  });

  it('declares a grid of 22 lines of 28 characters (line pitch 28.95 pt)', () => {
    const sect = child(plain.body, 'w:sectPr')!;
    const grid = child(sect, 'w:docGrid')!.attrs;
    const m = child(sect, 'w:pgMar')!.attrs;
    const size = child(sect, 'w:pgSz')!.attrs;
    expect(grid['w:type']).toBe('linesAndChars');
    expect(Number(grid['w:linePitch']) / 20).toBeCloseTo(28.95, 2);
    const height = Number(size['w:h']) - Number(m['w:top']) - Number(m['w:bottom']);
    const width = Number(size['w:w']) - Number(m['w:left']) - Number(m['w:right']);
    expect(Math.floor(height / Number(grid['w:linePitch']))).toBe(22);
    // Word: character pitch = the Normal style's size + charSpace / 4096 points.
    const normal = children(plain.xml('word/styles.xml'), 'w:style').find((s) => s.attrs['w:styleId'] === 'Normal')!;
    const normalSize = Number(prop(normal, ['w:rPr', 'w:sz'])) / 2;
    expect(normalSize).toBe(16);
    const pitch = normalSize + Number(grid['w:charSpace']) / 4096;
    expect(Math.floor(width / 20 / pitch)).toBe(28);
    // The runs are squeezed so that 28 fit without the grid too (LibreOffice), and 29 never do.
    const advance = 16 + BODY_SQUEEZE / 20;
    expect(28 * advance).toBeLessThanOrEqual(width / 20);
    expect(29 * advance).toBeGreaterThan(width / 20);
    expect(prop(normal, ['w:pPr', 'w:snapToGrid'])).toBe('0');
  });

  it('sets every body line at exactly 28.95 pt', () => {
    const body = paragraphStarting(plain, '拓展国际金融业务');
    const spacing = child(child(body, 'w:pPr'), 'w:spacing')!.attrs;
    expect(spacing['w:line']).toBe('579');
    expect(spacing['w:lineRule']).toBe('exact');
  });
});

describe('fonts and sizes (GB/T 9704 §7.3)', () => {
  it('sets the title in 2号 方正小标宋简体, centred, with a blank line under it', () => {
    const i = plain.paragraphs.findIndex((p) => text(p).startsWith('《内蒙古满洲里'));
    const title = plain.paragraphs[i];
    expect(prop(title, ['w:pPr', 'w:jc'])).toBe('center');
    for (const r of runs(title)) expect(fontOf(r)).toMatchObject({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', size: 22 });
    expect(text(plain.paragraphs[i + 1])).toBe('');
  });

  it('sets chapter headings in 3号 黑体 and section titles in 3号 楷体_GB2312, their body text in 仿宋_GB2312', () => {
    const chapter = paragraphStarting(plain, '一、推进体制机制改革创新');
    expect(runs(chapter).map(fontOf)).toEqual([{ eastAsia: '黑体', ascii: '黑体', size: 16 }]);
    const section = paragraphStarting(plain, '(一)创新口岸管理服务体系');
    const [title, rest] = runs(section);
    expect(text(title)).toBe('(一)创新口岸管理服务体系。');
    expect(fontOf(title)).toEqual({ eastAsia: '楷体_GB2312', ascii: '楷体_GB2312', size: 16 });
    expect(text(rest)).toMatch(/^优化口岸通关服务环境.*贸促会等部门配合\)$/);
    expect(fontOf(rest)).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: 16 });
  });

  it('sets body paragraphs in 3号 仿宋_GB2312, justified, indented two characters', () => {
    const body = paragraphStarting(plain, '拓展国际金融业务');
    expect(runs(body).map(fontOf)).toEqual([{ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: 16 }]);
    const ind = child(child(body, 'w:pPr'), 'w:ind')!.attrs;
    expect(ind['w:firstLineChars']).toBe('200');
    expect(Number(ind['w:firstLine']) / 20).toBe(32);
    expect(prop(body, ['w:pPr', 'w:jc'])).toBe('both');
    // Items and the preamble are body text too.
    expect(runs(paragraphStarting(plain, '为贯彻落实')).map((r) => fontOf(r).eastAsia)).toEqual(['仿宋_GB2312']);
  });

  it('names its fonts for every script and tells Word what to stand in for a missing one', () => {
    const rFonts = child(child(runs(paragraphStarting(plain, '拓展国际金融业务'))[0], 'w:rPr'), 'w:rFonts')!.attrs;
    expect(rFonts).toMatchObject({ 'w:ascii': '仿宋_GB2312', 'w:hAnsi': '仿宋_GB2312', 'w:eastAsia': '仿宋_GB2312', 'w:hint': 'eastAsia' });
    const fonts = children(plain.xml('word/fontTable.xml'), 'w:font');
    const fangsong = fonts.find((f) => f.attrs['w:name'] === '仿宋_GB2312')!;
    expect(prop(fangsong, ['w:altName'])).toBe('仿宋');
    expect(prop(fangsong, ['w:charset'])).toBe('86');
    expect(fonts.map((f) => f.attrs['w:name'])).toEqual(expect.arrayContaining(['方正小标宋简体', '黑体', '楷体_GB2312', '宋体']));
    const types = strFromU8(plain.files['[Content_Types].xml']);
    expect(types).toContain('/word/fontTable.xml');
  });

  it('leaves web-page noise out and says so', () => {
    const all = plain.paragraphs.map(text).join('\n');
    expect(all).not.toMatch(/阅读量|来源:|回到顶部|分类:/);
    expect(warnings).toEqual([expect.stringContaining('略去 3 行网页杂项')]);
  });
});

describe('page numbers (GB/T 9704 §7.5)', () => {
  it('writes — N — in 4号 宋体, odd pages right and even pages left, one character in', () => {
    expect(descendants(plain.xml('word/settings.xml'), 'w:evenAndOddHeaders')).toHaveLength(1);
    const sect = child(plain.body, 'w:sectPr')!;
    const refs = children(sect, 'w:footerReference').map((f) => f.attrs['w:type']);
    expect(refs.sort()).toEqual(['default', 'even']);
    const rels = strFromU8(plain.files['word/_rels/document.xml.rels']);
    const target = (type: string) => {
      const id = children(sect, 'w:footerReference').find((f) => f.attrs['w:type'] === type)!.attrs['r:id'];
      return 'word/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    };
    for (const [type, jc, side] of [['default', 'right', 'w:right'], ['even', 'left', 'w:left']] as const) {
      const footer = plain.xml(target(type));
      const p = children(footer, 'w:p')[0];
      expect(prop(p, ['w:pPr', 'w:jc'])).toBe(jc);
      expect(Number(child(child(p, 'w:pPr'), 'w:ind')!.attrs[side]) / 20).toBe(14);
      expect(text(p)).toBe('—  —');
      expect(descendants(p, 'w:instrText').map((t) => t.kids.join('').trim())).toEqual(['PAGE']);
      for (const r of runs(p)) expect(fontOf(r)).toMatchObject({ eastAsia: '宋体', size: 14 });
    }
    // The footer edge is about 7 mm under the text block: 35 mm bottom margin, footer 21-23 mm up.
    expect(mm(child(sect, 'w:pgMar')!.attrs['w:footer'])).toBeGreaterThan(20);
    expect(mm(child(sect, 'w:pgMar')!.attrs['w:footer'])).toBeLessThan(24);
  });
});

describe('the task table as an attachment (--with-table)', () => {
  it('ends the text with the attachment note and starts 附件 on a new page in 黑体', () => {
    const note = paragraphStarting(withTable, '附件：任务分工表');
    expect(fontOf(runs(note)[0]).eastAsia).toBe('仿宋_GB2312');
    const label = withTable.paragraphs.find((p) => text(p) === '附件')!;
    expect(child(child(label, 'w:pPr'), 'w:pageBreakBefore')).toBeDefined();
    expect(fontOf(runs(label)[0])).toMatchObject({ eastAsia: '黑体', size: 16 });
    expect(child(child(label, 'w:pPr'), 'w:ind')).toBeUndefined();
    const title = withTable.paragraphs.find((p) => text(p) === '任务分工表')!;
    expect(fontOf(runs(title)[0])).toMatchObject({ eastAsia: '方正小标宋简体', size: 22 });
    expect(plain.paragraphs.some((p) => text(p) === '附件')).toBe(false);
  });

  it('is a bordered table whose header row repeats on every page, one row per task and per chapter', () => {
    const tables = children(withTable.body, 'w:tbl');
    expect(tables).toHaveLength(1);
    const [tbl] = tables;
    const borders = child(child(tbl, 'w:tblPr'), 'w:tblBorders')!;
    for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV']) expect(child(borders, side)?.attrs['w:val']).toBe('single');
    const rows = children(tbl, 'w:tr');
    const cells = (tr: (typeof rows)[number]) => children(tr, 'w:tc').map(text);
    expect(cells(rows[0])).toEqual(['序号', '任务', '牵头单位', '配合单位']);
    expect(child(child(rows[0], 'w:trPr'), 'w:tblHeader')).toBeDefined();
    expect(runs(children(children(rows[0], 'w:tc')[0], 'w:p')[0]).map((r) => fontOf(r).eastAsia)).toEqual(['黑体']);
    const taskRows = rows.filter((r) => children(r, 'w:tc').length === 4).slice(1);
    const chapterRows = rows.filter((r) => children(r, 'w:tc').length === 1);
    expect(taskRows).toHaveLength(77);
    expect(chapterRows.map(text)).toEqual(['一、推进体制机制改革创新', '二、全面扩大对外开放', '三、建设现代化国际口岸', '四、打造沿边地区新的经济增长极', '五、提升城市承载能力', '六、加快社会事业发展', '七、加强生态建设和环境保护']);
    expect(prop(children(chapterRows[0], 'w:tc')[0], ['w:tcPr', 'w:gridSpan'])).toBe('4');
    expect(cells(taskRows[3])).toEqual(['4', '拓展国际金融业务', '人民银行呼和浩特中心支行', '内蒙古银监局、内蒙古保监局、自治区金融办']);
    // Both leads of a 分别牵头 clause, in the lead column.
    expect(cells(taskRows[5])).toEqual(['6', '创新财税管理方式', '内蒙古国税局、自治区地税局', '自治区财政厅、自治区发展改革委']);
    expect(taskRows.map((r) => cells(r)[0])).toEqual(Array.from({ length: 77 }, (_, i) => String(i + 1)));
    // The widths add up to the text block.
    const grid = children(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(mm(grid.reduce((a, b) => a + b, 0))).toBeCloseTo(156, 0);
  });

  it('puts a long task sentence in its cell whole up to 60 characters, then cut', () => {
    const layout = layoutPlan(analyze(SAMPLE).model, { withTable: true });
    const cellsOf = layout.table!.rows.filter((r) => r.kind === 'task').map((r) => r.cells[1]);
    expect(cellsOf).toContain('支持扎赉诺尔煤矿申报国家级矿产资源综合利用示范基地、自治区级绿色矿山及和谐矿区试点');
    expect(cellsOf.every((c) => c.length <= 60)).toBe(true);
  });
});

describe('other plans', () => {
  it('right-aligns a closing signature and keeps items and sub-items as body text', async () => {
    const text2 = plan('《测试规划》重点工作分工方案', '一、推进改革', '(一)创新体制。', '1.加强领导。建立机制。(自治区商务厅牵头)', '(1)细化方案。(自治区财政厅负责)', '自治区人民政府办公厅');
    const d = readDocx((await exportDocx(analyze(text2).model)).bytes);
    const sig = paragraphStarting(d, '自治区人民政府办公厅');
    expect(prop(sig, ['w:pPr', 'w:jc'])).toBe('right');
    expect(runs(paragraphStarting(d, '1.加强领导')).map((r) => fontOf(r).eastAsia)).toEqual(['仿宋_GB2312']);
    expect(runs(paragraphStarting(d, '(1)细化方案')).map((r) => fontOf(r).eastAsia)).toEqual(['仿宋_GB2312']);
  });

  it('keeps control characters out of the XML and writes a tab as a full-width space', async () => {
    const d = readDocx((await exportDocx(analyze('《测试规划》分工方案\n一、推进\u0007改革\n各地\t要落实。(自治区商务厅牵头)').model)).bytes);
    expect(d.paragraphs.map(text)).toContain('一、推进改革');
    expect(d.paragraphs.map(text)).toContain('各地\u3000要落实。(自治区商务厅牵头)');
  });

  it('exports an empty plan as a valid document', async () => {
    const d = readDocx((await exportDocx(analyze('').model, { withTable: true })).bytes);
    expect(children(d.body, 'w:tbl')).toHaveLength(1);
  });
});
