// Document structure on real-world shapes: titles, notices, noise, headings of every style.
import { describe, expect, it } from 'vitest';
import { buildOutline, formatChineseNumeral, parseChineseNumeral } from '../../server/src/engine';
import { plan, run } from '../helpers';

describe('titles and preambles', () => {
  it('joins a title spanning lines and skips web noise before it', () => {
    const { model } = run(plan('2014年05月12日 | 来源:中国内蒙古 | 阅读量:2628', '《内蒙古满洲里重点开发开放', '试验区建设总体规划》重点工作分工方案', '', '为贯彻落实《规划》(以下简称《规划》)，现提出如下分工方案。', '一、推进改革'));
    expect(model.title?.text).toBe('《内蒙古满洲里重点开发开放试验区建设总体规划》重点工作分工方案');
    expect(model.paragraphs.map((p) => p.kind)).toEqual(['noise', 'title', 'title', 'preamble', 'heading']);
  });

  it('skips a gov.cn metadata block', () => {
    const { model } = run(
      plan(
        '索　引　号：000014349/2015-00043',
        '主题分类：综合政务\\其他',
        '发文机关：国务院办公厅',
        '成文日期：2015年03月16日',
        '标　　题：国务院办公厅关于印发《政府工作报告》重点工作部门分工意见的通知',
        '发文字号：国办发〔2015〕14号',
        '发布日期：2015年03月20日',
        '《政府工作报告》重点工作部门分工意见',
        '一、保持经济稳定增长',
      ),
    );
    expect(model.title?.text).toBe('《政府工作报告》重点工作部门分工意见');
    expect(model.paragraphs.slice(0, 7).every((p) => p.kind === 'noise')).toBe(true);
  });

  it('takes the title after a cover notice', () => {
    const { model } = run(
      plan(
        '内蒙古自治区人民政府办公厅关于印发重点工作分工方案的通知',
        '各盟市人民政府，自治区各委、办、厅、局：',
        '经自治区人民政府同意，现将《重点工作分工方案》印发给你们，请认真贯彻执行。',
        '2023年3月1日',
        '重点工作分工方案',
        '一、推进改革',
      ),
    );
    expect(model.title?.text).toBe('重点工作分工方案');
  });
});

describe('headings', () => {
  it('reads sections with either bracket, a space or a colon after, and title-only lines', () => {
    const { model } = run(plan('《规划》分工方案', '一、重点任务', '(一) 铁路。', '（二）公路：', '(三)总体要求'));
    expect(model.headings.map((h) => `${h.kind}:${h.number}:${h.title}`)).toEqual([
      'chapter:1:重点任务',
      'section:1:铁路',
      'section:2:公路',
      'section:3:总体要求',
    ]);
    expect(model.tasks).toEqual([]);
  });

  it('reads items 1. 1、 1﹒ 1． and (1) under their section', () => {
    const { model } = run(plan('《规划》分工方案', '一、重点任务', '(一)加快建设。', '1.建设铁路。(自治区交通运输厅牵头)', '2、建设公路。(自治区交通运输厅牵头)', '3﹒建设机场。(自治区发展改革委牵头)', '4．建设口岸。(自治区商务厅牵头)', '(1)建设站房。(自治区商务厅牵头)'));
    const hs = model.headings;
    expect(hs.map((h) => `${h.kind}${h.number}`)).toEqual(['chapter1', 'section1', 'item1', 'item2', 'item3', 'item4', 'subitem1']);
    expect(hs[2].parent).toBe(1);
    expect(hs[6].parent).toBe(5);
    expect(model.tasks.map((t) => t.name)).toEqual(['建设铁路', '建设公路', '建设机场', '建设口岸', '建设站房']);
  });

  it('does not take 1.5万吨 or 2014年 for an item', () => {
    const { model } = run(plan('《规划》分工方案', '一、重点任务', '1.5万吨以上的项目加快建设。(自治区商务厅牵头)'));
    expect(model.headings.map((h) => h.kind)).toEqual(['chapter']);
  });

  it('gives folding extents that end at the last paragraph before the next heading', () => {
    const text = plan('《规划》分工方案', '一、重点任务', '(一)加快建设。(自治区商务厅牵头)', '', '推进物流。(自治区商务厅牵头)', '', '二、保障措施');
    const { model } = run(text);
    const [ch1, s1, ch2] = model.headings;
    expect(text.slice(s1.extent.start, s1.extent.end)).toBe('(一)加快建设。(自治区商务厅牵头)\n\n推进物流。(自治区商务厅牵头)');
    expect(ch1.extent.end).toBe(s1.extent.end);
    expect(ch2.extent.start).toBe(text.indexOf('二、'));
  });

  it('puts tasks under their heading in the outline, in document order', () => {
    const { model } = run(plan('《规划》分工方案', '一、重点任务', '加快改革。(自治区商务厅牵头)', '(一)加快建设。(自治区商务厅牵头)'));
    const outline = buildOutline(model);
    expect(outline[0].children.map((n) => `${n.kind}:${n.title}`)).toEqual(['task:加快改革', 'section:加快建设']);
  });
});

describe('line ends and odd input', () => {
  it('treats CR-only line ends as line ends', () => {
    const { model } = run('《规划》分工方案\r一、重点任务\r(一)加快建设。(自治区商务厅牵头)');
    expect(model.headings).toHaveLength(2);
    expect(model.lines.positionAt(model.clauses[0].span.start)).toEqual({ line: 2, character: 8 });
  });

  it.each([
    ['empty', ''],
    ['only a BOM', '\ufeff'],
    ['binary bytes', '\u0000\u0001\ufffd\u0007(((牵头'],
    ['lone surrogates', '\ud800一、\udc00(一)(牵头)'],
    ['brackets only', '('.repeat(5000) + ')'.repeat(10)],
    ['a truncated clause', '一、任务\n加快建设。(自治区商务厅牵'],
  ])('builds a model for %s', (_name, text) => {
    const a = run(text);
    expect(a.model.text).toBe(text);
    for (const f of a.findings) {
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('numerals', () => {
  it('reads and writes every number from 一 to 一百 and back', () => {
    for (let n = 1; n <= 120; n++) expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
    expect(['十', '十一', '二十', '二十九', '三十', '九十九', '一百', '一百零五', '一百一十'].map(parseChineseNumeral)).toEqual([10, 11, 20, 29, 30, 99, 100, 105, 110]);
    expect([10, 11, 20, 29, 99, 100, 110].map(formatChineseNumeral)).toEqual(['十', '十一', '二十', '二十九', '九十九', '一百', '一百一十']);
    expect(parseChineseNumeral('十x')).toBeUndefined();
  });
});
