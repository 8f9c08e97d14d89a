// Renaming an agency across the workspace's plans and its registry file entry (the old name
// kept as an alias), shown in a preview when the client supports change annotations.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex, prepareRenameAt, registryFileOf, renameAgencyEdits, renameEdits } from '../engine';
import type { ServerContext } from './context';
import { fileUriOf, textEditsOf } from './convert';
import { agencyAt } from './navigation';

export function registerRename(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onPrepareRename(
    guard('prepareRename', null as { range: Range; placeholder: string } | null, async (params) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri);
      if (!a) return null;
      const r = prepareRenameAt(a.model, a.model.lines.offsetAt(params.position));
      return r ? { range: a.model.lines.rangeOf(r.span), placeholder: r.placeholder } : null;
    }),
  );

  connection.onRenameRequest(
    guard('rename', null as WorkspaceEdit | null, async (params) => {
      const hit = await agencyAt(ctx, params.textDocument.uri, params.position);
      const newName = params.newName.trim();
      if (!hit || !newName) return null;
      const changes: Record<string, TextEdit[]> = {};
      for (const [uri, a] of await ctx.plans.all()) {
        const edits = renameEdits(a.model, hit.key, newName);
        if (edits.length) changes[uri] = textEditsOf(a.model.lines, edits);
      }
      // The registry file's entry, when the agency is one of the workspace's own.
      const agency = hit.a.registry?.lookup(hit.key);
      const file = registryFileOf(agency);
      if (agency && agency.entryIndex !== undefined && file) {
        const state = await ctx.registries.stateOf(file);
        const edits = state && renameAgencyEdits(state.text, agency.entryIndex, agency.name, newName);
        if (state && edits) changes[fileUriOf(file)] = textEditsOf(new LineIndex(state.text), edits);
      }
      if (!ctx.client.annotations) return { changes };
      // With annotations the editor shows a preview before applying a workspace-wide rename.
      return {
        changeAnnotations: { rename: { label: `重命名单位 (rename agency) ${hit.key} → ${newName}`, needsConfirmation: Object.keys(changes).length > 1 } },
        documentChanges: Object.entries(changes).map(([uri, edits]) => ({
          textDocument: { uri, version: ctx.documents.get(uri)?.version ?? null },
          edits: edits.map((e) => ({ ...e, annotationId: 'rename' })),
        })),
      };
    }),
  );
}
