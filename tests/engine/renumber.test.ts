// Renumbering: chapters, sections and items back in order after sections are inserted, deleted
// or moved, in a run-on document (the sample) and in one whose sections restart per chapter.
import { describe, expect, it } from 'vitest';
import { applyEdits, formatChineseNumeral, parseChineseNumeral, type PlanModel } from '../../server/src/engine';
import { renumberFixFor, renumberPlan, renumberScopeAt } from '../../server/src/engine/features/renumber';
import { plan, run, SAMPLE } from '../helpers';

/** A city work-report plan: sections restart at （一） in each chapter, items under one section. */
const PER_CHAPTER = plan(
  '某市2024年政府工作报告重点工作任务分工方案',
  '',
  '为确保《政府工作报告》确定的各项目标任务落到实处，现将重点工作分工如下。',
  '',
  '一、着力扩大有效需求',
  '（一）扩大有效投资。全年实施重点项目200个以上，完成投资500亿元以上。（市发展改革委牵头，市财政局、市自然资源局等部门配合）',
  '（二）促进消费提质扩容。开展促消费活动100场以上，培育夜间经济集聚区。（市商务局牵头，市文化广电旅游局等部门配合）',
  '二、加快建设现代化产业体系',
  '（一）壮大先进制造业。',
  '1.实施制造业重点产业链高质量发展行动。（市工业和信息化局牵头，市发展改革委等部门配合）',
  '2.推进新一轮技术改造和设备更新。（市工业和信息化局牵头，市财政局等部门配合）',
  '（二）发展现代服务业。推动生产性服务业向专业化和价值链高端延伸。（市发展改革委牵头，市商务局等部门配合）',
  '（三）培育壮大数字经济。加快建设城市大数据中心，推进政务数据共享。（市大数据局牵头，市工业和信息化局等部门配合）',
  '三、持续保障和改善民生',
  '（一）稳定和扩大就业。城镇新增就业3万人以上。（市人力资源社会保障局牵头，市教育局、市财政局等部门配合）',
  '（二）办好人民满意的教育。新建改扩建中小学10所。（市教育局牵头，市财政局等部门配合）',
  '（三）推进健康城市建设。落实第（二）项所列经费保障。（市卫生健康委牵头，市医保局等部门配合）',
);

function renumbered(text: string): string {
  return applyEdits(text, renumberPlan(run(text).model).edits);
}

function numbers(model: PlanModel, kind: string): string[] {
  return model.headings.filter((h) => h.kind === kind).map((h) => h.marker);
}

function numberingCodes(text: string): string[] {
  return run(text).findings.filter((f) => f.code.startsWith('numbering.')).map((f) => f.code);
}

function runOnSections(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `(${formatChineseNumeral(i + 1)})`);
}

describe('Chinese numerals 一 to 一百', () => {
  const expected: Record<number, string> = { 1: '一', 9: '九', 10: '十', 11: '十一', 19: '十九', 20: '二十', 21: '二十一', 29: '二十九', 30: '三十', 90: '九十', 99: '九十九', 100: '一百' };

  it('formats the forms drafters write', () => {
    for (const [n, text] of Object.entries(expected)) expect(formatChineseNumeral(Number(n))).toBe(text);
  });

  it('round-trips every number from 1 to 100, and a little beyond', () => {
    for (let n = 1; n <= 120; n++) expect(parseChineseNumeral(formatChineseNumeral(n)), String(n)).toBe(n);
    expect(formatChineseNumeral(105)).toBe('一百零五');
    expect(formatChineseNumeral(110)).toBe('一百一十');
  });

  it('reads every written form back', () => {
    for (const [n, text] of Object.entries(expected)) expect(parseChineseNumeral(text)).toBe(Number(n));
    expect(parseChineseNumeral('一十一')).toBe(11);
    expect(parseChineseNumeral('两')).toBe(2);
  });
});

