// Semantic tokens: lead, cooperating, responsible and unknown agencies told apart, plus role words.
import type { PlanModel } from '../model';
import type { Span } from '../text';

export const TOKEN_TYPES = ['agencyLead', 'agencyCooperating', 'agencyResponsible', 'roleWord', 'official', 'deadline'] as const;
export const TOKEN_MODIFIERS = ['unknown', 'alias', 'collective'] as const;

export interface Token {
  span: Span;
  type: number;
  modifiers: number;
}

const TYPE = { lead: 0, cooperating: 1, responsible: 2 } as const;

export function semanticTokens(model: PlanModel, registryInEffect: boolean): Token[] {
  const out: Token[] = [];
  for (const c of model.clauses) {
    const items: Token[] = [];
    for (const p of c.parties) {
      let mods = 0;
      if (p.collective) mods |= 4;
      else if (registryInEffect && !p.agency) mods |= 1;
      else if (p.agency && p.agency !== p.name) mods |= 2;
      items.push({ span: p.span, type: TYPE[p.role], modifiers: mods });
    }
    for (const r of c.roleWords) items.push({ span: r.span, type: 3, modifiers: 0 });
    for (const o of c.officials) items.push({ span: o.span, type: 4, modifiers: 0 });
    for (const d of c.deadlines) items.push({ span: d.span, type: 5, modifiers: 0 });
    items.sort((a, b) => a.span.start - b.span.start);
    out.push(...items);
  }
  return out;
}
