// The outline (document symbols) and workspace symbols over every plan, open or not.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { buildOutline, workspaceSymbols, type OutlineNode, type PlanModel } from '../engine';
import type { ServerContext } from './context';

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  chapter: SymbolKind.Module,
  section: SymbolKind.Namespace,
  item: SymbolKind.Class,
  subitem: SymbolKind.Class,
  task: SymbolKind.Event,
};

export function registerSymbols(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onDocumentSymbol(
    guard('documentSymbol', [] as DocumentSymbol[], async (params) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri);
      if (!a) return [];
      const lines = a.model.lines;
      const convert = (n: OutlineNode): DocumentSymbol => ({
        name: (n.number + n.title).trim() || '(无标题)',
        detail: n.detail ? `牵头 ${n.detail}` : undefined,
        kind: SYMBOL_KIND[n.kind],
        range: lines.rangeOf(n.span),
        selectionRange: lines.rangeOf(n.selectionSpan),
        children: n.children.map(convert),
      });
      return buildOutline(a.model).map(convert);
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', [] as SymbolInformation[], async (params) => {
      const plans = (await ctx.plans.all()).map(([uri, a]): [string, PlanModel] => [uri, a.model]);
      return workspaceSymbols(plans, params.query).map((s) => ({
        name: s.name,
        kind: SYMBOL_KIND[s.kind],
        location: { uri: s.doc, range: s.model.lines.rangeOf(s.selectionSpan) },
        containerName: s.container,
      }));
    }),
  );
}