describe('renumbering the sample (sections run on across chapters)', () => {
  it('has nothing to renumber as published', () => {
    expect(renumberPlan(run(SAMPLE).model).edits).toEqual([]);
  });

  it('after a section is inserted: (一) to (三十) in order, chapters untouched', () => {
    const inserted = SAMPLE.replace('(五)创新土地管理体系', '(五)深化投融资体制改革。拓宽融资渠道。(自治区发展改革委牵头,自治区财政厅等部门配合)\n\n(五)创新土地管理体系');
    expect(numberingCodes(inserted)).toContain('numbering.duplicate');
    const r = renumberPlan(run(inserted).model);
    expect(r.changes).toHaveLength(25);
    expect(r.changes[0]).toMatchObject({ kind: 'section', from: 5, to: 6, oldMarker: '(五)', newMarker: '(六)' });
    expect(r.changes.at(-1)).toMatchObject({ from: 29, to: 30, newMarker: '(三十)' });
    const fixed = applyEdits(inserted, r.edits);
    const { model } = run(fixed);
    expect(numbers(model, 'section')).toEqual(runOnSections(30));
    expect(numbers(model, 'chapter')).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
    expect(numberingCodes(fixed)).toEqual([]);
    // Only markers changed: every line keeps its text after the marker.
    expect(fixed.replace(/^\([一二三四五六七八九十]+\)/gm, '')).toBe(inserted.replace(/^\([一二三四五六七八九十]+\)/gm, ''));
  });

  it('after a section is deleted: (一) to (二十八)', () => {
    const start = SAMPLE.indexOf('(十)搭建科技孵化合作平台');
    const end = SAMPLE.indexOf('(十一)加强边境社会事务合作');
    const deleted = SAMPLE.slice(0, start) + SAMPLE.slice(end);
    expect(numberingCodes(deleted)).toEqual(['numbering.gap']);
    const fixed = renumbered(deleted);
    expect(numbers(run(fixed).model, 'section')).toEqual(runOnSections(28));
    expect(fixed).toContain('(十)加强边境社会事务合作');
    expect(fixed).toContain('(二十八)消除和减缓不良环境影响的措施');
    expect(numberingCodes(fixed)).toEqual([]);
  });

  it('after a chapter is deleted and two sections swapped', () => {
    const ch3 = SAMPLE.indexOf('三、建设现代化国际口岸');
    const ch4 = SAMPLE.indexOf('四、打造沿边地区新的经济增长极');
    let text = SAMPLE.slice(0, ch3) + SAMPLE.slice(ch4);
    const a = text.indexOf('(二十一)完善公共教育服务体系');
    const b = text.indexOf('(二十二)完善社会保障体系');
    const c = text.indexOf('(二十三)完善医疗卫生服务体系');
    text = text.slice(0, a) + text.slice(b, c) + text.slice(a, b) + text.slice(c);
    const fixed = renumbered(text);
    const { model } = run(fixed);
    expect(numbers(model, 'chapter')).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(numbers(model, 'section')).toEqual(runOnSections(26));
    expect(fixed).toContain('(十八)完善社会保障体系');
    expect(fixed).toContain('(十九)完善公共教育服务体系');
    expect(numberingCodes(fixed)).toEqual([]);
  });

  it('renumbers one finding\'s scope: all sections, not the chapters', () => {
    const text = SAMPLE.replace('二、全面扩大对外开放', '三、全面扩大对外开放').replace('(十二)提升口岸', '(十三)提升口岸');
    const { model, findings } = run(text);
    const sectionFinding = findings.find((f) => f.code.startsWith('numbering.') && text.slice(f.span.start, f.span.end).startsWith('('))!;
    const r = renumberScopeAt(model, sectionFinding.span.start);
    expect(r.changes.every((c) => c.kind === 'section')).toBe(true);
    expect(r.changes.length).toBeGreaterThan(0);
    expect(renumberScopeAt(model, text.indexOf('三、全面')).changes.every((c) => c.kind === 'chapter')).toBe(true);
    expect(renumberScopeAt(model, text.indexOf('优化口岸通关')).changes).toEqual([]);
  });
});

