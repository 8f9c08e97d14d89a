// Word's automatic numbering, turned back into the text it shows: numbering.xml's lists
// (w:abstractNum levels: start, format, level text such as `%1、` or `（%2）`), the list instances
// that paragraphs name (w:num, with their restarts), and the styles that carry numbering.
// Counters run in document order, as Word runs them: per abstract list, a deeper level starting
// again whenever a higher one moves on.
import { formatChineseNumeral } from '../engine';
import { child, children, val, on, type El } from './xml';

export interface Level {
  start: number;
  format: string;
  /** `w:lvlText`: `%1、`, `（%2）`, `%1.%2`. */
  text: string;
  /** The (1-based) level whose appearance restarts this one; 0 never. Undefined: any higher level. */
  restart?: number;
  legal: boolean;
  /** A paragraph style bound to this level (headings numbered through their style). */
  style?: string;
}

interface AbstractNum {
  levels: (Level | undefined)[];
  /** A list defined by a numbering style (w:numStyleLink) lives in that style's list. */
  numStyleLink?: string;
}

interface NumInstance {
  abstractId: string;
  /** Per level: a start override (applies on the instance's first use) and/or a replacement level. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  type?: string;
}

export interface NumberingNotes {
  bullets: number;
  /** Number formats shown as Arabic digits instead, once each. */
  unknownFormats: Set<string>;
  picturesBullets: number;
}

const KNOWN_FORMATS = new Set([
  'decimal', 'decimalZero', 'decimalHalfWidth', 'decimalFullWidth', 'decimalFullWidth2', 'chineseCounting', 'chineseCountingThousand',
  'chineseLegalSimplified', 'ideographDigital', 'ideographTraditional', 'ideographZodiac', 'ideographLegalTraditional', 'taiwaneseCounting',
  'taiwaneseCountingThousand', 'taiwaneseDigital', 'japaneseCounting', 'decimalEnclosedCircle', 'decimalEnclosedCircleChinese',
  'decimalEnclosedParen', 'decimalEnclosedFullstop', 'upperLetter', 'lowerLetter', 'upperRoman', 'lowerRoman', 'bullet', 'none', 'custom',
]);

