// Stage 3 of the parser: lines → paragraphs, tasks and their clauses. A paragraph holds one
// task per clause; a clause on a line of its own, or labelled lines (牵头单位：…), complete the
// task above; a title-only item is the task of the clause under it.
import type { Clause, Heading, PlanModel, Task } from '../model';
import type { Span } from '../text';
import { newClause } from './clauses';
import { applyFirstListed } from './convention';
import { LineSpan, PartSpan, type Lines, type LineEntry } from './lines';
import { nameOf, readClauses, readLineTasks, sentenceSpan, shorten } from './lineTasks';
import { emptyContent, readField, type ClauseContent } from './parties';
import { readHeader, readRow, type Row, type Table } from './tables';

interface Line {
  line: number;
  start: number; // first non-blank character
  end: number; // after the last non-blank character
}


/**
 * Where the walk stood at a chapter or section heading outside a table: nothing carries over such
 * a line but the convention and the open headings, so the walk can start again there, or stop
 * there and take the rest over from the previous walk when it stands where that one stood.
 */
export interface Checkpoint {
  /** The heading's entry; entries before it made `tasks` tasks, `clauses` clauses, `headings` headings (and one paragraph each). */
  index: number;
  tasks: number;
  clauses: number;
  headings: number;
  convention: boolean;
  /** The open headings, outermost first. */
  stack: number[];
}

/** The previous walk, and what the lines' edit changed (lines.ts splice). */
export interface PreviousWalk {
  model: PlanModel;
  checkpoints: Checkpoint[];
  firstHeading: number;
}

/**
 * Reads every paragraph after the title into the model: paragraphs, headings, tasks, clauses.
 * With the previous walk and the lines' splice, only the part from the last checkpoint before
 * the edit to the first one after it where the walk stands as it stood is walked; the rest is
 * the previous model's. Returns this walk's checkpoints.
 */
