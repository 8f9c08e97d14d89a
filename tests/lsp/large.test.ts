// Cancellation and big documents: a request the editor cancels stops at its next stage instead
// of running to the end, and a document past the size limit gets its outline and one finding
// saying checking is off for it, so that a keystroke in it stays cheap.
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { MAX_CHECKED_CHARS } from '../../server/src/lsp/state/analyses';
import { StatsRequest } from '../../server/src/protocol';
import { SAMPLE } from '../helpers';
import { LspClient } from './client';

const DOCS = 100;
const uriOf = (i: number) => `file:///ws/plan-${String(i).padStart(3, '0')}.plan.txt`;

describe('cancellation', () => {
  let c: LspClient;
  const analyses = async () => (await c.send(StatsRequest, {})).analyses;

  beforeAll(async () => {
    // Pull diagnostics: nothing is analysed until a request asks.
    c = new LspClient({ transport: 'in-process', host: new MemoryFileHost(), root: '/ws', pull: true });
    await c.start();
    for (let i = 0; i < DOCS; i++) await c.open(uriOf(i), `${SAMPLE}\n${'推进'.repeat(i)}`);
  });
  afterAll(() => c.stop());

  it('a cancelled workspace-symbol request stops between documents and is answered as cancelled', async () => {
    const before = await analyses();
    const source = new CancellationTokenSource();
    const answer = c.conn.sendRequest('workspace/symbol', { query: '口岸' }, source.token).then(
      (r) => ({ ok: r }),
      (e: { code?: number }) => ({ error: e.code }),
    );
    source.cancel();
    expect(await answer).toEqual({ error: LSPErrorCodes.RequestCancelled });
    // Every one of the 100 open plans would be analysed had it run to the end.
    expect((await analyses()) - before).toBeLessThan(DOCS / 2);
  });

  it('100 outline requests cancelled right after they were sent do not each analyse their document', async () => {
    const before = await analyses();
    const sources = Array.from({ length: DOCS }, () => new CancellationTokenSource());
    const answers = sources.map((s, i) =>
      c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(i) } }, s.token).then(
        () => 'answered',
        (e: { code?: number }) => (e.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `error ${e.code}`),
      ),
    );
    for (const s of sources) s.cancel();
    const outcomes = await Promise.all(answers);
    expect(outcomes.filter((o) => o === 'cancelled').length).toBeGreaterThan(DOCS / 2);
    expect((await analyses()) - before).toBeLessThan(DOCS / 2);
  });
});

describe('a document past the size limit', () => {
  let c: LspClient;
  // The sample over and over, past the limit: its outline is the copies' headings.
  const copies = Math.ceil(MAX_CHECKED_CHARS / SAMPLE.length) + 1;
  const big = Array.from({ length: copies }, () => SAMPLE).join('\n');
  const uri = 'file:///ws/big.plan.txt';

  beforeAll(async () => {
    c = new LspClient({ transport: 'in-process', host: new MemoryFileHost(), root: '/ws', pull: true });
    await c.start();
    await c.open(uri, big);
  });
  afterAll(() => c.stop());

  it('gets one finding saying checking is off, and its outline', async () => {
    expect(big.length).toBeGreaterThan(MAX_CHECKED_CHARS);
    const findings = await c.diagnostics(uri);
    expect(findings.map((d) => d.code)).toEqual(['engine.too-large']);
    expect(findings[0].message).toMatch(/过大.*不作检查/);
    const outline = await c.request<{ name: string; children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // The sample has 7 chapters; each copy brings its own.
    expect(outline.length).toBe(7 * copies);
    expect(outline[0].name).toMatch(/^一、/);
    expect(outline[0].children?.length).toBeGreaterThan(0);
  });

  it('a keystroke in it is cheap', async () => {
    await c.diagnostics(uri);
    const t = performance.now();
    await c.edit(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, '甲');
    const findings = await c.diagnostics(uri);
    const elapsed = performance.now() - t;
    expect(findings.map((d) => d.code)).toEqual(['engine.too-large']);
    // A full check of 2 M characters takes seconds on a busy machine; the outline alone, far less.
    expect(elapsed).toBeLessThan(1000);
  });
});
