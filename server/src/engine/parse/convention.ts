// The document's own convention: "the first-listed unit leads" (列第一位的为牵头单位), stated in
// the notice, the preamble or inside a clause. From the statement on, a clause without an
// explicit lead gets its first party as lead and the rest as cooperating.
import type { Clause, Party } from '../model';

// 列第一位的为牵头单位, 排在第一位的部门为牵头部门, 列第一位者为牵头单位, 排名第一的为牵头单位,
// 第一个单位为牵头单位, 列在首位的是牵头单位, 排在前面的为牵头单位 … (read on the simplified shadow).
export const FIRST_LISTED = /(列|排)(在|名|序|列)?(第一位|第一|首位|前面|最前)(的|者)?(单位|部门)?(为|是|即为)(牵头|主办|主责)|(第一个|首个|首位|第一)(责任)?(单位|部门)(为|是)(牵头|主办)/;

export function statesFirstListed(text: string): boolean {
  return FIRST_LISTED.test(text);
}

/** The first party leads, the others cooperate, unless the clause names a lead itself. */
export function applyFirstListed(parties: Party[]): void {
  // A clause that names a lead itself keeps it; one that starts with a collective (各省级人民政府负责) has none.
  if (parties.length === 0 || parties[0].collective || parties.some((p) => p.role === 'lead')) return;
  parties[0].role = 'lead';
  for (let i = 1; i < parties.length; i++) if (parties[i].role === 'responsible') parties[i].role = 'cooperating';
}

export function applyFirstListedLeads(clauses: Clause[]): void {
  for (const c of clauses) applyFirstListed(c.parties);
}