export function readTasks(model: PlanModel, lines: Lines, firstHeading: number, noHeadings: boolean, titleSet: Set<number>, previous?: PreviousWalk): Checkpoint[] {
  const text = model.text;
  const { entries, lineNo, lineEnds, splice } = lines;
  const checkpoints: Checkpoint[] = [];
  let convention = model.firstListedLeads; // the first-listed unit leads, from here on
  let current: number | undefined; // innermost heading index
  let stack: number[] = []; // open headings, outermost first
  let pendingTask: Task | undefined; // a clause-less paragraph that a clause-only or labelled line may complete
  let labelled: { clause: Clause; index: number } | undefined;
  // A title-only heading (6.坚持最严格的耕地保护制度。) is the task of a clause on the next line.
  let headingTask: Task | undefined;
  let table: Table | undefined; // the text table the walk is in
  let scopeStart = 0; // the first task of the open section (or chapter): see closeScope
  let inScope = false; // whether a section or chapter is open (tasks above the first have no part to belong to)
  let lastContent: Span | undefined; // the last paragraph that is not noise: a closing heading's part ends there
  /** Headings close when one of their level or above comes, or at the end: their part ends at the last paragraph before. */
  const close = (h: Heading) => {
    // Each end relative to its own line: a part after an edit, or ending after it, moves with it.
    h.extent = new PartSpan(h.span, lastContent ?? h.span);
  };
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
      lastContent = p.span;
    }
  };

  // Start again at the last checkpoint before the edit, when the lines before it are the previous walk's.
  let i = 0;
  let resume: { old: Checkpoint[]; at: number; shift: number; lineShift: number; old2: PlanModel } | undefined;
  if (previous && splice && !noHeadings && firstHeading === previous.firstHeading && splice.at > firstHeading) {
    const old = previous.checkpoints;
    let k = old.length - 1;
    while (k >= 0 && old[k].index >= splice.at) k--;
    if (k >= 0) {
      const cp = old[k];
      const m = previous.model;
      model.paragraphs = m.paragraphs.slice(0, cp.index);
      model.tasks = m.tasks.slice(0, cp.tasks);
      model.clauses = m.clauses.slice(0, cp.clauses);
      model.headings = m.headings.slice(0, cp.headings);
      model.preamble = m.preamble;
      model.firstListedLeads = convention = cp.convention;
      stack = cp.stack.slice();
      current = stack.length ? stack[stack.length - 1] : undefined;
      scopeStart = cp.tasks;
      inScope = true;
      for (let j = cp.index - 1; j >= 0; j--) {
        if (model.paragraphs[j].kind === 'noise') continue;
        lastContent = model.paragraphs[j].span;
        break;
      }
      for (let j = 0; j < k; j++) checkpoints.push(old[j]);
      i = cp.index;
      const shift = splice.added - splice.removed;
      const lineShift = model.lines.lineCount - m.lines.lineCount;
      resume = { old: old.slice(k + 1), at: splice.at + splice.added, shift, lineShift, old2: m };
    }
  }
  let oldAt = 0; // the next of the previous walk's checkpoints after the edit to compare with

  /** Whether the walk, at entry i, stands where the previous one stood: then the rest is taken over. */
  const takeOver = (i: number): boolean => {
    if (!resume || i < resume.at) return false;
    const olds = resume.old;
    const was = i - resume.shift;
    while (oldAt < olds.length && olds[oldAt].index < was) oldAt++;
    const cp = olds[oldAt];
    if (!cp || cp.index !== was || cp.convention !== convention || cp.headings !== model.headings.length || cp.stack.length !== stack.length) return false;
    const m = resume.old2;
    for (let j = 0; j < stack.length; j++) if (cp.stack[j] !== stack[j] || m.headings[stack[j]] !== model.headings[stack[j]]) return false;
    const taskShift = model.tasks.length - cp.tasks;
    const clauseShift = model.clauses.length - cp.clauses;
    const from = model.tasks.length;
    const paraFrom = model.paragraphs.length;
    model.paragraphs = model.paragraphs.concat(m.paragraphs.slice(cp.index));
    model.tasks = model.tasks.concat(m.tasks.slice(cp.tasks));
    model.clauses = model.clauses.concat(m.clauses.slice(cp.clauses));
    model.headings = model.headings.concat(m.headings.slice(cp.headings));
    model.firstListedLeads = m.firstListedLeads;
    // The lines after moved down or up (a line break typed or deleted): their numbers follow.
    if (resume.lineShift) {
      for (let j = from; j < model.tasks.length; j++) model.tasks[j].line += resume.lineShift;
      for (let j = paraFrom; j < model.paragraphs.length; j++) model.paragraphs[j].line += resume.lineShift;
    }
    for (let j = oldAt; j < olds.length; j++) {
      const c = olds[j];
      c.index += resume.shift;
      c.tasks += taskShift;
      c.clauses += clauseShift;
      checkpoints.push(c);
    }
    return true;
  };

  /**
   * A section (or chapter) ends: its clause-less tasks are dropped unless a task of it has a
   * clause (总体要求 and 保障措施 parts carry none), and a lead-in ending in a colon is no task.
   */
  const closeScope = () => {
    const tasks = model.tasks;
    let hasClause = false;
    let missing = false;
    for (let j = scopeStart; j < tasks.length; j++) {
      if (tasks[j].clause) hasClause = true;
      else missing = true;
    }
    if (missing) {
      let w = scopeStart;
      for (let j = scopeStart; j < tasks.length; j++) {
        const t = tasks[j];
        if (t.clause || (inScope && hasClause && t.heading !== undefined && keepsUnflagged(model, text, t))) tasks[w++] = t;
      }
      tasks.length = w;
    }
    scopeStart = tasks.length;
  };

  for (; i < entries.length; i++) {
    const entry = entries[i];
    const ln: Line = { line: lineNo[i], start: entry.start, end: lineEnds[i] };
    const heading = i >= firstHeading ? entry.heading : undefined;
    // A chapter or section heading: the title-only task before it is settled, its scope closed,
    // and (outside a table) the walk can be started again here, or stopped.
    if (heading && heading.level <= 2 && !titleSet.has(i)) {
      if (headingTask && flushes(model, headingTask, heading)) model.tasks.push(headingTask);
      headingTask = undefined;
      closeScope();
      inScope = true;
      if (!table) {
        if (takeOver(i)) return checkpoints;
        checkpoints.push({ index: i, tasks: model.tasks.length, clauses: model.clauses.length, headings: model.headings.length, convention, stack: stack.slice() });
      }
    }
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
      while (stack.length && model.headings[stack[stack.length - 1]].level >= heading.level) close(model.headings[stack.pop()!]);
      heading.parent = stack.length ? stack[stack.length - 1] : undefined;
      model.headings.push(heading);
      stack.push(model.headings.length - 1);
      current = model.headings.length - 1;
    }
    para.heading = current;
    model.paragraphs.push(para);
    if (para.kind !== 'noise') lastContent = para.span;
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
        // The task it closes is among the last ones.
        for (let j = model.tasks.length - 1; j >= scopeStart; j--) {
          const t = model.tasks[j];
          if (t.clause !== labelled.clause) continue;
          t.clause = merged;
          t.span = extended(t.span, merged.span.end);
          break;
        }
        labelled = { clause: merged, index: labelled.index };
        continue;
      }
      const clause = clauses[0];
      model.clauses.push(clause);
      if (pendingTask && !pendingTask.clause) {
        pendingTask.clause = clause;
        pendingTask.span = extended(pendingTask.span, clause.span.end);
      } else if (headingTask) {
        headingTask.clause = clause;
        headingTask.span = extended(headingTask.span, clause.span.end);
        model.tasks.push(headingTask);
      } else {
        model.tasks.push({
          name: nameOf(text, clause.span.start, clause.span.end) || clause.parties[0]?.name || '',
          nameSpan: new LineSpan(entry, clause.span.start - entry.start, clause.span.end - entry.start),
          span: new LineSpan(entry, clause.span.start - entry.start, clause.span.end - entry.start),
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
        ? { name: heading.title, nameSpan: anchoredCopy(entry, heading.titleSpan), span: anchoredCopy(entry, heading.span), clause: undefined, heading: current, line: ln.line }
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
  closeScope();
  for (const k of stack) close(model.headings[k]);
  return checkpoints;
}

/** A span from where `span` starts to `end`, kept relative to the line `span` is relative to. */
function extended(span: Span, end: number): Span {
  if (span instanceof LineSpan) return span.to(end);
  return { start: span.start, end };
}

/** A copy of a span of `entry`'s line, relative to the line (moving the line moves it). */
function anchoredCopy(entry: LineEntry, s: Span): Span {
  return new LineSpan(entry, s.start - entry.start, s.end - entry.start);
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
        nameSpan = new LineSpan(e, s.start, s.end);
      }
      continue;
    }
    if (c.column === 'number' || c.column === 'note') continue;
    const mark = marks(content);
    group = readField(e.text, e.shadow, c.span.start, c.span.end, c.column, group, content);
    anchorFrom(content, mark, e);
  }
  if (convention || content.statesConvention) applyFirstListed(content.parties);
  const head = entries[row.first];
  const span = new LineSpan(head, 0, lineEnds[row.last] - head.start);
  nameSpan ??= new LineSpan(head, 0, 0);
  const clause = content.parties.length ? newClause(span, new LineSpan(head, 0, lineEnds[row.last] - head.start), 'table', undefined, undefined, false, false, undefined, undefined, content) : undefined;
  return { name: shorten(model.text.slice(nameSpan.start, nameSpan.end)), nameSpan, span, clause, heading: current, line: lineNo[row.first] };
}

