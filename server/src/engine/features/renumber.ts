// Renumbering: chapters, sections and items numbered 1, 2, 3 in order within their scope, the
// way the checker counts them (diagnostics.ts): chapters over the document, sections over the
// document (run-on) or per chapter, items and sub-items per parent. Only the number inside a
// marker is rewritten, so brackets, separators and spacing stay as the drafter wrote them.
// References in the text to a renumbered heading (见(十二), 第十二项) are listed, not rewritten:
// the drafter checks them in the preview.
import type { Heading, HeadingKind, PlanModel } from '../model';
import type { TextEdit } from '../edits';
import { formatChineseNumeral, parseChineseNumeral } from '../parse/numerals';
import type { Span } from '../text';

export interface NumberChange {
  /** Index in `model.headings`. */
  heading: number;
  kind: HeadingKind;
  from: number;
  to: number;
  /** The marker as written and as it will read: `(五)` → `(六)`. */
  oldMarker: string;
  newMarker: string;
  /** Replaces the number inside the marker. */
  edit: TextEdit;
}

export interface NumberReference {
  /** The whole reference as written: `见(十二)`, `第十二项`, `第三部分`. */
  span: Span;
  text: string;
  kind: 'chapter' | 'section' | 'item';
  /** The number the reference names. */
  number: number;
  /** Where the number sits inside the reference. */
  numberSpan: Span;
  /** The headings that carried that number, with the number each will carry. */
  targets: { heading: number; to: number }[];
  /** The reference rewritten for its one renumbered target; none when it is ambiguous. */
  suggestion?: TextEdit;
}

export interface Renumbering {
  changes: NumberChange[];
  /** The changes' edits, in document order: apply these to renumber. */
  edits: TextEdit[];
  /** References in the text to renumbered headings, for the drafter to check. */
  references: NumberReference[];
}

/** The scope a heading is numbered in, exactly as the checker counts. */
export function numberingScope(model: PlanModel, index: number): string {
  const h = model.headings[index];
  if (h.kind === 'chapter') return 'chapter';
  if (h.kind === 'section') return model.sectionNumbering === 'run-on' ? 'section' : `section@${enclosing(model, index, 1)}`;
  if (h.kind === 'item' && model.itemNumbering === 'run-on') return 'item';
  return `${h.kind}@${h.parent ?? -1}`;
}

/** Index of the nearest enclosing heading at `level` or above, or -1. */
function enclosing(model: PlanModel, index: number, level: number): number {
  let i = model.headings[index].parent;
  while (i !== undefined && model.headings[i].level > level) i = model.headings[i].parent;
  return i ?? -1;
}

function numberText(kind: HeadingKind, n: number): string {
  return kind === 'chapter' || kind === 'section' ? formatChineseNumeral(n) : String(n);
}

/** Where the number sits in a heading's marker. */
function numberSpanOf(h: Heading): Span {
  const at = h.marker.indexOf(h.numberText);
  const start = h.markerSpan.start + Math.max(0, at);
  return { start, end: start + h.numberText.length };
}

function changeOf(model: PlanModel, index: number, to: number): NumberChange {
  const h = model.headings[index];
  const span = numberSpanOf(h);
  const newText = numberText(h.kind, to);
  const rel = span.start - h.markerSpan.start;
  return {
    heading: index,
    kind: h.kind,
    from: h.number,
    to,
    oldMarker: h.marker,
    newMarker: h.marker.slice(0, rel) + newText + h.marker.slice(rel + h.numberText.length),
    edit: { span, newText },
  };
}

/** The number every heading should carry: 1, 2, 3 in order within its scope. */
export function expectedNumbers(model: PlanModel): number[] {
  const next = new Map<string, number>();
  return model.headings.map((_, i) => {
    const key = numberingScope(model, i);
    const n = (next.get(key) ?? 0) + 1;
    next.set(key, n);
    return n;
  });
}

/**
 * The parser reads at most four numeral characters (一百零九) or three digits: a heading given a
 * longer number would stop being a heading, so such a heading keeps its number.
 */
function readable(kind: HeadingKind, n: number): boolean {
  return kind === 'chapter' || kind === 'section' ? formatChineseNumeral(n).length <= 4 : n <= 999;
}

function build(model: PlanModel, include: (index: number) => boolean): Renumbering {
  const expected = expectedNumbers(model);
  const changes: NumberChange[] = [];
  model.headings.forEach((h, i) => {
    if (include(i) && h.number !== expected[i] && readable(h.kind, expected[i])) changes.push(changeOf(model, i, expected[i]));
  });
  return { changes, edits: changes.map((c) => c.edit), references: numberReferences(model, changes, expected) };
}

/** Renumbers every chapter, section, item and sub-item of the document in order. */
export function renumberPlan(model: PlanModel): Renumbering {
  return build(model, () => true);
}

/**
 * Renumbers the scope of the heading whose marker holds `offset` (a `numbering.*` finding's
 * span): all sections when they run on, the chapter's sections when they restart, the items of
 * one section. Nothing when no heading marker is there.
 */
