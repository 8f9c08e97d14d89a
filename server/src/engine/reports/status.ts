// A plan's status at a glance: the registry in effect and how many agencies, tasks and
// clauses it has (the editor's language status item).
import type { Analysis } from '../analyze';
import { agencyKey } from '../features/at';
import { registryLabel } from '../features/sources';
import { placeName } from '../registry/places';

export interface PlanStatus {
  /** The registry in effect for a person, or null when none fits. */
  registry: string | null;
  /** The place the registry is for (北京市大兴区, 广东省), or null for a national plan. */
  place: string | null;
  /** The plan's year, as the registry reads names at (from the 文号, the date line or the title), or null. */
  year: number | null;
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
    place: placeName(a.place) ?? null,
    year: a.registry?.date?.year ?? a.model.date?.date.year ?? null,
    registryAgencies: a.registry?.size ?? 0,
    agencies: agencies.size,
    tasks: a.model.tasks.length,
    clauses: a.model.clauses.length,
  };
}
