// Text → document model: title, preamble, chapters, sections, items, tasks and clauses.
// One pass over the lines; clause finding is per paragraph (see clause.ts). Never throws.
import type { Clause, Heading, HeadingKind, Paragraph, PlanModel, Task } from '../model';
import { findClauses, newClause, OPENERS } from './clause';
import { parseChineseNumeral } from './numerals';
import { isBlank, isSentenceEnd, LineIndex, type Span } from '../text';

const CHAPTER = /^([零〇一二三四五六七八九十百两]{1,6})[ \t\u3000]*[、．.]/;
const SECTION = /^[(（][ \t\u3000]*([零〇一二三四五六七八九十百两]{1,6})[ \t\u3000]*[)）]/;
const ITEM = /^(\d{1,3})[ \t\u3000]*[.．、﹒](?!\d)/;
const SUBITEM = /^[(（][ \t\u3000]*(\d{1,3})[ \t\u3000]*[)）]/;

// Web-page noise: dates, 来源:, 阅读量:, 分类:, 回到顶部, print and share links.
// gov.cn metadata blocks too: 索引号, 主题分类, 发文机关, 成文日期, 标题:, 发文字号.
const NOISE = /来源[:：]|阅读量|阅读次数|浏览次数|点击数|点击量|^分类[:：]|回到顶部|返回顶部|发布时间|发布日期|字号[:：]|打印本页|【打印|关闭窗口|分享到|责任编辑|扫一扫|【字体|^标签[:：]|^上一篇|^下一篇|^索[ \u3000]*引[ \u3000]*号[:：]|^主题分类[:：]|^发文机关[:：]|^成文日期[:：]|^标[ \u3000]*题[:：]|^发文字号[:：]|^主[ \u3000]*题[ \u3000]*词[:：]/;
const DATE_LINE = /^\d{4}[-年/.]\d{1,2}([-月/.]\d{1,2}日?)?/;
const TITLE_WORDS = /分工方案|分工的意见|任务分工|责任分解|分工表|工作分工|方案$|意见$|安排$|清单$/;
const NOTICE = /关于印发(.+)的通知$/;
const FIRST_LISTED = /(列|排)(在)?(第一位|首位)的?(单位)?(为|是)牵头|第一个?单位为牵头|排名第一的为牵头/;

const LEVEL: Record<HeadingKind, 1 | 2 | 3 | 4> = { chapter: 1, section: 2, item: 3, subitem: 4 };

interface Line {
  line: number;
  start: number; // first non-blank character
  end: number; // after the last non-blank character
}

/**
 * What one non-blank line parsed to, kept for the next analysis of the same document: a line
 * whose text is unchanged is not parsed again, only moved (see `LineCache`).
 */
