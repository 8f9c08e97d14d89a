// Workspace symbols: every heading and task of every plan whose name (or lead) contains the
// query, in outline order, at most `limit` of them.
import type { PlanModel } from '../model';
import type { Span } from '../text';
import { buildOutline, type OutlineNode } from './outline';

export interface WorkspaceSymbol<D> {
  doc: D;
  name: string;
  kind: OutlineNode['kind'];
  selectionSpan: Span;
  /** The heading it is under, or the plan's title. */
  container?: string;
  model: PlanModel;
}

export function workspaceSymbols<D>(plans: Iterable<[D, PlanModel]>, query: string, limit = 1000): WorkspaceSymbol<D>[] {
  const q = query.trim();
  const out: WorkspaceSymbol<D>[] = [];
  for (const [doc, model] of plans) {
    const walk = (nodes: OutlineNode[], container?: string) => {
      for (const n of nodes) {
        if (out.length >= limit) return;
        const name = (n.number + n.title).trim();
        if (!q || name.includes(q) || (n.detail ?? '').includes(q)) out.push({ doc, name, kind: n.kind, selectionSpan: n.selectionSpan, container, model });
        walk(n.children, name);
      }
    };
    walk(buildOutline(model), model.title?.text);
    if (out.length >= limit) break;
  }
  return out;
}
