// The task table: one row per task, in document order, with its number path and its parties.
// Pure: the checker formats the rows, the language server exports them.
//
// Number paths. A task is numbered by the headings above it, then by its place among the tasks
// of its innermost heading, counted from 1 in document order:
//   chapter 一、 → `一`;  section (三) → `(三)`;  item 1. / 1、 → `1.`;  subitem (1) → `(1)`.
//   - Under a chapter or a section, the ordinal is always added: the task written on the
//     section's own line is `一/(三)/1`, the next paragraph's task `一/(三)/2`.
//   - An item or subitem numbers its task itself: its only task is `一/(三)/2.`; when it holds
//     several, they are `一/(三)/2./1`, `一/(三)/2./2`.
//   - Tasks above the first heading are numbered `1`, `2`, …
// Items end in `.` and ordinals are bare, so a section's own tasks and its items never collide.
import type { Heading, PlanModel, Role, Task } from '../model';
import { isBlank, isSentenceEnd, type Span } from '../text';

export interface TaskRow {
  /** Number path: `一/(三)/2`. */
  number: string;
  /** Chapter as written: `一、推进体制机制改革创新`; '' when the task stands above every chapter. */
  chapter: string;
  /** Section as written: `(三)创新金融服务体系`; '' when none. */
  section: string;
  /** Index of the chapter in `model.headings`, if any. */
  chapterHeading?: number;
  name: string;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  /** 1-based line of the task's first character. */
  line: number;
  /** The task's name, for revealing it; its whole text. */
  nameSpan: Span;
  span: Span;
  task: Task;
}

function segmentOf(h: Heading): string {
  switch (h.kind) {
    case 'chapter':
      return h.numberText;
    case 'section':
      return `(${h.numberText})`;
    case 'item':
      return `${h.number}.`;
    case 'subitem':
      return `(${h.number})`;
  }
}

/** The headings from the outermost down to `index`. */
function chainOf(model: PlanModel, index: number | undefined): Heading[] {
  const chain: Heading[] = [];
  const seen = new Set<number>();
  for (let i = index; i !== undefined && !seen.has(i); i = model.headings[i]?.parent) {
    seen.add(i);
    const h = model.headings[i];
    if (!h) break;
    chain.unshift(h);
  }
  return chain;
}

export function headingLabel(h: Heading | undefined): string {
  return h ? `${h.marker.trim()}${h.title}` : '';
}

/** Names of the parties in one role, once each, as written with their carried prefix restored. */
export function namesIn(task: Task, role: Role): string[] {
  const out: string[] = [];
  for (const p of task.clause?.parties ?? []) if (p.role === role && !out.includes(p.name)) out.push(p.name);
  return out;
}

/** Number paths of every task, index for index with `model.tasks`. */
export function numberPaths(model: PlanModel): string[] {
  const total = new Map<number | undefined, number>();
  for (const t of model.tasks) total.set(t.heading, (total.get(t.heading) ?? 0) + 1);
  const seen = new Map<number | undefined, number>();
  return model.tasks.map((t) => {
    const ordinal = (seen.get(t.heading) ?? 0) + 1;
    seen.set(t.heading, ordinal);
    const chain = chainOf(model, t.heading);
    const segments = chain.map(segmentOf);
    const inner = chain[chain.length - 1];
    const numbersItself = inner && inner.level > 2 && total.get(t.heading) === 1;
    if (!numbersItself) segments.push(String(ordinal));
    return segments.join('/');
  });
}

/** One row per task, in document order. Never throws on a broken model: missing parts stay empty. */
export function taskRows(model: PlanModel): TaskRow[] {
  const paths = numberPaths(model);
  return model.tasks.map((task, i) => {
    const chain = chainOf(model, task.heading);
    const chapter = chain.find((h) => h.kind === 'chapter');
    const section = chain.find((h) => h.kind === 'section');
    return {
      number: paths[i],
      chapter: headingLabel(chapter),
      section: headingLabel(section),
      chapterHeading: chapter ? model.headings.indexOf(chapter) : undefined,
      name: task.name,
      lead: namesIn(task, 'lead'),
      cooperating: namesIn(task, 'cooperating'),
      responsible: namesIn(task, 'responsible'),
      line: model.lines.positionAt(task.nameSpan.start).line + 1,
      nameSpan: task.nameSpan,
      span: task.span,
      task,
    };
  });
}

