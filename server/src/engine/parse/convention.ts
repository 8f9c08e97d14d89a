// The document's own convention: "the first-listed unit leads" (列第一位的为牵头单位), stated in
// the notice, the preamble or inside a clause. From the statement on, a clause without an
// explicit lead gets its first party as lead and the rest as cooperating.
import type { Clause, Party } from '../model';

export const FIRST_LISTED = /(列|排)(在)?(第一位|首位)的?(单位)?(为|是)牵头|第一个?单位为牵头|排名第一的为牵头/;

export function statesFirstListed(text: string): boolean {
  return FIRST_LISTED.test(text);
}

/** The first party leads, the others cooperate, unless the clause names a lead itself. */
export function applyFirstListed(parties: Party[]): void {
  if (parties.length === 0 || parties.some((p) => p.role === 'lead')) return;
  parties[0].role = 'lead';
  for (let i = 1; i < parties.length; i++) if (parties[i].role === 'responsible') parties[i].role = 'cooperating';
}

export function applyFirstListedLeads(clauses: Clause[]): void {
  for (const c of clauses) applyFirstListed(c.parties);
}
