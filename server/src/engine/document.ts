// Text → document model: title, preamble, chapters, sections, items, tasks and clauses.
// One pass over the lines; clause finding is per paragraph (see clause.ts). Never throws.
import type { Clause, Heading, HeadingKind, Paragraph, PlanModel, Task } from './model';
import { findClauses, LABELS, OPENERS } from './clause';
import { parseChineseNumeral } from './numerals';
import { isBlank, LineIndex, type Span } from './text';

const CHAPTER = /^([零〇一二三四五六七八九十百两]{1,4})[ \t\u3000]*[、．.]/;
const SECTION = /^[(（][ \t\u3000]*([零〇一二三四五六七八九十百两]{1,4})[ \t\u3000]*[)）]/;
const ITEM = /^(\d{1,3})[ \t\u3000]*[.．、﹒](?!\d)/;
const SUBITEM = /^[(（][ \t\u3000]*(\d{1,3})[ \t\u3000]*[)）]/;

// Web-page noise: dates, 来源:, 阅读量:, 分类:, 回到顶部, print and share links.
const NOISE = /来源[:：]|阅读量|阅读次数|浏览次数|点击数|点击量|^分类[:：]|回到顶部|返回顶部|发布时间|发布日期|字号[:：]|打印本页|【打印|关闭窗口|分享到|责任编辑|扫一扫|【字体|^标签[:：]|^上一篇|^下一篇/;
const DATE_LINE = /^\d{4}[-年/.]\d{1,2}([-月/.]\d{1,2}日?)?/;
const TITLE_WORDS = /分工方案|分工的意见|任务分工|责任分解|分工表|工作分工|方案$|意见$|安排$|清单$/;
const FIRST_LISTED = /(列|排)(在)?(第一位|首位)的?(单位)?(为|是)牵头|第一个?单位为牵头|排名第一的为牵头/;

const LEVEL: Record<HeadingKind, 1 | 2 | 3 | 4> = { chapter: 1, section: 2, item: 3, subitem: 4 };

interface Line {
  line: number;
  start: number; // first non-blank character
  end: number; // after the last non-blank character
}

