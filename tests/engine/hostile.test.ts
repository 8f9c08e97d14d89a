// Hostile files: each gets a model and findings, without a crash, and time grows linearly:
// quadrupling the input at most a bit more than quadruples the time (ratios within one run,
// best of five; linear growth gives 4 to 6 here, quadratic about 16).
import { describe, expect, it } from 'vitest';
import { analyze, completeAt, presetFor } from '../../server/src/engine';

const registry = presetFor('inner-mongolia');

const HOSTILE: Record<string, (n: number) => string> = {
  'one long line': (n) => '加快建设。'.repeat(n / 5),
  'opening brackets': (n) => '('.repeat(n),
  'enumeration commas in a clause': (n) => '一、任务\n加快建设。(自治区商务厅牵头,' + '、'.repeat(n) + '配合)',
  'binary bytes': (n) => Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
  'CR-only line ends': (n) => '(一)加快建设。(自治区商务厅牵头)\r'.repeat(n / 20),
  'a huge clause of names': (n) => '一、任务\n加快建设。(自治区商务厅牵头,' + '自治区甲局、'.repeat(n / 6) + '配合)',
  'labels inside brackets': (n) => '一、任务\n' + '(牵头单位:甲)'.repeat(n / 8),
  'qualifier characters': (n) => '一、任务\n加快建设。(' + '按'.repeat(n) + '牵头)',
  'nested brackets': (n) => '一、任务\n加快建设。' + '(牵头'.repeat(n / 3) + ')'.repeat(n / 3),
};

/** The fastest of five runs: the least disturbed by whatever else the machine is doing. */
function median(f: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe.sequential('hostile input', () => {
  it('a file that is only a BOM, and an empty file', () => {
    for (const text of ['\ufeff', '', '\r', '\n\n\n']) {
      const a = analyze(text);
      expect(a.model.headings).toEqual([]);
      expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('10 MB on one line gets a model', () => {
    const text = '(一)加快建设。(自治区商务厅牵头,自治区财政厅配合)'.repeat(10_000_000 / 27);
    const a = analyze(text, { registry });
    expect(a.model.headings).toHaveLength(1);
    expect(a.model.clauses.length).toBeGreaterThan(300_000);
    // findings are capped, and the cap is said
    expect(a.findings.length).toBeLessThanOrEqual(2001);
  });

  it('caps findings and says so', () => {
    const text = '一、任务\n' + '加快建设。(自治区不存在局牵头)\n'.repeat(3000);
    const a = analyze(text, { registry });
    expect(a.findings).toHaveLength(2001);
    expect(a.findings.at(-1)!.code).toBe('engine.limit');
    expect(a.findings.at(-1)!.message).toContain('2000');
  });

  // Retried: noise can spoil one measurement, but quadratic growth fails every time.
  it.each(Object.keys(HOSTILE))('%s: no crash, linear growth', { retry: 2 }, (name) => {
    const make = HOSTILE[name];
    // Grow the input until one analysis takes long enough to measure above the noise.
    let n = 50_000;
    let small = make(n);
    analyze(small, { registry }); // warm up
    let t1 = median(() => analyze(small, { registry }));
    while (t1 < 8 && n < 800_000) {
      n *= 2;
      small = make(n);
      t1 = median(() => analyze(small, { registry }));
    }
    const large = make(n * 4);
    const t2 = median(() => analyze(large, { registry }));
    const a = analyze(large, { registry });
    for (const f of a.findings) expect(f.span.end).toBeLessThanOrEqual(large.length);
    // completion on the same text stays answerable
    completeAt(large, Math.floor(large.length / 2), { registry });
    expect(t2 / t1).toBeLessThan(10);
  });
});
