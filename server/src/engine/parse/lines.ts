// Stage 1 of the parser: text → its non-blank lines, each with what its own text says (noise?
// a heading?). A line whose text is unchanged since the previous analysis keeps its entry, and
// with it everything later stages read from it (its clauses, tasks, table cells).
import type { Clause, Heading, Paragraph, PlanModel, Task } from '../model';
import type { EditWindow } from '../edits';
import type { LineIndex, Span } from '../text';
import { matchHeading } from './headings';
import { continues, countParagraph, countPhysical, emptyStats, isHardWrapped, physicalLines, type Physical, type WrapStats } from './joins';
import { isNoise } from './noise';
import type { Cells, Column } from './tables';
import type { PreviousWalk } from './tasks';
import { simplified } from './variants';

/** What one non-blank line parsed to. Its spans are relative to its `start` (LineSpan): moving the line moves them. */
export interface LineEntry {
  text: string;
  /** The text with traditional characters simplified (the same string when there are none). */
  shadow: string;
  start: number;
  noise: boolean;
  heading?: Heading;
  /** The line split into table cells (line offsets), or null when it is no table row; undefined until asked. */
  cells?: Cells | null;
  /** The line as a table's header row, and as one header cell (tables.ts); undefined until asked. */
  header?: Column[] | null;
  column?: Column | null;
  /** Clauses found in the line's body; undefined until asked (preamble lines never are). */
  clauses?: Clause[];
  /** The convention (first-listed unit leads) the clauses were read under. */
  firstListed?: boolean;
  /** The tasks the line's clauses close, and the clause-less rest, as read (no heading index yet). */
  tasks?: Task[];
  rest?: Task | null;
  /** The parse that took this entry over (an entry is taken once). */
  gen?: number;
  /** The line's paragraph object, reused (its kind and heading are set again on every parse). */
  para?: Paragraph;
}

/** Lines in document order. The next parse takes entries out of it and moves them in place. */
export interface LineCache {
  entries: LineEntry[];
  length: number;
  /** The text's line starts, for the next version's (LineIndex.edited). */
  index?: LineIndex;
  /** Each entry's line number and end (Lines), for the next version's. */
  lineNo?: number[];
  lineEnds?: number[];
  /** Whether the text read as copied from a PDF, and what that was decided on (joins.ts). */
  wrapped?: boolean;
  stats?: WrapStats;
  /** The walk that made the model (tasks.ts), for the next one to start from. */
  walk?: PreviousWalk;
  /** What the date was read from, and the date (document.ts). */
  dated?: { head: string; tail: string; title: string | undefined; date: PlanModel['date'] };
}

export interface Lines {
  entries: LineEntry[];
  /** 0-based line number of each entry. */
  lineNo: number[];
  /** Where each entry's text ends (before trailing blanks and the line break). */
  lineEnds: number[];
  /** What an edit changed: entries `at..at+added` replace `removed` old ones (undefined: all read afresh). */
  splice: { at: number; removed: number; added: number } | undefined;
  cache: LineCache;
}

let generation = 0;

/**
 * A copy of a line that shares no memory with the document: cached entries outlive their
 * version, and a slice would keep that version's whole text alive.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * A span kept relative to its line: moving a line (an edit above it) is one write to the
 * line's `start`, not one per span of its headings, clauses, parties and tasks.
 */
