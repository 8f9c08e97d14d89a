// Incremental analysis reuses what did not change: after an edit, the clauses of untouched
// lines are the very objects of the previous analysis (moved, not parsed again), those of the
// edited line are new. With and without the edit window the language server passes.
import { describe, expect, it } from 'vitest';
import { analyze, presetFor, type EditWindow } from '../../server/src/engine';
import { SAMPLE } from '../helpers';

const registry = presetFor('inner-mongolia');

function edited(window: boolean) {
  const before = analyze(SAMPLE, { registry });
  const clauses = before.model.clauses.slice();
  // An edit in the middle of one clause's line: a cooperating unit added.
  const target = clauses[Math.floor(clauses.length / 2)];
  const at = target.contentSpan.end;
  const insert = '、自治区统计局';
  const text = SAMPLE.slice(0, at) + insert + SAMPLE.slice(at);
  const edit: EditWindow = { from: at, to: at + insert.length, delta: insert.length };
  const after = analyze(text, { registry, previous: before, edit: window ? edit : undefined });
  return { clauses, target, at, insert, text, after };
}

describe.each([false, true])('incremental analysis (edit window given: %s)', (window) => {
  it('keeps the untouched lines’ clauses, moved by the edit, and parses the edited line again', () => {
    const { clauses, target, at, insert, text, after } = edited(window);
    const now = after.model.clauses;
    expect(now.length).toBe(clauses.length);
    let kept = 0;
    for (let i = 0; i < now.length; i++) {
      const old = clauses[i];
      if (old === target) {
        expect(now[i]).not.toBe(old);
        expect(now[i].parties.map((p) => p.name)).toContain('自治区统计局');
        continue;
      }
      if (now[i] === old) kept++;
      // Spans after the edit moved by its length; the text under them is the clause still.
      expect(text.slice(now[i].span.start, now[i].span.end)).toMatch(/[（(]/);
      if (now[i].span.start > at) expect(now[i].span.start).toBeGreaterThanOrEqual(at + insert.length);
    }
    // Clauses sharing the edited line are parsed with it; every other one is kept.
    expect(kept).toBeGreaterThanOrEqual(clauses.length - 3);
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(plain(after.findings)).toEqual(plain(analyze(text, { registry }).findings));
  });
});

describe('an edit given its window', () => {
  it('re-reads only the lines it touched (and their neighbours, for joins): every other line keeps its entry', () => {
    const before = analyze(SAMPLE, { registry });
    const entries = [...before.cache.entries];
    const at = before.model.clauses[40].contentSpan.end;
    const text = SAMPLE.slice(0, at) + '、自治区统计局' + SAMPLE.slice(at);
    const after = analyze(text, { registry, previous: before, edit: { from: at, to: at + 7, delta: 7 } });
    const now = after.cache.entries;
    expect(now.length).toBe(entries.length);
    const fresh = now.filter((e, i) => e !== entries[i]);
    // The edited line is read again; its neighbours are compared and kept when unchanged.
    expect(fresh.length).toBe(1);
    expect(fresh[0].text).toContain('自治区统计局');
    // A line typed below it: the lines after move down by one, each the same entry.
    const eol = text.indexOf('\n', at);
    const line = '\n请各有关单位抓好落实。';
    const broken = text.slice(0, eol) + line + text.slice(eol);
    const kept = [...now];
    const again = analyze(broken, { registry, previous: after, edit: { from: eol, to: eol + line.length, delta: line.length } });
    expect(again.cache.entries.length).toBe(kept.length + 1);
    expect(again.cache.entries.filter((e) => !kept.includes(e)).length).toBeLessThanOrEqual(2);
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(plain(again.findings)).toEqual(plain(analyze(broken, { registry }).findings));
    expect(again.model.tasks.map((t) => t.line)).toEqual(analyze(broken, { registry }).model.tasks.map((t) => t.line));
  });
});