export function renumberScopeAt(model: PlanModel, offset: number): Renumbering {
  const index = model.headings.findIndex((h) => offset >= h.markerSpan.start && offset <= h.markerSpan.end);
  if (index < 0) return { changes: [], edits: [], references: [] };
  const scope = numberingScope(model, index);
  return build(model, (i) => numberingScope(model, i) === scope);
}

const SCOPE_TITLE: Record<HeadingKind, string> = {
  chapter: '重新编号各部分 (renumber the chapters)',
  section: '重新编号各节 (renumber the sections)',
  item: '重新编号本节各项 (renumber the items here)',
  subitem: '重新编号各小项 (renumber the sub-items here)',
};

/**
 * The code action for a `numbering.*` finding: renumber its scope. The references come along
 * for the preview (they are not in `edits`). Undefined for other findings or nothing to do.
 */
export function renumberFixFor(model: PlanModel, finding: { code: string; span: Span }): { title: string; edits: TextEdit[]; references: NumberReference[]; preferred: boolean } | undefined {
  if (!finding.code.startsWith('numbering.')) return undefined;
  const r = renumberScopeAt(model, finding.span.start);
  if (r.edits.length === 0) return undefined;
  return { title: SCOPE_TITLE[r.changes[0].kind], edits: r.edits, references: r.references, preferred: true };
}

const N = '[零〇一二三四五六七八九十百两]{1,4}';
// 见(十二) / 参见第（十二）项 / 第(十二)项: a bracketed section number after 见 or 第.
const BRACKETED = new RegExp(`(?:(?:参见|详见|见)(?:本方案)?第?|第)[(（]\\s*(${N})\\s*[)）](?:项|条|款)?`, 'g');
// 第十二项: a section; 第三部分 / 第三章: a chapter; 第3项: an item of the same section.
const ORDINAL = new RegExp(`第(${N}|\\d{1,3})(项|部分|章)`, 'g');

/**
 * References in the text to headings that `changes` renumber. Each lists the headings that
 * carried the number it names (in the reference's own chapter when sections restart per
 * chapter, in its own section for items) and suggests a rewrite when there is exactly one.
 */
export function numberReferences(model: PlanModel, changes: NumberChange[], expected = expectedNumbers(model)): NumberReference[] {
  if (changes.length === 0) return [];
  const text = model.text;
  const changed = new Set(changes.map((c) => c.heading));
  const markers = model.headings.map((h) => h.markerSpan);
  const inMarker = (at: number) => markers.some((m) => at >= m.start && at < m.end);
  const out: NumberReference[] = [];

  const consider = (start: number, end: number, kind: NumberReference['kind'], written: string, numAt: number) => {
    if (inMarker(start)) return;
    const number = kind === 'item' ? Number(written) : parseChineseNumeral(written);
    if (number === undefined || !Number.isFinite(number)) return;
    const targets: { heading: number; to: number }[] = [];
    const context = headingBefore(model, start);
    model.headings.forEach((h, i) => {
      if (h.kind !== kind || h.number !== number) return;
      if (kind === 'section' && model.sectionNumbering === 'per-chapter' && context !== undefined) {
        const chapter = chapterOf(model, context);
        if (chapter !== undefined && enclosing(model, i, 1) !== chapter) return;
      }
      if (kind === 'item' && context !== undefined && h.parent !== sectionOf(model, context)) return;
      targets.push({ heading: i, to: expected[i] });
    });
    if (!targets.some((t) => changed.has(t.heading))) return;
    const numberSpan = { start: numAt, end: numAt + written.length };
    const ref: NumberReference = { span: { start, end }, text: text.slice(start, end), kind, number, numberSpan, targets };
    if (targets.length === 1) ref.suggestion = { span: numberSpan, newText: numberText(kind, targets[0].to) };
    out.push(ref);
  };

  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    const numAt = m.index + m[0].indexOf(m[1], m[0].search(/[(（]/));
    consider(m.index, m.index + m[0].length, 'section', m[1], numAt);
  }
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(text); m; m = ORDINAL.exec(text)) {
    const kind = m[2] === '项' ? (/\d/.test(m[1]) ? 'item' : 'section') : 'chapter';
    if (kind === 'chapter' && /\d/.test(m[1])) continue;
    consider(m.index, m.index + m[0].length, kind, m[1], m.index + 1);
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** Index of the last heading starting before `offset`. */
function headingBefore(model: PlanModel, offset: number): number | undefined {
  let lo = 0;
  let hi = model.headings.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (model.headings[mid].span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function chapterOf(model: PlanModel, index: number): number | undefined {
  let i: number | undefined = index;
  while (i !== undefined && model.headings[i].level > 1) i = model.headings[i].parent;
  return i;
}

/** The section (or chapter) whose items a text under heading `index` would number in. */
function sectionOf(model: PlanModel, index: number): number | undefined {
  let i: number | undefined = index;
  while (i !== undefined && model.headings[i].level > 2) i = model.headings[i].parent;
  return i;
}
