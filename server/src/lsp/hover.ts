// Hover on a party: registry name, other names, level, and its load here and in the workspace.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../engine';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    ctx.guard('hover', null as Hover | null, async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      if (!a) return null;
      const load = await ctx.plans.workspaceLoad();
      const h = hoverAt(a.model, a.model.lines.offsetAt(params.position), a.registry, (k) => load.get(k));
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: a.model.lines.rangeOf(h.span) } : null;
    }),
  );
}
