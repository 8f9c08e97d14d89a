// One body written under two names in one plan (内蒙古民航机场集团 and 内蒙古民航机场集团公司). The
// names each agency is written under are kept in an index that follows the plan's clauses from
// one analysis to the next: a keystroke adds and drops the clauses of the lines it touched, so
// the check costs what the edit changed, not a walk over every party.
import type { Clause, Party } from '../model';
import { normalizeName, type Registry } from '../registry/registry';

export class NameIndex {
  /** How many parties write agency id under a name: key `id` + U+0001 + `name` (one flat map, not one per agency). */
  private readonly counts = new Map<string, number>();
  /** How many names each agency is written under. */
  private readonly names = new Map<string, number>();
  /** Agencies written under two names or more: the only ones findings come from. */
  private readonly twice = new Set<string>();
  /** For those only, the clauses that name them (found when first asked, then kept up to date). */
  private readonly clausesOf = new Map<string, Set<Clause>>();
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
      const id = p.agencyId;
      if (id === undefined) continue;
      const key = `${id}\u0001${p.name}`;
      const n = this.counts.get(key) ?? 0;
      this.counts.set(key, n + 1);
      if (n === 0) {
        const names = (this.names.get(id) ?? 0) + 1;
        this.names.set(id, names);
        if (names > 1) this.twice.add(id);
      }
      this.clausesOf.get(id)?.add(c);
    }
  }

  private remove(c: Clause): void {
    this.counted.delete(c);
    for (const p of c.parties) {
      const id = p.agencyId;
      if (id === undefined) continue;
      const key = `${id}\u0001${p.name}`;
      const n = this.counts.get(key);
      if (!n) continue;
      if (n > 1) {
        this.counts.set(key, n - 1);
        continue;
      }
      this.counts.delete(key);
      const names = (this.names.get(id) ?? 1) - 1;
      if (names > 0) this.names.set(id, names);
      else this.names.delete(id);
      if (names < 2) {
        this.twice.delete(id);
        this.clausesOf.delete(id);
      }
    }
    for (const p of c.parties) if (p.agencyId !== undefined) this.clausesOf.get(p.agencyId)?.delete(c);
  }

  /** The clauses naming agency id (kept from here on while it is written two ways). */
  private clausesNaming(id: string): Set<Clause> {
    let set = this.clausesOf.get(id);
    if (!set) {
      set = new Set();
      for (const c of this.clauses) for (const p of c.parties) if (p.agencyId === id) set.add(c);
      this.clausesOf.set(id, set);
    }
    return set;
  }

  /**
   * The parties written under a name other than the one to keep (the registry's, where the plan
   * uses it; else the most used), with that name, in document order.
   */
  misnamed(): { party: Party; keep: string }[] {
    const out: { party: Party; keep: string }[] = [];
    for (const id of this.twice) {
      // name → how many parties write it, and where first
      const byName = new Map<string, { count: number; at: number; parties: Party[] }>();
      let agency = '';
      for (const c of this.clausesNaming(id)) {
        for (const p of c.parties) {
          if (p.agencyId !== id) continue;
          agency ||= p.agency ?? '';
          let n = byName.get(p.name);
          if (!n) byName.set(p.name, (n = { count: 0, at: Infinity, parties: [] }));
          n.count++;
          n.at = Math.min(n.at, p.span.start);
          n.parties.push(p);
        }
      }
      const canonical = normalizeName(agency);
      let keep = byName.has(canonical) ? canonical : '';
      if (!keep) {
        // The most used name; of equals, the one written first (whatever order the edits came in).
        let best = { count: -1, at: Infinity };
        for (const [name, n] of byName) if (n.count > best.count || (n.count === best.count && n.at < best.at)) (best = n), (keep = name);
      }
      for (const [name, n] of byName) if (name !== keep) for (const party of n.parties) out.push({ party, keep });
    }
    return out.sort((a, b) => a.party.span.start - b.party.span.start);
  }
}
