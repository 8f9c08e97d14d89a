// Heading completion at the start of a line: the next number there, in the document's style;
// and the skeletons (new plan, snippets) written in that style.
import { describe, expect, it } from 'vitest';
import { formatChineseNumeral } from '../../server/src/engine';
import { headingCompletionsAt, skeletonSnippetsAt, type HeadingCandidate } from '../../server/src/engine/features/headingCompletion';
import { newPlanSnippet, newPlanText, planStyle, snippetBody, snippetToText } from '../../server/src/engine/features/skeleton';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, ROOT, run, SAMPLE } from '../helpers';

/** Candidates with the cursor at `‸` in the text (the sample has `|` of its own). */
function complete(textWithCursor: string): HeadingCandidate[] {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return headingCompletionsAt(text, offset, run(text).model);
}

const labels = (cs: HeadingCandidate[]) => cs.map((c) => c.label);

const PER_CHAPTER = plan(
  '某市2024年政府工作报告重点工作任务分工方案',
  '',
  '一、着力扩大有效需求',
  '（一）扩大有效投资。全年实施重点项目200个以上。（市发展改革委牵头，市财政局等部门配合）',
  '（二）促进消费提质扩容。开展促消费活动100场以上。（市商务局牵头，市文化广电旅游局等部门配合）',
  '二、加快建设现代化产业体系',
  '（一）壮大先进制造业。',
  '1、实施制造业重点产业链高质量发展行动。（市工业和信息化局牵头，市发展改革委等部门配合）',
  '2、推进新一轮技术改造和设备更新。（市工业和信息化局牵头，市财政局等部门配合）',
  '（二）发展现代服务业。推动生产性服务业向专业化延伸。（市发展改革委牵头，市商务局等部门配合）',
  '三、持续保障和改善民生',
  '（一）稳定和扩大就业。城镇新增就业3万人以上。（市人力资源社会保障局牵头，市教育局等部门配合）',
  '（二）办好人民满意的教育。新建改扩建中小学10所。（市教育局牵头，市财政局等部门配合）',
);

describe('next heading number at the start of a line', () => {
  it('offers (三十) after (二十九) in the sample, then 1. and 八、', () => {
    const cs = complete(SAMPLE + '\n\n‸');
    expect(labels(cs)).toEqual(['(三十)', '1.', '八、']);
    expect(cs[0]).toMatchObject({ kind: 'section', number: 30, insertText: '(三十)', preselect: true });
    expect(cs[0].replace).toEqual({ start: SAMPLE.length + 2, end: SAMPLE.length + 2 });
  });

  it('replaces what was typed of the marker, and the bracket the editor closed', () => {
    let cs = complete(SAMPLE + '\n(‸');
    expect(labels(cs)).toEqual(['(三十)']);
    expect(cs[0].replace).toEqual({ start: SAMPLE.length + 1, end: SAMPLE.length + 2 });
    cs = complete(SAMPLE + '\n(‸)');
    expect(cs[0].replace).toEqual({ start: SAMPLE.length + 1, end: SAMPLE.length + 3 });
    cs = complete(SAMPLE + '\n  （三‸）');
    expect(labels(cs)).toEqual(['（三十）']); // the bracket typed wins
    expect(complete(SAMPLE + '\n八‸').map((c) => c.label)).toEqual(['八、']);
    expect(complete(SAMPLE + '\n(五‸')).toEqual([]);
  });

  it('offers the next number where the line is, not at the end', () => {
    const at = SAMPLE.indexOf('(十三)完善欧亚');
    const cs = complete(SAMPLE.slice(0, at) + '‸\n' + SAMPLE.slice(at));
    expect(cs[0].label).toBe('(十三)');
    expect(labels(cs)).toContain('四、');
    const ch = SAMPLE.indexOf('三、建设现代化国际口岸');
    expect(complete(SAMPLE.slice(0, ch) + '‸\n' + SAMPLE.slice(ch))[0].label).toBe('(十二)');
  });

  it('counts within the chapter when sections restart per chapter, in full-width brackets', () => {
    const end = PER_CHAPTER + '\n‸';
    expect(labels(complete(end))).toEqual(['（三）', '1、', '四、']);
    const ch2 = PER_CHAPTER.indexOf('三、持续保障');
    expect(complete(PER_CHAPTER.slice(0, ch2) + '‸\n' + PER_CHAPTER.slice(ch2))[0].label).toBe('（三）');
    const afterChapter = PER_CHAPTER.indexOf('（一）稳定和扩大就业');
    expect(complete(PER_CHAPTER.slice(0, afterChapter) + '‸\n' + PER_CHAPTER.slice(afterChapter))[0].label).toBe('（一）');
  });

  it('offers the next item in the document\'s item style', () => {
    const at = PER_CHAPTER.indexOf('（二）发展现代服务业');
    const cs = complete(PER_CHAPTER.slice(0, at) + '‸\n' + PER_CHAPTER.slice(at));
    expect(labels(cs)).toEqual(['3、', '（二）', '（1）', '三、']);
    expect(complete(PER_CHAPTER.slice(0, at) + '3‸\n' + PER_CHAPTER.slice(at)).map((c) => c.label)).toEqual(['3、']);
  });

  it('writes numbers beyond ten the way drafters do: 十一, 二十, 三十, 一百', () => {
    for (const last of [10, 19, 29, 98, 99]) {
      const sections = Array.from({ length: last }, (_, i) => `(${formatChineseNumeral(i + 1)})任务${i + 1}。加快推进。(自治区商务厅牵头)`);
      const text = plan('《规划》分工方案', '一、重点任务', ...sections, '‸');
      expect(complete(text)[0].label, String(last)).toBe(`(${formatChineseNumeral(last + 1)})`);
    }
    expect(formatChineseNumeral(11)).toBe('十一');
    expect(formatChineseNumeral(20)).toBe('二十');
    expect(formatChineseNumeral(100)).toBe('一百');
  });

  it('offers 一、 in a new document and nothing inside a line or on a heading', () => {
    expect(labels(complete('《规划》分工方案\n\n‸'))).toEqual(['一、', '（一）']);
    expect(complete(SAMPLE.replace('优化口岸通关服务环境', '优化口岸‸通关服务环境'))).toEqual([]);
    expect(complete(SAMPLE.replace('(三)创新金融', '‸(三)创新金融'))).toEqual([]);
  });

  it('gives a snippet with the number written in', () => {
    const cs = complete(SAMPLE + '\n‸');
    expect(cs[0].snippet).toBe('(三十)${1:任务名称}。${2:工作内容}。(${3:牵头单位}牵头,${4:配合单位}等部门配合)');
    expect(cs.find((c) => c.kind === 'chapter')!.snippet).toBe('八、${1:部分标题}');
  });
});

