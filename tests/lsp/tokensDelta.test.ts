// Semantic tokens as the editor asks for them after a keystroke: a delta against the last
// result. The delta applied to the old tokens must give exactly the tokens of the new text, and
// be a few numbers, not all of them again.
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { tokenEdits } from '../../server/src/lsp/tokens';
import { SAMPLE } from '../helpers';
import { LspClient, uriOf } from './client';

const URI = uriOf('/ws/a.plan.txt');
type Full = { resultId: string; data: number[] };
type Delta = { resultId: string; edits?: { start: number; deleteCount: number; data?: number[] }[]; data?: number[] };

let c: LspClient | undefined;
afterEach(() => c?.stop());

function applied(data: number[], edits: NonNullable<Delta['edits']>): number[] {
  const out = [...data];
  // Edits in the reverse order of their starts, so that each start holds.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

it('after a keystroke the delta is a few numbers, and applied to the last tokens gives the new ones', async () => {
  c = new LspClient({ transport: 'in-process', host: new MemoryFileHost({}), root: '/ws', pull: true });
  await c.start();
  await c.open(URI, SAMPLE);
  const td = { textDocument: { uri: URI } };
  const first = await c.request<Full>('textDocument/semanticTokens/full', td);
  expect(first.data.length).toBeGreaterThan(1000);
  // A character typed inside a clause, between two agencies: the tokens after it on its line move.
  const line = SAMPLE.split('\n').findIndex((l) => l.includes('(自治区商务厅牵头,满洲里海关'));
  const character = SAMPLE.split('\n')[line].indexOf('满洲里海关');
  await c.edit(URI, { start: { line, character }, end: { line, character } }, '市');
  const delta = await c.request<Delta>('textDocument/semanticTokens/full/delta', { ...td, previousResultId: first.resultId });
  expect(delta.edits).toBeDefined();
  const changed = delta.edits!.reduce((n, e) => n + (e.data?.length ?? 0), 0);
  expect(changed).toBeGreaterThan(0);
  expect(changed).toBeLessThan(100);
  const fresh = await c.request<Full>('textDocument/semanticTokens/full', td);
  expect(applied(first.data, delta.edits!)).toEqual(fresh.data);
  // Against an id it does not hold, the answer is whole.
  const whole = await c.request<Delta>('textDocument/semanticTokens/full/delta', { ...td, previousResultId: 'nope' });
  expect(whole.data).toEqual(fresh.data);
  expect(whole.edits).toBeUndefined();
  // No edit at all: an empty delta.
  const same = await c.request<Delta>('textDocument/semanticTokens/full/delta', { ...td, previousResultId: whole.resultId });
  expect(same.edits).toEqual([]);
});

it('the edit between two token lists turns the one into the other, whatever they hold', () => {
  const small = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 });
  fc.assert(
    fc.property(small, small, small, small, (head, a, b, tail) => {
      const before = [...head, ...a, ...tail];
      const after = [...head, ...b, ...tail];
      const edits = tokenEdits(before, after);
      expect(applied(before, edits as never)).toEqual(after);
      if (a.length === b.length && a.every((x, i) => x === b[i])) expect(edits).toEqual([]);
    }),
    { numRuns: 500 },
  );
});
