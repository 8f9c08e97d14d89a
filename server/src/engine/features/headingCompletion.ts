// Heading completion: at the start of a line, the next chapter, section, item (and sub-item)
// number at that place, written in the document's style. After (二十九) it offers (三十);
// inside chapter 三 of a document whose sections restart per chapter, the next one there.
import type { HeadingKind, PlanModel } from '../model';
import { markerText, planStyle, snippetBody, toWidth, widthOf, type PlanStyle, type SnippetKind } from './skeleton';
import { isBlank, type Span } from '../text';
import type { Locale } from '../rules/rules';
import { say } from './completion';

export interface HeadingCandidate {
  kind: HeadingKind;
  number: number;
  /** The marker: `(三十)`, `三、`, `12.`. */
  label: string;
  /** What to insert over `replace` (the marker alone). */
  insertText: string;
  /** The marker with a skeleton after it (title, body, clause), in VS Code snippet syntax. */
  snippet: string;
  /** 下一节 (next section) and the like. */
  detail: string;
  /** The text the candidate replaces: what was typed of a marker, and an auto-closed bracket after it. */
  replace: Span;
  sortText: string;
  /** The likeliest candidate here. */
  preselect: boolean;
}

// What may already be typed of a marker: `(`, `（二`, `二十`, `1`.
const TYPED = /^(?:[(（][ \t\u3000]*)?(?:[零〇一二三四五六七八九十百两]*|\d*)$/;
const MARKER_AHEAD = /^[ \t\u3000]*(?:[(（][ \t\u3000]*(?:[零〇一二三四五六七八九十百两]+|\d+)[ \t\u3000]*[)）]|[零〇一二三四五六七八九十百两]+[ \t\u3000]*[、．.]|\d+[ \t\u3000]*[.．、﹒](?!\d))/;

const DETAIL: Record<HeadingKind, [string, string]> = {
  chapter: ['下一部分（一级标题）', 'next chapter'],
  section: ['下一节（二级标题）', 'next section'],
  item: ['下一项（三级标题）', 'next item'],
  subitem: ['下一小项（四级标题）', 'next sub-item'],
};

/**
 * Candidates for the next heading number at `offset`, which must be at the start of a line
 * (after blanks, and after what was typed of a marker). Empty elsewhere.
 */
export function headingCompletionsAt(text: string, offset: number, model: PlanModel, locale?: Locale): HeadingCandidate[] {
  if (offset < 0 || offset > text.length) return [];
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let first = lineStart;
  while (first < offset && isBlank(text.charCodeAt(first))) first++;
  const typed = text.slice(first, offset);
  if (!TYPED.test(typed)) return [];
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const after = text.slice(offset, lineEnd);
  // An editor closes the bracket just typed: `(|)`. Replace it with the rest of the marker.
  const opened = typed.length > 0 && '(（'.includes(typed[0]);
  const closerAfter = opened && /^[)）]/.test(after) ? 1 : 0;
  // A line that already starts with a whole marker (`(三)加快…`) is a heading: leave it.
  const rest = after.slice(closerAfter);
  if (MARKER_AHEAD.test(typed + after) && (!closerAfter || rest.trim() !== '')) return [];
  const replace: Span = { start: first, end: offset + closerAfter };

  const style: PlanStyle = { ...planStyle(model) };
  if (opened) {
    // Follow the bracket the drafter typed.
    const w = widthOf(typed[0]);
    if (w) {
      style.headingOpen = toWidth('(', w);
      style.headingClose = toWidth(')', w);
    }
  }

  const next = nextNumbers(model, lineStart);
  const order = rank(next.nearest, model);
  const typedCompact = typed.replace(/[ \t\u3000]/g, '');
  const out: HeadingCandidate[] = [];
  order.forEach((kind, rankIndex) => {
    const n = next[kind];
    const label = markerText(kind, n, style);
    if (!label.startsWith(typedCompact)) return;
    out.push({
      kind,
      number: n,
      label,
      insertText: label,
      snippet: kind === 'subitem' ? `${label}\${1:工作内容}` : snippetBody(kind, style, n),
      detail: say(locale, ...DETAIL[kind]),
      replace,
      sortText: String(rankIndex),
      preselect: false,
    });
  });
  if (out.length) out[0].preselect = true;
  return out;
}

interface Next {
  chapter: number;
  section: number;
  item: number;
  subitem: number;
  /** The kind of the last heading above the line, if any. */
  nearest?: HeadingKind;
}

