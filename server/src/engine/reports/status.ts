// A plan's status at a glance: the registry in effect and how many agencies, tasks and
// clauses it has (the editor's language status item).
import type { Analysis } from '../analyze';
import { agencyKey } from '../features/at';
import { registryLabel } from '../features/sources';

export interface PlanStatus {
  /** The registry in effect for a person, or null when none fits. */
  registry: string | null;
  registryAgencies: number;
  agencies: number;
  tasks: number;
  clauses: number;
}

export function planStatus(a: Analysis): PlanStatus {
  const agencies = new Set<string>();
  for (const c of a.model.clauses) for (const p of c.parties) if (!p.collective) agencies.add(agencyKey(p));
  return {
    registry: a.registry ? registryLabel(a.registry) : null,
    registryAgencies: a.registry?.size ?? 0,
    agencies: agencies.size,
    tasks: a.model.tasks.length,
    clauses: a.model.clauses.length,
  };
}
