// Each task's deadline (parse/deadlines.ts): read wherever plans write it, normalised against the
// plan's date, never a party; checked on the real plans' own annotated deadlines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, fileReport, hoverAt } from '../../server/src/engine';
import { readDeadline } from '../../server/src/engine/parse/deadlines';
import { loadCorpus } from '../../scripts/corpus-score.mjs';
import { plan, ROOT, run, SAMPLE } from '../helpers';

const dated = (...lines: string[]) => plan('自治区自然资源厅2024年重点工作分工方案', '', '2024年3月1日', '一、重点任务', ...lines);

describe('reading a deadline', () => {
  it.each([
    ['2024年底前完成', '2024-12'],
    ['2025年6月底前', '2025-06'],
    ['6月底前', '2024-06'],
    ['在6月底前完成', '2024-06'],
    ['6月30日前', '2024-06-30'],
    ['十二月底前', '2024-12'],
    ['二〇二五年底前', '2025-12'],
    ['２０２５年底前', '2025-12'],
    ['年内', '2024'],
    ['全年', '2024'],
    ['年底前', '2024-12'],
    ['上半年', '2024-06'],
    ['2025年第三季度', '2025-09'],
    ['明年6月底前', '2025-06'],
    ['2024—2025年', '2025'],
    ['持续推进', 'ongoing'],
    ['长期坚持', 'ongoing'],
    ['常态化推进', 'ongoing'],
    ['每年12月底前', 'ongoing'],
    ['2025年起', 'ongoing'],
    ['年内持续推进', '2024'],
    ['5月底前动工', '2024-05'],
    ['9月投入使用', '2024-09'],
  ])('%s → %s', (text, date) => {
    expect(readDeadline(text, 2024)).toEqual({ date, isDeadline: true });
  });

  it('keeps a month without a year undated when the plan has no date, and words with no date undated', () => {
    expect(readDeadline('6月底前')).toEqual({ date: undefined, isDeadline: true });
    expect(readDeadline('年内')).toEqual({ date: undefined, isDeadline: true });
    expect(readDeadline('适时', 2024)).toEqual({ date: undefined, isDeadline: true });
  });

  it('is no deadline where a time word opens a task of its own', () => {
    // 2020-township-xx-hzzap: a run-together page's next item read into the clause.
    expect(readDeadline('持续抓好集中整治', 2020).isDeadline).toBe(false);
    expect(readDeadline('持续改善河湖水域岸线面貌', 2020).isDeadline).toBe(false);
    expect(readDeadline('市发展改革委', 2020).isDeadline).toBe(false);
  });
});

describe('the task’s deadline, wherever the plan writes it', () => {
  it('in a bracket clause, after the parties', () => {
    const { model } = run(dated('(一)加强耕地保护。(自治区自然资源厅牵头，自治区农牧厅配合；2024年底前完成)'));
    const t = model.tasks[0];
    expect(t.deadline).toMatchObject({ text: '2024年底前完成', date: '2024-12' });
    expect(model.text.slice(t.deadline!.span.start, t.deadline!.span.end)).toBe('2024年底前完成');
    // never a party
    expect(t.clause!.parties.map((p) => p.name)).toEqual(['自治区自然资源厅', '自治区农牧厅']);
  });

  it('持续推进 and 长期坚持 in the clause are ongoing', () => {
    const { model } = run(dated('(一)加强耕地保护。(自治区自然资源厅牵头，持续推进)', '(二)严格用途管制。(自治区农牧厅负责，长期坚持)'));
    expect(model.tasks.map((t) => t.deadline?.date)).toEqual(['ongoing', 'ongoing']);
  });

  it('on a labelled line (完成时限：)', () => {
    const { model } = run(dated('1.加强耕地保护。', '牵头单位：自治区自然资源厅', '配合单位：自治区农牧厅', '完成时限：2024年6月底'));
    expect(model.tasks[0].deadline).toMatchObject({ text: '2024年6月底', date: '2024-06' });
    expect(model.tasks[0].clause!.parties.map((p) => p.role)).toEqual(['lead', 'cooperating']);
  });

  it('in prose: 由X牵头，Y配合，在6月底前完成', () => {
    const { model } = run(dated('(一)加强耕地保护。由自治区自然资源厅牵头，自治区农牧厅配合，在6月底前完成。'));
    expect(model.tasks[0].deadline).toMatchObject({ text: '在6月底前完成', date: '2024-06' });
  });

  it('in a table column, a merged cell giving its rows the deadline of its first', () => {
    const text = plan('2016年民生实事分工方案', '', '2016年2月26日', '序号\t民生实事\t责任单位\t完成时限', '1\t启动建设城区段综合治理工程。\t县水务局\t12月底前', '2\t开工建设县老年养护楼。\t县民政局\t5月底前动工', '3\t迁建县政务服务中心。\t县政务服务中心\t');
    const { model } = run(text);
    expect(model.tasks.map((t) => [t.deadline?.text, t.deadline?.date])).toEqual([
      ['12月底前', '2016-12'],
      ['5月底前动工', '2016-05'],
      ['5月底前动工', '2016-05'],
    ]);
  });

  it('reads the same after an edit that moves the lines (incremental analysis)', () => {
    const text = dated('(一)加强耕地保护。(自治区自然资源厅牵头；2024年底前完成)', '(二)严格用途管制。(自治区农牧厅负责；持续推进)');
    const first = analyze(text);
    const edited = text.replace('一、重点任务', '一、重点任务\n（新增一段说明。）');
    const again = analyze(edited, { previous: first });
    const fresh = analyze(edited);
    const digest = (a: typeof fresh) => a.model.tasks.map((t) => t.deadline && [t.deadline.text, t.deadline.date, t.deadline.span.start]);
    expect(digest(again)).toEqual(digest(fresh));
    expect(edited.slice(again.model.tasks[0].deadline!.span.start, again.model.tasks[0].deadline!.span.end)).toBe('2024年底前完成');
  });

  it('is in the checker’s JSON and in hover', () => {
    const text = dated('(一)加强耕地保护。(自治区自然资源厅牵头；2024年底前完成)');
    const a = analyze(text);
    expect(fileReport('p', a).tasks[0].deadline).toEqual({ text: '2024年底前完成', date: '2024-12', line: 5, column: text.split('\n')[4].indexOf('2024年底前') + 1 });
    const onParty = hoverAt(a.model, text.indexOf('自治区自然资源厅牵头') + 2, a.registry)!;
    expect(onParty.markdown).toContain('完成时限 (deadline): 2024年底前完成 → 2024\\-12');
    const onDeadline = hoverAt(a.model, text.indexOf('2024年底前完成') + 3, a.registry)!;
    expect(onDeadline.markdown).toContain('2024年底前完成');
  });
});

