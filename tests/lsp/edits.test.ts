// The language server's edit windows: whatever changes a notification carries, outside the
// window the text before and after them is the same (what the engine relies on to take lines over).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditWindows } from '../../server/src/lsp/state/edits';

const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '牵头', '（', '）', '、', 'x', ''), fc.string({ maxLength: 5 }));
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const change = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 6 }), insert: piece });

describe('edit windows', () => {
  it('cover every change of a sequence of notifications, each of several changes', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (start, notifications) => {
        const windows = new EditWindows();
        let doc = windows.documents.create('file:///a.txt', 'fengong', 1, start);
        const old = start;
        let version = 1;
        for (const n of notifications) {
          // Each change's range is on the text the changes before it left.
          const changes = [];
          let shadow = windows.documents.create('file:///shadow.txt', 'fengong', version, doc.getText());
          for (const c of n) {
            const s = Math.floor(c.a * shadow.getText().length);
            const range = { start: shadow.positionAt(s), end: shadow.positionAt(s + c.len) };
            changes.push({ range, text: c.insert });
            shadow = windows.documents.update(shadow, [{ range, text: c.insert }], version);
          }
          doc = windows.documents.update(doc, changes, ++version);
          expect(doc.getText()).toBe(shadow.getText());
        }
        const w = windows.take('file:///a.txt', old)!;
        const now = doc.getText();
        expect(now.length).toBe(old.length + w.delta);
        expect(now.slice(0, w.from)).toBe(old.slice(0, w.from));
        expect(now.slice(w.to)).toBe(old.slice(w.to - w.delta));
        // Taken: the next analysis starts a new window.
        expect(windows.take('file:///a.txt', now)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('knows no window once the text was replaced whole, until it is taken', () => {
    const windows = new EditWindows();
    let doc = windows.documents.create('file:///a.txt', 'fengong', 1, '一、总体要求\n');
    doc = windows.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    doc = windows.documents.update(doc, [{ text: '全新' }], 3);
    doc = windows.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y' }], 4);
    expect(doc.getText()).toBe('y全新');
    expect(windows.take('file:///a.txt', '一、总体要求\n')).toBeUndefined();
    doc = windows.documents.update(doc, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: '' }], 5);
    expect(windows.take('file:///a.txt', 'y全新')).toEqual({ from: 1, to: 1, delta: -1 });
  });

  it('gives a window only with an analysis of the text it was measured from', () => {
    const windows = new EditWindows();
    let doc = windows.documents.create('file:///a.txt', 'fengong', 6, '甲\n');
    doc = windows.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '乙' }], 2);
    // The caller's analysis is of another text (or of none): the window would mislead it.
    expect(windows.take('file:///a.txt', '丙\n')).toBeUndefined();
    doc = windows.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '丁' }], 6);
    expect(windows.take('file:///a.txt')).toBeUndefined();
    doc = windows.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '戊' }], 7);
    expect(windows.take('file:///a.txt', '丁\n')).toEqual({ from: 0, to: 1, delta: 1 });
    expect(doc.getText()).toBe('戊丁\n');
  });
});
