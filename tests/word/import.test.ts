// Word documents in, plan text out: automatic numbering written as text, indentation and soft
// breaks, task tables as clauses, and what could not be carried over.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { taskRows } from '../../server/src/engine/reports/table';
import { importDocx, NotDocxError } from '../../server/src/word/docxImport';
import { formatNumber } from '../../server/src/word/numbering';
import { roleOfHeader, tableLines, type Cell, type TableGrid } from '../../server/src/word/tables';
import { br, makeDocx, NUMBERED_PLAN_TEXT, numberedPlan, NUMBERING, p, r, STYLES, tbl, tc, tr } from './fixtures/build';

const FULL = { open: '（', close: '）', comma: '，' };

/** A table grid from rows of cell texts; `^` continues the merge above, `<` widens the cell on its left. */
function grid(rows: string[][], headerRows = 1): TableGrid {
  return {
    headerRows,
    rows: rows.map((row, ri) => {
      const cells: Cell[] = [];
      row.forEach((text, col) => {
        if (text === '<') {
          cells[cells.length - 1].span++;
          return;
        }
        const merged = text === '^';
        cells.push({ text: merged ? '' : text, col, span: 1, merged });
      });
      // A continued merge shows the text of the cell above it.
      for (const c of cells) if (c.merged) c.text = ri > 0 ? rowsText(rows, ri - 1, c.col) : '';
      return cells;
    }),
  };
}
function rowsText(rows: string[][], ri: number, col: number): string {
  for (let r = ri; r >= 0; r--) if (rows[r][col] !== '^') return rows[r][col];
  return '';
}

describe('a Word plan with automatic numbering and a task table', () => {
  it('reads as the plan a drafter would type', async () => {
    const { text } = await importDocx(numberedPlan());
    expect(text).toBe(NUMBERED_PLAN_TEXT + '\n');
  });

  it('says what it could not carry over', async () => {
    const { warnings } = await importDocx(numberedPlan());
    expect(warnings).toEqual([
      '1 幅图片或图形未导入 (1 pictures or shapes not carried over)',
      '1 个脚注或尾注未导入 (1 footnotes or endnotes not carried over)',
      '1 条批注未导入 (1 comments not carried over)',
      '1 处隐藏文字未导入 (1 pieces of hidden text not carried over)',
      '修订已全部接受：1 处插入、1 处删除 (tracked changes accepted: 1 insertions, 1 deletions)',
      '1 个项目符号未保留 (1 bullet marks not kept)',
      '2 处手动换行已并入段落 (2 soft line breaks joined into their paragraphs)',
      '页眉页脚未导入 (headers and footers not carried over)',
    ]);
  });

  it('gives the engine its chapters, sections, items and tasks with their leads', async () => {
    const { model } = analyze((await importDocx(numberedPlan())).text);
    expect(model.title?.text).toBe('关于《测试规划》重点工作分工方案');
    expect(model.headings.map((h) => h.marker)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '二、', '（一）', '1.', '三、', '1.', '2.', '3.']);
    expect(taskRows(model).map((t) => `${t.number} ${t.name}: ${t.lead.join('、') || t.responsible.join('、')} | ${t.cooperating.join('、')}`)).toEqual([
      '一/(一)/1 优化通关服务环境: 自治区商务厅 | 满洲里海关、自治区财政厅',
      '一/(一)/1. 加强组织领导: 自治区发展改革委 | 自治区财政厅',
      '一/(一)/2. 强化督查考核: 自治区人民政府办公厅 | ',
      '一/(二)/1 拓展国际金融业务: 人民银行呼和浩特中心支行 | 自治区金融办',
      '二/(一)/1./1 优化外贸政策环境: 自治区商务厅 | 自治区财政厅',
      '二/(一)/1./2 第一条　本方案自印发之日起施行:  | ',
      '三/1. 建立工作台账: 自治区发展改革委 | 自治区财政厅、自治区审计厅',
      '三/2. 开展评估: 自治区发展改革委 | 自治区统计局',
      '三/3. 加强宣传: 自治区党委宣传部 | ',
    ]);
    expect(model.tasks[6].clause?.deadlines.map((d) => d.text)).toEqual(['2024年底']);
  });

  it('reads a document whose WordprocessingML prefix is not w:', async () => {
    const bytes = makeDocx({ prefix: 'ns0', body: '<ns0:p><ns0:r><ns0:t>（一）创新体制。</ns0:t></ns0:r></ns0:p>' });
    expect((await importDocx(bytes)).text).toBe('（一）创新体制。\n');
  });
});

