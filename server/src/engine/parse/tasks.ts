// Stage 3 of the parser: lines → paragraphs, tasks and their clauses. A paragraph holds one
// task per clause; a clause on a line of its own, or labelled lines (牵头单位：…), complete the
// task above; a title-only item is the task of the clause under it.
import type { Clause, Heading, PlanModel, Task } from '../model';
import { isSentenceEnd, isBlank, type Span } from '../text';
import { findClauses, newClause } from './clauses';
import { applyFirstListed } from './convention';
import { inLine, LineSpan, type Lines, type LineEntry } from './lines';
import { emptyContent, readField, type ClauseContent } from './parties';
import { readHeader, readRow, type Row, type Table } from './tables';

interface Line {
  line: number;
  start: number; // first non-blank character
  end: number; // after the last non-blank character
}

/** A span's values now (a line's spans move with it: copies do not). */
function copy(s: Span): Span {
  return { start: s.start, end: s.end };
}

/** Reads every paragraph after the title into the model: paragraphs, headings, tasks, clauses. */
export function readTasks(model: PlanModel, lines: Lines, firstHeading: number, noHeadings: boolean, titleSet: Set<number>): void {
  const text = model.text;
  const { entries, lineNo, lineEnds } = lines;
  let convention = model.firstListedLeads; // the first-listed unit leads, from here on
  let current: number | undefined; // innermost heading index
  const stack: number[] = []; // open headings, outermost first
  let pendingTask: Task | undefined; // a clause-less paragraph that a clause-only or labelled line may complete
  let labelled: { clause: Clause; index: number } | undefined;
  // A title-only heading (6.坚持最严格的耕地保护制度。) is the task of a clause on the next line.
  let headingTask: Task | undefined;
  let table: Table | undefined; // the text table the walk is in
  const adjacentAt = (k: number) => lineNo[k] === lineNo[k - 1] + 1;
  const headingAt = (k: number) => k >= firstHeading && entries[k].heading !== undefined;
  /** Paragraphs of kind 'table' for entries `from..to` (a header or a row). */
  const tableParagraphs = (from: number, to: number) => {
    for (let k = from; k <= to; k++) {
      const e = entries[k];
      const p = (e.para ??= { kind: 'table', span: new LineSpan(e, 0, lineEnds[k] - e.start), line: lineNo[k], heading: undefined });
      p.kind = 'table';
      p.line = lineNo[k];
      p.heading = current;
      model.paragraphs.push(p);
    }
  };

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const ln: Line = { line: lineNo[i], start: entry.start, end: lineEnds[i] };
    const heading = i >= firstHeading ? entry.heading : undefined;
    // Text tables: a header row, then a task per row (a merged chapter row is a heading and keeps the table open).
    const bodyLine = !titleSet.has(i) && !entry.noise && (noHeadings || i >= firstHeading);
    if (bodyLine && !heading) {
      if (table) {
        const row = readRow(table, entries, i, adjacentAt, headingAt);
        if (row) {
          tableParagraphs(row.first, row.last);
          const task = rowTask(model, lines, row, current, convention);
          model.tasks.push(task);
          if (task.clause) model.clauses.push(task.clause);
          pendingTask = headingTask = labelled = undefined;
          i = row.last;
          continue;
        }
        table = undefined;
      }
      const header = readHeader(entries, i);
      if (header) {
        tableParagraphs(i, header.last);
        table = header.table;
        pendingTask = headingTask = labelled = undefined;
        i = header.last;
        continue;
      }
    } else if (!heading) table = undefined;
    let para = entry.para;
    if (para) {
      para.kind = 'body';
      para.line = ln.line;
      para.heading = undefined;
    } else para = entry.para = { kind: 'body', span: new LineSpan(entry, 0, ln.end - ln.start), line: ln.line, heading: undefined };

    // A title-only item with nothing under it before the next heading of its level is a task
    // still waiting for its clause (kept only where its neighbours have clauses).
    const next = i >= firstHeading && !entry.noise ? entry.heading : undefined;
    if (headingTask && next && flushes(model, headingTask, next)) {
      model.tasks.push(headingTask);
      headingTask = undefined;
    }
    if (titleSet.has(i)) para.kind = 'title';
    else if (entry.noise) para.kind = 'noise';
    else if (!noHeadings && i < firstHeading) {
      para.kind = 'preamble';
      model.preamble = { start: model.preamble ? model.preamble.start : ln.start, end: ln.end };
    } else if (heading) {
      para.kind = 'heading';
      while (stack.length && model.headings[stack[stack.length - 1]].level >= heading.level) stack.pop();
      heading.parent = stack.length ? stack[stack.length - 1] : undefined;
      model.headings.push(heading);
      stack.push(model.headings.length - 1);
      current = model.headings.length - 1;
    }
    para.heading = current;
    model.paragraphs.push(para);
    if (para.kind !== 'heading' && para.kind !== 'body') {
      labelled = undefined;
      continue;
    }

    const bodyStart = heading ? heading.titleSpan.start : ln.start;
    if (!entry.clauses || entry.firstListed !== convention) readClauses(entry, bodyStart, convention);
    const clauses = entry.clauses ?? [];
    for (const c of clauses) if (c.statesConvention) convention = model.firstListedLeads = true;
    const labelledLine = !heading && clauses.length === 1 && clauses[0].form === 'labelled' && clauses[0].span.start === ln.start;
    const clauseOnly = !heading && clauses.length === 1 && clauses[0].form === 'bracket' && clauses[0].span.start === ln.start;

    if (labelledLine || clauseOnly) {
      para.kind = labelledLine ? 'labelled' : 'clause-only';
      if (labelledLine && labelled) {
        // 牵头单位:… / 责任单位:… on consecutive lines make one clause (a new object: the cached ones stay as read).
        const merged = mergeClauses(labelled.clause, clauses[0]);
        model.clauses[labelled.index] = merged;
        for (const t of model.tasks) if (t.clause === labelled.clause) {
          t.clause = merged;
          t.span = { start: t.span.start, end: merged.span.end };
        }
        labelled = { clause: merged, index: labelled.index };
        continue;
      }
      const clause = clauses[0];
      model.clauses.push(clause);
      if (pendingTask && !pendingTask.clause) {
        pendingTask.clause = clause;
        pendingTask.span = { start: pendingTask.span.start, end: clause.span.end };
      } else if (headingTask) {
        headingTask.clause = clause;
        headingTask.span = { start: headingTask.span.start, end: clause.span.end };
        model.tasks.push(headingTask);
      } else {
        model.tasks.push({
          name: nameOf(text, clause.span.start, clause.span.end) || clause.parties[0]?.name || '',
          nameSpan: copy(clause.span),
          span: copy(clause.span),
          clause,
          heading: current,
          line: ln.line,
        });
      }
      pendingTask = undefined;
      headingTask = undefined;
      labelled = labelledLine ? { clause, index: model.clauses.length - 1 } : undefined;
      continue;
    }
    labelled = undefined;
    pendingTask = undefined;

    // A paragraph holds one task per clause; text after the last clause may be a task still waiting for one.
    if (!entry.tasks) readLineTasks(entry, heading);
    headingTask =
      heading && clauses.length === 0 && entry.rest === undefined && heading.title
        ? { name: heading.title, nameSpan: copy(heading.titleSpan), span: copy(heading.span), clause: undefined, heading: current, line: ln.line }
        : undefined;
    for (let k = 0; k < clauses.length; k++) {
      model.clauses.push(clauses[k]);
      const t = entry.tasks![k];
      // The line's own task objects: nothing mutates them but their place in the outline.
      t.heading = current;
      t.line = ln.line;
      model.tasks.push(t);
    }
    const rest = entry.rest;
    if (rest === null && !heading && clauses.length === 0) para.kind = 'signature';
    if (rest) {
      const task: Task = { name: rest.name, nameSpan: rest.nameSpan, span: rest.span, clause: undefined, heading: current, line: ln.line };
      pendingTask = task;
      model.tasks.push(task);
    }
  }

  if (headingTask && flushes(model, headingTask, undefined)) model.tasks.push(headingTask);
  dropUnflaggedTasks(model, text);
}

