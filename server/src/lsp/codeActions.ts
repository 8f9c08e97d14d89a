// Code actions: the quick fixes of the findings in range, and "fix all" (source.fixAll.fengong:
// every safe quick fix at once, `safeFixes`).
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from './protocolValues';
import { quickFixesFor, safeFixes, say } from '../engine';
import { ReportCommand, type Report } from '../protocol';
import type { ServerContext } from './context';
import { diagnosticOf, textEditsOf } from './convert';
import { addToRegistryEdit, renumberEdit } from './workspaceEdits';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.fengong';

const report = (r: Report) => ({ title: 'report', command: ReportCommand, arguments: [r] });

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    ctx.guard('codeAction', [] as CodeAction[], async (params, token) => {
      const uri = params.textDocument.uri;
      const a = await ctx.plans.analysisFor(uri, token);
      if (!a || !ctx.documents.get(uri)) return [];
      const lines = a.model.lines;
      const only = params.context.only;
      const out: CodeAction[] = [];
      const wantFixAll = !only || only.some((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
      const wantQuick = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
      if (wantQuick) {
        const start = lines.offsetAt(params.range.start);
        const end = lines.offsetAt(params.range.end);
        for (const f of a.findings) {
          if (f.span.end < start || f.span.start > end) continue;
          const diagnostic = diagnosticOf(lines, uri, f);
          for (const fix of quickFixesFor(a.model, f, a.registry)) {
            const e = fix.edit;
            if (e.kind === 'addToRegistry') {
              // The editor runs the command once the edit is applied: the user is told what was written where.
              const added = await addToRegistryEdit(ctx, uri, e.name, a);
              if (added) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: added.edit, command: report(added.report) });
              continue;
            }
            const edit: WorkspaceEdit = e.kind === 'renumber' ? renumberEdit(ctx, uri, a, e.edits, e.references) : { changes: { [uri]: textEditsOf(lines, e.edits) } };
            out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit });
          }
        }
      }
      if (wantFixAll) {
        const edits = safeFixes(a.model, a.findings, a.registry);
        if (edits.length) {
          out.push({
            title: say(ctx.settings.locale, '修正全部可自动修正的问题', 'fix all'),
            kind: FIX_ALL_KIND,
            edit: { changes: { [uri]: textEditsOf(lines, edits) } },
            command: report({ kind: 'fixed', fixes: edits.length }),
          });
        }
      }
      return out;
    }),
  );
}
