// Formatting: clause brackets and separators in one width, tails and spacing made consistent,
// heading markers tidied; nothing else touched; twice is the same as once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, type PlanModel } from '../../server/src/engine';
import { formatEdits, type FormatOptions } from '../../server/src/engine/features/format';
import { plan, run, SAMPLE } from '../helpers';

function format(text: string, options?: FormatOptions): string {
  return applyEdits(text, formatEdits(run(text).model, options));
}

/** What formatting must not change: each task's name, and each clause's parties and roles. */
function meaning(model: PlanModel): string[] {
  const half = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')');
  return model.tasks.map((t) => `${t.name}|${(t.clause?.parties ?? []).map((p) => `${p.role}:${half(p.name)}`).join(',')}`);
}

const MIXED = plan(
  '《某县国民经济和社会发展规划》重点任务分工方案',
  '',
  '为贯彻落实《规划》(以下简称《规划》)，现提出如下分工方案。',
  '',
  '一 、 加快产业转型',
  '( 一 )  推进工业园区建设。建成标准厂房1,000平方米。(县发展改革局牵头, 县工业和信息化局、县财政局等有关部门配合)',
  '（二）发展现代农业。建设高标准农田。（县农业农村局牵头，县财政局、县水利局等部门 配合）',
  '(三)提升服务业水平。推动商贸流通。(县商务局牵头,各乡镇（街道）等部门配合;完成时限：2025年底)',
  '二、保障措施',
  '(四)加强组织领导。压实责任。[县政府办公室牵头,县直各部门 等部门配合】',
  '1．建立调度机制。(县政府办公室负责)',
  '2、开展督查考核。(县政府督查室负责)',
  '3、强化宣传引导。( 县融媒体中心负责 )',
);

describe('formatting', () => {
  it('leaves the sample as it is: its clauses already agree', () => {
    expect(formatEdits(run(SAMPLE).model)).toEqual([]);
  });

  it('writes the sample full-width when asked, touching clauses only', () => {
    const out = format(SAMPLE, { fullWidth: true });
    const { model } = run(out);
    for (const c of model.clauses) {
      const s = out.slice(c.span.start, c.span.end);
      expect(s, s).not.toMatch(/[(),;:]/);
      expect(s.startsWith('（') && s.endsWith('）')).toBe(true);
    }
    // the preamble, section markers and body text are left alone
    expect(out).toContain('《内蒙古满洲里重点开发开放试验区建设总体规划》(以下简称《规划》)');
    expect(out).toContain('增开国际(港澳台)和国内客货航线。（自治区发展改革委牵头，');
    expect(out.length).toBe(SAMPLE.length);
    expect(meaning(model)).toEqual(meaning(run(SAMPLE).model));
  });

  it('is idempotent on the sample, either way', () => {
    for (const options of [{}, { fullWidth: true }]) {
      const once = format(SAMPLE, options);
      expect(formatEdits(run(once).model, options)).toEqual([]);
    }
  });

  it('follows the majority width of a mixed document and tidies spacing, tails and markers', () => {
    const out = format(MIXED);
    expect(out.split('\n').slice(4)).toEqual([
      '一、加快产业转型',
      '(一)推进工业园区建设。建成标准厂房1,000平方米。(县发展改革局牵头,县工业和信息化局、县财政局等部门配合)',
      '(二)发展现代农业。建设高标准农田。(县农业农村局牵头,县财政局、县水利局等部门配合)',
      '(三)提升服务业水平。推动商贸流通。(县商务局牵头,各乡镇(街道)等部门配合;完成时限:2025年底)',
      '二、保障措施',
      '(四)加强组织领导。压实责任。(县政府办公室牵头,县直各部门等部门配合)',
      '1、建立调度机制。(县政府办公室负责)',
      '2、开展督查考核。(县政府督查室负责)',
      '3、强化宣传引导。(县融媒体中心负责)',
    ]);
    // the preamble's bracket and full-width comma are no clause: untouched
    expect(out.split('\n')[2]).toBe('为贯彻落实《规划》(以下简称《规划》)，现提出如下分工方案。');
  });

  it('writes a mixed document full-width when asked', () => {
    const out = format(MIXED, { fullWidth: true });
    expect(out).toContain('（三）提升服务业水平。推动商贸流通。（县商务局牵头，各乡镇（街道）等部门配合；完成时限：2025年底）');
    expect(out).toContain('建成标准厂房1,000平方米。（县发展改革局牵头，');
  });

  it('is idempotent and keeps every task and lead of a mixed document', () => {
    for (const options of [{}, { fullWidth: true }]) {
      const once = format(MIXED, options);
      expect(formatEdits(run(once).model, options), JSON.stringify(options)).toEqual([]);
      expect(meaning(run(once).model)).toEqual(meaning(run(MIXED).model));
      expect(run(once).model.headings.map((h) => `${h.kind}${h.number}`)).toEqual(run(MIXED).model.headings.map((h) => `${h.kind}${h.number}`));
    }
  });

  it('keeps one space between Latin words, and formats a range only', () => {
    const text = plan('《规划》分工方案', '一、任务', '(一)建设网络。覆盖全域。(自治区通信管理局牵头,中国 移动 内蒙古 公司、China Mobile  Inner Mongolia等部门配合)', '(二)建设平台。(自治区大数据中心牵头 , 自治区财政厅等部门配合)');
    const out = format(text);
    expect(out).toContain('(自治区通信管理局牵头,中国移动内蒙古公司、China Mobile Inner Mongolia等部门配合)');
    const { model } = run(text);
    const line4 = text.indexOf('(二)');
    const ranged = applyEdits(text, formatEdits(model, { range: { start: line4, end: text.length } }));
    expect(ranged).toContain('(自治区大数据中心牵头,自治区财政厅等部门配合)');
    expect(ranged).toContain('中国 移动 内蒙古 公司');
  });
});