/** A table row's task: its name from the task cell, its clause from the role cells. */
function rowTask(model: PlanModel, lines: Lines, row: Row, current: number | undefined, convention: boolean): Task {
  const { entries, lineNo, lineEnds } = lines;
  const content = emptyContent();
  let group = 0;
  let nameSpan: Span | undefined;
  for (const c of row.cells) {
    const e = entries[c.entry];
    if (c.column === 'task') {
      if (!nameSpan) {
        const s = sentenceSpan(e.text, c.span.start, c.span.end);
        nameSpan = { start: e.start + s.start, end: e.start + s.end };
      }
      continue;
    }
    if (c.column === 'number' || c.column === 'note') continue;
    const mark = marks(content);
    group = readField(e.text, e.shadow, c.span.start, c.span.end, c.column, group, content);
    shiftFrom(content, mark, e.start);
  }
  if (convention || content.statesConvention) applyFirstListed(content.parties);
  const span = { start: entries[row.first].start, end: lineEnds[row.last] };
  nameSpan ??= { start: span.start, end: span.start };
  const clause = content.parties.length ? newClause(span, copy(span), 'table', undefined, undefined, false, false, undefined, undefined, content) : undefined;
  return { name: shorten(model.text.slice(nameSpan.start, nameSpan.end)), nameSpan, span, clause, heading: current, line: lineNo[row.first] };
}

