// Body punctuation in full width, as GB/T 15834 asks of Chinese text: the half-width , : ; ? !
// and ( ) that a web copy or a Latin keyboard leaves between Chinese words become ，：；？！（）.
// Left alone: numbers (1,000  10:30), URLs and e-mail addresses, and Latin text (a comma with
// Latin on both sides). A bracket pair turns when its content or its neighbours are Chinese,
// so (ATA) in a Chinese sentence turns and (see p. 3) in an English one does not.
// The Word export converts its text with it; `fix` and the editor's command apply its edits.
// Characters are replaced one for one; a space a half-width comma brought with it goes too.
import type { PlanModel } from '../model';
import type { TextEdit } from '../edits';
import type { Span } from '../text';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
// URLs, e-mail addresses, Windows paths: never touched.
const PROTECTED = /\b(?:https?|ftp):\/\/[^\s，。；、）》“”]+|\bwww\.[^\s，。；、）》“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]:\\[^\s，。；、]*/g;

/** Han characters, CJK and full-width punctuation, Chinese quotes, dashes and ellipses: Chinese text. */
function isChinese(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x303f && code !== 0x3000) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x00b7 ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

const blank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';
const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The nearest character before `i` (or from `i` on, `dir` 1) that is not a blank. */
function neighbour(s: string, i: number, dir: -1 | 1): string | undefined {
  for (let k = i; k >= 0 && k < s.length; k += dir) if (!blank(s[k])) return s[k];
  return undefined;
}

const chineseAt = (c: string | undefined) => c !== undefined && isChinese(c.codePointAt(0)!);

/** Where each half-width mark turns: its offset and its full-width form. One for one in length. */
function conversions(s: string): { at: number; to: string }[] {
  const out: { at: number; to: string }[] = [];
  const guarded = new Uint8Array(s.length);
  PROTECTED.lastIndex = 0;
  for (let m = PROTECTED.exec(s); m; m = PROTECTED.exec(s)) guarded.fill(1, m.index, m.index + m[0].length);
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (!(ch in FULL) || guarded[i]) continue;
    if (ch === '(') {
      open.push(i);
      continue;
    }
    if (ch === ')') {
      const o = open.pop();
      if (o === undefined) {
        if (chineseAt(neighbour(s, i - 1, -1)) || chineseAt(neighbour(s, i + 1, 1))) out.push({ at: i, to: '）' });
        continue;
      }
      let inner = false;
      for (let k = o + 1; k < i && !inner; k++) inner = isChinese(s.codePointAt(k)!);
      if (inner || chineseAt(neighbour(s, o - 1, -1)) || chineseAt(neighbour(s, i + 1, 1))) out.push({ at: o, to: '（' }, { at: i, to: '）' });
      continue;
    }
    // 1,000 and 10:30 are numbers.
    if ((ch === ',' || ch === ':') && digit(s[i - 1]) && digit(s[i + 1])) continue;
    if (chineseAt(neighbour(s, i - 1, -1)) || chineseAt(neighbour(s, i + 1, 1))) out.push({ at: i, to: FULL[ch] });
  }
  // An opening bracket never closed: by its neighbours.
  for (const o of open) if (chineseAt(neighbour(s, o - 1, -1)) || chineseAt(neighbour(s, o + 1, 1))) out.push({ at: o, to: '（' });
  return out.sort((a, b) => a.at - b.at);
}

/** The text with its marks in full width, character for character (the same length). */
export function fullWidthChars(s: string): string {
  const list = conversions(s);
  if (!list.length) return s;
  const chars = s.split('');
  for (const c of list) chars[c.at] = c.to;
  return chars.join('');
}

/** Offsets of the single spaces converted marks brought along: after ，：；？！） and before （. */
function spacesOf(s: string, list: { at: number; to: string }[]): number[] {
  const out: number[] = [];
  for (const { at, to } of list) {
    if (to === '（') {
      if (s[at - 1] === ' ' && at >= 2 && !blank(s[at - 2])) out.push(at - 1);
    } else if (s[at + 1] === ' ' && at + 2 < s.length && !blank(s[at + 2])) out.push(at + 1);
  }
  return out;
}

/** Full width, and the single space a converted mark brought with it (`发展, 推进` → `发展，推进`) dropped. */
export function toFullWidth(s: string): string {
  const list = conversions(s);
  if (!list.length) return s;
  const drop = new Set(spacesOf(s, list));
  const chars = s.split('');
  for (const c of list) chars[c.at] = c.to;
  return chars.filter((_, i) => !drop.has(i)).join('');
}

export interface FullWidthOptions {
  /** Only edits inside this span. */
  range?: Span;
}

/**
 * Edits that put the plan's punctuation in full width, line by line (web-page noise left as it
 * is). Converting twice changes nothing the second time; parties and roles read the same.
 */
export function fullWidthEdits(model: PlanModel, options: FullWidthOptions = {}): TextEdit[] {
  const text = model.text;
  const edits: TextEdit[] = [];
  for (const p of model.paragraphs) {
    if (p.kind === 'noise') continue;
    const line = text.slice(p.span.start, p.span.end);
    const list = conversions(line);
    for (const c of list) edits.push({ span: { start: p.span.start + c.at, end: p.span.start + c.at + 1 }, newText: c.to });
    for (const i of new Set(spacesOf(line, list))) edits.push({ span: { start: p.span.start + i, end: p.span.start + i + 1 }, newText: '' });
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  const range = options.range;
  return range ? edits.filter((e) => e.span.start >= range.start && e.span.end <= range.end) : edits;
}