// ---- the 任务分工表: the table a clerk files with the plan (Word's 附件, the printed xlsx) ----

export type TaskTableColumn = 'number' | 'task' | 'lead' | 'cooperating' | 'deadline' | 'official';

export type TaskTableRow =
  /** A chapter's or a section's own row, across every column. */
  | { kind: 'chapter' | 'section'; text: string }
  | { kind: 'task'; cells: Record<TaskTableColumn, string>; line: number };

export interface TaskTable {
  /** `《…》重点工作任务分工表`. */
  title: string;
  /** 序号, 任务, 牵头单位, 配合单位, 完成时限, and 责任领导 where the plan names one. */
  columns: TaskTableColumn[];
  rows: TaskTableRow[];
}

export const TASK_TABLE_HEADERS: Record<TaskTableColumn, [string, string]> = {
  number: ['序号', 'No.'],
  task: ['任务', 'Task'],
  lead: ['牵头单位', 'Lead'],
  cooperating: ['配合单位', 'Cooperating'],
  deadline: ['完成时限', 'Deadline'],
  official: ['责任领导', 'Official in charge'],
};

/** `…重点工作分工方案` → `…重点工作任务分工表`; any other title gets `任务分工表` after it. */
export function taskTableTitle(title: string | undefined): string {
  const t = (title ?? '').replace(/\s+/g, '');
  if (!t) return '任务分工表';
  if (/任务分工表$/.test(t)) return t;
  // A cover notice (关于印发《…》的通知): the table is the plan's; a notice that names none gets the bare name.
  const notice = /关于(?:印发|转发|批转)?(.*?)的(?:通知|函)$/.exec(t);
  if (notice) return /^《.*》$/.test(notice[1]) ? taskTableTitle(notice[1]) : '任务分工表';
  const stem = t.replace(/(?:任务)?(?:分工方案|分工的意见|分工意见|责任分解方案|分解方案)$/, '');
  return `${stem}任务分工表`;
}

/** The end of a heading's own words: its title and the full stop after it. */
function afterTitle(text: string, h: Heading, end: number): number {
  let i = h.titleSpan.end;
  while (i < end && (isSentenceEnd(text.charCodeAt(i)) || isBlank(text.charCodeAt(i)))) i++;
  return i;
}

/** Lines joined as one paragraph, blanks at the joins dropped. */
function joined(s: string): string {
  return s.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '').trim();
}

/**
 * What the task says, as the plan writes it, without its clause: the whole paragraph (a section's
 * title left to its group row, an item's number left out), a table row's task cell, a prose
 * assignment's whole sentence.
 */
export function taskContent(model: PlanModel, task: Task): string {
  const text = model.text;
  const clause = task.clause;
  const h = task.heading !== undefined ? model.headings[task.heading] : undefined;
  const onHeading = h !== undefined && h.span.start === task.span.start;
  let start = task.span.start;
  if (onHeading) start = h.level <= 2 ? afterTitle(text, h, task.span.end) : h.titleSpan.start;
  let end = task.span.end;
  if (clause?.form === 'table') {
    // The row's cells that name no one and hold no number: its task cells (指标, 工作任务).
    const asides = [...clause.parties, ...clause.officials, ...clause.deadlines, ...clause.roleWords].map((a) => a.span);
    const cells: string[] = [];
    const row = text.slice(task.span.start, task.span.end);
    const re = /[^\t|｜\r\n]+?(?=\t|\||｜| {2,}|\u3000{2,}|\r?\n|$)/g;
    for (let m = re.exec(row); m; m = re.exec(row)) {
      const from = task.span.start + m.index;
      const to = from + m[0].length;
      const cell = m[0].trim();
      if (!cell || /^[\d.、．]+$/.test(cell) || asides.some((a) => a.start < to && a.end > from)) continue;
      cells.push(cell);
    }
    if (cells.length) return cells.join('\u3000');
    start = task.nameSpan.start;
    end = task.nameSpan.end;
  } else if (clause?.form === 'prose') {
    // 由X牵头，Y配合，在6月底前完成全市规划编制。: the assignment is part of the sentence.
    const stop = text.slice(end).search(/[。\n]/);
    end = stop < 0 ? text.length : end + stop + (text[end + stop] === '。' ? 1 : 0);
  } else if (clause) {
    end = clause.span.start;
    // A 牵头领导 or 完成时限 line above the labelled lines is no part of the task's text.
    for (const a of [...clause.roleWords, ...clause.officials, ...clause.deadlines]) if (a.span.start > start && a.span.start < end) end = a.span.start;
  }
  const body = joined(text.slice(start, Math.max(start, end))).replace(/[，,；;、\s]+$/, '');
  if (body) return body;
  return onHeading ? h.title : task.name;
}