interface LineEntry {
  text: string;
  start: number;
  noise: boolean;
  heading?: Heading;
  /** Clauses found in the line's body; undefined until asked (preamble lines never are). */
  clauses?: Clause[];
  /** The `firstListedLeads` the clauses were read under. */
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

let generation = 0;

/**
 * A copy of a line that shares no memory with the document: cached entries outlive their
 * version, and a slice would keep that version's whole text alive.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function shiftHeading(h: Heading, delta: number): void {
  shift(h.markerSpan, delta);
  shift(h.titleSpan, delta);
  shift(h.span, delta);
}

function shiftEntry(e: LineEntry, delta: number): void {
  e.start += delta;
  if (e.para) shift(e.para.span, delta);
  if (e.heading) shiftHeading(e.heading, delta);
  for (const c of e.clauses ?? []) shiftClause(c, delta);
  for (const t of e.tasks ?? []) shiftTask(t, delta);
  if (e.rest) shiftTask(e.rest, delta);
}

function shiftTask(t: Task, delta: number): void {
  shift(t.span, delta);
  shift(t.nameSpan, delta);
}

function shift(s: Span, delta: number): void {
  s.start += delta;
  s.end += delta;
}

function shiftClause(c: Clause, delta: number): void {
  shift(c.span, delta);
  shift(c.contentSpan, delta);
  if (c.openSpan) shift(c.openSpan, delta);
  if (c.closeSpan) shift(c.closeSpan, delta);
  for (const p of c.parties) shift(p.span, delta);
  for (const a of c.officials) shift(a.span, delta);
  for (const a of c.deadlines) shift(a.span, delta);
  for (const a of c.roleWords) shift(a.span, delta);
}

/**
 * Reads a plan. With `previous`, lines whose text is unchanged reuse their parse from the
 * previous call; that cache is consumed (its objects now belong to the new model).
 */
export function parsePlan(text: string, previous?: LineCache): { model: PlanModel; cache: LineCache } {
  const lines = new LineIndex(text);
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
  const cache: LineCache = { entries, length: text.length };

  const model: PlanModel = {
    text,
    lines,
    headings: [],
    tasks: [],
    clauses: [],
    paragraphs: [],
    firstListedLeads: false,
    sectionNumbering: 'run-on',
    itemNumbering: 'per-parent',
  };

  // Headings decide where the preamble ends.
  let firstHeading = entries.findIndex((e) => e.heading);
  const noHeadings = firstHeading < 0;
  if (noHeadings) firstHeading = entries.length;

  // Title and preamble: the lines before the first heading.
  const titleIdx = findTitle(entries, firstHeading, lineNo);
  if (titleIdx.length) {
    const first = entries[titleIdx[0]];
    const lastI = titleIdx[titleIdx.length - 1];
    model.title = {
      text: titleIdx.map((i) => entries[i].text).join(''),
      span: { start: first.start, end: lineEnds[lastI] },
    };
    // Only a cover notice (…关于印发X的通知) and no title line of its own: X is the title.
    const notice = titleIdx.length === 1 ? NOTICE.exec(first.text) : null;
    if (notice) {
      const at = first.start + notice.index + notice[0].indexOf(notice[1]);
      model.title = { text: notice[1], span: { start: at, end: at + notice[1].length } };
    }
  }
  const titleSet = new Set(titleIdx);
  for (let i = 0; i < firstHeading; i++) {
    if (!entries[i].noise && FIRST_LISTED.test(entries[i].text)) model.firstListedLeads = true;
  }

  let current: number | undefined; // innermost heading index
  const stack: number[] = []; // open headings, outermost first
  let pendingTask: Task | undefined; // a clause-less paragraph that a clause-only or labelled line may complete
  let labelled: { clause: Clause; index: number } | undefined;
  // A title-only heading (6.坚持最严格的耕地保护制度。) is the task of a clause on the next line.
  let headingTask: Task | undefined;

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const ln: Line = { line: lineNo[i], start: entry.start, end: lineEnds[i] };
    const heading = i >= firstHeading ? entry.heading : undefined;
    let para = entry.para;
    if (para) {
      para.kind = 'body';
      para.line = ln.line;
      para.heading = undefined;
    } else para = entry.para = { kind: 'body', span: { start: ln.start, end: ln.end }, line: ln.line, heading: undefined };

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
    if (!entry.clauses || entry.firstListed !== model.firstListedLeads) {
      readClauses(entry, bodyStart, model.firstListedLeads);
    }
    const clauses = entry.clauses ?? [];
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
          nameSpan: { ...clause.span },
          span: { ...clause.span },
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
    if (!entry.tasks) readTasks(entry, heading);
    headingTask =
      heading && clauses.length === 0 && entry.rest === undefined && heading.title
        ? { name: heading.title, nameSpan: { ...heading.titleSpan }, span: { ...heading.span }, clause: undefined, heading: current, line: ln.line }
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
  finishHeadings(model, text);
  dropUnflaggedTasks(model, text);
  model.sectionNumbering = sectionScheme(model.headings);
  model.itemNumbering = itemScheme(model.headings);
  return { model, cache };
}

function isNoise(line: string): boolean {
  if (NOISE.test(line)) return true;
  return line.length <= 40 && DATE_LINE.test(line) && !/[。，,]/.test(line);
}

function matchHeading(text: string, ln: Line): Heading | undefined {
  const lineText = text.slice(ln.start, ln.end);
  let kind: HeadingKind | undefined;
  let m: RegExpExecArray | null;
  let numberText = '';
  let number: number | undefined;
  if ((m = SECTION.exec(lineText))) {
    kind = 'section';
    numberText = m[1];
    number = parseChineseNumeral(m[1]);
  } else if ((m = SUBITEM.exec(lineText))) {
    kind = 'subitem';
    numberText = m[1];
    number = Number(m[1]);
  } else if ((m = CHAPTER.exec(lineText))) {
    kind = 'chapter';
    numberText = m[1];
    number = parseChineseNumeral(m[1]);
  } else if ((m = ITEM.exec(lineText))) {
    kind = 'item';
    numberText = m[1];
    number = Number(m[1]);
  }
  if (!kind || !m || number === undefined) return undefined;
  const markerEnd = ln.start + m[0].length;
  let titleStart = markerEnd;
  while (titleStart < ln.end && (isBlank(text.charCodeAt(titleStart)) || text[titleStart] === ':' || text[titleStart] === '：')) titleStart++;
  let titleEnd = titleStart;
  while (titleEnd < ln.end && !'。：:；;！？'.includes(text[titleEnd]) && !OPENERS.includes(text[titleEnd])) titleEnd++;
  // `(一)创新口岸管理服务体系(自治区商务厅牵头)`: the title stops at the clause, not at a bracket inside a name.
  if (titleEnd < ln.end && OPENERS.includes(text[titleEnd])) {
    const closeAt = text.slice(titleEnd, ln.end).search(/[)）〕\]】]/);
    const inner = closeAt > 0 ? text.slice(titleEnd + 1, titleEnd + closeAt) : '';
    if (closeAt > 0 && !/牵头|配合|负责|参与|协同|[:：]/.test(inner)) {
      titleEnd += closeAt + 1;
      while (titleEnd < ln.end && !'。：:；;！？'.includes(text[titleEnd]) && !OPENERS.includes(text[titleEnd])) titleEnd++;
    }
  }
  let te = titleEnd;
  while (te > titleStart && isBlank(text.charCodeAt(te - 1))) te--;
  return {
    kind,
    level: LEVEL[kind],
    number,
    numberText,
    marker: text.slice(ln.start, markerEnd),
    markerSpan: { start: ln.start, end: markerEnd },
    title: text.slice(titleStart, te),
    titleSpan: { start: titleStart, end: te },
    span: { start: ln.start, end: ln.end },
    line: ln.line,
    parent: undefined,
    extent: { start: ln.start, end: ln.end },
  };
}

