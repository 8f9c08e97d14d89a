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
