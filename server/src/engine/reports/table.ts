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
import type { Span } from '../text';

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
