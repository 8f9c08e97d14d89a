// Stage 1 of the parser: text → its non-blank lines, each with what its own text says (noise?
// a heading?). A line whose text is unchanged since the previous analysis keeps its entry, and
// with it everything later stages read from it (its clauses, tasks, table cells).
import type { Clause, Heading, Paragraph, Task } from '../model';
import { isBlank, type LineIndex, type Span } from '../text';
import { matchHeading } from './headings';
import { isNoise } from './noise';
import type { Cells } from './tables';
import { simplified } from './variants';

/** What one non-blank line parsed to. Offsets are the document's; `shiftEntry` moves them. */
export interface LineEntry {
  text: string;
  /** The text with traditional characters simplified (the same string when there are none). */
  shadow: string;
  start: number;
  noise: boolean;
  heading?: Heading;
  /** The line split into table cells (line offsets), or null when it is no table row; undefined until asked. */
  cells?: Cells | null;
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
}

export interface Lines {
  entries: LineEntry[];
  /** 0-based line number of each entry. */
  lineNo: number[];
  /** Where each entry's text ends (before trailing blanks and the line break). */
  lineEnds: number[];
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

export function shift(s: Span, delta: number): void {
  s.start += delta;
  s.end += delta;
}

function shiftHeading(h: Heading, delta: number): void {
  shift(h.markerSpan, delta);
  shift(h.titleSpan, delta);
  shift(h.span, delta);
}

export function shiftTask(t: Task, delta: number): void {
  shift(t.span, delta);
  shift(t.nameSpan, delta);
}

export function shiftClause(c: Clause, delta: number): void {
  shift(c.span, delta);
  shift(c.contentSpan, delta);
  if (c.openSpan) shift(c.openSpan, delta);
  if (c.closeSpan) shift(c.closeSpan, delta);
  for (const p of c.parties) shift(p.span, delta);
  for (const a of c.officials) shift(a.span, delta);
  for (const a of c.deadlines) shift(a.span, delta);
  for (const a of c.roleWords) shift(a.span, delta);
}

function shiftEntry(e: LineEntry, delta: number): void {
  e.start += delta;
  if (e.para) shift(e.para.span, delta);
  if (e.heading) shiftHeading(e.heading, delta);
  for (const c of e.clauses ?? []) shiftClause(c, delta);
  for (const t of e.tasks ?? []) shiftTask(t, delta);
  if (e.rest) shiftTask(e.rest, delta);
}

/** Line-local work runs on the entry's own text, in line offsets, then moves back. */
export function inLine(entry: LineEntry, work: () => void): void {
  const start = entry.start;
  shiftEntry(entry, -start);
  try {
    work();
  } finally {
    shiftEntry(entry, start);
  }
}

/**
 * A line read afresh, in line offsets, then moved to `start`. Lines read while editing get their
 * own copy; on a first read a slice is fine (it keeps one version, the first, alive at most).
 */
function readLine(lineText: string, start: number, line: number, editing: boolean): LineEntry {
  const own = editing ? detach(lineText) : lineText;
  const shadow = simplified(own);
  // All fields from the start: one object shape for every line (the walk over lines stays fast).
  const entry: LineEntry = {
    text: own,
    shadow,
    start: 0,
    noise: isNoise(shadow),
    heading: undefined,
    cells: undefined,
    clauses: undefined,
    firstListed: undefined,
    tasks: undefined,
    rest: undefined,
    gen: undefined,
    para: undefined,
  };
  entry.heading = entry.noise ? undefined : matchHeading(own, { line, start: 0, end: own.length });
  shiftEntry(entry, start);
  return entry;
}

/**
 * The non-blank lines of `text`. With `previous`, a line whose text is unchanged, at the same
 * offset or moved by the edit's length difference, is taken over from it (that cache is consumed).
 */
export function readLines(text: string, lines: LineIndex, previous?: LineCache): Lines {
  const gen = ++generation;
  const delta = previous ? text.length - previous.length : 0;
  const old = previous?.entries ?? [];
  let same = 0; // walks old entries for a line at the same offset
  let moved = 0; // walks old entries for a line shifted by the edit's length difference
  const entries: LineEntry[] = [];
  const lineNo: number[] = [];
  const lineEnds: number[] = [];
  const starts = lines.starts;
  const n = starts.length;
  for (let l = 0; l < n; l++) {
    let s = starts[l];
    let e = l + 1 < n ? starts[l + 1] : text.length;
    // the line's end, before its break and trailing blanks
    while (e > s) {
      const c = text.charCodeAt(e - 1);
      if (c === 10 || c === 13 || isBlank(c)) e--;
      else break;
    }
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    if (e <= s) continue;
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
          shiftEntry(entry, delta);
        }
      }
    }
    if (!entry) entry = readLine(text.slice(s, e), s, l, old.length > 0);
    else if (entry.heading) entry.heading.line = l;
    entry.gen = gen;
    entries.push(entry);
    lineNo.push(l);
    lineEnds.push(e);
  }
  return { entries, lineNo, lineEnds, cache: { entries, length: text.length } };
}
