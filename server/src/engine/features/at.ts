// What stands at an offset: the clause, the party, the task. Binary searches over the model.
import type { Clause, Party, PlanModel, Task } from '../model';

function bsearch<T>(items: T[], offset: number, spanOf: (t: T) => { start: number; end: number }): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spanOf(items[mid]);
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return items[mid];
  }
  return undefined;
}

export function clauseAt(model: PlanModel, offset: number): Clause | undefined {
  return bsearch(model.clauses, offset, (c) => c.span);
}

export function partyAt(model: PlanModel, offset: number): { clause: Clause; party: Party } | undefined {
  const clause = clauseAt(model, offset);
  if (!clause) return undefined;
  const party = clause.parties.find((p) => offset >= p.span.start && offset <= p.span.end);
  return party ? { clause, party } : undefined;
}

export function taskAt(model: PlanModel, offset: number): Task | undefined {
  return bsearch(model.tasks, offset, (t) => t.span);
}

/** The key parties are grouped by: the registry agency, else the name as restored. */
export function agencyKey(p: Party): string {
  return p.agency ?? p.name;
}
