// Semantic tokens: lead, cooperating and unknown agencies, role words, officials, deadlines.
// Sent whole once, then as deltas: after a keystroke only the tokens of the edited line change
// (their positions are relative to the token before), so the editor gets a few numbers instead
// of every token again (at the sample ×100, some 300,000 numbers a keystroke).
import type { SemanticTokensEdit } from 'vscode-languageserver';
import { semanticTokenData, TOKEN_MODIFIERS, TOKEN_TYPES } from '../engine';
import type { ServerContext } from './context';

export const TOKEN_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** The one edit that turns `before` into `after`: what lies between their common ends. */
export function tokenEdits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (start === before.length && start === after.length) return [];
  return [{ start, deleteCount: before.length - start - end, data: after.slice(start, after.length - end) }];
}

export function registerTokens(ctx: ServerContext): void {
  /** Per open document, the tokens last sent and their id: what the next delta is taken against. */
  const sent = new Map<string, { resultId: string; data: number[] }>();
  let counter = 0;
  const current = async (uri: string, token: Parameters<typeof ctx.plans.analysisFor>[1]) => {
    const a = await ctx.plans.analysisFor(uri, token);
    const data = a ? semanticTokenData(a.model, !!a.registry) : [];
    const resultId = String(++counter);
    // Kept for open documents only: a closed one is asked for whole again.
    if (ctx.documents.get(uri)) sent.set(uri, { resultId, data });
    return { resultId, data };
  };
  ctx.documents.onDidClose((e) => sent.delete(e.document.uri));
  const none = { resultId: '0', data: [] as number[] };
  ctx.connection.languages.semanticTokens.on(ctx.guard('semanticTokens', none, (params, token) => current(params.textDocument.uri, token)));
  ctx.connection.languages.semanticTokens.onDelta(
    ctx.guard('semanticTokensDelta', none as { resultId: string; data: number[] } | { resultId: string; edits: SemanticTokensEdit[] }, async (params, token) => {
      const uri = params.textDocument.uri;
      const before = sent.get(uri);
      const now = await current(uri, token);
      if (!before || before.resultId !== params.previousResultId) return now;
      return { resultId: now.resultId, edits: tokenEdits(before.data, now.data) };
    }),
  );
}