describe('the real plans’ annotated deadlines', () => {
  // tests/fixtures/real/*.json annotate `deadline` as the plan writes it, clause by clause (by line).
  const corpus = loadCorpus(join(ROOT, 'tests/fixtures/real'));
  const rows = corpus.map((c) => {
    const a = analyze(readFileSync(c.path, 'utf8').replace(/^\ufeff/, ''));
    return { id: c.id, expect: c.expect as { clauses: { line: number; deadline?: string }[] }, tasks: fileReport(c.id, a).tasks };
  });

  it('reads nearly every annotated deadline as written, and few where none is annotated', () => {
    let annotated = 0;
    let read = 0;
    let extra = 0;
    const misses: string[] = [];
    for (const r of rows) {
      const taken = new Map<number, number>();
      for (const c of r.expect.clauses) {
        const k = taken.get(c.line) ?? 0;
        taken.set(c.line, k + 1);
        const found = r.tasks.filter((t) => t.line === c.line)[k];
        if (c.deadline) {
          annotated++;
          if (found?.deadline?.text === c.deadline) read++;
          else misses.push(`${r.id}:${c.line} ${c.deadline} → ${found?.deadline?.text}`);
        } else if (found?.deadline) {
          extra++;
          misses.push(`${r.id}:${c.line} (none) → ${found.deadline.text}`);
        }
      }
    }
    console.log(`deadlines: ${read} of ${annotated} annotated read as written, ${extra} where none is annotated\n  ${misses.join('\n  ')}`);
    expect(annotated).toBeGreaterThanOrEqual(25);
    expect(read / annotated).toBeGreaterThanOrEqual(0.95);
    expect(extra).toBeLessThanOrEqual(1);
  });

  it('normalises every annotated deadline against the plan’s year', () => {
    for (const c of corpus) {
      const year = (c.expect as { year?: number }).year;
      for (const clause of (c.expect as { clauses: { deadline?: string }[] }).clauses) {
        if (!clause.deadline) continue;
        const r = readDeadline(clause.deadline, year);
        expect(r.isDeadline, `${c.id}: ${clause.deadline}`).toBe(true);
        expect(r.date, `${c.id}: ${clause.deadline}`).toMatch(/^(\d{4}(-\d{2}){0,2}|ongoing)$/);
      }
    }
  });

  it('gives the sample’s 77 tasks none: its clauses name no deadline (持续 in its text is no clause’s)', () => {
    const { model } = analyze(SAMPLE);
    expect(model.tasks).toHaveLength(77);
    expect(model.tasks.filter((t) => t.deadline)).toEqual([]);
  });
});