/**
 * A line read afresh, in line offsets, then moved to `start`. Lines read while editing get their
 * own copy; on a first read a slice is fine (it keeps one version, the first, alive at most).
 */
function readLine(lineText: string, start: number, line: number, editing: boolean): LineEntry {
  const own = editing ? detach(lineText) : lineText;
  // All fields from the start: one object shape for every line (the walk over lines stays fast).
  const entry: LineEntry = {
    text: own,
    start: 0,
    noise: isNoise(own),
    heading: undefined,
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

/** Line-local work runs on the entry's own text, in line offsets, then moves back. */
function inLine(entry: LineEntry, work: () => void): void {
  const start = entry.start;
  shiftEntry(entry, -start);
  try {
    work();
  } finally {
    shiftEntry(entry, start);
  }
}

function readClauses(entry: LineEntry, bodyStart: number, firstListed: boolean): void {
  const from = bodyStart - entry.start;
  entry.tasks = undefined;
  entry.rest = undefined;
  entry.clauses = [];
  inLine(entry, () => {
    entry.clauses = findClauses(entry.text, from, entry.text.length);
  });
  entry.firstListed = firstListed;
  if (firstListed) applyFirstListedLeads(entry.clauses);
}

/** A title-only item is a task of its own when the next heading is of its level or above (or none follows). */
function flushes(model: PlanModel, task: Task, next: Heading | undefined): boolean {
  const h = task.heading === undefined ? undefined : model.headings[task.heading];
  return !!h && h.level >= 3 && (!next || next.level <= h.level);
}

/** The tasks a line's clauses close, and what follows the last clause: read once per line text. */
function readTasks(entry: LineEntry, heading: Heading | undefined): void {
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

function findTitle(entries: LineEntry[], firstHeading: number, lineNo: number[]): number[] {
  const limit = Math.min(firstHeading, 40);
  let pick = -1;
  for (let i = 0; i < limit; i++) {
    const e = entries[i];
    const s = e.text;
    if (!e.noise && s.length <= 80 && TITLE_WORDS.test(s) && !/[。：:，,]$/.test(s) && !/通知$/.test(s)) pick = i;
  }
  if (pick < 0) {
    const first = entries.findIndex((e, i) => i < limit && !e.noise);
    if (first < 0 || entries[first].text.length > 60 || /[。，,]/.test(entries[first].text)) return [];
    pick = first;
  }
  // A title may span two or three lines with no blank line between them.
  const out = [pick];
  for (let i = pick - 1; i >= 0 && out.length < 3; i--) {
    const prev = entries[i];
    const s = prev.text;
    if (prev.noise || s.length > 40 || /[。：:，,；;]$/.test(s) || /通知$/.test(s)) break;
    if (!adjacent(lineNo[i], lineNo[out[0]])) break;
    out.unshift(i);
  }
  return out;
}

/** Two lines with no blank line between them (entries carry no line numbers: the caller's do). */
function adjacent(lineA: number, lineB: number): boolean {
  return lineB === lineA + 1;
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

function shorten(s: string): string {
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
    nameSpan = short ? next : { ...heading.titleSpan };
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

function mergeClauses(first: Clause, next: Clause): Clause {
  const groupBase = first.parties.reduce((g, p) => Math.max(g, p.group + 1), 0);
  return newClause(
    { start: first.span.start, end: next.span.end },
    { start: first.contentSpan.start, end: next.contentSpan.end },
    first.form,
    first.open,
    first.close,
    first.unclosed,
    first.mismatched,
    first.openSpan,
    first.closeSpan,
    {
      parties: [...first.parties, ...next.parties.map((p) => ({ ...p, span: { ...p.span }, group: p.group + groupBase }))],
      officials: [...first.officials, ...next.officials],
      deadlines: [...first.deadlines, ...next.deadlines],
      roleWords: [...first.roleWords, ...next.roleWords],
    },
  );
}

/** Each heading's extent runs to the end of the last non-blank line before the next heading of its level or above. */
function finishHeadings(model: PlanModel, text: string): void {
  const hs = model.headings;
  let lastEnd = text.length;
  while (lastEnd > 0 && (isBlank(text.charCodeAt(lastEnd - 1)) || text[lastEnd - 1] === '\n' || text[lastEnd - 1] === '\r')) lastEnd--;
  const contentEnds: number[] = [];
  for (const p of model.paragraphs) if (p.kind !== 'noise') contentEnds.push(p.span.end);
  for (let i = 0; i < hs.length; i++) {
    let j = i + 1;
    while (j < hs.length && hs[j].level > hs[i].level) j++;
    const limit = j < hs.length ? hs[j].span.start : lastEnd + 1;
    // the last paragraph end before `limit`
    let end = hs[i].span.end;
    let lo = 0;
    let hi = contentEnds.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (contentEnds[mid] < limit) {
        end = Math.max(end, contentEnds[mid]);
        lo = mid + 1;
      } else hi = mid - 1;
    }
    hs[i].extent = { start: hs[i].span.start, end };
  }
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

function sectionScheme(headings: Heading[]): 'run-on' | 'per-chapter' {
  let restarts = 0;
  let continues = 0;
  let prevSection = 0;
  let seenInChapter = true;
  for (const h of headings) {
    if (h.kind === 'chapter') seenInChapter = false;
    else if (h.kind === 'section') {
      if (!seenInChapter && prevSection > 0) {
        // A chapter whose first section does not go on from the last one restarts (its (一)
        // may have been deleted: (二) after (五) is a restart too).
        if (h.number <= prevSection) restarts++;
        else continues++;
      }
      seenInChapter = true;
      prevSection = h.number;
    }
  }
  return restarts > continues ? 'per-chapter' : 'run-on';
}

/**
 * Items under a new parent either restart (1. again) or go on from the last item: State Council
 * 分工意见 number their tasks 1. to 70. straight through every section.
 */
function itemScheme(headings: Heading[]): 'run-on' | 'per-parent' {
  let restarts = 0;
  let continues = 0;
  let prev: Heading | undefined;
  for (const h of headings) {
    if (h.kind !== 'item') continue;
    if (prev && prev.parent !== h.parent) {
      if (h.number <= prev.number) restarts++;
      else continues++;
    }
    prev = h;
  }
  return continues > restarts ? 'run-on' : 'per-parent';
}

/** Where the notice says the first-listed unit leads, a clause without a lead gets its first party as lead. */
function applyFirstListedLeads(clauses: Clause[]): void {
  for (const c of clauses) {
    if (c.parties.length === 0 || c.parties.some((p) => p.role === 'lead')) continue;
    c.parties[0].role = 'lead';
    for (let i = 1; i < c.parties.length; i++) if (c.parties[i].role === 'responsible') c.parties[i].role = 'cooperating';
  }
}
