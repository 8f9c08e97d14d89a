// Formatting: clauses and heading markers written one way through the document.
// - Clause brackets and separators ( ) , ; : in one width: the majority of the document's
//   clauses, or full-width when asked (GB/T 15834 and official style expect it).
// - Blanks inside clauses dropped (kept as one space between two Latin letters or digits).
// - List tails before the role word made one form per family: 等部门 / 等有关部门 / 等相关部门
//   become the document's commonest of them (likewise for 等单位).
// - Heading markers: brackets in one width, one separator for chapters and one for items, no
//   blanks inside a marker or between it and the title.
// Nothing outside clause spans and heading markers is touched, and formatting twice changes
// nothing the second time. Party names and roles read the same afterwards.
import type { Clause, Heading, PlanModel } from '../model';
import type { TextEdit } from '../edits';
import { CLOSER_OF } from '../parse/clauses';
import { clauseWidth, headingWidth, majority, markerSeparator, toWidth, widthOf, type Width } from './skeleton';
import { isBlank, type Span } from '../text';

export interface FormatOptions {
  /** Full-width brackets and separators everywhere; otherwise the document's majority. */
  fullWidth?: boolean;
  /** Only edits inside this span (range formatting). */
  range?: Span;
}


const TAIL = /等[ \t\u3000]*(有关|相关)?[ \t\u3000]*(部门|单位)(?=[ \t\u3000]*(配合|参与|协同|协助|负责))/g;

export function formatEdits(model: PlanModel, options: FormatOptions = {}): TextEdit[] {
  const text = model.text;
  const edits: TextEdit[] = [];
  const clauseW: Width = options.fullWidth ? 'full' : clauseWidth(model) ?? 'full';
  const outer = outerBrackets(model, clauseW);
  const tails = tailTargets(model);
  for (const c of model.clauses) formatClause(text, c, clauseW, outer, tails, edits);

  const headingW: Width = options.fullWidth ? 'full' : headingWidth(model) ?? clauseWidth(model) ?? 'full';
  const chapterSep = majority(model.headings.filter((h) => h.kind === 'chapter').map((h) => markerSeparator(h.marker)), '、');
  const itemSep = majority(model.headings.filter((h) => h.kind === 'item').map((h) => markerSeparator(h.marker)), '.');
  for (const h of model.headings) formatMarker(text, h, headingW, chapterSep, itemSep, edits);

  edits.sort((a, b) => a.span.start - b.span.start);
  const range = options.range;
  return range ? edits.filter((e) => e.span.start >= range.start && e.span.end <= range.end) : edits;
}

/** The clause brackets: round ones in the clause width, unless most clauses use 【】 or 〔〕. */
function outerBrackets(model: PlanModel, width: Width): { open: string; close: string } {
  const kinds = model.clauses.filter((c) => c.form === 'bracket' && c.open).map((c) => (c.open === '(' || c.open === '（' ? 'round' : c.open!));
  const kind = majority(kinds, 'round');
  if (kind === 'round' || kind === '[') return { open: toWidth('(', width), close: toWidth(')', width) };
  return { open: kind, close: CLOSER_OF[kind] };
}

/** For each tail family, the form the document writes most (等部门 when none wins). */
function tailTargets(model: PlanModel): Record<string, string> {
  const forms: Record<string, string[]> = { 部门: [], 单位: [] };
  for (const c of model.clauses) {
    const s = model.text.slice(c.contentSpan.start, c.contentSpan.end);
    TAIL.lastIndex = 0;
    for (let m = TAIL.exec(s); m; m = TAIL.exec(s)) forms[m[2]].push(`等${m[1] ?? ''}${m[2]}`);
  }
  return { 部门: majority(forms['部门'], '等部门'), 单位: majority(forms['单位'], '等单位') };
}

const ASCII_WORD = /[A-Za-z0-9]/;
const SEPARATORS = ',，;；、:：()（）〔〕[]【】';

function formatClause(text: string, c: Clause, width: Width, outer: { open: string; close: string }, tails: Record<string, string>, edits: TextEdit[]): void {
  const replaceChar = (at: number, ch: string) => {
    if (text[at] !== ch) edits.push({ span: { start: at, end: at + 1 }, newText: ch });
  };
  if (c.form === 'bracket') {
    replaceChar(c.span.start, outer.open);
    if (!c.unclosed) replaceChar(c.span.end - 1, outer.close);
  }
  const { start, end } = c.contentSpan;

  // Tails first: their spans are then left alone by the character pass.
  const skip: Span[] = [];
  const content = text.slice(start, end);
  TAIL.lastIndex = 0;
  for (let m = TAIL.exec(content); m; m = TAIL.exec(content)) {
    const target = tails[m[2]];
    const span = { start: start + m.index, end: start + m.index + m[0].length };
    if (m[0] !== target) edits.push({ span, newText: target });
    skip.push(span);
  }

  // A blank that is all that ends a role word (`X牵头 Y配合`) becomes the clause comma: dropped,
  // 牵头 would run into the next name and stop reading as a role word.
  const roleEnds = new Set(c.roleWords.filter((r) => /(牵头|配合|参与|协同|协助|协办|负责)$/.test(r.text)).map((r) => r.span.end));
  const comma = toWidth(',', width);

  let k = 0;
  for (let i = start; i < end; ) {
    while (k < skip.length && skip[k].end <= i) k++;
    if (k < skip.length && i >= skip[k].start) {
      i = skip[k].end;
      continue;
    }
    const code = text.charCodeAt(i);
    if (isBlank(code)) {
      let j = i;
      while (j < end && isBlank(text.charCodeAt(j))) j++;
      const before = i > start ? text[i - 1] : '';
      const after = j < end ? text[j] : '';
      const keep = ASCII_WORD.test(before) && ASCII_WORD.test(after) && code !== 0xfeff && code !== 0x200b;
      const run = text.slice(i, j);
      if (roleEnds.has(i) && after && !SEPARATORS.includes(after)) edits.push({ span: { start: i, end: j }, newText: comma });
      else if (keep && run !== ' ') edits.push({ span: { start: i, end: j }, newText: ' ' });
      else if (!keep) edits.push({ span: { start: i, end: j }, newText: '' });
      i = j;
      continue;
    }
    const ch = text[i];
    if (widthOf(ch)) {
      // 1,000 and 10:30 are numbers, not separators.
      const numeric = (ch === ',' || ch === ':' || ch === '，' || ch === '：') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
      if (!numeric) replaceChar(i, toWidth(ch, width));
    }
    i++;
  }
}

function formatMarker(text: string, h: Heading, width: Width, chapterSep: string, itemSep: string, edits: TextEdit[]): void {
  let marker: string;
  switch (h.kind) {
    case 'chapter':
      marker = h.numberText + chapterSep;
      break;
    case 'item':
      marker = h.numberText + itemSep;
      break;
    case 'section':
    case 'subitem':
      marker = toWidth('(', width) + h.numberText + toWidth(')', width);
      break;
  }
  if (marker !== h.marker) edits.push({ span: h.markerSpan, newText: marker });
  // No blanks between the marker and the title on its line.
  let j = h.markerSpan.end;
  while (j < h.span.end && isBlank(text.charCodeAt(j))) j++;
  if (j > h.markerSpan.end && j < h.span.end) edits.push({ span: { start: h.markerSpan.end, end: j }, newText: '' });
}
