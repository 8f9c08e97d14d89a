// Finding responsibility clauses in a paragraph: top-level bracket groups whose content names a
// role, labelled runs outside brackets, and unclosed brackets that run to the paragraph's end.
// One left-to-right pass with a bracket stack: time stays linear in the text.
import type { Clause } from '../model';
import { isBlank, type Span } from '../text';
import { BRACKETED_LABEL, emptyContent, parseClauseContent, readField, type ClauseContent, LABELS, MAY_BE_CLAUSE } from './parties';
import { FIRST_LISTED } from './convention';
import { endsLikeAgency, isCollective, isPartyName, levelPrefix, stripTail } from './names';
import { findProse } from './prose';

export const OPENERS = '(（〔[【';
/** 1 for an opening bracket, -1 for a closing one, 0 otherwise; by char code (hot loops). */
export function bracketOf(code: number): number {
  switch (code) {
    case 0x28: // (
    case 0xff08: // （
    case 0x3014: // 〔
    case 0x5b: // [
    case 0x3010: // 【
      return 1;
    case 0x29:
    case 0xff09:
    case 0x3015:
    case 0x5d:
    case 0x3011:
      return -1;
    default:
      return 0;
  }
}

/**
 * (市发改委、财政局，无锡国税局、地税局): a bracket of names only, no role word, is a clause of
 * responsible parties when every name is a body's and one at least has its own level or place.
 */
function namesOnly(inner: string): boolean {
  if (inner.length < 3 || inner.length > 200) return false;
  const names = inner.split(/[、，,；;]/).map((n) => n.trim());
  return names.every((n) => n.length >= 2 && n.length <= 24 && isPartyName(n) && (endsLikeAgency(stripTail(n)) || isCollective(n))) && names.some((n) => levelPrefix(n) !== '');
}

/** Quick test whether a bracket's content could be a clause. */
export function mayBeClause(text: string, start: number, end: number): boolean {
  return MAY_BE_CLAUSE.test(text.slice(start, end));
}

/** The closing bracket that matches each opening one. */
export const CLOSER_OF: Record<string, string> = { '(': ')', '（': '）', '〔': '〕', '[': ']', '【': '】' };

/**
 * Finds the clauses of one paragraph `[start, end)`: top-level bracket groups whose content names
 * a role, labelled runs outside brackets, and unclosed brackets that run to the paragraph's end.
 */
