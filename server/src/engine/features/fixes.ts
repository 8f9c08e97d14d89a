// Quick fixes for findings, as engine edits. Each fix, applied, leaves text the engine reads as fixed.
import type { Finding } from '../rules/diagnostics';
import type { Clause, Party, PlanModel } from '../model';
import { clauseAt } from './at';
import { CLOSER_OF } from '../parse/clauses';
import { writtenFormIn } from '../parse/names';
import type { Registry } from '../registry/registry';
import type { TextEdit } from '../edits';

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** Safe to apply without looking: part of "fix all" (`safeFixes`). */
  safe: boolean;
  /** Adds the party's name to the workspace registry (the adapter makes that edit). */
  addToRegistry?: string;
}


function partyOf(model: PlanModel, f: Finding): { clause: Clause; party: Party } | undefined {
  const clause = clauseAt(model, f.span.start);
  const party = clause?.parties.find((p) => p.span.start === f.span.start && p.span.end === f.span.end);
  return clause && party ? { clause, party } : undefined;
}

/** Deletes a party with one separator next to it, so the list stays well formed. */
function removal(model: PlanModel, clause: Clause, party: Party): TextEdit {
  const text = model.text;
  let { start, end } = party.span;
  if (start > clause.contentSpan.start && '、,，;；'.includes(text[start - 1])) start--;
  else if (end < clause.contentSpan.end && '、,，;；'.includes(text[end])) end++;
  return { span: { start, end }, newText: '' };
}

export function fixesFor(model: PlanModel, finding: Finding, registry: Registry | undefined): Fix[] {
  switch (finding.code) {
    case 'agency.unknown': {
      const hit = partyOf(model, finding);
      if (!hit) return [];
      const near = registry?.nearest(hit.party.name) ?? [];
      const fixes: Fix[] = near.map((n, i) => ({
        title: `改为“${n}” (change to ${n})`,
        edits: [{ span: hit.party.span, newText: writtenFormIn(hit.party.prefix, n) }],
        preferred: i === 0 && near.length === 1,
        safe: false,
      }));
      fixes.push({ title: `将“${hit.party.name}”加入单位名录 (add to the registry)`, edits: [], safe: false, addToRegistry: hit.party.name });
      return fixes;
    }
    case 'agency.alias': {
      // One name throughout: the form the plan keeps (the registry's, where the plan uses it).
      const hit = partyOf(model, finding);
      const keep = finding.args.agency;
      if (!hit || !keep) return [];
      return [{ title: `统一写作“${keep}” (write ${keep} throughout)`, edits: [{ span: hit.party.span, newText: writtenFormIn(hit.party.prefix, keep) }], preferred: true, safe: true }];
    }
    case 'agency.superseded': {
      // Only a one-to-one rename has one right replacement; a merge or a split is explained, not rewritten.
      const hit = partyOf(model, finding);
      const agency = hit?.party.agencyId ? registry?.byIdOf(hit.party.agencyId) : undefined;
      if (!hit || !agency || agency.successors.length !== 1 || agency.successors[0].kind !== 'rename') return [];
      const to = agency.successors[0].name;
      return [{ title: `改为“${to}” (use the new name ${to})`, edits: [{ span: hit.party.span, newText: writtenFormIn(hit.party.prefix, to) }], preferred: true, safe: false }];
    }
    case 'agency.duplicate':
    case 'agency.lead-and-cooperating': {
      const hit = partyOf(model, finding);
      if (!hit) return [];
      return [{ title: `删除重复的“${hit.party.written}” (remove the duplicate)`, edits: [removal(model, hit.clause, hit.party)], preferred: true, safe: finding.code === 'agency.duplicate' }];
    }
    case 'clause.mismatched-brackets': {
      const clause = clauseAt(model, finding.span.start);
      if (!clause?.open) return [];
      const close = CLOSER_OF[clause.open];
      return [{ title: `把“${clause.close}”改为“${close}” (match the brackets)`, edits: [{ span: { start: clause.span.end - 1, end: clause.span.end }, newText: close }], preferred: true, safe: true }];
    }
    case 'clause.unclosed': {
      const clause = clauseAt(model, finding.span.start);
      if (!clause?.open) return [];
      const close = CLOSER_OF[clause.open];
      return [{ title: `补上“${close}” (close the bracket)`, edits: [{ span: { start: clause.span.end, end: clause.span.end }, newText: close }], preferred: true, safe: true }];
    }
    default:
      return [];
  }
}

/**
 * "Fix all" (the editor's source.fixAll action): every safe quick fix of the findings that does
 * not overlap another. Repairing the whole plan (repair.ts) does this and formats and renumbers.
 */
export function safeFixes(model: PlanModel, findings: Finding[], registry: Registry | undefined): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) for (const fix of fixesFor(model, f, registry)) if (fix.safe) edits.push(...fix.edits);
  edits.sort((a, b) => a.span.start - b.span.start);
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.span.start < end || (e.span.start === end && e.span.start === e.span.end && out.length && out[out.length - 1].span.start === e.span.start)) continue;
    out.push(e);
    end = Math.max(end, e.span.end);
  }
  return out;
}
