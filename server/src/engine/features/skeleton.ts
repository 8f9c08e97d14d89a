// Drafting aids: the style a document writes its markers and clauses in, and the skeletons
// (a new plan, a chapter, a section, an item, a clause) written in that style.
// Pure: a model in, strings out. Snippet bodies use VS Code's snippet syntax (${1:…}).
import type { HeadingKind, PlanModel } from '../model';
import { formatChineseNumeral } from '../parse/numerals';

export type Width = 'half' | 'full';

/** How a document writes its markers and clauses; the majority of what it already has. */
export interface PlanStyle {
  /** After a chapter number: 、 (GB/T 9704), ．or . */
  chapterSep: string;
  /** Brackets of section (一) and sub-item (1) markers. */
  headingOpen: string;
  headingClose: string;
  /** After an item number: . or 、 (or ．﹒ as written). */
  itemSep: string;
  /** Clause brackets and separators: (X牵头,Y配合) or （X牵头，Y配合）. */
  clauseOpen: string;
  clauseClose: string;
  comma: string;
  /** The most common list tail before 配合: 等部门, 等有关部门, 等单位. */
  tail: string;
  sectionNumbering: 'run-on' | 'per-chapter';
}

/** Official style (GB/T 9704, GB/T 15834): full-width brackets and commas. */
export const DEFAULT_STYLE: PlanStyle = {
  chapterSep: '、',
  headingOpen: '（',
  headingClose: '）',
  itemSep: '.',
  clauseOpen: '（',
  clauseClose: '）',
  comma: '，',
  tail: '等部门',
  sectionNumbering: 'run-on',
};

const HALF_CHARS = '(),;:';
const FULL_CHARS = '（），；：';

/** The full- or half-width twin of a bracket or separator; the character itself when it has none. */
export function toWidth(ch: string, width: Width): string {
  if (width === 'full') {
    const i = HALF_CHARS.indexOf(ch);
    return i >= 0 ? FULL_CHARS[i] : ch;
  }
  const i = FULL_CHARS.indexOf(ch);
  return i >= 0 ? HALF_CHARS[i] : ch;
}

export function widthOf(ch: string): Width | undefined {
  if (HALF_CHARS.includes(ch)) return 'half';
  if (FULL_CHARS.includes(ch)) return 'full';
  return undefined;
}

/** Majority width of the brackets and separators inside the document's clauses; undefined when it has none. Ties go full-width. */
export function clauseWidth(model: PlanModel): Width | undefined {
  let half = 0;
  let full = 0;
  const text = model.text;
  for (const c of model.clauses) {
    for (let i = c.span.start; i < c.span.end; i++) {
      const w = widthOf(text[i]);
      if (w === 'half') half++;
      else if (w === 'full') full++;
    }
  }
  if (half + full === 0) return undefined;
  return half > full ? 'half' : 'full';
}

/** Majority width of the brackets of section and sub-item markers; undefined when there are none. */
export function headingWidth(model: PlanModel): Width | undefined {
  let half = 0;
  let full = 0;
  for (const h of model.headings) {
    if (h.kind !== 'section' && h.kind !== 'subitem') continue;
    const w = widthOf(h.marker[0]);
    if (w === 'half') half++;
    else if (w === 'full') full++;
  }
  if (half + full === 0) return undefined;
  return half > full ? 'half' : 'full';
}

