// Where an agency is named, under any of its names: references, highlights, hover counts, rename.
import type { Clause, Party, PlanModel, Task } from '../model';
import { agencyKey } from './at';

export interface Occurrence {
  party: Party;
  clause: Clause;
  task?: Task;
}

export function occurrencesOf(model: PlanModel, key: string): Occurrence[] {
  const out: Occurrence[] = [];
  const taskOf = new Map<Clause, Task>();
  for (const t of model.tasks) if (t.clause) taskOf.set(t.clause, t);
  for (const clause of model.clauses) {
    for (const party of clause.parties) if (agencyKey(party) === key) out.push({ party, clause, task: taskOf.get(clause) });
  }
  return out;
}

export interface Load {
  lead: number;
  cooperating: number;
  responsible: number;
}

/** How many tasks each agency leads, cooperates on, or is responsible for. */
export function loadByAgency(model: PlanModel): Map<string, Load> {
  const out = new Map<string, Load>();
  for (const clause of model.clauses) {
    const seen = new Set<string>();
    for (const p of clause.parties) {
      if (p.collective) continue;
      const key = agencyKey(p);
      const k = `${key}\u0000${p.role}`;
      if (seen.has(k)) continue;
      seen.add(k);
      let load = out.get(key);
      if (!load) out.set(key, (load = { lead: 0, cooperating: 0, responsible: 0 }));
      load[p.role]++;
    }
  }
  return out;
}
