// Folding (chapters, sections, items) and smart selection (party → clause → task → section → chapter).
import type { SelectionRange } from 'vscode-languageserver';
import { foldingRanges, selectionSpans } from '../engine';
import type { ServerContext } from './context';

export function registerFolding(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onFoldingRanges(
    guard('foldingRanges', [], async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      return a ? foldingRanges(a.model).map((f) => ({ startLine: f.startLine, endLine: f.endLine })) : [];
    }),
  );

  connection.onSelectionRanges(
    guard('selectionRanges', [] as SelectionRange[], async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      if (!a) return [];
      return params.positions.map((pos) => {
        const spans = selectionSpans(a.model, a.model.lines.offsetAt(pos));
        let range: SelectionRange | undefined;
        for (let i = spans.length - 1; i >= 0; i--) range = { range: a.model.lines.rangeOf(spans[i]), parent: range };
        return range ?? { range: { start: pos, end: pos } };
      });
    }),
  );
}
