// Hover on a party: registry name, other names, level, and its load here and in the workspace;
// on a task compared with a source document, the source measures it covers.
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from './protocolValues';
import { coverageHoverAt, hoverAt } from '../engine';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    ctx.guard('hover', null as Hover | null, async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      if (!a) return null;
      const load = await ctx.plans.workspaceLoad();
      const offset = a.model.lines.offsetAt(params.position);
      const party = hoverAt(a.model, offset, a.registry, (k) => load.get(k));
      // With a source document: the measures the task covers, under the party's hover or alone.
      const cov = a.coverage ? coverageHoverAt(a.model, a.coverage, offset) : undefined;
      const h = party && cov ? { span: party.span, markdown: `${party.markdown}\n\n---\n\n${cov.markdown}` } : (party ?? cov);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: a.model.lines.rangeOf(h.span) } : null;
    }),
  );
}