describe('automatic numbering', () => {
  it('formats counters as Word shows them', () => {
    expect([1, 10, 11, 20, 29, 100].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十九', '一〇〇']);
    expect([29, 105].map((n) => formatNumber(n, 'chineseCountingThousand'))).toEqual(['二十九', '一百零五']);
    expect([3, 12].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['叁', '拾贰']);
    expect(formatNumber(12, 'ideographDigital')).toBe('一二');
    expect([1, 3].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '丙']);
    expect([1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '21']);
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect([1, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'aa']);
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(5, 'bullet')).toBe('');
  });

  it('restarts a level under a new higher level, and a list instance with a start override', async () => {
    const body = [
      p(r('甲'), { numId: 1, ilvl: 2 }),
      p(r('乙'), { numId: 1, ilvl: 2 }),
      p(r('丙'), { numId: 1, ilvl: 1 }),
      p(r('丁'), { numId: 1, ilvl: 2 }),
      p(r('戊'), { numId: 1, ilvl: 3 }),
      p(r('己'), { numId: 5, ilvl: 2 }),
      // numId 0 takes the numbering off a paragraph whose style has it.
      p(r('庚'), { style: '1', numId: 0 }),
      p(r('辛'), { style: '1' }),
    ].join('');
    const { text } = await importDocx(makeDocx({ body, numbering: NUMBERING, styles: STYLES }));
    expect(text.trim().split('\n')).toEqual(['1.甲', '2.乙', '（一）丙', '1.丁', '（1）戊', '1.己', '庚', '一、辛']);
  });

  it('shows legal numbering (isLgl) and multi-level texts like 1.2 in decimal', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num>';
    const body = [p(r('总则'), { numId: 9, ilvl: 0 }), p(r('目的'), { numId: 9, ilvl: 1 }), p(r('范围'), { numId: 9, ilvl: 1 })].join('');
    const { text } = await importDocx(makeDocx({ body, numbering }));
    expect(text.trim().split('\n')).toEqual(['第一章\u3000总则', '1.1 目的', '1.2 范围']);
  });
});

describe('paragraph text', () => {
  it('trims full-width indentation and joins soft breaks inside a sentence, keeping those after one', async () => {
    const body = [
      p(r('\u3000\u3000各地区要加强') + br + r('组织领导。') + br + r('1.细化方案。')),
      p(r('   \t（一）总体要求。')),
      p(r('2.') + '<w:r><w:tab/></w:r>' + r('细化分工。')),
      p(''),
      p(r('\u3000')),
    ].join('');
    const result = await importDocx(makeDocx({ body }));
    expect(result.text).toBe('各地区要加强组织领导。\n1.细化方案。\n（一）总体要求。\n2.细化分工。\n');
    expect(result.warnings).toEqual(['1 处手动换行已并入段落 (1 soft line breaks joined into their paragraphs)']);
  });

  it('keeps the text of links, fields and content controls, and drops deleted text', async () => {
    const body = p(
      `<w:hyperlink r:id="x">${r('链接文字')}</w:hyperlink>` +
        `<w:fldSimple w:instr="DATE">${r('2024年5月')}</w:fldSimple>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('7')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:sdt><w:sdtContent>${r('控件')}</w:sdtContent></w:sdt>` +
        `<w:moveFrom w:id="3" w:author="a">${r('移走')}</w:moveFrom>`,
    );
    expect((await importDocx(makeDocx({ body }))).text).toBe('链接文字2024年5月7控件\n');
  });
});