describe('skeletons', () => {
  it('writes a new plan that reads as title, preamble, 一、, (一) and a clause', () => {
    const text = newPlanText();
    const { model, findings } = run(text);
    expect(model.title?.text).toBe('《规划名称》重点工作分工方案');
    expect(model.preamble).toBeDefined();
    expect(model.headings.map((h) => h.marker)).toEqual(['一、', '（一）']);
    expect(model.tasks).toHaveLength(1);
    expect(model.tasks[0].clause?.parties.map((p) => p.role)).toEqual(['lead', 'cooperating']);
    expect(findings.filter((f) => f.code.startsWith('clause.') || f.code.startsWith('numbering.'))).toEqual([]);
    expect(newPlanSnippet()).toContain('${1:规划名称}');
  });

  it('follows the document\'s style: half-width in the sample, full-width by default', () => {
    const style = planStyle(run(SAMPLE).model);
    expect(style).toMatchObject({ headingOpen: '(', clauseOpen: '(', comma: ',', chapterSep: '、', tail: '等部门', sectionNumbering: 'run-on' });
    expect(snippetToText(snippetBody('section', style))).toBe('(一)任务名称。工作内容。(牵头单位牵头,配合单位等部门配合)');
    expect(snippetBody('clause')).toBe('（${1:牵头单位}牵头，${2:配合单位}等部门配合）');
    expect(snippetBody('item', planStyle(run(PER_CHAPTER).model))).toBe('${1:1}、${2:工作内容}。（${3:牵头单位}牵头，${4:配合单位}等部门配合）');
    expect(snippetBody('chapter')).toBe('${1:一}、${2:部分标题}');
  });

  it('numbers the chapter/section/item snippets for their place, in the document\'s style', () => {
    const text = SAMPLE + '\nsec';
    const items = skeletonSnippetsAt(text, text.length, run(text).model);
    expect(items.map((i) => i.name)).toEqual(['section', 'item', 'chapter', 'clause']);
    expect(items[0].insertText).toBe('(三十)${1:任务名称}。${2:工作内容}。(${3:牵头单位}牵头,${4:配合单位}等部门配合)');
    expect(items[0].replace).toEqual({ start: text.length - 3, end: text.length });
    expect(items[2].insertText).toBe('八、${1:部分标题}');
    const mid = SAMPLE.replace('优化口岸通关服务环境', '优化口岸通关服务环境cl');
    const at = mid.indexOf('cl') + 2;
    expect(skeletonSnippetsAt(mid, at, run(mid).model).map((i) => `${i.name}:${i.insertText}`)).toEqual(['clause:(${1:牵头单位}牵头,${2:配合单位}等部门配合)']);
  });

  it('ships the new-plan snippet as the engine writes it (numbered skeletons come from the server)', () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'snippets/fengong.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const byPrefix = Object.fromEntries(Object.values(json).map((s) => [s.prefix[0], s.body.join('\n')]));
    expect(byPrefix).toEqual({ plan: newPlanSnippet() });
    expect(snippetBody('section')).toContain('牵头');
  });
});
