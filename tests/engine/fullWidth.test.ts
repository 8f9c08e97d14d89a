// Body punctuation in full width (features/fullWidth.ts): what GB/T 15834 turns, what it leaves,
// the sample's own text, and edits that change no party and do nothing the second time.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fullWidthEdits, toFullWidth } from '../../server/src/engine';
import { plan, SAMPLE } from '../helpers';

describe('toFullWidth', () => {
  it.each([
    ['发展,推进', '发展，推进'],
    ['发展, 推进', '发展，推进'],
    ['主要任务:一是', '主要任务：一是'],
    ['完善机制;加强监管', '完善机制；加强监管'],
    ['是否落实?', '是否落实？'],
    ['务必落实!', '务必落实！'],
    ['(以下简称《规划》)', '（以下简称《规划》）'],
    ['推进(ATA)单证册', '推进（ATA）单证册'],
    ['规划(2014-2020年)', '规划（2014-2020年）'],
    ['(一)创新体制', '（一）创新体制'],
    ['推进ATA单证册制度实施,促进', '推进ATA单证册制度实施，促进'],
    ['“放管服”,推进', '“放管服”，推进'],
  ])('%s → %s', (from, to) => expect(toFullWidth(from)).toBe(to));

  it.each([
    ['1,000万元'],
    ['10:30前'],
    ['http://www.gov.cn/zhengce/a,b.htm'],
    ['foo@bar.com,'],
    ['Hello, world'],
    ['see (p. 3) here'],
    ['3.5亿元'],
    ['1.加强领导'],
  ])('leaves %s alone', (s) => expect(toFullWidth(s)).toBe(s));

  it('turns an e-mail’s neighbours but not the address', () => {
    expect(toFullWidth('联系:foo@bar.com,谢谢')).toBe('联系：foo@bar.com，谢谢');
  });
});

describe('fullWidthEdits over a plan', () => {
  it('turns the sample’s 535 half-width commas between Chinese words and changes no party, finding or task', () => {
    const before = analyze(SAMPLE);
    const edits = fullWidthEdits(before.model);
    const text = applyEdits(SAMPLE, edits);
    const between = /(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])/g;
    expect(SAMPLE.match(between)).toHaveLength(535);
    expect(text.match(between)).toBeNull();
    const after = analyze(text);
    const parties = (a: typeof after) => a.model.tasks.map((t) => (t.clause?.parties ?? []).map((p) => `${p.role}:${p.name}`));
    expect(parties(after)).toEqual(parties(before));
    expect(after.findings.map((f) => f.code)).toEqual(before.findings.map((f) => f.code));
    expect(after.model.headings.map((h) => h.number)).toEqual(before.model.headings.map((h) => h.number));
    // Twice is once.
    expect(fullWidthEdits(after.model)).toEqual([]);
  });

  it('leaves web-page noise lines as they are and keeps to a range', () => {
    const text = plan('《测试规划》分工方案', '2014年05月12日  |  来源:中国内蒙古', '一、推进改革', '加快建设,优化环境。(自治区商务厅牵头)', '推进物流,培育企业。(自治区商务厅牵头)');
    const { model } = analyze(text);
    const out = applyEdits(text, fullWidthEdits(model));
    expect(out).toContain('来源:中国内蒙古');
    expect(out).toContain('加快建设，优化环境。（自治区商务厅牵头）');
    const second = text.indexOf('推进物流');
    const ranged = applyEdits(text, fullWidthEdits(model, { range: { start: second, end: text.length } }));
    expect(ranged).toContain('加快建设,优化环境。(自治区商务厅牵头)');
    expect(ranged).toContain('推进物流，培育企业。（自治区商务厅牵头）');
  });
});
