// The engine on every real plan in tests/fixtures/real/, scored against the expectations typed
// by hand: precision and recall of (line, role, agency) facts and the exact-lead rate, per file
// and overall (the same table `npm run corpus` prints through the checker).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, fileReport } from '../../server/src/engine';
import { formatTable, loadCorpus, scoreFile, total } from '../../scripts/corpus-score.mjs';
import { ROOT } from '../helpers';

const corpus = loadCorpus(join(ROOT, 'tests/fixtures/real'));

describe('the real-plan corpus', () => {
  const rows = corpus.map((c) => {
    const text = readFileSync(c.path, 'utf8').replace(/^\ufeff/, '');
    const report = fileReport(c.id, analyze(text));
    return { id: c.id, expect: c.expect, score: scoreFile(c.expect, report.tasks) };
  });

  it('holds at least 25 documents from the State Council to a township, 8 of them complete and over 3,000 characters', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    const levels = new Set(corpus.map((c) => c.expect.level));
    for (const level of ['national', 'provincial', 'city', 'county', 'township']) expect(levels, level).toContain(level);
    const complete = corpus.filter((c) => c.expect.complete && readFileSync(c.path, 'utf8').length > 3000);
    expect(complete.length).toBeGreaterThanOrEqual(8);
    for (const c of corpus) expect(c.expect.source?.url, `${c.id} names its source`).toBeTruthy();
  });

  it('reads ≥ 97% of the facts with ≥ 97% precision and ≥ 95% exact leads', () => {
    // The table is the point of this test: print it whatever the outcome.
    console.log(formatTable(rows));
    const t = total(rows.map((r) => r.score));
    expect(t.precision).toBeGreaterThanOrEqual(0.97);
    expect(t.recall).toBeGreaterThanOrEqual(0.97);
    expect(t.exactLeads).toBeGreaterThanOrEqual(0.95);
  });
});
