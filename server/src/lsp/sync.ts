// Documents opening, changing, saving and closing; files changing on disk; settings changing.
// Each updates the state objects and tells the diagnostics scheduler.
import { FileChangeType } from './protocolValues';
import { isRegistryFile } from '../host/registryFile';
import type { Disposable, FileChange } from '../host/fileHost';
import type { ServerContext } from './context';
import { fileUriOf, fsPathOf } from './convert';
import { readSettings } from './settings';

export async function refreshSettings(ctx: ServerContext): Promise<void> {
  try {
    const raw = await ctx.connection.workspace.getConfiguration('fengong');
    ctx.settings.update(readSettings(raw));
    ctx.plans.invalidateLoad();
  } catch (e) {
    ctx.connection.console.warn(`fengong: could not read settings: ${e}`);
  }
}

/** Registry files appeared, went or changed: every plan may have another registry now. */
async function registriesChanged(ctx: ServerContext): Promise<void> {
  await ctx.registries.filesChanged();
  ctx.plans.invalidateLoad();
  await ctx.index.reindexAll();
  ctx.diagnostics.revalidateAll();
}

/** An edited registry takes effect at once, saved or not; a broken one keeps the last good in force. */
async function registryTextChanged(ctx: ServerContext, uri: string, text: string): Promise<void> {
  const path = fsPathOf(uri);
  if (!path) return;
  const isNew = ctx.registries.setOpenText(path, text);
  ctx.plans.invalidateLoad();
  if (isNew) {
    await ctx.registries.filesChanged();
    await ctx.index.reindexAll();
  } else {
    await ctx.registries.stateOf(path);
  }
  ctx.diagnostics.revalidateAll();
}

/**
 * A file not open, read into the workspace index only when it is really inside a workspace
 * folder (a link to a file elsewhere, or a document from outside that was closed, is not).
 */
async function indexIfInside(ctx: ServerContext, uri: string): Promise<void> {
  const path = fsPathOf(uri);
  if (path && (await ctx.scope.contains(path))) await ctx.index.indexFile(uri);
  else ctx.index.delete(uri);
}

/** Plan files and registry files changed on disk (the editor's file events, or the host's own). */
export async function filesChanged(ctx: ServerContext, changes: { uri: string; deleted: boolean }[]): Promise<void> {
  let registryChanged = false;
  for (const c of changes) {
    if (isRegistryFile(c.uri)) registryChanged = true;
    else if (!ctx.documents.get(c.uri)) {
      if (c.deleted) ctx.index.delete(c.uri);
      else await indexIfInside(ctx, c.uri);
    }
  }
  if (registryChanged) await registriesChanged(ctx);
  ctx.plans.invalidateLoad();
}

/** Returns what to dispose at shutdown: the host's watch, if it has one. */
export function registerSync(ctx: ServerContext): Disposable | undefined {
  const { connection, documents, diagnostics, guard } = ctx;

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async (change) => {
      if (ctx.client.configuration) await refreshSettings(ctx);
      else {
        ctx.settings.update(readSettings((change.settings as { fengong?: unknown })?.fengong));
        ctx.plans.invalidateLoad();
      }
      diagnostics.revalidateAll();
    }),
  );

  documents.onDidOpen(
    guard('didOpen', undefined, async (e) => {
      ctx.plans.invalidateLoad();
      if (isRegistryFile(e.document.uri)) await registryTextChanged(ctx, e.document.uri, e.document.getText());
      else diagnostics.opened(e.document.uri);
    }),
  );
  documents.onDidChangeContent(
    guard('didChange', undefined, async (e) => {
      diagnostics.changed(e.document.uri);
      if (isRegistryFile(e.document.uri)) await registryTextChanged(ctx, e.document.uri, e.document.getText());
    }),
  );
  documents.onDidSave(
    guard('didSave', undefined, (e) => {
      ctx.plans.invalidateLoad();
      diagnostics.saved(e.document.uri);
    }),
  );
  documents.onDidClose(
    guard('didClose', undefined, async (e) => {
      const uri = e.document.uri;
      diagnostics.closed(uri);
      ctx.analyses.forget(uri);
      if (isRegistryFile(uri)) {
        const path = fsPathOf(uri);
        if (path) ctx.registries.closed(path);
        await registriesChanged(ctx);
      } else {
        await indexIfInside(ctx, uri);
      }
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (params) => filesChanged(ctx, params.changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })))),
  );
  // A host that sees changes itself (the in-memory one in tests) reports them the same way.
  return ctx.host.watch?.(guard('watch', undefined, (changes: FileChange[]) => filesChanged(ctx, changes.map((c) => ({ uri: fileUriOf(c.path), deleted: c.kind === 'deleted' })))));
}