describe('renumbering a document whose sections restart per chapter', () => {
  it('reads the scheme and has nothing to renumber', () => {
    const { model } = run(PER_CHAPTER);
    expect(model.sectionNumbering).toBe('per-chapter');
    expect(renumberPlan(model).edits).toEqual([]);
    expect(numberingCodes(PER_CHAPTER)).toEqual([]);
  });

  it('after a section is inserted in chapter 二: only that chapter\'s later sections move, full-width kept', () => {
    const text = PER_CHAPTER.replace('（二）发展现代服务业', '（二）加快发展先进服务业。培育一批服务业集聚区。（市发展改革委牵头，市商务局等部门配合）\n（二）发展现代服务业');
    const r = renumberPlan(run(text).model);
    expect(r.changes.map((c) => `${c.oldMarker}→${c.newMarker}`)).toEqual(['（二）→（三）', '（三）→（四）']);
    const fixed = applyEdits(text, r.edits);
    expect(fixed).toContain('（三）发展现代服务业');
    expect(fixed).toContain('（四）培育壮大数字经济');
    expect(fixed).toContain('（一）稳定和扩大就业'); // chapter 三 still starts at (一)
    expect(numberingCodes(fixed)).toEqual([]);
    expect(run(fixed).model.sectionNumbering).toBe('per-chapter');
  });

  it('after a section and a chapter are deleted', () => {
    const s = PER_CHAPTER.indexOf('（二）办好人民满意的教育');
    const e = PER_CHAPTER.indexOf('（三）推进健康城市建设');
    let text = PER_CHAPTER.slice(0, s) + PER_CHAPTER.slice(e);
    const c1 = text.indexOf('一、着力扩大有效需求');
    const c2 = text.indexOf('二、加快建设现代化产业体系');
    text = text.slice(0, c1) + text.slice(c2);
    const fixed = renumbered(text);
    const { model } = run(fixed);
    expect(numbers(model, 'chapter')).toEqual(['一、', '二、']);
    expect(model.headings.filter((h) => h.kind === 'section').map((h) => h.numberText)).toEqual(['一', '二', '三', '一', '二']);
    expect(fixed).toContain('二、持续保障和改善民生\n（一）稳定和扩大就业');
    expect(fixed).toContain('（二）推进健康城市建设');
    expect(numberingCodes(fixed)).toEqual([]);
  });

  it('renumbers items within their section, keeping 1、 or 1.', () => {
    const text = PER_CHAPTER.replace('2.推进新一轮技术改造', '1、加快培育新兴产业集群。（市工业和信息化局牵头）\n2.推进新一轮技术改造').replace('1.实施制造业', '1、实施制造业');
    const fixed = renumbered(text);
    expect(fixed).toContain('1、实施制造业');
    expect(fixed).toContain('2、加快培育新兴产业集群');
    expect(fixed).toContain('3.推进新一轮技术改造');
    expect(numberingCodes(fixed)).toEqual([]);
  });

  it('renumbers one chapter\'s sections for a finding there, and no other chapter', () => {
    const text = PER_CHAPTER.replace('（二）办好人民满意的教育', '（三）办好人民满意的教育').replace('（二）促进消费提质扩容', '（三）促进消费提质扩容');
    const { model } = run(text);
    const r = renumberScopeAt(model, text.indexOf('（三）办好'));
    expect(r.changes.map((c) => `${c.oldMarker}→${c.newMarker}`)).toEqual(['（三）→（二）']);
    const fixed = applyEdits(text, r.edits);
    expect(fixed).toContain('（三）促进消费提质扩容'); // chapter 一 is left for its own finding
    expect(fixed).toContain('（二）办好人民满意的教育');
    expect(fixed).toContain('（三）推进健康城市建设');
  });
});

