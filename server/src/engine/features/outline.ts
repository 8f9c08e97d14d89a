// The outline: chapters, then sections, then items, then tasks, each with its range.
import type { HeadingKind, PlanModel, Task } from '../model';
import type { Span } from '../text';

export interface OutlineNode {
  kind: HeadingKind | 'task';
  number: string;
  title: string;
  /** The whole extent: a heading to its last paragraph, a task to its clause's end. */
  span: Span;
  /** What to select: a heading's marker and title, a task's name. */
  selectionSpan: Span;
  line: number;
  /** For a task: its lead(s), else its responsible parties. */
  detail?: string;
  task?: Task;
  children: OutlineNode[];
}

export function leadsOf(task: Task): string[] {
  const parties = task.clause?.parties ?? [];
  const leads = parties.filter((p) => p.role === 'lead').map((p) => p.name);
  return leads.length ? leads : parties.filter((p) => p.role === 'responsible').map((p) => p.name);
}

export function buildOutline(model: PlanModel): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const nodes: OutlineNode[] = model.headings.map((h) => ({
    kind: h.kind,
    number: h.marker.trim(),
    title: h.title,
    span: h.extent,
    selectionSpan: { start: h.markerSpan.start, end: Math.max(h.titleSpan.end, h.markerSpan.end) },
    line: h.line,
    children: [],
  }));
  model.headings.forEach((h, i) => {
    const parent = h.parent === undefined ? undefined : nodes[h.parent];
    (parent ? parent.children : roots).push(nodes[i]);
  });
  for (const task of model.tasks) {
    const node: OutlineNode = {
      kind: 'task',
      number: '',
      title: task.name,
      span: task.span,
      selectionSpan: task.nameSpan,
      line: task.line,
      detail: leadsOf(task).join('、') || undefined,
      task,
      children: [],
    };
    const parent = task.heading === undefined ? undefined : nodes[task.heading];
    (parent ? parent.children : roots).push(node);
  }
  // Tasks were appended after sub-headings: restore document order.
  const sort = (list: OutlineNode[]) => {
    list.sort((a, b) => a.span.start - b.span.start);
    for (const n of list) if (n.children.length) sort(n.children);
  };
  sort(roots);
  return roots;
}
