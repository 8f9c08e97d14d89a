// Headings: 一、 (chapter), (一) (section), 1. 1、 (item), (1) (sub-item); their extents and the
// document's numbering schemes.
import type { Heading, HeadingKind } from '../model';
import { isBlank } from '../text';
import { OPENERS } from './clauses';
import { parseChineseNumeral } from './numerals';

const CHAPTER = /^([零〇一二三四五六七八九十百两]{1,6})[ \t\u3000]*[、．.]/;
const SECTION = /^[(（][ \t\u3000]*([零〇一二三四五六七八九十百两]{1,6})[ \t\u3000]*[)）]/;
const ITEM = /^(\d{1,3})[ \t\u3000]*[.．、﹒](?!\d)/;
const SUBITEM = /^[(（][ \t\u3000]*(\d{1,3})[ \t\u3000]*[)）]/;

const LEVEL: Record<HeadingKind, 1 | 2 | 3 | 4> = { chapter: 1, section: 2, item: 3, subitem: 4 };

interface LineSpan {
  line: number;
  start: number;
  end: number;
}

/** The heading a line starts with, or undefined. */
export function matchHeading(text: string, ln: LineSpan): Heading | undefined {
  const lineText = text.slice(ln.start, ln.end);
  let kind: HeadingKind | undefined;
  let m: RegExpExecArray | null;
  let numberText = '';
  let number: number | undefined;
  if ((m = SECTION.exec(lineText))) {
    kind = 'section';
    numberText = m[1];
    number = parseChineseNumeral(m[1]);
  } else if ((m = SUBITEM.exec(lineText))) {
    kind = 'subitem';
    numberText = m[1];
    number = Number(m[1]);
  } else if ((m = CHAPTER.exec(lineText))) {
    kind = 'chapter';
    numberText = m[1];
    number = parseChineseNumeral(m[1]);
  } else if ((m = ITEM.exec(lineText))) {
    kind = 'item';
    numberText = m[1];
    number = Number(m[1]);
  }
  if (!kind || !m || number === undefined) return undefined;
  const markerEnd = ln.start + m[0].length;
  let titleStart = markerEnd;
  while (titleStart < ln.end && (isBlank(text.charCodeAt(titleStart)) || text[titleStart] === ':' || text[titleStart] === '：')) titleStart++;
  let titleEnd = titleStart;
  while (titleEnd < ln.end && !'。：:；;！？'.includes(text[titleEnd]) && !OPENERS.includes(text[titleEnd])) titleEnd++;
  // `(一)创新口岸管理服务体系(自治区商务厅牵头)`: the title stops at the clause, not at a bracket inside a name.
  if (titleEnd < ln.end && OPENERS.includes(text[titleEnd])) {
    const closeAt = text.slice(titleEnd, ln.end).search(/[)）〕\]】]/);
    const inner = closeAt > 0 ? text.slice(titleEnd + 1, titleEnd + closeAt) : '';
    if (closeAt > 0 && !/牵头|配合|负责|参与|协同|[:：]/.test(inner)) {
      titleEnd += closeAt + 1;
      while (titleEnd < ln.end && !'。：:；;！？'.includes(text[titleEnd]) && !OPENERS.includes(text[titleEnd])) titleEnd++;
    }
  }
  let te = titleEnd;
  while (te > titleStart && isBlank(text.charCodeAt(te - 1))) te--;
  return {
    kind,
    level: LEVEL[kind],
    number,
    numberText,
    marker: text.slice(ln.start, markerEnd),
    markerSpan: { start: ln.start, end: markerEnd },
    // A title broken over lines reads as one.
    title: text.slice(titleStart, te).replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, ''),
    titleSpan: { start: titleStart, end: te },
    span: { start: ln.start, end: ln.end },
    line: ln.line,
    parent: undefined,
    extent: { start: ln.start, end: ln.end },
  };
}

export function sectionScheme(headings: Heading[]): 'run-on' | 'per-chapter' {
  let restarts = 0;
  let continues = 0;
  let prevSection = 0;
  let seenInChapter = true;
  for (const h of headings) {
    if (h.kind === 'chapter') seenInChapter = false;
    else if (h.kind === 'section') {
      if (!seenInChapter && prevSection > 0) {
        // A chapter whose first section does not go on from the last one restarts (its (一)
        // may have been deleted: (二) after (五) is a restart too).
        if (h.number <= prevSection) restarts++;
        else continues++;
      }
      seenInChapter = true;
      prevSection = h.number;
    }
  }
  return restarts > continues ? 'per-chapter' : 'run-on';
}

/**
 * Items under a new parent either restart (1. again) or go on from the last item: State Council
 * 分工意见 number their tasks 1. to 70. straight through every section.
 */
export function itemScheme(headings: Heading[]): 'run-on' | 'per-parent' {
  let restarts = 0;
  let continues = 0;
  let prev: Heading | undefined;
  for (const h of headings) {
    if (h.kind !== 'item') continue;
    if (prev && prev.parent !== h.parent) {
      if (h.number <= prev.number) restarts++;
      else continues++;
    }
    prev = h;
  }
  return continues > restarts ? 'run-on' : 'per-parent';
}