/** The next number of each kind for a heading written on the line starting at `lineStart`. */
export function nextNumbers(model: PlanModel, lineStart: number): Next {
  const hs = model.headings;
  let count = 0;
  while (count < hs.length && hs[count].span.start < lineStart) count++;
  let lastChapter = -1;
  for (let i = count - 1; i >= 0; i--) if (hs[i].kind === 'chapter') { lastChapter = i; break; }
  const chapter = (lastChapter >= 0 ? hs[lastChapter].number : 0) + 1;

  let section = 1;
  const sectionFrom = model.sectionNumbering === 'per-chapter' ? lastChapter + 1 : 0;
  for (let i = count - 1; i >= sectionFrom; i--) if (hs[i].kind === 'section') { section = hs[i].number + 1; break; }

  // Items number within the nearest section (or chapter) above the line.
  let container = -1;
  for (let i = count - 1; i >= 0; i--) if (hs[i].level <= 2) { container = i; break; }
  let item = 1;
  const itemFrom = model.itemNumbering === 'run-on' ? -1 : container;
  for (let i = count - 1; i > itemFrom; i--) if (hs[i].kind === 'item') { item = hs[i].number + 1; break; }

  let itemAbove = -1;
  for (let i = count - 1; i > container; i--) if (hs[i].level <= 3) { itemAbove = i; break; }
  let subitem = 1;
  for (let i = count - 1; i > Math.max(itemAbove, container); i--) if (hs[i].kind === 'subitem') { subitem = hs[i].number + 1; break; }

  return { chapter, section, item, subitem, nearest: count ? hs[count - 1].kind : undefined };
}

/** The kinds to offer, likeliest first: the kind of the heading above, then the levels around it. */
function rank(nearest: HeadingKind | undefined, model: PlanModel): HeadingKind[] {
  const has = (k: HeadingKind) => model.headings.some((h) => h.kind === k);
  let order: HeadingKind[];
  switch (nearest) {
    case undefined:
      order = ['chapter', 'section'];
      break;
    case 'chapter':
      order = ['section', 'chapter', 'item'];
      break;
    case 'section':
      order = ['section', 'item', 'chapter'];
      break;
    case 'item':
      order = ['item', 'section', 'subitem', 'chapter'];
      break;
    case 'subitem':
      order = ['subitem', 'item', 'section', 'chapter'];
      break;
  }
  // Items after a chapter only where the document has items at all.
  return order.filter((k) => !(nearest === 'chapter' && k === 'item' && !has('item')));
}

export interface SnippetCandidate {
  /** `chapter`, `section`, `item` or `clause`: what the drafter types. */
  name: SnippetKind;
  label: string;
  /** VS Code snippet syntax, numbered for this place and written in the document's style. */
  insertText: string;
  detail: string;
  /** The typed word the snippet replaces. */
  replace: Span;
}

const SNIPPET_DETAIL: Record<SnippetKind, [string, string]> = {
  chapter: ['一级标题', 'chapter'],
  section: ['二级标题、任务及责任条款', 'section, task and clause'],
  item: ['三级标题及责任条款', 'item and clause'],
  clause: ['责任条款', 'responsibility clause'],
};

/**
 * The `chapter` / `section` / `item` / `clause` snippets at `offset`, numbered for that place
 * and in the document's style. Headings only at the start of a line; a clause only where its
 * name is being typed (`cl`): offered to text being typed, Enter or Tab would take it. The
 * typed word (`sec`) is replaced; the client filters by it.
 */
export function skeletonSnippetsAt(text: string, offset: number, model: PlanModel, locale?: Locale): SnippetCandidate[] {
  if (offset < 0 || offset > text.length) return [];
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let wordStart = offset;
  while (wordStart > lineStart && /[A-Za-z]/.test(text[wordStart - 1])) wordStart--;
  let first = lineStart;
  while (first < wordStart && isBlank(text.charCodeAt(first))) first++;
  const atLineStart = first === wordStart;
  const style = planStyle(model);
  const next = nextNumbers(model, lineStart);
  const replace: Span = { start: wordStart, end: offset };
  const typing = wordStart < offset;
  const kinds: SnippetKind[] = [...(atLineStart ? (['section', 'item', 'chapter'] as const) : []), ...(typing ? (['clause'] as const) : [])];
  return kinds.map((name) => ({
    name,
    label: name,
    insertText: name === 'clause' ? snippetBody('clause', style) : snippetBody(name, style, next[name]),
    detail: say(locale, ...SNIPPET_DETAIL[name]),
    replace,
  }));
}
