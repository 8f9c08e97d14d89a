// Text edits in engine terms: offsets into one text. Adapters turn them into LSP ranges.
import type { Span } from './text';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span.end > limit) continue; // overlapping: keep the later-starting edit only
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}

/**
 * Where a text changed since an earlier version: `[from, to)` in the new text replaced
 * `[from, to - delta)` of the old one; before `from` and after it the texts are the same. The
 * language server folds the editor's changes into one window (`widen`) and hands it to
 * `analyze`, so unchanged lines are taken over without comparing them.
 */
export interface EditWindow {
  from: number;
  to: number;
  delta: number;
}

/** The window after one more change: `[start, end)` of the current text replaced by `length` characters. */
export function widen(w: EditWindow | undefined, start: number, end: number, length: number): EditWindow {
  if (!w) return { from: start, to: start + length, delta: length - (end - start) };
  const from = Math.min(w.from, start);
  const to = start + length + Math.max(0, w.to - end);
  return { from, to: Math.max(to, from), delta: w.delta + length - (end - start) };
}