export function findClauses(text: string, shadow: string, start: number, end: number): Clause[] {
  const clauses: Clause[] = [];
  const stack: number[] = [];
  let labelFrom = start; // where the next search for an unbracketed label may begin
  const bracketGroups: Span[] = [];
  for (let i = start; i < end; i++) {
    const b = bracketOf(text.charCodeAt(i));
    if (b === 0) continue;
    if (b > 0) {
      stack.push(i);
    } else if (stack.length) {
      const open = stack.pop()!;
      if (stack.length === 0) {
        // 【牵头单位】X and X（牵头）: a label or a role marker in brackets belongs to the text around
        // it; so does (第一责任单位为牵头单位，下同) after a list of names.
        const inner = shadow.slice(open + 1, i).trim();
        if (BRACKETED_LABEL.test(inner) || (FIRST_LISTED.test(inner) && open > start && !bracketOf(shadow.charCodeAt(open - 1)) && !/[，,。；;、\s]/.test(shadow[open - 1]))) continue;
        bracketGroups.push({ start: open, end: i + 1 });
        if (mayBeClause(shadow, open + 1, i)) {
          const clause = makeClause(text, shadow, open, i, i + 1);
          if (clause.roleWords.length) clauses.push(clause);
        } else if ((open === start || /[。；;：:\s)）】〕\]]/.test(shadow[open - 1])) && namesOnly(inner)) {
          // Only a bracket of its own (after a sentence, or on its own line): 区民政局(区委社会工委) is one name.
          clauses.push(makeClause(text, shadow, open, i, i + 1));
        }
      }
    }
  }
  if (stack.length) {
    const open = stack[0];
    let contentEnd = end;
    while (contentEnd > open + 1 && (isBlank(text.charCodeAt(contentEnd - 1)) || text[contentEnd - 1] === '。')) contentEnd--;
    if (mayBeClause(shadow, open + 1, contentEnd)) {
      const clause = makeClause(text, shadow, open, contentEnd, contentEnd);
      if (clause.roleWords.length) clauses.push(clause);
    }
    bracketGroups.push({ start: open, end });
    bracketGroups.sort((a, b) => a.start - b.start);
  }
  // Labels outside brackets: 牵头单位:A;责任单位:B to the end of the paragraph. Bracket groups are
  // sorted by start, so one pointer walks them alongside the label matches (no rescans).
  LABELS.lastIndex = 0;
  const para = shadow.slice(labelFrom, end);
  let g = 0;
  for (let m = LABELS.exec(para); m; m = LABELS.exec(para)) {
    const at = labelFrom + m.index;
    while (g < bracketGroups.length && bracketGroups[g].end <= at) g++;
    if (g < bracketGroups.length && at > bracketGroups[g].start && at < bracketGroups[g].end) continue;
    // The label's clause runs to the next bracket clause, or to the end of the paragraph.
    let stop = end;
    for (const c of clauses) if (c.span.start > at && c.span.start < stop) stop = c.span.start;
    while (stop > at && (isBlank(text.charCodeAt(stop - 1)) || '。;；'.includes(text[stop - 1]))) stop--;
    const content = parseClauseContent(text, shadow, at, stop);
    clauses.push(newClause({ start: at, end: stop }, { start: at, end: stop }, 'labelled', undefined, undefined, false, false, undefined, undefined, content));
    break;
  }
  // No bracket and no label: an assignment written as prose (由X牵头，Y配合).
  if (clauses.length === 0 && mayBeClause(shadow, start, end)) {
    for (const p of findProse(shadow, start, end)) {
      const content = emptyContent();
      let group = 0;
      for (const f of p.fields) group = readField(text, shadow, f.start, f.end, f.field, group, content);
      if (content.parties.length) clauses.push(newClause({ start: p.start, end: p.end }, { start: p.start, end: p.end }, 'prose', undefined, undefined, false, false, undefined, undefined, content));
    }
  }
  clauses.sort((a, b) => a.span.start - b.span.start);
  return clauses;
}

function makeClause(text: string, shadow: string, open: number, contentEnd: number, spanEnd: number): Clause {
  const closed = spanEnd > contentEnd;
  const openCh = text[open];
  const closeCh = closed ? text[contentEnd] : undefined;
  const content = parseClauseContent(text, shadow, open + 1, contentEnd);
  return newClause(
    { start: open, end: spanEnd },
    { start: open + 1, end: contentEnd },
    'bracket',
    openCh,
    closeCh,
    !closed,
    closed && CLOSER_OF[openCh] !== closeCh,
    { start: open, end: open + 1 },
    closed ? { start: contentEnd, end: contentEnd + 1 } : undefined,
    content,
  );
}

/**
 * Every clause is built here, with every field in one order: one object shape, so the loops that
 * move, resolve and check clauses on every keystroke stay fast.
 */
/** An array of its own length (an empty one shares nothing and costs no room). */
export function fit<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}

export function newClause(
  span: Span,
  contentSpan: Span,
  form: Clause['form'],
  open: string | undefined,
  close: string | undefined,
  unclosed: boolean,
  mismatched: boolean,
  openSpan: Span | undefined,
  closeSpan: Span | undefined,
  content: ClauseContent,
): Clause {
  return {
    span,
    contentSpan,
    form,
    open,
    close,
    unclosed,
    mismatched,
    openSpan,
    closeSpan,
    // Exact copies: arrays grown by push keep room for 17 and more, and a plan keeps every clause.
    parties: fit(content.parties),
    officials: fit(content.officials),
    deadlines: fit(content.deadlines),
    roleWords: fit(content.roleWords),
    statesConvention: content.statesConvention,
    findings: undefined,
    resolvedWith: undefined,
  };
}
