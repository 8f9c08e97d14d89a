// Stage 1 of the parser: text → its non-blank lines, each with what its own text says (noise?
// a heading?). A line whose text is unchanged since the previous analysis keeps its entry, and
// with it everything later stages read from it (its clauses, tasks, table cells).
import type { Clause, Heading, Paragraph, PlanModel, Task } from '../model';
import type { EditWindow } from '../edits';
import { isBlank, type LineIndex, type Span } from '../text';
import { matchHeading } from './headings';
import { isNoise } from './noise';
import type { Cells, Column } from './tables';
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
  /** Whether the text read as copied from a PDF (lines.ts isHardWrapped). */
  wrapped?: boolean;
  /** What the date was read from, and the date (document.ts). */
  dated?: { head: string; tail: string; title: string | undefined; date: PlanModel['date'] };
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

/** Every non-blank line, blanks trimmed at both ends: three parallel arrays (no object per line). */
interface Physical {
  n: number;
  line: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

function physicalLines(text: string, lines: LineIndex): Physical {
  const starts = lines.starts;
  const count = starts.length;
  const out: Physical = { n: 0, line: new Int32Array(count), start: new Int32Array(count), end: new Int32Array(count) };
  for (let l = 0; l < count; l++) {
    let s = starts[l];
    let e = l + 1 < count ? starts[l + 1] : text.length;
    // the line's end, before its break and trailing blanks
    while (e > s) {
      const c = text.charCodeAt(e - 1);
      if (c === 10 || c === 13 || isBlank(c)) e--;
      else break;
    }
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    if (e > s) {
      out.line[out.n] = l;
      out.start[out.n] = s;
      out.end[out.n] = e;
      out.n++;
    }
  }
  return out;
}

// Where a paragraph may end: sentence and clause ends, closing brackets and quotes, a table's bar.
const ENDS = '。；;：:！!？?）)】〕]”’"|｜…';
const WRAP_MIN = 15;

function endsParagraph(text: string, end: number): boolean {
  return ENDS.includes(text[end - 1]);
}

/**
 * Most long lines stop mid-sentence at about the same length: a text copied from a PDF, broken at
 * the page width (a table's rows or a metadata block stop mid-sentence too, at any length).
 */
function isHardWrapped(text: string, p: Physical): boolean {
  let long = 0;
  const open: number[] = [];
  for (let k = 0; k < p.n; k++) {
    const n = p.end[k] - p.start[k];
    if (n < WRAP_MIN) continue;
    long++;
    if (!endsParagraph(text, p.end[k]) && !isNoise(text.slice(p.start[k], p.end[k]))) open.push(n);
  }
  if (open.length < 12 || open.length * 2 < long) return false;
  open.sort((a, b) => a - b);
  const median = open[open.length >> 1];
  let near = 0;
  for (const n of open) if (Math.abs(n - median) <= 2) near++;
  return near * 10 >= open.length * 6;
}

// A line that starts something of its own: a heading, a label, a table cell line, a page number.
const STARTS_OWN = /^([零〇一二三四五六七八九十百两]{1,6}[、．.]|[(（][零〇一二三四五六七八九十百两\d]{1,6}[)）]|\d{1,3}[.．、﹒](?!\d)|[—\-－–\s]*\d{1,3}[—\-－–\s]*$|附件|(牵头|责任|配合|协办|参与|协同|主办|完成|分管)[\u4e00-\u9fff]{0,4}[:：])/;

/** Whether physical line k+1 goes on with line k: one paragraph broken over two lines. */
function continues(text: string, p: Physical, k: number, wrapped: boolean): boolean {
  const aStart = p.start[k];
  const aEnd = p.end[k];
  if (endsParagraph(text, aEnd)) return false;
  // The cheap tests first: most lines that end mid-sentence (headings) join nothing.
  const list = text[aEnd - 1] === '、';
  if (!list && !(wrapped && aEnd - aStart >= WRAP_MIN) && !unbalanced(text, aStart, aEnd)) return false;
  const bStart = p.start[k + 1];
  const bEnd = p.end[k + 1];
  const next = text.slice(bStart, Math.min(bEnd, bStart + 12));
  if (STARTS_OWN.test(next) || text.slice(aStart, aEnd).includes('\t')) return false;
  return !isNoise(text.slice(aStart, aEnd)) && !isNoise(text.slice(bStart, bEnd));
}

/** The line opens a bracket it does not close (its clause goes on below). */
function unbalanced(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08 || c === 0x3014 || c === 0x3010) depth++;
    else if ((c === 0x29 || c === 0xff09 || c === 0x3015 || c === 0x3011) && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * The non-blank lines of `text`. With `previous`, a line whose text is unchanged, at the same
 * offset or moved by the edit's length difference, is taken over from it (that cache is consumed).
 */
export function readLines(text: string, lines: LineIndex, previous?: LineCache, edit?: EditWindow): Lines {
  const gen = ++generation;
  const delta = previous ? text.length - previous.length : 0;
  const old = previous?.entries ?? [];
  let same = 0; // walks old entries for a line at the same offset
  let moved = 0; // walks old entries for a line shifted by the edit's length difference
  const entries: LineEntry[] = [];
  const lineNo: number[] = [];
  const lineEnds: number[] = [];
  const physical = physicalLines(text, lines);
  const wrapped = isHardWrapped(text, physical);
  // With the edit's window known, a line outside it is the same text as before: taken over
  // without comparing (unless the document's wrapping changed, which moves every join).
  const w = edit && previous && previous.wrapped === wrapped ? edit : undefined;
  for (let k = 0; k < physical.n; k++) {
    const first = k;
    const s = physical.start[k];
    // A paragraph broken over lines (a clause's bracket closed on the next line, a list ending in
    // 、, a document copied from a PDF with a break every 30 characters) is read as one line.
    while (k + 1 < physical.n && physical.line[k + 1] === physical.line[k] + 1 && continues(text, physical, k, wrapped)) k++;
    const e = physical.end[k];
    const l = physical.line[first];
    let entry: LineEntry | undefined;
    if (old.length) {
      const outside = w !== undefined && (e < w.from || s >= w.to);
      const lineText = outside ? undefined : text.slice(s, e);
      const sameText = (hit: LineEntry) => (lineText === undefined ? hit.text.length === e - s : hit.text === lineText);
      while (same < old.length && old[same].start < s) same++;
      let hit = same < old.length ? old[same] : undefined;
      if (hit && hit.start === s && hit.gen !== gen && (!outside || e < w!.from) && sameText(hit)) entry = hit;
      else if (delta !== 0 || outside) {
        while (moved < old.length && old[moved].start < s - delta) moved++;
        hit = moved < old.length ? old[moved] : undefined;
        if (hit && hit.start === s - delta && hit.gen !== gen && (!outside || s >= w!.to) && sameText(hit)) {
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
  }
  return { entries, lineNo, lineEnds, cache: { entries, length: text.length, index: lines, wrapped } };
}
