// Selection ranges, innermost first: party → clause content → clause → task → headings → document.
import type { PlanModel } from '../model';
import { clauseAt, partyAt, taskAt } from './at';
import type { Span } from '../text';

export function selectionSpans(model: PlanModel, offset: number): Span[] {
  const spans: Span[] = [];
  const push = (s: Span | undefined) => {
    if (!s) return;
    const last = spans[spans.length - 1];
    if (last && s.start === last.start && s.end === last.end) return;
    if (last && (s.start > last.start || s.end < last.end)) return; // must contain the previous one
    spans.push(s);
  };
  push(partyAt(model, offset)?.party.span);
  const clause = clauseAt(model, offset);
  if (clause && offset >= clause.contentSpan.start && offset <= clause.contentSpan.end) push(clause.contentSpan);
  push(clause?.span);
  push(taskAt(model, offset)?.span);
  const containing = model.headings.filter((h) => offset >= h.extent.start && offset <= h.extent.end).sort((a, b) => b.level - a.level);
  for (const h of containing) push(h.extent);
  push({ start: 0, end: model.text.length });
  return spans;
}
