// Folding: chapters, sections and items to their last paragraph; tasks that span lines.
import type { PlanModel } from '../model';

export interface Fold {
  startLine: number;
  endLine: number;
}

export function foldingRanges(model: PlanModel): Fold[] {
  const out: Fold[] = [];
  const add = (start: number, end: number) => {
    const s = model.lines.lineAt(start);
    const e = model.lines.lineAt(end);
    if (e > s) out.push({ startLine: s, endLine: e });
  };
  for (const h of model.headings) add(h.extent.start, h.extent.end);
  for (const t of model.tasks) add(t.span.start, t.span.end);
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