/**
 * A task's text shortened to about `max` characters for a printed table: whole sentences while
 * they fit (always the first), else the first cut at a comma; `……` marks what was left out.
 */
export function taskSummary(content: string, max: number): string {
  if (content.length <= max) return content;
  const sentences = content.match(/[^。；;！？!?]+[。；;！？!?]*/g) ?? [content];
  let out = '';
  for (const s of sentences) {
    if (out.length + s.length <= max) {
      out += s;
      continue;
    }
    // The sentence that does not fit: as much of it as ends at a comma within the limit.
    const room = max - out.length;
    const head = s.slice(0, room);
    const comma = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf('、'));
    if (comma >= Math.min(8, room / 2)) out += head.slice(0, comma);
    else if (!out) out = head;
    break;
  }
  out = closed(out, content, Math.round(max * 1.25));
  return out.length >= content.length ? content : out.replace(/[，,、；;\s]+$/, '') + '……';
}

const PAIRS: Record<string, string> = { '（': '）', '(': ')', '《': '》', '“': '”', '〔': '〕', '【': '】', '[': ']' };

/**
 * A cut never leaves a bracket, book title or quotation open: it goes on to the closing mark
 * where that is within `limit`, else moves back before the opening mark.
 */
function closed(cut: string, content: string, limit: number): string {
  const open: { ch: string; at: number }[] = [];
  for (let i = 0; i < content.length; i++) {
    if (i >= cut.length && !open.length) return cut;
    if (i >= limit) break;
    const ch = content[i];
    if (PAIRS[ch] && !(ch === '“' && open.at(-1)?.ch === '“')) open.push({ ch, at: i });
    else if (open.length && PAIRS[open[open.length - 1].ch] === ch) {
      open.pop();
      if (i >= cut.length && !open.length) return content.slice(0, i + 1);
    }
  }
  if (!open.length) return cut;
  // Still open at the limit: cut before the outermost mark that is open at the cut.
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < cut.length; i++) {
    const ch = cut[i];
    if (PAIRS[ch] && !(ch === '“' && stack.at(-1)?.ch === '“')) stack.push({ ch, at: i });
    else if (stack.length && PAIRS[stack[stack.length - 1].ch] === ch) stack.pop();
  }
  return stack.length ? cut.slice(0, stack[0].at) : cut;
}

/** Officials named for the task (牵头领导：…, 分管副市长), once each. */
function officialsOf(task: Task): string[] {
  const out: string[] = [];
  for (const o of task.clause?.officials ?? []) {
    const name = o.text.replace(/\s+/g, '');
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * The plan's 任务分工表: a group row for each chapter and section, a row per task. The lead's
 * column holds the responsible parties where no one leads; with a lead they join the cooperating.
 */
export function taskTable(model: PlanModel, opts: { taskChars?: number } = {}): TaskTable {
  const rows: TaskTableRow[] = [];
  let chapter: number | undefined;
  let section: string | undefined;
  let n = 0;
  let officials = false;
  for (const r of taskRows(model)) {
    if (r.chapterHeading !== undefined && r.chapterHeading !== chapter) {
      chapter = r.chapterHeading;
      section = undefined;
      rows.push({ kind: 'chapter', text: r.chapter });
    }
    if (r.section && r.section !== section) rows.push({ kind: 'section', text: r.section });
    section = r.section;
    const lead = r.lead.length ? r.lead : r.responsible;
    const others = r.lead.length ? [...r.cooperating, ...r.responsible] : r.cooperating;
    const named = officialsOf(r.task);
    if (named.length) officials = true;
    rows.push({
      kind: 'task',
      line: r.line,
      cells: { number: String(++n), task: opts.taskChars ? taskSummary(taskContent(model, r.task), opts.taskChars) : taskContent(model, r.task), lead: lead.join('、'), cooperating: others.join('、'), deadline: r.task.deadline?.text ?? '', official: named.join('、') },
    });
  }
  const columns: TaskTableColumn[] = ['number', 'task', 'lead', 'cooperating', 'deadline', ...(officials ? (['official'] as const) : [])];
  return { title: taskTableTitle(model.title?.text), columns, rows };
}
