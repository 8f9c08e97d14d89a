// The outline (document symbols) and workspace symbols over every plan, open or not.
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { SymbolKind } from './protocolValues';
import { buildOutline, say, workspaceSymbols, type OutlineNode, type PlanModel } from '../engine';
import type { ServerContext } from './context';

// Headings as the Markdown outline shows them (String: the text icon, not code's {} ); a task
// as an entry of a list (EnumMember), not an event's bolt.
const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  chapter: SymbolKind.String,
  section: SymbolKind.String,
  item: SymbolKind.String,
  subitem: SymbolKind.String,
  task: SymbolKind.EnumMember,
};

export function registerSymbols(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onDocumentSymbol(
    guard('documentSymbol', [] as DocumentSymbol[], async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      if (!a) return [];
      const lines = a.model.lines;
      const convert = (n: OutlineNode): DocumentSymbol => ({
        name: (n.number + n.title).trim() || '(无标题)',
        detail: n.detail ? `${say(ctx.settings.locale, '牵头', 'lead')} ${n.detail}` : undefined,
        kind: SYMBOL_KIND[n.kind],
        range: lines.rangeOf(n.span),
        selectionRange: lines.rangeOf(n.selectionSpan),
        children: n.children.map(convert),
      });
      return buildOutline(a.model).map(convert);
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', [] as SymbolInformation[], async (params, token) => {
      const plans = (await ctx.plans.all(token)).map(([uri, a]): [string, PlanModel] => [uri, a.model]);
      return workspaceSymbols(plans, params.query).map((s) => ({
        name: s.name,
        kind: SYMBOL_KIND[s.kind],
        location: { uri: s.doc, range: s.model.lines.rangeOf(s.selectionSpan) },
        containerName: s.container,
      }));
    }),
  );
}
