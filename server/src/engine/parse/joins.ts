// Which physical lines make one paragraph: a clause's bracket closed on the next line, a list
// ending in 、, a text copied from a PDF with a break at every page width. The PDF test is a
// statistic over the whole document, kept as a histogram so an edit updates it by the lines it
// touched instead of counting every line again.
import { isBlank, type LineIndex } from '../text';
import { isNoise } from './noise';

/** Non-blank lines, blanks trimmed at both ends: three parallel arrays (no object per line). */
export interface Physical {
  n: number;
  line: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/** The non-blank lines among lines `from..to` (inclusive) of the text. */
export function physicalLines(text: string, lines: LineIndex, from = 0, to = lines.lineCount - 1): Physical {
  const starts = lines.starts;
  const count = starts.length;
  const size = Math.max(0, to - from + 1);
  const out: Physical = { n: 0, line: new Int32Array(size), start: new Int32Array(size), end: new Int32Array(size) };
  for (let l = from; l <= to; l++) {
    let s = starts[l];
    let e = l + 1 < count ? starts[l + 1] : text.length;
    // the line's end, before its break and trailing blanks
    while (e > s) {
      const c = text.charCodeAt(e - 1);
      if (c === 10 || c === 13 || isBlank(c)) e--;
      else break;
    }
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    if (e > s) {
      out.line[out.n] = l;
      out.start[out.n] = s;
      out.end[out.n] = e;
      out.n++;
    }
  }
  return out;
}

// Where a paragraph may end: sentence and clause ends, closing brackets and quotes, a table's bar.
const ENDS = '。；;：:！!？?）)】〕]”’"|｜…';
const WRAP_MIN = 15;

function endsParagraph(text: string, end: number): boolean {
  return ENDS.includes(text[end - 1]);
}

/** The long lines, and the lengths of those that stop mid-sentence: what `isHardWrapped` decides on. */
export interface WrapStats {
  long: number;
  open: number;
  /** length → how many open lines have it */
  lengths: Map<number, number>;
}

export function emptyStats(): WrapStats {
  return { long: 0, open: 0, lengths: new Map() };
}

/** Counts one physical line, `[start, end)` of `text`, in (sign 1) or out (sign -1). */
function count(stats: WrapStats, text: string, start: number, end: number, sign: 1 | -1): void {
  const n = end - start;
  if (n < WRAP_MIN) return;
  stats.long += sign;
  if (endsParagraph(text, end) || isNoise(text.slice(start, end))) return;
  stats.open += sign;
  const now = (stats.lengths.get(n) ?? 0) + sign;
  if (now) stats.lengths.set(n, now);
  else stats.lengths.delete(n);
}

export function countPhysical(stats: WrapStats, text: string, p: Physical, sign: 1 | -1): void {
  for (let k = 0; k < p.n; k++) count(stats, text, p.start[k], p.end[k], sign);
}

/** Counts the physical lines of a paragraph's text (its lines joined with their breaks). */
export function countParagraph(stats: WrapStats, text: string, sign: 1 | -1): void {
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    let a = s;
    let b = i;
    while (a < b && isBlank(text.charCodeAt(a))) a++;
    while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
    if (b > a) count(stats, text, a, b, sign);
    s = i + 1;
  }
}

/**
 * Most long lines stop mid-sentence at about the same length: a text copied from a PDF, broken at
 * the page width (a table's rows or a metadata block stop mid-sentence too, at any length).
 */
export function isHardWrapped(stats: WrapStats): boolean {
  if (stats.open < 12 || stats.open * 2 < stats.long) return false;
  const lengths = [...stats.lengths.keys()].sort((a, b) => a - b);
  // The median open length: the (open >> 1)-th, counting from 0.
  let seen = 0;
  let median = 0;
  for (const n of lengths) {
    seen += stats.lengths.get(n)!;
    if (seen > stats.open >> 1) {
      median = n;
      break;
    }
  }
  let near = 0;
  for (let n = median - 2; n <= median + 2; n++) near += stats.lengths.get(n) ?? 0;
  return near * 10 >= stats.open * 6;
}

// A line that starts something of its own: a heading, a label, a table cell line, a page number.
const STARTS_OWN = /^([零〇一二三四五六七八九十百两]{1,6}[、．.]|[(（][零〇一二三四五六七八九十百两\d]{1,6}[)）]|\d{1,3}[.．、﹒](?!\d)|[—\-－–\s]*\d{1,3}[—\-－–\s]*$|附件|(牵头|责任|配合|协办|参与|协同|主办|完成|分管)[\u4e00-\u9fff]{0,4}[:：])/;

/** Whether physical line k+1 goes on with line k: one paragraph broken over two lines. */
export function continues(text: string, p: Physical, k: number, wrapped: boolean): boolean {
  if (p.line[k + 1] !== p.line[k] + 1) return false;
  const aStart = p.start[k];
  const aEnd = p.end[k];
  if (endsParagraph(text, aEnd)) return false;
  // The cheap tests first: most lines that end mid-sentence (headings) join nothing.
  const list = text[aEnd - 1] === '、';
  if (!list && !(wrapped && aEnd - aStart >= WRAP_MIN) && !unbalanced(text, aStart, aEnd)) return false;
  const bStart = p.start[k + 1];
  const bEnd = p.end[k + 1];
  const next = text.slice(bStart, Math.min(bEnd, bStart + 12));
  if (STARTS_OWN.test(next) || text.slice(aStart, aEnd).includes('\t')) return false;
  return !isNoise(text.slice(aStart, aEnd)) && !isNoise(text.slice(bStart, bEnd));
}

/** The line opens a bracket it does not close (its clause goes on below): any of OPENERS, so that
 * formatting a clause's bracket (`[` → `(`) never changes where the clause ends. */
function unbalanced(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08 || c === 0x3014 || c === 0x5b || c === 0x3010) depth++;
    else if ((c === 0x29 || c === 0xff09 || c === 0x3015 || c === 0x5d || c === 0x3011) && depth > 0) depth--;
  }
  return depth > 0;
}