/** The most frequent value (the first to reach the top count wins a tie), or `fallback`. */
export function majority(values: string[], fallback: string): string {
  const counts = new Map<string, number>();
  let best = fallback;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** The separator a chapter or item marker ends with (`、` of `一、`, `.` of `1.`). */
export function markerSeparator(marker: string): string {
  return marker.trimEnd().slice(-1);
}

const TAIL_BEFORE_ROLE = /等(有关|相关)?(部门|单位)(?=配合|参与|协同|协助|负责)/g;

/** The style of a document: each part the majority of what it has, else the official default. */
export function planStyle(model?: PlanModel): PlanStyle {
  if (!model) return { ...DEFAULT_STYLE };
  const chapters = model.headings.filter((h) => h.kind === 'chapter');
  const items = model.headings.filter((h) => h.kind === 'item');
  const cw = clauseWidth(model);
  const hw = headingWidth(model) ?? cw ?? 'full';
  const clauseW = cw ?? hw;
  const tails: string[] = [];
  for (const c of model.clauses) {
    const s = model.text.slice(c.span.start, c.span.end);
    TAIL_BEFORE_ROLE.lastIndex = 0;
    for (let m = TAIL_BEFORE_ROLE.exec(s); m; m = TAIL_BEFORE_ROLE.exec(s)) tails.push(m[0]);
  }
  return {
    chapterSep: majority(chapters.map((h) => markerSeparator(h.marker)), DEFAULT_STYLE.chapterSep),
    headingOpen: toWidth('(', hw),
    headingClose: toWidth(')', hw),
    itemSep: majority(items.map((h) => markerSeparator(h.marker)), DEFAULT_STYLE.itemSep),
    clauseOpen: toWidth('(', clauseW),
    clauseClose: toWidth(')', clauseW),
    comma: toWidth(',', clauseW),
    tail: majority(tails, DEFAULT_STYLE.tail),
    sectionNumbering: model.sectionNumbering,
  };
}

/** A heading marker in the document's style: `三、`, `(三十)`, `12.`, `(3)`. */
export function markerText(kind: HeadingKind, n: number, style: PlanStyle): string {
  switch (kind) {
    case 'chapter':
      return formatChineseNumeral(n) + style.chapterSep;
    case 'section':
      return style.headingOpen + formatChineseNumeral(n) + style.headingClose;
    case 'item':
      return String(n) + style.itemSep;
    case 'subitem':
      return style.headingOpen + String(n) + style.headingClose;
  }
}

export type SnippetKind = 'chapter' | 'section' | 'item' | 'clause';

/** `$`, `}` and `\` are special in a snippet body. */
export function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => '\\' + c);
}

/** A clause in the document's style, its parties as placeholders from `first`. */
export function clauseSnippet(style: PlanStyle, first = 1): string {
  const tail = escapeSnippet(style.tail);
  return `${escapeSnippet(style.clauseOpen)}\${${first}:牵头单位}牵头${escapeSnippet(style.comma)}\${${first + 1}:配合单位}${tail}配合${escapeSnippet(style.clauseClose)}`;
}

/**
 * The body of a `chapter` / `section` / `item` / `clause` snippet. With `n`, the number is
 * written in; without, it is the first placeholder.
 */
export function snippetBody(kind: SnippetKind, style: PlanStyle = DEFAULT_STYLE, n?: number): string {
  if (kind === 'clause') return clauseSnippet(style, 1);
  const numberDefault = kind === 'item' ? '1' : '一';
  const k = n === undefined ? 2 : 1; // first placeholder after the number
  const num = (text: string) => (n === undefined ? `\${1:${numberDefault}}` : escapeSnippet(text));
  switch (kind) {
    case 'chapter':
      return `${num(formatChineseNumeral(n ?? 1))}${escapeSnippet(style.chapterSep)}\${${k}:部分标题}`;
    case 'section':
      return `${escapeSnippet(style.headingOpen)}${num(formatChineseNumeral(n ?? 1))}${escapeSnippet(style.headingClose)}\${${k}:任务名称}。\${${k + 1}:工作内容}。${clauseSnippet(style, k + 2)}`;
    case 'item':
      return `${num(String(n ?? 1))}${escapeSnippet(style.itemSep)}\${${k}:工作内容}。${clauseSnippet(style, k + 1)}`;
  }
}

/** A new plan as a snippet: title, preamble, 一、 with (一) and a clause. */
export function newPlanSnippet(style: PlanStyle = DEFAULT_STYLE): string {
  const o = escapeSnippet(style.clauseOpen);
  const c = escapeSnippet(style.clauseClose);
  const comma = escapeSnippet(style.comma);
  return [
    '《${1:规划名称}》重点工作分工方案',
    '',
    `为贯彻落实《\${1:规划名称}》${o}以下简称《规划》${c}提出的各项重点任务${comma}根据各有关部门和单位职能职责${comma}现提出如下分工方案。`,
    '',
    `一${escapeSnippet(style.chapterSep)}\${2:部分标题}`,
    '',
    `${escapeSnippet(style.headingOpen)}一${escapeSnippet(style.headingClose)}\${3:任务名称}。\${4:工作内容}。${clauseSnippet(style, 5)}`,
    '',
  ].join('\n');
}

/** The new plan as plain text, placeholders filled with their defaults. */
export function newPlanText(style: PlanStyle = DEFAULT_STYLE): string {
  return snippetToText(newPlanSnippet(style));
}

/** A snippet body with every placeholder replaced by its default text and escapes undone. */
export function snippetToText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (ch === '$' && snippet[i + 1] === '{') {
      const colon = snippet.indexOf(':', i);
      const close = snippet.indexOf('}', i);
      if (colon > 0 && colon < close) out += snippet.slice(colon + 1, close);
      i = close;
    } else if (ch === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else out += ch;
  }
  return out;
}