function marks(c: ClauseContent): number[] {
  return [c.parties.length, c.officials.length, c.deadlines.length, c.roleWords.length];
}

/** Moves what `readField` added in line offsets to document offsets. */
function shiftFrom(c: ClauseContent, mark: number[], delta: number): void {
  const lists = [c.parties, c.officials, c.deadlines, c.roleWords];
  lists.forEach((list, k) => {
    for (let i = mark[k]; i < list.length; i++) {
      list[i].span.start += delta;
      list[i].span.end += delta;
    }
  });
}

/** Reads a line's clauses under the convention in force at its start (a clause may state it, 下同). */
function readClauses(entry: LineEntry, bodyStart: number, firstListed: boolean): void {
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

/** A title-only item is a task of its own when the next heading is of its level or above (or none follows). */
function flushes(model: PlanModel, task: Task, next: Heading | undefined): boolean {
  const h = task.heading === undefined ? undefined : model.headings[task.heading];
  return !!h && h.level >= 3 && (!next || next.level <= h.level);
}

/** The tasks a line's clauses close, and what follows the last clause: read once per line text. */
function readLineTasks(entry: LineEntry, heading: Heading | undefined): void {
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
function sentenceSpan(text: string, from: number, to: number): Span {
  let s = from;
  while (s < to && isBlank(text.charCodeAt(s))) s++;
  let e = s;
  while (e < to && !isSentenceEnd(text.charCodeAt(e))) e++;
  let te = e;
  while (te > s && isBlank(text.charCodeAt(te - 1))) te--;
  return { start: s, end: te };
}

function shorten(text: string): string {
  const s = text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '');
  return s.length > NAME_MAX ? s.slice(0, NAME_MAX) + '…' : s;
}

function nameOf(text: string, from: number, to: number): string {
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

/** Labelled lines in a row make one clause; it starts where its first party is named (a 牵头领导 line above stays outside). */
function mergeClauses(first: Clause, next: Clause): Clause {
  const groupBase = first.parties.reduce((g, p) => Math.max(g, p.group + 1), 0);
  const start = first.parties.length ? first.span.start : next.span.start;
  return newClause(
    { start, end: next.span.end },
    { start: first.parties.length ? first.contentSpan.start : next.contentSpan.start, end: next.contentSpan.end },
    first.form,
    first.open,
    first.close,
    first.unclosed,
    first.mismatched,
    first.openSpan,
    first.closeSpan,
    {
      parties: [...first.parties, ...next.parties.map((p) => ({ ...p, span: copy(p.span), group: p.group + groupBase }))],
      officials: [...first.officials, ...next.officials],
      deadlines: [...first.deadlines, ...next.deadlines],
      roleWords: [...first.roleWords, ...next.roleWords],
      statesConvention: first.statesConvention || next.statesConvention,
    },
  );
}

/**
 * A paragraph without a clause is only a task missing its clause where the tasks around it have
 * clauses: 总体要求 and 保障措施 parts carry none, and a lead-in ending in a colon is no task.
 */
function dropUnflaggedTasks(model: PlanModel, text: string): void {
  // The common case, every task with its clause, needs no scope analysis.
  let allClosed = true;
  for (const t of model.tasks) if (!t.clause) allClosed = false;
  if (allClosed) return;
  const scopeHasClause = new Set<number>();
  const scopeOf = (h: number | undefined): number | undefined => {
    // the nearest section, else the chapter
    let i = h;
    while (i !== undefined && model.headings[i].level > 2) i = model.headings[i].parent;
    return i;
  };
  for (const t of model.tasks) if (t.clause) {
    const s = scopeOf(t.heading);
    if (s !== undefined) scopeHasClause.add(s);
  }
  model.tasks = model.tasks.filter((t) => {
    if (t.clause) return true;
    const s = scopeOf(t.heading);
    if (s === undefined || !scopeHasClause.has(s)) return false;
    const body = text.slice(t.span.start, t.span.end).trim();
    return body.length >= 10 && !/[:：]$/.test(body);
  });
}