describe('formatting any clause', () => {
  const AGENCIES = ['自治区商务厅', '自治区发展改革委', '财政厅', '交通运输厅', '满洲里海关', '内蒙古出入境检验检疫局', '各盟市人民政府', '人民银行呼和浩特中心支行', '各街道(功能区)', '各街道（功能区）'];
  const blank = fc.constantFrom('', '', '', ' ', '\u3000', '  ');
  const sep = fc.constantFrom(',', '，', '、', ';', '；');
  const names = fc.array(fc.tuple(fc.constantFrom(...AGENCIES), blank, sep, blank), { minLength: 1, maxLength: 4 }).map((xs) => xs.map(([a, b1, s, b2], i) => (i ? b1 + s + b2 : '') + a).join(''));
  const clause = fc
    .record({
      open: fc.constantFrom('(', '（'),
      close: fc.constantFrom(')', '）'),
      lead: names,
      coop: fc.option(names, { nil: undefined }),
      comma: fc.constantFrom(',', '，', ' ', '，  '),
      tail: fc.constantFrom('等部门', '等有关部门', '等相关部门', '等单位', '等', '', ' 等部门 '),
      b: blank,
    })
    .map((c) => `${c.open}${c.b}${c.lead}牵头${c.coop ? `${c.comma}${c.coop}${c.tail}配合` : ''}${c.b}${c.close}`);
  const doc = fc.array(clause, { minLength: 1, maxLength: 6 }).map((cs) => plan('《规划》重点工作分工方案', '一、重点任务', ...cs.map((c, i) => `(${['一', '二', '三', '四', '五', '六'][i]})任务${i + 1}。加快推进。${c}`)));

  const leads = (m: PlanModel) => m.tasks.map((t) => (t.clause?.parties ?? []).filter((p) => p.role === 'lead').map((p) => p.name.replace(/（/g, '(').replace(/）/g, ')')).join('、'));

  it('is idempotent and keeps the tasks and their leads, either width', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), (text, fullWidth) => {
        const before = run(text).model;
        const once = format(text, { fullWidth });
        const after = run(once).model;
        expect(formatEdits(after, { fullWidth })).toEqual([]);
        expect(after.tasks.map((t) => t.name)).toEqual(before.tasks.map((t) => t.name));
        expect(leads(after)).toEqual(leads(before));
      }),
      { numRuns: 300 },
    );
  });

  it('ends a clause at the same place whichever bracket opens it (found by the property below, seed 20261127)', () => {
    // `[` left the clause unclosed at the line end while `(` ran on to 】 below: formatting
    // the bracket moved the clause's end, and a second format changed the text again.
    const once = format('[牵头单位:,\n】');
    expect(once).toBe('(牵头单位:,\n)');
    expect(format(once)).toBe(once);
  });

  it('is idempotent on any text at all', () => {
    const PIECES = ['(', ')', '（', '）', '〔', '〕', '[', ']', '【', '】', '、', ',', '，', ';', '；', ':', '：', '牵头', '配合', '负责', '等部门', '等有关部门', '等', '牵头单位:', '一、', '(一)', '（二）', '1.', '1、', '(1)', '自治区', '商务厅', '\n', ' ', '\u3000', '。', '1', 'A'];
    const anyDoc = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(anyDoc, fc.boolean(), (text, fullWidth) => {
        const once = format(text, { fullWidth });
        const twice = format(once, { fullWidth });
        expect(twice).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
