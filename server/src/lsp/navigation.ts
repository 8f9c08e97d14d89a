// An agency under the cursor: go to its registry entry, find its references in every plan under
// any of its names, highlight it in the document (a lead as a write).
import type { CancellationToken, DocumentHighlight, Location, Position } from 'vscode-languageserver';
import { DocumentHighlightKind } from './protocolValues';
import { agencyKey, LineIndex, occurrencesOf, partyAt, registryFileOf, type Analysis } from '../engine';
import type { ServerContext } from './context';
import { fileUriOf } from './convert';

/** The agency (registry name, else as written) at a position, with the plan's analysis. */
export async function agencyAt(ctx: ServerContext, uri: string, position: Position, token?: CancellationToken): Promise<{ key: string; a: Analysis } | undefined> {
  const a = await ctx.plans.analysisFor(uri, token);
  if (!a) return undefined;
  const hit = partyAt(a.model, a.model.lines.offsetAt(position));
  return hit && !hit.party.collective ? { key: agencyKey(hit.party), a } : undefined;
}

export function registerNavigation(ctx: ServerContext): void {
  const { connection, guard } = ctx;
  connection.onDefinition(
    guard('definition', null as Location | null, async (params, token) => {
      const hit = await agencyAt(ctx, params.textDocument.uri, params.position, token);
      const agency = hit && hit.a.registry?.lookup(hit.key);
      const file = registryFileOf(agency);
      if (!agency?.nameSpan || !file) return null;
      const state = await ctx.registries.stateOf(file);
      if (!state) return null;
      return { uri: fileUriOf(file), range: new LineIndex(state.text).rangeOf(agency.nameSpan) };
    }),
  );

  connection.onReferences(
    guard('references', [] as Location[], async (params, token) => {
      const hit = await agencyAt(ctx, params.textDocument.uri, params.position, token);
      if (!hit) return [];
      const out: Location[] = [];
      // Every plan: a scan under way is waited for.
      await ctx.index.ready();
      for (const [uri, a] of await ctx.plans.all(token)) {
        for (const o of occurrencesOf(a.model, hit.key)) out.push({ uri, range: a.model.lines.rangeOf(o.party.span) });
      }
      return out;
    }),
  );

  connection.onDocumentHighlight(
    guard('documentHighlight', [] as DocumentHighlight[], async (params, token) => {
      const hit = await agencyAt(ctx, params.textDocument.uri, params.position, token);
      if (!hit) return [];
      return occurrencesOf(hit.a.model, hit.key).map((o) => ({
        range: hit.a.model.lines.rangeOf(o.party.span),
        kind: o.party.role === 'lead' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
}
