// Repairing a plan — the `fengong fix` command and the editor's "Repair plan" command — is
// more than "fix all": every safe quick fix (fixes.ts `safeFixes`, what the editor's
// source.fixAll action applies), then formatting (format.ts), then renumbering (renumber.ts).
// Each step reads the text the step before left, so their edits never collide; the round
// repeats until nothing changes.
import { analyze, type AnalyzeOptions } from '../analyze';
import type { TextEdit } from '../edits';
import { safeFixes } from './fixes';
import { formatEdits, type FormatOptions } from './format';
import { fullWidthEdits } from './fullWidth';
import { renumberPlan, type NumberReference } from './renumber';
import type { Span } from '../text';

export interface RepairOptions extends Pick<AnalyzeOptions, 'registry' | 'severities'> {
  /** Format clauses and markers too (default true); an object passes format options. */
  format?: boolean | FormatOptions;
  /** Renumber chapters, sections and items (default true). */
  renumber?: boolean;
  /** Rounds of analyse → fix at most (default 4). */
  maxRounds?: number;
}

export interface RepairResult {
  /** The text with every safe fix applied. */
  text: string;
  changed: boolean;
  /** One edit from the first to the last changed character of the original text; none when unchanged. */
  edits: TextEdit[];
  /**
   * The same change as edits of the original text, each as small as the steps made it: what
   * lies between them is the original's own text (`fix --write` copies its bytes as they were).
   */
  changes: TextEdit[];
  /** How many edits each step made, over all rounds. */
  counts: { fixes: number; format: number; renumber: number };
  /** References to renumbered headings (见(十二), 第十二项), with spans in the fixed text. */
  references: NumberReference[];
  rounds: number;
}

export function repairPlan(text: string, options: RepairOptions = {}): RepairResult {
  const maxRounds = options.maxRounds ?? 4;
  const formatOptions = options.format === false ? undefined : options.format === true || options.format === undefined ? {} : options.format;
  const counts = { fixes: 0, format: 0, renumber: 0 };
  let references: NumberReference[] = [];
  let current = text;
  let pieces: Piece[] = [{ start: 0, end: text.length }];
  let rounds = 0;
  const analyseOptions = { registry: options.registry, severities: options.severities };

  const step = (make: (a: ReturnType<typeof analyze>) => TextEdit[]): TextEdit[] => {
    const a = analyze(current, analyseOptions);
    if (a.findings.some((f) => f.code === 'engine.internal')) return [];
    const edits = make(a);
    if (edits.length === 0) return [];
    const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    current = applySorted(current, sorted);
    pieces = editPieces(pieces, sorted);
    if (references.length) {
      const move = mover(edits);
      references = references.map((r) => moveReference(r, move));
    }
    return edits;
  };

  while (rounds < maxRounds) {
    rounds++;
    let n = 0;
    n += step((a) => {
      const e = safeFixes(a.model, a.findings, a.registry);
      counts.fixes += e.length;
      return e;
    }).length;
    if (formatOptions) {
      n += step((a) => {
        const e = formatEdits(a.model, formatOptions);
        counts.format += e.length;
        return e;
      }).length;
      // Full width asked for: the body's , : ; ? ! ( ) between Chinese words too (GB/T 15834).
      if (formatOptions.fullWidth) {
        n += step((a) => {
          const e = fullWidthEdits(a.model);
          counts.format += e.length;
          return e;
        }).length;
      }
    }
    if (options.renumber !== false) {
      n += step((a) => {
        const r = renumberPlan(a.model);
        counts.renumber += r.edits.length;
        // Spans are in the text before renumbering; `step` moves them past the edits.
        references.push(...r.references);
        return r.edits;
      }).length;
    }
    if (n === 0) break;
  }
  const changed = current !== text;
  return { text: current, changed, edits: changed ? [wholeEdit(text, current)] : [], changes: changed ? changesOf(pieces, text.length) : [], counts, references, rounds };
}

/** One edit turning `before` into `after`: the changed middle between their common prefix and suffix. */
export function wholeEdit(before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { span: { start: p, end: before.length - s }, newText: after.slice(p, after.length - s) };
}

/**
 * `applyEdits` in one pass: a document-wide renumbering or formatting is thousands of edits, and
 * splicing each into the whole text would copy it thousands of times. Overlapping edits: the
 * first (by start) wins.
 */
function applySorted(text: string, sorted: TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) continue;
    parts.push(text.slice(at, e.span.start), e.newText);
    at = e.span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The current text as pieces: a stretch of the original (its offsets) or text a step wrote. */
type Piece = { start: number; end: number; text?: undefined } | { text: string };

const pieceLength = (p: Piece) => (p.text === undefined ? p.end - p.start : p.text.length);

/** The part [from, to) of a piece, `from` and `to` counted within it. */
function slicePiece(p: Piece, from: number, to: number): Piece | undefined {
  if (to <= from) return undefined;
  return p.text === undefined ? { start: p.start + from, end: p.start + to } : { text: p.text.slice(from, to) };
}

/** `applySorted` on the pieces: the same edits, skipped the same way, so the pieces always spell the current text. */
function editPieces(pieces: Piece[], sorted: TextEdit[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  let base = 0; // where pieces[i] starts in the current text
  // Copies the current text up to `to` (moving through the pieces), or drops it.
  const advance = (to: number, keep: boolean) => {
    while (i < pieces.length) {
      const p = pieces[i];
      const len = pieceLength(p);
      if (base + len <= to) {
        if (keep) out.push(p);
        base += len;
        i++;
        continue;
      }
      if (to > base) {
        if (keep) out.push(slicePiece(p, 0, to - base)!);
        pieces[i] = slicePiece(p, to - base, len)!;
        base = to;
      }
      return;
    }
  };
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) continue;
    advance(e.span.start, true);
    advance(e.span.end, false);
    if (e.newText) out.push({ text: e.newText });
    at = e.span.end;
  }
  advance(Infinity, true);
  return out;
}

/** The pieces as edits of the original: each gap between its kept stretches, with what was written there. */
function changesOf(pieces: Piece[], length: number): TextEdit[] {
  const out: TextEdit[] = [];
  let at = 0;
  let written = '';
  const flush = (to: number) => {
    if (to !== at || written) out.push({ span: { start: at, end: to }, newText: written });
    written = '';
  };
  for (const p of pieces) {
    if (p.text !== undefined) {
      written += p.text;
      continue;
    }
    flush(p.start);
    at = p.end;
  }
  flush(length);
  return out;
}

/** Where offsets land after non-overlapping edits: a binary search over the edits by end. */
function mover(edits: TextEdit[]): (offset: number) => number {
  const sorted = [...edits].sort((a, b) => a.span.end - b.span.end);
  const ends = sorted.map((e) => e.span.end);
  const deltas: number[] = [0];
  for (const e of sorted) deltas.push(deltas[deltas.length - 1] + e.newText.length - (e.span.end - e.span.start));
  return (offset) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + deltas[lo];
  };
}

function moveSpan(s: Span, move: (offset: number) => number): Span {
  return { start: move(s.start), end: move(s.end) };
}

function moveReference(r: NumberReference, move: (offset: number) => number): NumberReference {
  const moved: NumberReference = { ...r, span: moveSpan(r.span, move), numberSpan: moveSpan(r.numberSpan, move) };
  if (r.suggestion) moved.suggestion = { ...r.suggestion, span: moveSpan(r.suggestion.span, move) };
  return moved;
}
