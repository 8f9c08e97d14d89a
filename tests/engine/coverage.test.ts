// Coverage of a source document (上位文件) by a plan: splitting the source into measures, aligning
// tasks with them, on the real pairs of tests/fixtures/real/coverage/ (annotated by hand) and on
// bad input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, COVERAGE_THRESHOLD, coverageOf, indexSource, MAX_MEASURES, statedSource, type SourceIndex } from '../../server/src/engine';
import { plan, ROOT, SAMPLE, taskPlan } from '../helpers';

const DIR = join(ROOT, 'tests/fixtures/real/coverage');

interface Annotations {
  pair: string;
  source: string;
  plan: string;
  notMeasures: string[];
  measures: { text: string; tasks: string[]; scope: 'in' | 'outside' }[];
}

const pairs = readdirSync(DIR)
  .filter((f) => f.endsWith('.annotations.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Annotations);

// Sentences compared as text, punctuation and spaces aside (the plan writes , where the report writes ，).
const norm = (s: string) => s.replace(/[\s，,。；;、“”"：:]/g, '');
/** A task by the number it is written under: (二十五). */
const numberOf = (text: string) => (/^\s*[（(][^)）]{1,6}[)）]|^\s*\d+(?=[.、\s])/.exec(text)?.[0].trim().replace(/（/g, '(').replace(/）/g, ')') ?? '?');

function score(p: Annotations) {
  const source = indexSource(readFileSync(join(DIR, p.source), 'utf8'));
  const a = analyze(readFileSync(join(DIR, p.plan), 'utf8'), { source });
  const cov = a.coverage!;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const m of p.measures) {
    const found = source.measures.find((x) => norm(x.text) === norm(m.text));
    if (!found) missed.push(m.text);
    const predicted = new Set(found ? cov.tasks.filter((t) => t.measures.some((x) => x.measure === found.index)).map((t) => numberOf(a.model.text.slice(t.task.span.start, t.task.span.end))) : []);
    for (const t of predicted) {
      if (m.tasks.includes(t)) tp++;
      else fp++, wrong.push(`${t} ← ${m.text}`);
    }
    for (const t of m.tasks) if (!predicted.has(t)) fn++, wrong.push(`missing ${t} ← ${m.text}`);
  }
  const falseMeasures = p.notMeasures.filter((t) => source.measures.some((x) => norm(x.text) === norm(t)));
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn, missed, wrong, falseMeasures, annotated: p.measures.length, pairs: p.measures.reduce((n, m) => n + m.tasks.length, 0) };
}

describe('coverage on the real pairs (hand annotations)', () => {
  it('has at least one annotated pair', () => expect(pairs.length).toBeGreaterThan(0));

  it.each(pairs.map((p) => [p.pair, p] as const))('%s: splitting finds the annotated measures and no heading or statement', (_id, p) => {
    const s = score(p);
    // The splitter misses sentences that open with neither a measure verb nor a target
    // (对老年人…，因户因人落实保障措施): said, and bounded.
    console.log(`${p.pair}: ${s.annotated} annotated measures, ${s.missed.length} not split out: ${s.missed.join(' | ')}`);
    expect(s.missed.length / s.annotated).toBeLessThanOrEqual(0.05);
    expect(s.falseMeasures).toEqual([]);
  });

  it.each(pairs.map((p) => [p.pair, p] as const))('%s: precision and recall of the alignment ≥ 0.85', (_id, p) => {
    const s = score(p);
    console.log(`${p.pair}: threshold ${COVERAGE_THRESHOLD}, ${s.annotated} measures (${s.pairs} measure–task pairs): precision ${s.precision.toFixed(3)} (${s.tp}/${s.tp + s.fp}), recall ${s.recall.toFixed(3)} (${s.tp}/${s.tp + s.fn})${s.wrong.length ? `; wrong: ${s.wrong.join(' | ')}` : ''}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.85);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('2018: the two tasks of the excerpt cover (五)’s first sentence and the 农业供给侧 paragraph, and nothing of the review', () => {
    const source = indexSource(readFileSync(join(DIR, '2018-national-gzbg-report.txt'), 'utf8'));
    // The review of the past five years (一、过去五年工作回顾) holds no measure.
    expect(Math.min(...source.measures.map((m) => m.line))).toBeGreaterThan(75);
    expect(source.numbered).toBe(true);
    const a = analyze(readFileSync(join(DIR, '../2018-national-gzbg-xiangcun.txt'), 'utf8'), { source });
    const [t24, t25] = a.coverage!.tasks;
    expect(t24.measures.map((m) => source.measures[m.measure].text)).toEqual(['科学制定规划，健全城乡融合发展体制机制，依靠改革创新壮大乡村发展新动能']);
    expect(t25.measures.map((m) => source.measures[m.measure].line)).toEqual(Array(9).fill(149));
    expect(a.coverage!.unsourced).toEqual([]);
    // The excerpt covers 10 of the report's measures: the rest are listed, with their lines.
    expect(a.coverage!.assigned).toBe(10);
    const f = a.findings.find((x) => x.code === 'coverage.unassigned')!;
    expect(f.severity).toBe('info');
    expect(f.args.count).toBe(String(source.measures.length - 10));
    expect(f.message).toMatch(/“[^”]+”（\d+）/);
  });

  it('2016: table rows are fragments of long sentences: one sentence covered by three rows, another by two', () => {
    const source = indexSource(readFileSync(join(DIR, '2016-national-gzbg-report.txt'), 'utf8'));
    const a = analyze(readFileSync(join(DIR, '../2016-national-lianghuazhibiao.txt'), 'utf8'), { source });
    const rows = a.coverage!.tasks.filter((t) => /^\d/.test(a.model.text.slice(t.task.span.start, t.task.span.end)));
    expect(rows).toHaveLength(9);
    const first = (i: number) => source.measures[rows[i].measures[0].measure].text;
    expect(new Set([first(6), first(7), first(8)]).size).toBe(1);
    expect(first(6)).toMatch(/^完成铁路投资8000亿元以上/);
    expect(first(0)).toBe(first(1));
    // The notice's own items are no measure of the report.
    expect(a.coverage!.unsourced.map((t) => t.line)).toEqual([16]);
  });
});

describe('coverage: alignment', () => {
  const src = indexSource(['一、重点任务', '（一）加快口岸建设。推进满洲里口岸扩能改造，完善查验设施。', '（二）发展跨境物流。建设国际物流园区，培育物流龙头企业。', '（三）举办中俄蒙旅游节。'].join('\n'));

  it('one task may cover several measures, one measure several tasks; a task from elsewhere is unsourced', () => {
    const a = analyze(taskPlan('推进满洲里口岸扩能改造，完善口岸查验设施。(自治区商务厅牵头)\n建设国际物流园区。(自治区发展改革委牵头)\n培育物流龙头企业，建设国际物流园区。(自治区商务厅牵头)\n开展全民健身运动。(自治区体育局牵头)'), { source: src });
    const cov = a.coverage!;
    const texts = (i: number) => cov.tasks[i].measures.map((m) => src.measures[m.measure].text);
    expect(texts(0)).toEqual(['推进满洲里口岸扩能改造，完善查验设施']);
    expect(texts(2)).toEqual(expect.arrayContaining(['建设国际物流园区，培育物流龙头企业']));
    expect(texts(1)).toEqual(['建设国际物流园区，培育物流龙头企业']);
    expect(cov.unsourced.map((t) => t.name)).toEqual(['开展全民健身运动']);
    expect(a.findings.filter((f) => f.code === 'coverage.unsourced').map((f) => a.model.text.slice(f.span.start, f.span.end))).toEqual(['开展全民健身运动']);
    // 举办中俄蒙旅游节 is a numbered item of its own: a measure, and nobody's.
    expect(cov.unassigned.map((m) => m.text)).toEqual(['举办中俄蒙旅游节']);
    expect(cov.unassigned[0].line).toBe(3);
    expect(cov.ratio).toBeCloseTo(2 / 3);
  });

  it('headings and titles are not measures; the unsourced hint and unassigned info follow the settings', () => {
    expect(src.measures.map((m) => m.text)).not.toContain('加快口岸建设');
    const a = analyze(taskPlan('开展全民健身运动。(自治区体育局牵头)'), { source: src, severities: { 'coverage.unsourced': 'ignore', 'coverage.unassigned': 'warning' } });
    expect(a.findings.map((f) => `${f.code}:${f.severity}`)).toContain('coverage.unassigned:warning');
    expect(a.findings.map((f) => f.code)).not.toContain('coverage.unsourced');
  });

  it('as you type: a task’s matches are kept by its text, so an edit re-scores only the task it changed', () => {
    const source = indexSource(readFileSync(join(DIR, '2018-national-gzbg-report.txt'), 'utf8'));
    const text = SAMPLE;
    const first = analyze(text, { source });
    const kept = source.byTask.size;
    expect(kept).toBe(new Set(first.coverage!.tasks.map((t) => a(first, t.task))).size);
    const edited = text.replace('加快', '加紧');
    const second = analyze(edited, { source, previous: first });
    // One task's text changed: one new entry, every other task read from the cache.
    expect(source.byTask.size).toBe(kept + 1);
    expect(second.coverage!.total).toBe(first.coverage!.total);
  });
  const a = (an: ReturnType<typeof analyze>, t: { span: { start: number; end: number }; clause?: { span: { start: number } } }) => an.model.text.slice(t.span.start, t.clause ? t.clause.span.start : t.span.end);
});

describe('coverage: bad input', () => {
  it('a source with no numbered structure: measures from its sentences alone', () => {
    const s = indexSource('今年要加快口岸建设，推进物流发展。我们要团结奋斗。支持企业走出去；完善通关服务！');
    expect(s.numbered).toBe(false);
    expect(s.measures.map((m) => m.text)).toEqual(['今年要加快口岸建设，推进物流发展', '支持企业走出去', '完善通关服务']);
  });

  it('a source with no measure at all, or empty: coverage 1, nothing listed, every task unsourced', () => {
    for (const text of ['', '各位代表：\n\n谢谢大家。', '\u0000\uffff\ud800']) {
      const s = indexSource(text);
      const a = analyze(taskPlan('加快口岸建设。(自治区商务厅牵头)'), { source: s });
      expect(a.coverage!.ratio).toBe(1);
      expect(a.coverage!.unassigned).toEqual([]);
      expect(a.coverage!.unsourced).toHaveLength(1);
      expect(a.findings.map((f) => f.code)).not.toContain('coverage.unassigned');
    }
  });

  it('a plan with no stated source still compares; the one it states is read', () => {
    expect(statedSource(analyze(taskPlan('加快口岸建设。(自治区商务厅牵头)')).model)).toBe('测试规划');
    const none = analyze(plan('重点工作分工方案', '一、重点任务', '(一)加快口岸建设。(自治区商务厅牵头)'), { source: indexSource('加快口岸建设。') });
    expect(statedSource(none.model)).toBeUndefined();
    expect(none.coverage!.ratio).toBe(1);
    const stated = analyze('关于印发分工方案的通知\n为贯彻落实《2024年政府工作报告》，现将重点工作分解如下：\n一、重点任务\n(一)加快口岸建设。(自治区商务厅牵头)');
    expect(statedSource(stated.model)).toBe('2024年政府工作报告');
  });

  it('a 2 MB source: bounded time, no crash, the measures past the limit said', () => {
    const report = readFileSync(join(DIR, '2018-national-gzbg-report.txt'), 'utf8');
    let big = '';
    while (big.length < 2_000_000) big += report;
    const t0 = performance.now();
    const s = indexSource(big);
    const a = analyze(SAMPLE, { source: s });
    const ms = performance.now() - t0;
    expect(s.measures.length).toBe(MAX_MEASURES);
    expect(s.truncated).toBe(true);
    expect(a.coverage!.total).toBe(MAX_MEASURES);
    expect(ms).toBeLessThan(10_000);
  });

  it('any text as source and plan: never throws, the ratio stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (source, text) => {
        const s: SourceIndex = indexSource(source);
        const cov = coverageOf(analyze(text).model, s);
        expect(cov.ratio).toBeGreaterThanOrEqual(0);
        expect(cov.ratio).toBeLessThanOrEqual(1);
        expect(cov.assigned + cov.unassigned.length).toBe(cov.total);
      }),
      { numRuns: 200 },
    );
    expect(() => indexSource(undefined as unknown as string)).not.toThrow();
  });
});
