// fengong's own small requests (protocol.ts): a registry file made from a document, and two for
// tests (how many analyses ran; the server's text of a document).
import { dirname } from 'node:path';
import { presetOf, registryFromDocument } from '../engine';
import { DocumentTextRequest, RegistryFromDocumentRequest, StatsRequest, type RegistryFromDocumentResult } from '../protocol';
import type { ServerContext } from './context';
import { fsPathOf } from './convert';

export function registerRequests(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onRequest(
    RegistryFromDocumentRequest,
    guard('registryFromDocument', null as RegistryFromDocumentResult | null, async (params) => {
      const a = await ctx.plans.analysisFor(params.uri);
      if (!a) return null;
      const path = fsPathOf(params.uri);
      return { text: registryFromDocument(a.model, presetOf(a.registry)), folder: ctx.folders[0] ?? (path ? dirname(path) : null) };
    }),
  );
  connection.onRequest(StatsRequest, () => ({ analyses: ctx.analyses.count, indexed: ctx.index.size, indexing: ctx.index.state.scanning, pid: process.pid }));
  connection.onRequest(DocumentTextRequest, (params) => ctx.documents.get(params.uri)?.getText() ?? null);
}