export function parsePlan(text: string): PlanModel {
  // A BOM is not part of the first line's text.
  const lines = new LineIndex(text);
  const nonBlank: Line[] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    let s = lines.starts[l];
    let e = lines.lineEnd(l);
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) nonBlank.push({ line: l, start: s, end: e });
  }

  const model: PlanModel = {
    text,
    lines,
    headings: [],
    tasks: [],
    clauses: [],
    paragraphs: [],
    firstListedLeads: false,
    sectionNumbering: 'run-on',
  };

  // Headings first: they decide where the preamble ends.
  const headingAt = new Map<number, Heading>();
  let firstHeadingLine = -1;
  for (const ln of nonBlank) {
    const h = matchHeading(text, ln);
    if (h) {
      headingAt.set(ln.line, h);
      if (firstHeadingLine < 0) firstHeadingLine = ln.line;
    }
  }

  // Title and preamble: the lines before the first heading.
  const before = nonBlank.filter((ln) => firstHeadingLine < 0 || ln.line < firstHeadingLine);
  const titleLines = findTitle(text, before);
  if (titleLines.length) {
    const first = titleLines[0];
    const last = titleLines[titleLines.length - 1];
    model.title = {
      text: titleLines.map((ln) => text.slice(ln.start, ln.end)).join(''),
      span: { start: first.start, end: last.end },
    };
  }
  const titleSet = new Set(titleLines.map((ln) => ln.line));

  let current: number | undefined; // innermost heading index
  const stack: number[] = []; // open headings, outermost first
  let pendingTask: Task | undefined; // a clause-less paragraph that a clause-only or labelled line may complete
  let lastLabelled: Clause | undefined;
  const noHeadings = firstHeadingLine < 0;

  for (const ln of nonBlank) {
    const span: Span = { start: ln.start, end: ln.end };
    const lineText = text.slice(ln.start, ln.end);
    const heading = headingAt.get(ln.line);
    const para: Paragraph = { kind: 'body', span, line: ln.line };

    if (titleSet.has(ln.line)) {
      para.kind = 'title';
    } else if (isNoise(lineText)) {
      para.kind = 'noise';
    } else if (!noHeadings && ln.line < firstHeadingLine) {
      para.kind = 'preamble';
      model.preamble = model.preamble ? { start: model.preamble.start, end: ln.end } : span;
      if (FIRST_LISTED.test(lineText)) model.firstListedLeads = true;
    } else if (heading) {
      para.kind = 'heading';
      while (stack.length && model.headings[stack[stack.length - 1]].level >= heading.level) stack.pop();
      heading.parent = stack.length ? stack[stack.length - 1] : undefined;
      model.headings.push(heading);
      stack.push(model.headings.length - 1);
      current = model.headings.length - 1;
    }
    para.heading = current;
    if (titleSet.has(ln.line) && FIRST_LISTED.test(lineText)) model.firstListedLeads = true;
    model.paragraphs.push(para);
    if (para.kind !== 'heading' && para.kind !== 'body') {
      lastLabelled = undefined;
      continue;
    }

    const bodyStart = heading ? heading.titleSpan.start : ln.start;
    const clauses = findClauses(text, bodyStart, ln.end);
    LABELS.lastIndex = 0;
    const labelledLine = !heading && clauses.length === 1 && clauses[0].form === 'labelled' && clauses[0].span.start === ln.start;
    const clauseOnly = !heading && clauses.length === 1 && clauses[0].form === 'bracket' && clauses[0].span.start === ln.start;

    if (labelledLine || clauseOnly) {
      para.kind = labelledLine ? 'labelled' : 'clause-only';
      const clause = clauses[0];
      if (labelledLine && lastLabelled) {
        // 牵头单位:… / 责任单位:… on consecutive lines make one clause.
        mergeClause(lastLabelled, clause);
        continue;
      }
      model.clauses.push(clause);
      if (pendingTask && !pendingTask.clause) {
        pendingTask.clause = clause;
        pendingTask.span = { start: pendingTask.span.start, end: clause.span.end };
      } else {
        model.tasks.push({
          name: nameOf(text, clause.span.start, clause.span.end) || clause.parties[0]?.name || '',
          nameSpan: clause.span,
          span: clause.span,
          clause,
          heading: current,
          line: ln.line,
        });
      }
      pendingTask = undefined;
      lastLabelled = labelledLine ? clause : undefined;
      continue;
    }
    lastLabelled = undefined;
    pendingTask = undefined;

    // A paragraph holds one task per clause; text after the last clause may be a task still waiting for one.
    let segStart = bodyStart;
    for (let k = 0; k < clauses.length; k++) {
      const clause = clauses[k];
      model.clauses.push(clause);
      const task = makeTask(text, segStart, clause.span.start, k === 0 ? heading : undefined, current, ln.line);
      task.clause = clause;
      task.span = { start: task.span.start, end: clause.span.end };
      model.tasks.push(task);
      segStart = skipFiller(text, clause.span.end, ln.end);
    }
    const restLen = ln.end - segStart;
    const isTitleOnly = heading && clauses.length === 0 && afterTitle(text, heading, ln.end) >= ln.end;
    if (restLen > 0 && !isTitleOnly) {
      const rest = text.slice(segStart, ln.end);
      if (!heading && restLen <= 25 && !/[。，,；;：:]/.test(rest)) {
        para.kind = clauses.length ? para.kind : 'signature';
        continue;
      }
      const task = makeTask(text, segStart, ln.end, clauses.length === 0 ? heading : undefined, current, ln.line);
      pendingTask = task;
      (task as PendingTask).pending = true;
      model.tasks.push(task);
    }
  }

  finishHeadings(model, text);
  dropUnflaggedTasks(model, text);
  model.sectionNumbering = sectionScheme(model.headings);
  if (model.firstListedLeads) applyFirstListedLeads(model.clauses);
  return model;
}

interface PendingTask extends Task {
  pending?: boolean;
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
    extent: { start: ln.start, end: ln.end },
  };
}

/** Where a heading's body text starts: after its title and the title's full stop. */
function afterTitle(text: string, h: Heading, lineEnd: number): number {
  let i = h.titleSpan.end;
  while (i < lineEnd && (isBlank(text.charCodeAt(i)) || '。：:；;！？'.includes(text[i]))) i++;
  return i;
}

