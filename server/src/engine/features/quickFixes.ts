// The quick fixes for one finding, whichever feature makes them: a numbering finding is fixed
// by renumbering its scope (renumber.ts), every other by a clause or name repair (fixes.ts).
// The adapters turn each into an edit: text edits, a renumbering whose references to
// renumbered headings a person confirms, or an entry added to the registry file.
import type { PlanModel } from '../model';
import type { Registry } from '../registry/registry';
import type { Finding } from '../rules/rules';
import type { TextEdit } from '../edits';
import { fixesFor } from './fixes';
import { renumberFixFor, type NumberReference } from './renumber';

export type QuickFixEdit =
  | { kind: 'text'; edits: TextEdit[] }
  | { kind: 'renumber'; edits: TextEdit[]; references: NumberReference[] }
  | { kind: 'addToRegistry'; name: string };

export interface QuickFix {
  title: string;
  preferred?: boolean;
  edit: QuickFixEdit;
}

export function quickFixesFor(model: PlanModel, finding: Finding, registry: Registry | undefined): QuickFix[] {
  if (finding.code.startsWith('numbering.')) {
    const r = renumberFixFor(model, finding);
    return r ? [{ title: r.title, preferred: r.preferred, edit: { kind: 'renumber', edits: r.edits, references: r.references } }] : [];
  }
  return fixesFor(model, finding, registry).map((fix) => ({
    title: fix.title,
    preferred: fix.preferred,
    edit: fix.addToRegistry ? { kind: 'addToRegistry', name: fix.addToRegistry } : { kind: 'text', edits: fix.edits },
  }));
}