function readLevel(lvl: El): Level {
  // A format Word 2010+ writes in mc:AlternateContent (custom formats) falls back to a plain one.
  let fmtEl = child(lvl, 'w:numFmt');
  if (!fmtEl) {
    const alt = child(lvl, 'mc:AlternateContent');
    fmtEl = child(child(alt, 'mc:Choice'), 'w:numFmt') ?? child(child(alt, 'mc:Fallback'), 'w:numFmt');
  }
  let format = fmtEl?.attrs['w:val'] ?? 'decimal';
  if (format === 'custom') {
    // w:format="一, 二, 三, ..." or "001, 002, 003, ..."
    const sample = fmtEl?.attrs['w:format'] ?? '';
    format = /[一二三]/.test(sample) ? 'chineseCounting' : /^0/.test(sample) ? 'decimalZero' : 'decimal';
  }
  const restart = val(lvl, 'w:lvlRestart');
  return {
    // An omitted start is 0 (ECMA-376 §17.9.25).
    start: Number(val(lvl, 'w:start') ?? 0) || 0,
    format,
    text: val(lvl, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: on(lvl, 'w:isLgl'),
    style: val(lvl, 'w:pStyle'),
  };
}

const CIRCLED = (n: number) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n));
const PAREN = (n: number) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`);
const FULLSTOP = (n: number) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`);
const FULL_WIDTH = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  if (n < 1) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** One counter as a level's format shows it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return FULL_WIDTH(String(n));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      if (n === 0) return '〇';
      // Below 100 all of these read 十一, 二十九; chineseCounting goes digit by digit from 100 (一〇〇).
      if (n >= 100 && (format === 'chineseCounting' || format === 'taiwaneseCounting')) return [...String(n)].map((d) => DIGITS[Number(d)]).join('');
      return formatChineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional': {
      const plain = formatChineseNumeral(n);
      return [...plain].map((c) => (DIGITS.includes(c) ? LEGAL[DIGITS.indexOf(c)] : c === '一' ? '壹' : c === '十' ? '拾' : c === '百' ? '佰' : c)).join('');
    }
    case 'ideographTraditional':
      return n >= 1 ? STEMS[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? BRANCHES[(n - 1) % 12] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED(n);
    case 'decimalEnclosedParen':
      return PAREN(n);
    case 'decimalEnclosedFullstop':
      return FULLSTOP(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private abstracts = new Map<string, AbstractNum>();
  private nums = new Map<string, NumInstance>();
  private counters = new Map<string, (number | undefined)[]>();
  private used = new Set<string>();
  readonly notes: NumberingNotes = { bullets: 0, unknownFormats: new Set(), picturesBullets: 0 };

  constructor(
    numbering: El | undefined,
    private styles: Map<string, StyleInfo>,
  ) {
    for (const a of children(numbering, 'w:abstractNum')) {
      const levels: (Level | undefined)[] = [];
      for (const lvl of children(a, 'w:lvl')) {
        const i = Number(lvl.attrs['w:ilvl'] ?? 0);
        if (i >= 0 && i < 9) levels[i] = readLevel(lvl);
        if (child(lvl, 'w:lvlPicBulletId')) this.notes.picturesBullets++;
      }
      this.abstracts.set(a.attrs['w:abstractNumId'] ?? '', { levels, numStyleLink: val(a, 'w:numStyleLink') });
    }
    for (const n of children(numbering, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'w:lvlOverride')) {
        const i = Number(o.attrs['w:ilvl'] ?? 0);
        const start = val(o, 'w:startOverride');
        const lvl = child(o, 'w:lvl');
        overrides.set(i, { start: start === undefined ? undefined : Number(start), level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(n.attrs['w:numId'] ?? '', { abstractId: val(n, 'w:abstractNumId') ?? '', overrides });
    }
  }

  /** The abstract list behind an instance, following a numbering style's link once or twice. */
  private abstractOf(numId: string): { id: string; abs: AbstractNum } | undefined {
    let id = this.nums.get(numId)?.abstractId;
    for (let hops = 0; id !== undefined && hops < 4; hops++) {
      const abs = this.abstracts.get(id);
      if (!abs) return undefined;
      if (!abs.numStyleLink) return { id, abs };
      const linked = this.styleNumbering(abs.numStyleLink)?.numId;
      const next = linked ? this.nums.get(linked)?.abstractId : undefined;
      if (!next || next === id) return { id, abs };
      id = next;
    }
    return undefined;
  }

  /** The numbering a style carries, its own or from the styles it is based on. */
  private styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number; styleId: string } | undefined {
    for (let s = styleId, hops = 0; s && hops < 20; hops++) {
      const info = this.styles.get(s);
      if (!info) return undefined;
      if (info.numId !== undefined) return { numId: info.numId, ilvl: info.ilvl, styleId: s };
      s = info.basedOn;
    }
    return undefined;
  }

  private levelOf(numId: string, abs: AbstractNum, i: number): Level | undefined {
    return this.nums.get(numId)?.overrides.get(i)?.level ?? abs.levels[i];
  }

  /**
   * The number a paragraph shows, as text (`一、`, `（三）`, `1.`), advancing the counters; ''
   * for none (and for bullets, which are counted in `notes`).
   */
  labelFor(pPr: El | undefined): string {
    const numPr = child(pPr, 'w:numPr');
    const ownNumId = val(numPr, 'w:numId');
    const ownIlvl = val(numPr, 'w:ilvl');
    const styleId = val(pPr, 'w:pStyle');
    const fromStyle = ownNumId === undefined || ownIlvl === undefined ? this.styleNumbering(styleId) : undefined;
    const numId = ownNumId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return '';
    const found = this.abstractOf(numId);
    if (!found) return '';
    let ilvl = ownIlvl !== undefined ? Number(ownIlvl) : fromStyle?.ilvl;
    if (ilvl === undefined && fromStyle) {
      // A heading style bound to a level (w:pStyle in w:lvl) takes that level.
      const bound = found.abs.levels.findIndex((l) => l?.style === fromStyle.styleId);
      ilvl = bound >= 0 ? bound : 0;
    }
    ilvl = Math.min(8, Math.max(0, ilvl ?? 0));
    const level = this.levelOf(numId, found.abs, ilvl);
    if (!level) return '';

    const counters = this.counters.get(found.id) ?? [];
    this.counters.set(found.id, counters);
    const inst = this.nums.get(numId)!;
    const startOf = (i: number) => inst.overrides.get(i)?.start ?? this.levelOf(numId, found.abs, i)?.start ?? 0;
    if (!this.used.has(numId)) {
      this.used.add(numId);
      // A restarted list (w:startOverride) begins again on the instance's first paragraph.
      for (const [i, o] of inst.overrides) if (o.start !== undefined) counters[i] = undefined;
    }
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const r = this.levelOf(numId, found.abs, k)?.restart;
      if (r === 0) continue;
      if (r === undefined || r >= ilvl + 1) counters[k] = undefined;
    }

    if (level.format === 'bullet') {
      this.notes.bullets++;
      return '';
    }
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = this.levelOf(numId, found.abs, i);
      const n = counters[i] ?? startOf(i);
      const format = level.legal ? 'decimal' : (l?.format ?? 'decimal');
      if (!KNOWN_FORMATS.has(format)) this.notes.unknownFormats.add(format);
      return formatNumber(n, format);
    });
  }
}

/** styleId → what numbering and base style it has (styles.xml). */
export function readStyles(styles: El | undefined): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  for (const s of children(styles, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const ilvl = val(numPr, 'w:ilvl');
    map.set(id, { type: s.attrs['w:type'], basedOn: val(s, 'w:basedOn'), numId: val(numPr, 'w:numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) });
  }
  return map;
}