describe('tables', () => {
  it('names columns by their headers', () => {
    expect(['序号', '重点任务', '牵头单位', '牵头部门', '配合单位', '协同责任单位', '牵头责任单位', '责任单位', '牵头领导', '完成时限', '备注', '类别'].map(roleOfHeader)).toEqual([
      'number', 'task', 'lead', 'lead', 'cooperating', 'cooperating', 'lead', 'responsible', 'official', 'deadline', 'note', 'other',
    ]);
  });

  it('reads a two-row header (责任单位 over 牵头 | 配合), a grouping column and a spanning chapter row', () => {
    const lines = tableLines(
      grid(
        [
          ['类别', '序号', '工作任务', '责任单位', '<', '完成时限'],
          ['^', '^', '^', '牵头单位', '配合单位', '^'],
          ['一、推进改革', '<', '<', '<', '<', '<'],
          ['体制改革', '1', '深化行政审批改革。', '自治区编办', '自治区法制办\n自治区政务服务中心', '2024年'],
          ['^', '2', '推进“放管服”。', '^', '自治区发展改革委，', '—'],
          ['金融服务', '3', '拓展金融业务', '人民银行呼和浩特中心支行', '', ''],
        ],
        0,
      ),
      FULL,
    );
    expect(lines.lines).toEqual([
      '一、推进改革',
      '体制改革',
      '1.深化行政审批改革。（自治区编办牵头，自治区法制办、自治区政务服务中心配合；完成时限：2024年）',
      '2.推进“放管服”。（自治区编办牵头，自治区发展改革委配合）',
      '金融服务',
      '3.拓展金融业务（人民银行呼和浩特中心支行牵头）',
    ]);
  });

  it('writes responsible-only rows with 负责, half-width when asked, and leaves 备注 out (counted)', () => {
    const t = tableLines(grid([['任务', '责任单位', '备注'], ['加强宣传', '自治区党委宣传部、\n自治区文化厅', '重点'], ['（二）保障措施', '', '']]), { open: '(', close: ')', comma: ',' });
    expect(t.lines).toEqual(['加强宣传(自治区党委宣传部、自治区文化厅负责)', '（二）保障措施']);
    expect(t.notes).toBe(1);
  });

  it('writes a table without party columns as tab-separated lines', () => {
    const t = tableLines(grid([['指标', '2023年', '2025年'], ['口岸过货量', '3000万吨', '5000万吨']]), FULL);
    expect(t.lines).toEqual(['指标\t2023年\t2025年', '口岸过货量\t3000万吨\t5000万吨']);
    expect(t.taskRows).toBeUndefined();
  });

  it('keeps a task table that the text does not repeat, and says a plain one was flattened', async () => {
    const body =
      p(r('《测试规划》重点工作分工方案')) +
      tbl([tr([tc(p(r('序号'))), tc(p(r('任务'))), tc(p(r('牵头单位')))], true), tr([tc(p(r('1'))), tc(p(r('加强领导'))), tc(p(r('自治区商务厅')))])], 3) +
      tbl([tr([tc(p(r('指标'))), tc(p(r('目标')))]), tr([tc(p(r('外贸'))), tc(p(r('增长10%')))])], 2);
    const result = await importDocx(makeDocx({ body }));
    expect(result.text).toBe('《测试规划》重点工作分工方案\n1.加强领导（自治区商务厅牵头）\n指标\t目标\n外贸\t增长10%\n');
    expect(result.warnings).toEqual(['1 个表格没有牵头或配合列，每行按制表符分隔写成一行 (1 tables without lead or cooperating columns: one line per row, cells tab-separated)']);
  });
});

describe('files that are no Word document', () => {
  it('rejects an old .doc, a text file and a zip without a document, with a reason', async () => {
    await expect(importDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(/\.doc/);
    await expect(importDocx(new TextEncoder().encode('一、推进改革'))).rejects.toBeInstanceOf(NotDocxError);
    const { zipSync, strToU8 } = await import('fflate');
    await expect(importDocx(zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow(/不是 Word 文档/);
  });
});