describe('references to renumbered headings', () => {
  const text = plan(
    '《规划》重点工作分工方案',
    '一、推进改革',
    '(一)创新口岸管理。优化通关环境。(自治区商务厅牵头)',
    '(二)创新产业促进体系。实施差别化产业政策。(自治区发展改革委牵头)',
    '(三)创新金融服务体系。提高金融国际化水平。(自治区金融办牵头)',
    '二、扩大开放',
    '(四)提高对外贸易水平。具体见(二)，与第三项统筹推进，资金按第(三)项安排，落实第一部分要求。(自治区商务厅牵头)',
  );

  it('lists none while nothing they name moves', () => {
    expect(renumberPlan(run(text).model).references).toEqual([]);
  });

  it('after an insertion: 见(二) is ambiguous, 第三项 and 第(三)项 should read 四; the text is not rewritten', () => {
    const inserted = text.replace('(二)创新产业', '(二)深化投融资体制改革。拓宽融资渠道。(自治区财政厅牵头)\n(二)创新产业');
    const { model } = run(inserted);
    const r = renumberPlan(model);
    expect(r.changes.map((c) => `${c.oldMarker}→${c.newMarker}`)).toEqual(['(二)→(三)', '(三)→(四)', '(四)→(五)']);
    expect(r.references.map((x) => x.text)).toEqual(['见(二)', '第三项', '第(三)项']);
    const [see, third, bracketed] = r.references;
    expect(see.targets.map((t) => t.to)).toEqual([2, 3]);
    expect(see.suggestion).toBeUndefined();
    expect(third.suggestion?.newText).toBe('四');
    expect(inserted.slice(third.suggestion!.span.start, third.suggestion!.span.end)).toBe('三');
    expect(bracketed.suggestion?.newText).toBe('四');
    expect(inserted.slice(bracketed.numberSpan.start, bracketed.numberSpan.end)).toBe('三');
    // The renumbering edits touch markers only.
    expect(applyEdits(inserted, r.edits)).toContain('具体见(二)，与第三项统筹推进，资金按第(三)项安排');
  });

  it('resolves 第（二）项 within its own chapter when sections restart per chapter', () => {
    const inserted = PER_CHAPTER.replace('（一）稳定和扩大就业', '（一）落实就业优先政策。（市人力资源社会保障局牵头）\n（一）稳定和扩大就业');
    const r = renumberPlan(run(inserted).model);
    expect(r.changes.map((c) => c.newMarker)).toEqual(['（二）', '（三）', '（四）']);
    expect(r.references).toHaveLength(1);
    expect(r.references[0]).toMatchObject({ text: '第（二）项', kind: 'section', number: 2, suggestion: { newText: '三' } });
    expect(r.references[0].targets).toHaveLength(1);
  });

  it('lists 第一部分 when chapters move', () => {
    const inserted = text.replace('一、推进改革', '一、总体要求\n一、推进改革');
    const r = renumberPlan(run(inserted).model);
    expect(r.references.map((x) => `${x.text}:${x.kind}:${x.targets.map((t) => t.to).join(',')}`)).toEqual(['第一部分:chapter:1,2']);
  });
});

describe('the code action on a numbering finding', () => {
  it('is offered for every numbering.* finding of the sample with a section inserted, and clears them', () => {
    const inserted = SAMPLE.replace('(五)创新土地管理体系', '(五)深化投融资体制改革。拓宽融资渠道。(自治区发展改革委牵头,自治区财政厅等部门配合)\n\n(五)创新土地管理体系');
    const { model, findings } = run(inserted);
    const numbering = findings.filter((f) => f.code.startsWith('numbering.'));
    expect(numbering.length).toBeGreaterThan(0);
    for (const f of numbering) {
      const fix = renumberFixFor(model, f)!;
      expect(fix.title).toBe('重新编号各节 (renumber the sections)');
      expect(numberingCodes(applyEdits(inserted, fix.edits))).toEqual([]);
    }
    expect(renumberFixFor(model, findings.find((f) => !f.code.startsWith('numbering.')) ?? { code: 'agency.alias', span: { start: 0, end: 0 } })).toBeUndefined();
  });
});
