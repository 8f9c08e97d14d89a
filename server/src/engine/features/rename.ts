// Renaming an agency across a document: every party naming it, under any of its names, with
// carried prefixes kept right (a group's first name may carry its prefix to the names after it).
import { agencyKey, partyAt } from './at';
import type { PlanModel } from '../model';
import { writtenFormIn } from '../parse/names';
import type { TextEdit } from '../edits';
import type { Span } from '../text';

export function prepareRenameAt(model: PlanModel, offset: number): { span: Span; placeholder: string } | undefined {
  const hit = partyAt(model, offset);
  if (!hit || hit.party.collective) return undefined;
  return { span: hit.party.span, placeholder: agencyKey(hit.party) };
}

export function renameEdits(model: PlanModel, key: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const clause of model.clauses) {
    const parties = clause.parties;
    for (let i = 0; i < parties.length; i++) {
      const p = parties[i];
      if (agencyKey(p) !== key) continue;
      edits.push({ span: p.span, newText: writtenFormIn(p.prefix, newName) });
      // A group's first name that loses its prefix must not take it from the names after it.
      const firstOfGroup = i === 0 || parties[i - 1].group !== p.group;
      if (!firstOfGroup) continue;
      for (let j = i + 1; j < parties.length && parties[j].group === p.group; j++) {
        const q = parties[j];
        if (!q.prefix || newName.startsWith(q.prefix) || agencyKey(q) === key) continue;
        edits.push({ span: q.span, newText: q.prefix + q.written.trim() });
      }
    }
  }
  return edits;
}
