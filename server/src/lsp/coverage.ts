// "Compare with source document…": the client names a source for a plan (or none, back to the
// project file's `source`); its coverage findings appear with the plan's, and the answer sums
// it up for a message.
import { CompareWithSourceRequest, type CompareWithSourceResult } from '../protocol';
import type { ServerContext } from './context';

export function registerCoverage(ctx: ServerContext): void {
  ctx.connection.onRequest(
    CompareWithSourceRequest,
    ctx.guard('compareWithSource', null as CompareWithSourceResult | null, async (params) => {
      const doc = ctx.documents.get(params.uri);
      if (!doc || ctx.plans.isRegistry(params.uri)) return null;
      ctx.sources.choose(params.uri, params.source ?? undefined);
      const registry = await ctx.registries.registryFor(params.uri);
      const path = ctx.sources.pathFor(params.uri, registry);
      if (!path) return { source: null };
      const read = await ctx.sources.load(path);
      ctx.diagnostics.revalidateAll();
      if (read.error) return { source: path, error: read.error };
      const a = await ctx.plans.analysisOf(doc);
      const c = a.coverage;
      if (!c) return { source: path };
      const text = c.source.text;
      const measures = c.unassigned.slice(0, 2000).map((m) => ({ line: m.line, character: m.span.start - (text.lastIndexOf('\n', m.span.start - 1) + 1), text: m.text }));
      return { source: path, ratio: c.ratio, assigned: c.assigned, total: c.total, unassigned: c.unassigned.length, unsourced: c.unsourced.length, measures };
    }),
  );
}