function findTitle(text: string, before: Line[]): Line[] {
  const candidates = before.slice(0, 40).filter((ln) => {
    const s = text.slice(ln.start, ln.end);
    return s.length <= 80 && TITLE_WORDS.test(s) && !/[。：:，,]$/.test(s) && !/通知$/.test(s) && !isNoise(s);
  });
  let pick = candidates[candidates.length - 1];
  if (!pick) {
    const first = before.find((ln) => !isNoise(text.slice(ln.start, ln.end)));
    if (!first || first.end - first.start > 60 || /[。，,]/.test(text.slice(first.start, first.end))) return [];
    pick = first;
  }
  // A title may span two or three lines with no blank line between them.
  const out = [pick];
  let idx = before.indexOf(pick);
  while (out.length < 3 && idx > 0) {
    const prev = before[idx - 1];
    const s = text.slice(prev.start, prev.end);
    if (prev.line !== out[0].line - 1 || s.length > 40 || /[。：:，,；;]$/.test(s) || /通知$/.test(s) || isNoise(s)) break;
    out.unshift(prev);
    idx--;
  }
  return out;
}

function skipFiller(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (isBlank(text.charCodeAt(i)) || '。；;，,'.includes(text[i]))) i++;
  return i;
}

const NAME_MAX = 24;

/** The first sentence of `[from, to)`, up to 。/：/； or the end. */
function sentenceSpan(text: string, from: number, to: number): Span {
  let s = from;
  while (s < to && isBlank(text.charCodeAt(s))) s++;
  let e = s;
  while (e < to && !'。：:；;！？'.includes(text[e])) e++;
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
    nameSpan = short ? next : heading.titleSpan;
  } else {
    nameSpan = sentenceSpan(text, from, to);
  }
  return {
    name: shorten(text.slice(nameSpan.start, nameSpan.end)),
    nameSpan,
    span: { start: heading ? heading.span.start : from, end: to },
    heading: current,
    line,
  };
}

function mergeClause(into: Clause, next: Clause): void {
  const groupBase = into.parties.reduce((g, p) => Math.max(g, p.group + 1), 0);
  into.parties.push(...next.parties.map((p) => ({ ...p, group: p.group + groupBase })));
  into.officials.push(...next.officials);
  into.deadlines.push(...next.deadlines);
  into.roleWords.push(...next.roleWords);
  into.span = { start: into.span.start, end: next.span.end };
  into.contentSpan = { start: into.contentSpan.start, end: next.contentSpan.end };
}

/** Each heading's extent runs to the end of the last non-blank line before the next heading of its level or above. */
function finishHeadings(model: PlanModel, text: string): void {
  const hs = model.headings;
  let lastEnd = text.length;
  while (lastEnd > 0 && (isBlank(text.charCodeAt(lastEnd - 1)) || text[lastEnd - 1] === '\n' || text[lastEnd - 1] === '\r')) lastEnd--;
  const contentEnds = model.paragraphs.filter((p) => p.kind !== 'noise').map((p) => p.span.end);
  const paraStarts = model.paragraphs.map((p) => p.span.start);
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
    void paraStarts;
    hs[i].extent = { start: hs[i].span.start, end };
  }
}

/**
 * A paragraph without a clause is only a task missing its clause where the tasks around it have
 * clauses: 总体要求 and 保障措施 parts carry none, and a lead-in ending in a colon is no task.
 */
function dropUnflaggedTasks(model: PlanModel, text: string): void {
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
        if (h.number === 1) restarts++;
        else continues++;
      }
      seenInChapter = true;
      prevSection = h.number;
    }
  }
  return restarts > continues ? 'per-chapter' : 'run-on';
}

/** Where the notice says the first-listed unit leads, a clause without a lead gets its first party as lead. */
function applyFirstListedLeads(clauses: Clause[]): void {
  for (const c of clauses) {
    if (c.parties.length === 0 || c.parties.some((p) => p.role === 'lead')) continue;
    c.parties[0].role = 'lead';
    for (let i = 1; i < c.parties.length; i++) if (c.parties[i].role === 'responsible') c.parties[i].role = 'cooperating';
  }
}
