// One body written under two names in one plan (内蒙古民航机场集团 and 内蒙古民航机场集团公司). The
// names each agency is written under are kept in an index that follows the plan's clauses from
// one analysis to the next: a keystroke adds and drops the clauses of the lines it touched, so
// the check costs what the edit changed, not a walk over every party.
import type { Clause, Party } from '../model';
import { normalizeName, type Registry } from '../registry/registry';

export class NameIndex {
  /** agency id → the names it is written under → the clauses that write it so. */
  private readonly byAgency = new Map<string, Map<string, Set<Clause>>>();
  /** Agencies written under two names or more: the only ones findings come from. */
  private readonly twice = new Set<string>();
  private clauses: readonly Clause[] = [];
  private readonly counted = new WeakSet<Clause>();

  constructor(readonly registry: Registry | undefined) {}

  /**
   * Brings the index to `clauses`: the ones gone are taken out, the new ones put in. An edit
   * keeps the clauses before and after it as the same objects, in order, so comparing the two
   * lists from both ends finds the changed run without hashing every clause.
   */
  update(clauses: readonly Clause[]): void {
    const old = this.clauses;
    if (clauses === old) return;
    const m = Math.min(old.length, clauses.length);
    let a = 0;
    while (a < m && old[a] === clauses[a]) a++;
    let b = 0;
    while (b < m - a && old[old.length - 1 - b] === clauses[clauses.length - 1 - b]) b++;
    for (let k = a; k < old.length - b; k++) if (this.counted.has(old[k])) this.remove(old[k]);
    for (let k = a; k < clauses.length - b; k++) if (!this.counted.has(clauses[k])) this.add(clauses[k]);
    this.clauses = clauses;
  }

  private add(c: Clause): void {
    this.counted.add(c);
    for (const p of c.parties) {
      if (p.agencyId === undefined) continue;
      let byName = this.byAgency.get(p.agencyId);
      if (!byName) this.byAgency.set(p.agencyId, (byName = new Map()));
      let set = byName.get(p.name);
      if (!set) byName.set(p.name, (set = new Set()));
      set.add(c);
      if (byName.size > 1) this.twice.add(p.agencyId);
    }
  }

  private remove(c: Clause): void {
    this.counted.delete(c);
    for (const p of c.parties) {
      if (p.agencyId === undefined) continue;
      const byName = this.byAgency.get(p.agencyId);
      const set = byName?.get(p.name);
      if (!byName || !set) continue;
      set.delete(c);
      if (!set.size) byName.delete(p.name);
      if (!byName.size) this.byAgency.delete(p.agencyId);
      if ((byName.size ?? 0) < 2) this.twice.delete(p.agencyId);
    }
  }

  /**
   * The parties written under a name other than the one to keep (the registry's, where the plan
   * uses it; else the most used), with that name, in document order.
   */
  misnamed(): { party: Party; keep: string }[] {
    const out: { party: Party; keep: string }[] = [];
    for (const id of this.twice) {
      const byName = this.byAgency.get(id)!;
      let agency = '';
      for (const set of byName.values()) {
        const c = set.values().next().value!;
        agency = c.parties.find((p) => p.agencyId === id)?.agency ?? '';
        break;
      }
      const canonical = normalizeName(agency);
      let keep = byName.has(canonical) ? canonical : '';
      if (!keep) {
        // The most used name; of equals, the one written first (whatever order the edits came in).
        let best = { count: -1, at: Infinity };
        for (const [name, set] of byName) {
          let count = 0;
          let at = Infinity;
          for (const c of set) for (const p of c.parties) if (p.agencyId === id && p.name === name) (count++, (at = Math.min(at, p.span.start)));
          if (count > best.count || (count === best.count && at < best.at)) (best = { count, at }), (keep = name);
        }
      }
      for (const [name, set] of byName) {
        if (name === keep) continue;
        for (const c of set) for (const p of c.parties) if (p.agencyId === id && p.name === name) out.push({ party: p, keep });
      }
    }
    return out.sort((a, b) => a.party.span.start - b.party.span.start);
  }
}
