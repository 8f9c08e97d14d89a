// Renaming an agency across the workspace's plans, applied at once as VS Code's own renames are
// (Shift+Enter in the rename box still shows the preview). The registry follows, so that the new
// name raises no finding: a registry file's own entry is renamed; an agency of the data (a
// preset, the plan's place) is written into the workspace registry under its new name, the old
// one kept as an alias; that file is created when there is none (the client says where).
import { dirname, join } from 'node:path';
import type { CreateFile, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { addAgencyEdits, LineIndex, newRegistryText, prepareRenameAt, presetOf, registryFileOf, renameAgencyEdits, renameEdits, say, type Analysis } from '../engine';
import { REGISTRY_FILE } from '../host/registryFile';
import type { ServerContext } from './context';
import { fileUriOf, fsPathOf, textEditsOf } from './convert';
import { agencyAt } from './navigation';

type Change = TextDocumentEdit | CreateFile;

/** The registry's part of a rename: the file entry renamed, or the data agency added to the workspace registry. */
async function registryChanges(ctx: ServerContext, uri: string, a: Analysis, key: string, newName: string): Promise<Change[]> {
  const agency = a.registry?.lookup(key);
  if (!agency || agency.name === newName) return [];
  const file = registryFileOf(agency);
  if (file && agency.entryIndex !== undefined) {
    const state = await ctx.registries.stateOf(file);
    const edits = state && renameAgencyEdits(state.text, agency.entryIndex, agency.name, newName);
    return state && edits ? [docEdit(ctx, fileUriOf(file), textEditsOf(new LineIndex(state.text), edits))] : [];
  }
  // Already written in the workspace registry under the new name: nothing to add.
  if (a.registry?.lookup(newName) && registryFileOf(a.registry.lookup(newName))) return [];
  const path = await ctx.registries.pathFor(uri);
  if (path) {
    const state = await ctx.registries.stateOf(path);
    const edits = state && addAgencyEdits(state.text, newName, [agency.name]);
    return state && edits ? [docEdit(ctx, fileUriOf(path), textEditsOf(new LineIndex(state.text), edits))] : [];
  }
  const fsPath = fsPathOf(uri);
  const folder = ctx.folders[0] ?? (fsPath ? dirname(fsPath) : undefined);
  if (!folder) return [];
  const target = fileUriOf(join(folder, REGISTRY_FILE));
  const start = { line: 0, character: 0 };
  return [
    { kind: 'create', uri: target, options: { ignoreIfExists: true } },
    { textDocument: { uri: target, version: null }, edits: [{ range: { start, end: start }, newText: newRegistryText(newName, presetOf(a.registry), [agency.name]) }] },
  ];
}

function docEdit(ctx: ServerContext, uri: string, edits: TextEdit[]): TextDocumentEdit {
  return { textDocument: { uri, version: ctx.documents.get(uri)?.version ?? null }, edits };
}

export function registerRename(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onPrepareRename(
    guard('prepareRename', null as { range: Range; placeholder: string } | null, async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      if (!a) return null;
      const r = prepareRenameAt(a.model, a.model.lines.offsetAt(params.position));
      return r ? { range: a.model.lines.rangeOf(r.span), placeholder: r.placeholder } : null;
    }),
  );

  connection.onRenameRequest(
    guard('rename', null as WorkspaceEdit | null, async (params, token) => {
      const hit = await agencyAt(ctx, params.textDocument.uri, params.position, token);
      const newName = params.newName.trim();
      if (!hit || !newName) return null;
      const changes: Change[] = [];
      // Every plan: a scan under way is waited for.
      await ctx.index.ready();
      for (const [uri, a] of await ctx.plans.all(token)) {
        const edits = renameEdits(a.model, hit.key, newName);
        if (edits.length) changes.push(docEdit(ctx, uri, textEditsOf(a.model.lines, edits)));
      }
      changes.push(...(await registryChanges(ctx, params.textDocument.uri, hit.a, hit.key, newName)));
      if (!ctx.client.annotations) return { documentChanges: changes };
      // A label for the undo stack and the preview; no confirmation: Enter applies, as VS Code's
      // own renames do (needsConfirmation would leave every box of the preview unticked).
      const label = `${say(ctx.settings.locale, '重命名单位', 'rename agency')} ${hit.key} → ${newName}`;
      return {
        changeAnnotations: { rename: { label, needsConfirmation: false } },
        documentChanges: changes.map((c) => ('kind' in c ? { ...c, annotationId: 'rename' } : { ...c, edits: c.edits.map((e) => ({ ...e, annotationId: 'rename' })) })),
      };
    }),
  );
}
