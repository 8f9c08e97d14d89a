// Semantic tokens: lead, cooperating and unknown agencies, role words, officials, deadlines.
import { semanticTokenData, TOKEN_MODIFIERS, TOKEN_TYPES } from '../engine';
import type { ServerContext } from './context';

export const TOKEN_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function registerTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(
    ctx.guard('semanticTokens', { data: [] as number[] }, async (params, token) => {
      const a = await ctx.plans.analysisFor(params.textDocument.uri, token);
      return { data: a ? semanticTokenData(a.model, !!a.registry) : [] };
    }),
  );
}