export class LineSpan implements Span {
  constructor(
    private readonly line: { start: number },
    private s: number,
    private e: number,
  ) {}
  get start(): number {
    return this.line.start + this.s;
  }
  set start(v: number) {
    this.s = v - this.line.start;
  }
  get end(): number {
    return this.line.start + this.e;
  }
  set end(v: number) {
    this.e = v - this.line.start;
  }
  /** From this span's start to `end`, relative to the same line. */
  to(end: number): LineSpan {
    return new LineSpan(this.line, this.s, end - this.line.start);
  }
  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

/**
 * A span from one line's span to another's (a heading's part: from the heading to the last
 * paragraph before the next heading of its level): each end moves with its own line.
 */
export class PartSpan implements Span {
  constructor(
    private readonly from: Span,
    private readonly to: Span,
  ) {}
  get start(): number {
    return this.from.start;
  }
  get end(): number {
    return Math.max(this.from.end, this.to.end);
  }
  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

/** A plain span made relative to `line` (a span already relative to it stays as it is). */
function anchored(line: LineEntry, span: Span): Span {
  return span instanceof LineSpan ? span : new LineSpan(line, span.start - line.start, span.end - line.start);
}

function anchorClause(line: LineEntry, c: Clause): void {
  c.span = anchored(line, c.span);
  c.contentSpan = anchored(line, c.contentSpan);
  if (c.openSpan) c.openSpan = anchored(line, c.openSpan);
  if (c.closeSpan) c.closeSpan = anchored(line, c.closeSpan);
  for (const p of c.parties) p.span = anchored(line, p.span);
  for (const a of c.officials) a.span = anchored(line, a.span);
  for (const a of c.deadlines) a.span = anchored(line, a.span);
  for (const a of c.roleWords) a.span = anchored(line, a.span);
}

function anchorTask(line: LineEntry, t: Task): void {
  t.span = anchored(line, t.span);
  t.nameSpan = anchored(line, t.nameSpan);
}

/** Every span the line's entry holds, made relative to the line. */
function anchor(e: LineEntry): void {
  if (e.heading) {
    e.heading.markerSpan = anchored(e, e.heading.markerSpan);
    e.heading.titleSpan = anchored(e, e.heading.titleSpan);
    e.heading.span = anchored(e, e.heading.span);
  }
  for (const c of e.clauses ?? []) anchorClause(e, c);
  for (const t of e.tasks ?? []) anchorTask(e, t);
  if (e.rest) anchorTask(e, e.rest);
  if (e.para) e.para.span = anchored(e, e.para.span);
}

/** Line-local work runs on the entry's own text, in line offsets; what it made is then anchored to the line. */
export function inLine(entry: LineEntry, work: () => void): void {
  const start = entry.start;
  entry.start = 0;
  try {
    work();
    anchor(entry);
  } finally {
    entry.start = start;
  }
}

/**
 * A line read afresh, in line offsets, then moved to `start`. Lines read while editing get their
 * own copy; on a first read a slice is fine (it keeps one version, the first, alive at most).
 */
function readLine(lineText: string, start: number, line: number, editing: boolean): LineEntry {
  const own = editing ? detach(lineText) : lineText;
  // A paragraph read from several lines: its line breaks read as blanks (same length).
  const simple = simplified(own);
  const shadow = simple.includes('\n') || simple.includes('\r') ? simple.replace(/[\r\n]/g, '\u3000') : simple;
  // All fields from the start: one object shape for every line (the walk over lines stays fast).
  const entry: LineEntry = {
    text: own,
    shadow,
    start: 0,
    noise: isNoise(shadow),
    heading: undefined,
    cells: undefined,
    header: undefined,
    column: undefined,
    clauses: undefined,
    firstListed: undefined,
    tasks: undefined,
    rest: undefined,
    gen: undefined,
    para: undefined,
  };
  entry.heading = entry.noise ? undefined : matchHeading(own, { line, start: 0, end: own.length });
  anchor(entry);
  entry.start = start;
  return entry;
}

/**
 * The non-blank lines of `text`. With `previous`, a line whose text is unchanged, at the same
 * offset or moved by the edit's length difference, is taken over from it (that cache is consumed).
 * With the edit's window too, only the lines around it are looked at.
 */
export function readLines(text: string, lines: LineIndex, previous?: LineCache, edit?: EditWindow): Lines {
  return (edit && previous && rereadLines(text, lines, previous, edit)) || readAllLines(text, lines, previous);
}

/**
 * Each paragraph of the physical lines, `[start, end)` and its first line's number: a paragraph
 * broken over lines (a clause's bracket closed on the next line, a list ending in 、, a text
 * copied from a PDF with a break every 30 characters) is one.
 */
function eachParagraph(text: string, physical: Physical, wrapped: boolean, visit: (start: number, end: number, line: number) => void): void {
  for (let k = 0; k < physical.n; k++) {
    const first = k;
    while (k + 1 < physical.n && continues(text, physical, k, wrapped)) k++;
    visit(physical.start[first], physical.end[k], physical.line[first]);
  }
}

function readAllLines(text: string, lines: LineIndex, previous?: LineCache): Lines {
  const gen = ++generation;
  const delta = previous ? text.length - previous.length : 0;
  const old = previous?.entries ?? [];
  let same = 0; // walks old entries for a line at the same offset
  let moved = 0; // walks old entries for a line shifted by the edit's length difference
  const entries: LineEntry[] = [];
  const lineNo: number[] = [];
  const lineEnds: number[] = [];
  const physical = physicalLines(text, lines);
  const stats = emptyStats();
  countPhysical(stats, text, physical, 1);
  const wrapped = isHardWrapped(stats);
  eachParagraph(text, physical, wrapped, (s, e, l) => {
    let entry: LineEntry | undefined;
    if (old.length) {
      const lineText = text.slice(s, e);
      while (same < old.length && old[same].start < s) same++;
      let hit = same < old.length ? old[same] : undefined;
      if (hit && hit.start === s && hit.gen !== gen && hit.text === lineText) entry = hit;
      else if (delta !== 0) {
        while (moved < old.length && old[moved].start < s - delta) moved++;
        hit = moved < old.length ? old[moved] : undefined;
        if (hit && hit.start === s - delta && hit.gen !== gen && hit.text === lineText) {
          entry = hit;
          entry.start += delta;
        }
      }
    }
    if (!entry) entry = readLine(text.slice(s, e), s, l, old.length > 0);
    else if (entry.heading) entry.heading.line = l;
    entry.gen = gen;
    entries.push(entry);
    lineNo.push(l);
    lineEnds.push(e);
  });
  return { entries, lineNo, lineEnds, splice: undefined, cache: { entries, lineNo, lineEnds, length: text.length, index: lines, wrapped, stats } };
}

/**
 * The lines after an edit of `[from, to)` (to - delta in the old text): the entries before the
 * one ending just before the edit are kept as they are, those after the one starting just after
 * it are moved; only the lines between are read, so an edit costs the lines it touched. The
 * neighbours on both sides are read again because a join (a paragraph broken over two lines)
 * with the edited line may come or go. Undefined when the window cannot be used (then every
 * line is looked at).
 */
function rereadLines(text: string, lines: LineIndex, previous: LineCache, w: EditWindow): Lines | undefined {
  const { entries: old, lineNo: oldNo, lineEnds: oldEnds, stats: oldStats, index: oldIndex } = previous;
  if (!oldNo || !oldEnds || !oldStats || !oldIndex || old.length === 0 || w.from < 0 || w.to > text.length) return undefined;
  const delta = w.delta;
  const oldTo = w.to - delta;
  // An entry is the same text before the edit when a line break follows it before the edit, and
  // after the edit when one precedes it after the edit (inserting at a line's start or end changes
  // that line). p: the first entry read again, the last unchanged one before the edit (the edited
  // line may now join onto it); q: the last read again, the first unchanged one after (the edited
  // line may now join into it).
  const oldStarts = oldIndex.starts;
  const unchangedBefore = (i: number) => {
    const last = oldIndex.lineAt(Math.max(old[i].start, oldEnds[i] - 1));
    return last + 1 < oldStarts.length && oldStarts[last + 1] <= w.from;
  };
  let lo = 0;
  let hi = old.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (unchangedBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  const before = lo;
  const p = Math.max(0, before - 1);
  lo = p;
  hi = old.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (oldStarts[oldNo[mid]] > oldTo) hi = mid;
    else lo = mid + 1;
  }
  const q = lo;
  const last = Math.min(q, old.length - 1);
  const from = before === 0 ? 0 : old[p].start;
  const to = q < old.length ? oldEnds[q] + delta : text.length;
  const lineDelta = lines.lineCount - oldIndex.lineCount;

  // The PDF statistic without the old lines, with the new ones: the same decision or start over.
  const stats = oldStats;
  for (let i = p; i <= last; i++) countParagraph(stats, old[i].text, -1);
  const l0 = lines.lineAt(from);
  const l1 = lines.lineAt(Math.max(from, to - 1));
  const physical = physicalLines(text, lines, l0, l1);
  countPhysical(stats, text, physical, 1);
  const wrapped = isHardWrapped(stats);
  if (wrapped !== previous.wrapped) {
    // Every join may move: read every line (the statistic is counted afresh there).
    return undefined;
  }

  const gen = ++generation;
  const added: LineEntry[] = [];
  const addedNo: number[] = [];
  const addedEnds: number[] = [];
  eachParagraph(text, physical, wrapped, (s, e, l) => {
    const lineText = text.slice(s, e);
    let entry: LineEntry | undefined;
    // The neighbours read again keep their entry when their text did not change.
    for (let i = p; i <= last && !entry; i++) {
      const o = old[i];
      // A line's parse is its text's alone: the same text anywhere keeps it.
      if (o.gen === gen || o.text !== lineText) continue;
      entry = o;
      o.start = s;
    }
    if (!entry) entry = readLine(lineText, s, l, true);
    else if (entry.heading) entry.heading.line = l;
    entry.gen = gen;
    added.push(entry);
    addedNo.push(l);
    addedEnds.push(e);
  });

  // The entries after: moved by the edit, their lines renumbered.
  const removed = Math.min(q, old.length - 1) - p + 1;
  for (let i = p + removed; i < old.length; i++) {
    const o = old[i];
    o.start += delta;
    oldNo[i] += lineDelta;
    oldEnds[i] += delta;
    if (lineDelta && o.heading) o.heading.line = oldNo[i];
  }
  old.splice(p, removed, ...added);
  oldNo.splice(p, removed, ...addedNo);
  oldEnds.splice(p, removed, ...addedEnds);
  return {
    entries: old,
    lineNo: oldNo,
    lineEnds: oldEnds,
    splice: { at: p, removed, added: added.length },
    cache: { entries: old, lineNo: oldNo, lineEnds: oldEnds, length: text.length, index: lines, wrapped, stats },
  };
}
