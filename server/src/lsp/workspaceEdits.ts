// Workspace edits that are more than text edits of one document: a renumbering with the
// references a person must confirm, and an agency added to the registry file (created when the
// workspace has none).
import { dirname, join } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { addAgencyEdits, LineIndex, newRegistryText, presetOf, say, type Analysis, type NumberReference, type TextEdit } from '../engine';
import { REGISTRY_FILE } from '../host/registryFile';
import type { Report } from '../protocol';
import type { ServerContext } from './context';
import { fileUriOf, fsPathOf, textEditsOf } from './convert';

/**
 * Renumbering as a workspace edit: the markers change; references in the text to renumbered
 * headings (见(十二), 第十二项) are listed for confirmation in the preview, never silently.
 */
export function renumberEdit(ctx: ServerContext, uri: string, a: Analysis, edits: TextEdit[], references: NumberReference[]): WorkspaceEdit {
  const lines = a.model.lines;
  if (!ctx.client.annotations) return { changes: { [uri]: textEditsOf(lines, edits) } };
  const refEdits = references.map((r, i) => ({
    range: lines.rangeOf(r.suggestion?.span ?? r.span),
    newText: r.suggestion?.newText ?? a.model.text.slice(r.span.start, r.span.end),
    annotationId: `ref${i}`,
  }));
  const changeAnnotations: Record<string, { label: string; needsConfirmation: boolean; description?: string }> = {
    renumber: { label: say(ctx.settings.locale, '重新编号', 'renumber'), needsConfirmation: false },
  };
  references.forEach((r, i) => {
    changeAnnotations[`ref${i}`] = {
      label: say(ctx.settings.locale, `核对引用“${r.text}”`, `check the reference “${r.text}”`),
      needsConfirmation: true,
      description: r.suggestion ? `→ ${r.suggestion.newText}` : say(ctx.settings.locale, '指向多个标题', 'ambiguous'),
    };
  });
  return {
    changeAnnotations,
    documentChanges: [{ textDocument: { uri, version: ctx.documents.get(uri)?.version ?? null }, edits: [...textEditsOf(lines, edits).map((e) => ({ ...e, annotationId: 'renumber' })), ...refEdits] }],
  };
}

/**
 * Adds a name to the registry file that applies, or creates one next to the workspace root;
 * with what it did, for the client to say (ReportCommand).
 */
export async function addToRegistryEdit(ctx: ServerContext, uri: string, name: string, a: Analysis): Promise<{ edit: WorkspaceEdit; report: Report } | undefined> {
  const path = await ctx.registries.pathFor(uri);
  if (path) {
    const state = await ctx.registries.stateOf(path);
    const edits = state && addAgencyEdits(state.text, name);
    if (!state || !edits) return undefined;
    return { edit: { changes: { [fileUriOf(path)]: textEditsOf(new LineIndex(state.text), edits) } }, report: { kind: 'registry', name, file: fileUriOf(path), created: false } };
  }
  const fsPath = fsPathOf(uri);
  const folder = ctx.folders[0] ?? (fsPath ? dirname(fsPath) : undefined);
  if (!folder) return undefined;
  const target = fileUriOf(join(folder, REGISTRY_FILE));
  const report: Report = { kind: 'registry', name, file: target, created: true };
  return {
    report,
    edit: { documentChanges: [
      { kind: 'create', uri: target, options: { ignoreIfExists: true } },
      { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newRegistryText(name, presetOf(a.registry)) }] },
    ] },
  };
}
