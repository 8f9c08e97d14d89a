// Offsets and positions. Offsets are UTF-16 code units (JS string indices), which is
// also how LSP counts characters, so a position never needs re-encoding at the edge.

export interface Span {
  start: number;
  end: number; // exclusive
}

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16 code units
}

export interface Range {
  start: Position;
  end: Position;
}

/** Line starts of a text; `\r\n`, `\n` and a lone `\r` all end a line. */
export class LineIndex {
  /** Typed, so that the next version's (`edited`) is a copy and one add per moved line. */
  readonly starts: Int32Array;

  constructor(
    readonly text: string,
    known?: Int32Array,
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    const n = text.length;
    // indexOf flattens a concatenated string once and scans natively: far faster than charCodeAt.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = Int32Array.from(starts);
  }

  /**
   * The line starts of `text`, an edit of `old`'s text (`[from, to)` of `text` replaced
   * `[from, to - delta)`): the starts before the change are kept, those in it found again, those
   * after it moved by `delta`. Only the changed lines are scanned.
   */
  static edited(old: LineIndex, text: string, w: { from: number; to: number; delta: number }): LineIndex {
    const starts = old.starts;
    // The last start strictly before the change: its line is where the scan begins.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] < w.from) lo = mid;
      else hi = mid - 1;
    }
    const found: number[] = [];
    const n = text.length;
    for (let i = starts[lo]; i < n && i < w.to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) found.push(i + 1);
      else if (c === 13) {
        if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        found.push(i + 1);
      }
    }
    // An old start after the change is still one when its line break lies after the change too.
    const last = found.length ? found[found.length - 1] : starts[lo];
    const after = Math.max(last, w.to) - w.delta;
    let k = lo + 1;
    hi = starts.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if (starts[mid] > after) hi = mid;
      else k = mid + 1;
    }
    const out = new Int32Array(lo + 1 + found.length + starts.length - k);
    out.set(starts.subarray(0, lo + 1));
    for (let j = 0; j < found.length; j++) out[lo + 1 + j] = found[j];
    const tail = lo + 1 + found.length;
    out.set(starts.subarray(k), tail);
    if (w.delta !== 0) for (let j = tail; j < out.length; j++) out[j] += w.delta;
    return new LineIndex(text, out);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset just past the line's last character (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.max(start, Math.min(start + Math.max(0, position.character), this.lineEnd(position.line)));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** Whitespace as drafters paste it: ASCII, full-width (U+3000), no-break, BOM, zero-width. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b;
}

/** 。：:；;！？ — where a sentence (and a task's name) ends. */
export function isSentenceEnd(code: number): boolean {
  switch (code) {
    case 0x3002: // 。
    case 0xff1a: // ：
    case 0x3a: // :
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff01: // ！
    case 0xff1f: // ？
      return true;
    default:
      return false;
  }
}

// Names recur: 自治区发展改革委 is written 120 times in one plan, and in every plan of a place.
// One copy of each is kept (bounded: the pool starts over past its size), so a workspace of
// plans holds each name once.
const POOL_MAX = 50_000;
let pool = new Map<string, string>();

/** The one kept copy of a short string (a name, a role word). */
export function intern(s: string): string {
  if (s.length > 40) return s;
  const kept = pool.get(s);
  if (kept !== undefined) return kept;
  if (pool.size >= POOL_MAX) pool = new Map();
  // A copy of its own: a slice would keep the whole text it was cut from alive.
  const own = s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
  pool.set(own, own);
  return own;
}
