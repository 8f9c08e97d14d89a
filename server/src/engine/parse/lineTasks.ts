// A line's own reading, once per line text: its clauses under the convention in force, the
// tasks they close, and each task's name (the first sentence, or a section title's short one).
import type { Heading, Task } from '../model';
import { isSentenceEnd, isBlank, type Span } from '../text';
import { findClauses } from './clauses';
import { applyFirstListed } from './convention';
import { inLine, type LineEntry } from './lines';

/** A span's values now (a line's spans move with it: copies do not). */
export function copy(s: Span): Span {
  return { start: s.start, end: s.end };
}

/** Reads a line's clauses under the convention in force at its start (a clause may state it, 下同). */
export function readClauses(entry: LineEntry, bodyStart: number, firstListed: boolean): void {
  const from = bodyStart - entry.start;
  entry.tasks = undefined;
  entry.rest = undefined;
  entry.clauses = [];
  inLine(entry, () => {
    entry.clauses = findClauses(entry.text, entry.shadow, from, entry.text.length);
  });
  entry.firstListed = firstListed;
  let on = firstListed;
  for (const c of entry.clauses) {
    if (on) applyFirstListed(c.parties);
    if (c.statesConvention) on = true;
  }
}

/** The tasks a line's clauses close, and what follows the last clause: read once per line text. */
export function readLineTasks(entry: LineEntry, heading: Heading | undefined): void {
  inLine(entry, () => {
    const text = entry.text;
    const lineEnd = text.length;
    const clauses = entry.clauses ?? [];
    const tasks: Task[] = [];
    let segStart = heading ? heading.titleSpan.start : 0;
    for (let k = 0; k < clauses.length; k++) {
      const clause = clauses[k];
      const task = makeTask(text, segStart, clause.span.start, k === 0 ? heading : undefined, undefined, 0);
      task.clause = clause;
      task.span = { start: task.span.start, end: clause.span.end };
      tasks.push(task);
      segStart = skipFiller(text, clause.span.end, lineEnd);
    }
    entry.tasks = tasks;
    entry.rest = undefined;
    const restLen = lineEnd - segStart;
    const isTitleOnly = heading && clauses.length === 0 && afterTitle(text, heading, lineEnd) >= lineEnd;
    if (restLen > 0 && !isTitleOnly) {
      // A short line with no sentence in it (a signature, a date) is no task.
      if (!heading && restLen <= 25 && !/[。，,；;：:]/.test(text.slice(segStart, lineEnd))) entry.rest = null;
      else entry.rest = makeTask(text, segStart, lineEnd, clauses.length === 0 ? heading : undefined, undefined, 0);
    }
  });
}

/** Where a heading's body text starts: after its title and the title's full stop. */
function afterTitle(text: string, h: Heading, lineEnd: number): number {
  let i = h.titleSpan.end;
  while (i < lineEnd && (isBlank(text.charCodeAt(i)) || isSentenceEnd(text.charCodeAt(i)))) i++;
  return i;
}

function skipFiller(text: string, from: number, end: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); i < end && (isBlank(c) || c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff0c || c === 0x2c); c = text.charCodeAt(++i));
  return i;
}

const NAME_MAX = 24;

/** The first sentence of `[from, to)`, up to 。/：/； or the end. */
export function sentenceSpan(text: string, from: number, to: number): Span {
  let s = from;
  while (s < to && isBlank(text.charCodeAt(s))) s++;
  let e = s;
  while (e < to && !isSentenceEnd(text.charCodeAt(e))) e++;
  let te = e;
  while (te > s && isBlank(text.charCodeAt(te - 1))) te--;
  return { start: s, end: te };
}

export function shorten(text: string): string {
  const s = text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '');
  return s.length > NAME_MAX ? s.slice(0, NAME_MAX) + '…' : s;
}

export function nameOf(text: string, from: number, to: number): string {
  const sp = sentenceSpan(text, from, to);
  return shorten(text.slice(sp.start, sp.end));
}

function makeTask(text: string, from: number, to: number, heading: Heading | undefined, current: number | undefined, line: number): Task {
  let nameSpan: Span;
  if (heading) {
    // (十三)完善欧亚陆路大通道建设。铁路建设。…: a short sentence after the title names the task.
    const bodyAt = afterTitle(text, heading, to);
    const next = sentenceSpan(text, bodyAt, to);
    const nextLen = next.end - next.start;
    // Only under a section title: an item's own title already names its task.
    const short = heading.kind === 'section' && nextLen > 0 && nextLen <= 15 && next.end < to && text[next.end] === '。';
    // A copy: spans are moved in place when the line moves, and the heading moves its own.
    nameSpan = short ? next : copy(heading.titleSpan);
  } else {
    nameSpan = sentenceSpan(text, from, to);
  }
  return {
    name: shorten(text.slice(nameSpan.start, nameSpan.end)),
    nameSpan,
    span: { start: heading ? heading.span.start : from, end: to },
    clause: undefined,
    heading: current,
    line,
  };
}