function marks(c: ClauseContent): number[] {
  return [c.parties.length, c.officials.length, c.deadlines.length, c.roleWords.length];
}

/** What `readField` added, in `entry`'s line offsets, made relative to that line. */
function anchorFrom(c: ClauseContent, mark: number[], entry: LineEntry): void {
  const lists = [c.parties, c.officials, c.deadlines, c.roleWords];
  lists.forEach((list, k) => {
    for (let i = mark[k]; i < list.length; i++) list[i].span = new LineSpan(entry, list[i].span.start, list[i].span.end);
  });
}

/** A title-only item is a task of its own when the next heading is of its level or above (or none follows). */
function flushes(model: PlanModel, task: Task, next: Heading | undefined): boolean {
  const h = task.heading === undefined ? undefined : model.headings[task.heading];
  return !!h && h.level >= 3 && (!next || next.level <= h.level);
}

/** Labelled lines in a row make one clause; it starts where its first party is named (a 牵头领导 line above stays outside). */
function mergeClauses(first: Clause, next: Clause): Clause {
  const groupBase = first.parties.reduce((g, p) => Math.max(g, p.group + 1), 0);
  return newClause(
    extended(first.parties.length ? first.span : next.span, next.span.end),
    extended(first.parties.length ? first.contentSpan : next.contentSpan, next.contentSpan.end),
    first.form,
    first.open,
    first.close,
    first.unclosed,
    first.mismatched,
    first.openSpan,
    first.closeSpan,
    {
      parties: [...first.parties, ...next.parties.map((p) => ({ ...p, group: p.group + groupBase }))],
      officials: [...first.officials, ...next.officials],
      deadlines: [...first.deadlines, ...next.deadlines],
      roleWords: [...first.roleWords, ...next.roleWords],
      statesConvention: first.statesConvention || next.statesConvention,
    },
  );
}

/** A clause-less task in a part whose other tasks have clauses: a task still waiting for one, unless a short lead-in. */
function keepsUnflagged(model: PlanModel, text: string, t: Task): boolean {
  const body = text.slice(t.span.start, t.span.end).trim();
  return body.length >= 10 && !/[:：]$/.test(body);
}

