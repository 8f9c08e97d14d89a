// Properties over any input: a model is always built, ranges stay inside the text and nest,
// and analysing after a sequence of edits gives what analysing the final text fresh gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, buildOutline, presetFor, widen, type Analysis, type EditWindow, type OutlineNode } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE } from '../helpers';

// Pieces that matter to the parser, in both widths, plus arbitrary text.
const PIECES = ['(', ')', '（', '）', '〔', '〕', '[', ']', '【', '】', '、', ',', '，', ';', '；', ':', '：', '和', '及', '牵头', '配合', '参与', '协同', '负责', '按职责分工负责', '分别牵头', '等部门', '等', '牵头单位:', '责任单位：', '一、', '(一)', '（二）', '1.', '(1)', '自治区', '商务厅', '交通运输厅', '内蒙古', '\n', '\r\n', '\r', '\u3000', '\ufeff', '。', '各盟市人民政府'];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const doc = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

/** A readable digest of an analysis, so two can be compared. */
function digest(a: Analysis) {
  const m = a.model;
  const outline = (n: OutlineNode[]): unknown => n.map((x) => [x.kind, x.title, x.span.start, x.span.end, x.detail, outline(x.children)]);
  return {
    title: m.title?.text,
    preamble: m.preamble && [m.preamble.start, m.preamble.end],
    paragraphs: m.paragraphs.map((p) => [p.kind, p.span.start, p.span.end, p.line, p.heading]),
    headings: m.headings.map((h) => [h.kind, h.number, h.title, h.span.start, h.extent.end, h.parent, h.line]),
    clauses: m.clauses.map((c) => [c.span.start, c.span.end, c.unclosed, c.mismatched, c.parties.map((p) => [p.role, p.name, p.written, p.agency, p.span.start, p.span.end])]),
    tasks: m.tasks.map((t) => [t.name, t.span.start, t.span.end, t.nameSpan.start, t.heading, t.line, !!t.clause]),
    findings: a.findings.map((f) => [f.code, f.span.start, f.span.end, f.message]),
    outline: outline(buildOutline(m)),
  };
}

function checkRanges(a: Analysis): void {
  const n = a.model.text.length;
  const inside = (s: { start: number; end: number }) => {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(n);
  };
  for (const f of a.findings) inside(f.span);
  for (const c of a.model.clauses) {
    inside(c.span);
    for (const p of c.parties) {
      inside(p.span);
      expect(p.span.start).toBeGreaterThanOrEqual(c.span.start);
      expect(p.span.end).toBeLessThanOrEqual(c.span.end);
    }
  }
  for (const h of a.model.headings) {
    inside(h.extent);
    if (h.parent !== undefined) {
      const parent = a.model.headings[h.parent];
      expect(h.extent.start).toBeGreaterThanOrEqual(parent.extent.start);
      expect(h.extent.end).toBeLessThanOrEqual(parent.extent.end);
    }
  }
  for (const t of a.model.tasks) inside(t.span);
}

describe('properties', () => {
  it('any string gets a model, with every range inside the text and nested', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const a = analyze(text);
        expect(a.model.text).toBe(text);
        checkRanges(a);
      }),
      { numRuns: 400 },
    );
  });

  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 8 }), insert: fc.oneof(piece, fc.constant('')) });

  it('incremental re-analysis after random edits equals a fresh analysis (random documents)', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        let text = start;
        let prev = analyze(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
          prev = analyze(text, { previous: prev });
          checkRanges(prev);
        }
        expect(digest(prev)).toEqual(digest(analyze(text)));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('incremental re-analysis after random edits to the sample equals a fresh analysis', () => {
    const registry = presetFor('inner-mongolia');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) => {
        let text = SAMPLE;
        let prev = analyze(text, { registry });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
          prev = analyze(text, { registry, previous: prev });
        }
        expect(digest(prev)).toEqual(digest(analyze(text, { registry })));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  // The language server folds each batch of the editor's changes into one window (widen) and
  // passes it on: lines outside the window are taken over without being compared.
  const batch = fc.array(edit, { minLength: 1, maxLength: 3 });

  /** Applies a batch of edits to `text`, returning the new text and the window they cover. */
  function applyBatch(text: string, edits: { at: number; del: number; insert: string }[]): { text: string; window: EditWindow } {
    let window: EditWindow | undefined;
    for (const e of edits) {
      const at = Math.floor(e.at * text.length);
      const end = Math.min(text.length, at + e.del);
      text = text.slice(0, at) + e.insert + text.slice(end);
      window = widen(window, at, end, e.insert.length);
    }
    return { text, window: window! };
  }

  it('the edit window folds changes so that outside it the old and new texts agree', () => {
    fc.assert(
      fc.property(doc, fc.array(batch, { minLength: 1, maxLength: 6 }), (start, batches) => {
        for (const b of batches) {
          const { text, window } = applyBatch(start, b);
          expect(text.length).toBe(start.length + window.delta);
          expect(text.slice(0, window.from)).toBe(start.slice(0, window.from));
          expect(text.slice(window.to)).toBe(start.slice(window.to - window.delta));
          // The line starts found from the old ones and the window are the fresh ones.
          expect(Array.from(LineIndex.edited(new LineIndex(start), text, window).starts)).toEqual(Array.from(new LineIndex(text).starts));
          start = text;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('incremental re-analysis given the edit window equals a fresh analysis (random documents)', () => {
    fc.assert(
      fc.property(doc, fc.array(batch, { minLength: 1, maxLength: 10 }), (start, batches) => {
        let text = start;
        let prev = analyze(text);
        for (const b of batches) {
          const next = applyBatch(text, b);
          text = next.text;
          prev = analyze(text, { previous: prev, edit: next.window });
          checkRanges(prev);
        }
        expect(digest(prev)).toEqual(digest(analyze(text)));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('incremental re-analysis of the sample given the edit window equals a fresh analysis', () => {
    const registry = presetFor('inner-mongolia');
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 12 }), (batches) => {
        let text = SAMPLE;
        let prev = analyze(text, { registry });
        for (const b of batches) {
          const next = applyBatch(text, b);
          text = next.text;
          prev = analyze(text, { registry, previous: prev, edit: next.window });
        }
        expect(digest(prev)).toEqual(digest(analyze(text, { registry })));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  it('incremental re-analysis of real plans of every form, given the edit window, equals a fresh analysis', () => {
    // Tables, labelled blocks, prose and brackets, one after the other (the walk restarts and
    // stops at chapter and section headings: the forms around them must carry over).
    const real = ['2018-national-chuangxin-tuiguang', '2021-provincial-guangdong-zdrw', '2005-national-liangshi-yuan', '2023-county-caidian-zrfj', '2016-national-lianghuazhibiao', '2018-national-wufeichengshi'];
    const mixed = real.map((f) => readFileSync(join(ROOT, 'tests/fixtures/real', `${f}.txt`), 'utf8')).join('\n\n');
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 12 }), (batches) => {
        let text = mixed;
        let prev = analyze(text);
        for (const b of batches) {
          const next = applyBatch(text, b);
          text = next.text;
          prev = analyze(text, { previous: prev, edit: next.window });
        }
        expect(digest(prev)).toEqual(digest(analyze(text)));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });
});
