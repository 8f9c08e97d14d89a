// The exported .docx read back part by part: page, grid, fonts, sizes, indents, page numbers and
// the attachment table, against GB/T 9704-2012 (numbers in server/src/word/layout.ts).
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { exportDocx, BODY_SQUEEZE } from '../../server/src/word/docxExport';
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

  it('breaks the title between words (§7.3.3): the 《》 title, longer than a 20-character line, after 试验区', () => {
    const title = paragraphStarting(plain, '《内蒙古满洲里');
    const lines = runs(title).map((r) => [text(r), child(r, 'w:br') !== undefined]);
    expect(lines).toEqual([
      ['《内蒙古满洲里重点开发开放试验区', false],
      ['建设总体规划》重点工作分工方案', true],
    ]);
  });

  it('sets chapter headings in 3号 黑体 and section titles in 3号 楷体_GB2312, their body text in 仿宋_GB2312', () => {
    const chapter = paragraphStarting(plain, '一、推进体制机制改革创新');
    expect(runs(chapter).map(fontOf)).toEqual([{ eastAsia: '黑体', ascii: '黑体', size: 16 }]);
    const section = paragraphStarting(plain, '（一）创新口岸管理服务体系');
    const [title, rest] = runs(section);
    expect(text(title)).toBe('（一）创新口岸管理服务体系。');
    expect(fontOf(title)).toEqual({ eastAsia: '楷体_GB2312', ascii: '楷体_GB2312', size: 16 });
    expect(text(rest)).toMatch(/^优化口岸通关服务环境.*贸促会等部门配合）$/);
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

describe('the body’s punctuation (GB/T 15834)', () => {
  const between = /[\u4e00-\u9fff][,:;?!()][\u4e00-\u9fff]/g;
  it('is full width between Chinese words: the sample’s 535 half-width commas and its brackets', async () => {
    expect(SAMPLE.match(/(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])/g)).toHaveLength(535);
    const all = plain.paragraphs.map(text).join('\n');
    expect(all.match(between)).toBeNull();
    expect(all).toContain('（以下简称《规划》）提出的各项重点任务，根据自治区');
    expect(all).toContain('推进ATA单证册制度实施，促进');
  });

  it('keeps the text as written when asked', async () => {
    const asWritten = readDocx((await exportDocx(analyze(SAMPLE).model, { punctuation: 'as-written' })).bytes);
    const all = asWritten.paragraphs.map(text).join('\n');
    expect(all).toContain('(以下简称《规划》)提出的各项重点任务,根据自治区');
  });

  it('leaves numbers, URLs and Latin text alone', async () => {
    const t = plan('《测试规划》分工方案', '一、推进改革', '加快建设,投入1,000万元,10:30前见 http://www.gov.cn/a,b 网站 (see p. 3, Annex).(自治区商务厅牵头)');
    const d = readDocx((await exportDocx(analyze(t).model)).bytes);
    expect(d.paragraphs.map(text)).toContain('加快建设，投入1,000万元，10:30前见 http://www.gov.cn/a,b 网站（see p. 3, Annex）.（自治区商务厅牵头）');
  });
});

describe('the 任务分工表 as 附件 (--with-table)', () => {
  const sections = () => descendants(withTable.body, 'w:sectPr');
  const tbl = () => children(withTable.body, 'w:tbl')[0];
  const rows = () => children(tbl(), 'w:tr');
  const cells = (tr: ReturnType<typeof rows>[number]) => children(tr, 'w:tc').map(text);

  it('stands in a landscape A4 section of its own, the GB/T 9704 text block turned with the sheet', () => {
    const [text_, annex] = sections();
    expect(sections()).toHaveLength(2);
    const size = (s: typeof annex) => child(s, 'w:pgSz')!.attrs;
    expect([mm(size(text_)['w:w']), mm(size(text_)['w:h'])].map(Math.round)).toEqual([210, 297]);
    expect([mm(size(annex)['w:w']), mm(size(annex)['w:h'])].map(Math.round)).toEqual([297, 210]);
    expect(size(annex)['w:orient']).toBe('landscape');
    const m = child(annex, 'w:pgMar')!.attrs;
    expect([m['w:top'], m['w:bottom'], m['w:left'], m['w:right']].map((v) => Math.round(mm(v)))).toEqual([28, 26, 37, 35]);
    expect(Math.round(mm(Number(size(annex)['w:w']) - Number(m['w:left']) - Number(m['w:right'])))).toBe(225);
    expect(Math.round(mm(Number(size(annex)['w:h']) - Number(m['w:top']) - Number(m['w:bottom'])))).toBe(156);
    // Numbered on with the text: the same footers.
    expect(children(annex, 'w:footerReference').map((f) => f.attrs['w:type']).sort()).toEqual(['default', 'even']);
  });

  it('ends the text with the attachment note, then 附件 in 黑体 and the table’s title broken after 》', () => {
    const note = paragraphStarting(withTable, '附件：《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作任务分工表');
    expect(fontOf(runs(note)[0]).eastAsia).toBe('仿宋_GB2312');
    const at = withTable.paragraphs.findIndex((p) => text(p) === '附件');
    // The paragraph before it closes the text's section.
    expect(descendants(withTable.paragraphs[at - 1], 'w:sectPr')).toHaveLength(1);
    expect(fontOf(runs(withTable.paragraphs[at])[0])).toMatchObject({ eastAsia: '黑体', size: 16 });
    const title = withTable.paragraphs[at + 1];
    expect(runs(title).map(text)).toEqual(['《内蒙古满洲里重点开发开放试验区建设总体规划》', '重点工作任务分工表']);
    expect(fontOf(runs(title)[0])).toMatchObject({ eastAsia: '方正小标宋简体', size: 22 });
    expect(plain.paragraphs.some((p) => text(p) === '附件')).toBe(false);
  });

  it('has the columns a 任务分工表 has, its header row repeated on every page, chapter and section rows across it', () => {
    const borders = child(child(tbl(), 'w:tblPr'), 'w:tblBorders')!;
    for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV']) expect(child(borders, side)?.attrs['w:val']).toBe('single');
    const all = rows();
    expect(cells(all[0])).toEqual(['序号', '任务', '牵头单位', '配合单位', '完成时限']);
    expect(child(child(all[0], 'w:trPr'), 'w:tblHeader')).toBeDefined();
    expect(fontOf(runs(children(children(all[0], 'w:tc')[0], 'w:p')[0])[0])).toMatchObject({ eastAsia: '黑体', size: 9 });
    const tasks = all.slice(1).filter((r) => children(r, 'w:tc').length === 5);
    const groups = all.filter((r) => children(r, 'w:tc').length === 1);
    expect(tasks).toHaveLength(77);
    expect(tasks.map((r) => cells(r)[0])).toEqual(Array.from({ length: 77 }, (_, i) => String(i + 1)));
    expect(groups.map(text).filter((t) => /^[一二三四五六七]、/.test(t))).toEqual(['一、推进体制机制改革创新', '二、全面扩大对外开放', '三、建设现代化国际口岸', '四、打造沿边地区新的经济增长极', '五、提升城市承载能力', '六、加快社会事业发展', '七、加强生态建设和环境保护']);
    expect(groups.filter((r) => text(r).startsWith('（'))).toHaveLength(29);
    expect(text(groups[1])).toBe('（一）创新口岸管理服务体系');
    expect(prop(children(groups[0], 'w:tc')[0], ['w:tcPr', 'w:gridSpan'])).toBe('5');
    expect(fontOf(runs(children(children(groups[1], 'w:tc')[0], 'w:p')[0])[0]).eastAsia).toBe('楷体_GB2312');
    // The widths add up to the landscape text block.
    const grid = children(child(tbl(), 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(mm(grid.reduce((a, b) => a + b, 0))).toBeCloseTo(225, 0);
  });

  it('gives each task its text beyond the first sentence, whole sentences first, shortened to about two lines', () => {
    const tasks = rows().slice(1).filter((r) => children(r, 'w:tc').length === 5).map(cells);
    expect(tasks[3]).toEqual(['4', '拓展国际金融业务。在金融业务、金融产品等方面加强创新……', '人民银行呼和浩特中心支行', '内蒙古银监局、内蒙古保监局、自治区金融办', '']);
    // Both leads of a 分别牵头 clause, in the lead column.
    expect(tasks[5].slice(2, 4)).toEqual(['内蒙古国税局、自治区地税局', '自治区财政厅、自治区发展改革委']);
    // A section's own task starts after the section's title (the group row above has it).
    expect(tasks[0][1]).toBe('优化口岸通关服务环境，推进联检联运监管改革和能力建设，深化海关分类通关改革，支持海关……');
    // A 《》 title is never cut open.
    expect(tasks[14][1]).toBe('积极落实《中华人民共和国东北地区与俄罗斯联邦远东及东西伯利亚地区合作规划纲要（2009—2018年）》……');
    for (const [, task] of tasks) expect(task.length).toBeLessThanOrEqual(60);
  });

  it('fills 完成时限 and adds 责任领导 where the plan names them', async () => {
    const t = plan(
      '2024年重点工作分工方案',
      '一、重点任务',
      '1.加强耕地保护。',
      '牵头单位：自治区自然资源厅',
      '牵头领导：张三',
      '完成时限：2024年底前',
      '2.严格用途管制。(自治区农牧厅牵头,持续推进)',
    );
    const d = readDocx((await exportDocx(analyze(t).model, { withTable: true })).bytes);
    const tr = children(children(d.body, 'w:tbl')[0], 'w:tr');
    expect(children(tr[0], 'w:tc').map(text)).toEqual(['序号', '任务', '牵头单位', '配合单位', '完成时限', '责任领导']);
    const taskRows = tr.filter((r) => children(r, 'w:tc').length === 6).slice(1).map((r) => children(r, 'w:tc').map(text));
    expect(taskRows).toEqual([
      ['1', '加强耕地保护。', '自治区自然资源厅', '', '2024年底前', '张三'],
      ['2', '严格用途管制。', '自治区农牧厅', '', '持续推进', ''],
    ]);
  });
});

describe('other plans', () => {
  it('right-aligns a closing signature and keeps items and sub-items as body text', async () => {
    const text2 = plan('《测试规划》重点工作分工方案', '一、推进改革', '(一)创新体制。', '1.加强领导。建立机制。(自治区商务厅牵头)', '(1)细化方案。(自治区财政厅负责)', '自治区人民政府办公厅');
    const d = readDocx((await exportDocx(analyze(text2).model)).bytes);
    const sig = paragraphStarting(d, '自治区人民政府办公厅');
    expect(prop(sig, ['w:pPr', 'w:jc'])).toBe('right');
    expect(runs(paragraphStarting(d, '1.加强领导')).map((r) => fontOf(r).eastAsia)).toEqual(['仿宋_GB2312']);
    expect(runs(paragraphStarting(d, '（1）细化方案')).map((r) => fontOf(r).eastAsia)).toEqual(['仿宋_GB2312']);
  });

  it('keeps control characters out of the XML and writes a tab as a full-width space', async () => {
    const d = readDocx((await exportDocx(analyze('《测试规划》分工方案\n一、推进\u0007改革\n各地\t要落实。(自治区商务厅牵头)').model)).bytes);
    expect(d.paragraphs.map(text)).toContain('一、推进改革');
    expect(d.paragraphs.map(text)).toContain('各地\u3000要落实。（自治区商务厅牵头）');
  });

  it('exports an empty plan as a valid document', async () => {
    const d = readDocx((await exportDocx(analyze('').model, { withTable: true })).bytes);
    expect(children(d.body, 'w:tbl')).toHaveLength(1);
  });
});

describe('the 附件’s columns follow what the plan writes', () => {
  it('gives the lead the width where no one cooperates, and 完成时限 the width of its longest entry', async () => {
    const t = plan('2016年民生实事分工方案', '', '2016年2月26日', '序号\t民生实事\t责任单位\t完成时限', '1\t启动建设城区段综合治理工程。\t县水务局、县住建局、县护城河指挥部\t12月底前', '2\t新建2座人行天桥。\t县住建局\t9月投入使用');
    const d = readDocx((await exportDocx(analyze(t).model, { withTable: true })).bytes);
    const tbl = children(d.body, 'w:tbl')[0];
    const grid = children(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => mm(g.attrs['w:w']));
    const [number, task, lead, cooperating, deadline] = grid;
    expect(number).toBeCloseTo(9, 0);
    expect(lead).toBeCloseTo(0.3 * 225, 0);
    expect(cooperating).toBeCloseTo(0.07 * 225, 0);
    // 9月投入使用: six 小五 characters and the cell's margins
    expect(deadline).toBeGreaterThan(6 * 3.175);
    expect(task).toBeGreaterThan(lead);
    expect(grid.reduce((a, b) => a + b, 0)).toBeCloseTo(225, 0);
    const rows = children(tbl, 'w:tr').slice(1).map((r) => children(r, 'w:tc').map(text));
    expect(rows).toEqual([
      ['1', '启动建设城区段综合治理工程。', '县水务局、县住建局、县护城河指挥部', '', '12月底前'],
      ['2', '新建2座人行天桥。', '县住建局', '', '9月投入使用'],
    ]);
  });
});
