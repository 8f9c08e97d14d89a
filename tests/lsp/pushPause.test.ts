// Pushed diagnostics for many documents at once (a setting changed) leave room for requests:
// the scheduler pauses between documents, so a request sent while it works is answered before
// it is done, not after all of them. Measured by order, not by time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { ROOT, SAMPLE } from '../helpers';
import { LspClient, uriOf } from './client';

const DOCS = 16;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
});

let c: LspClient | undefined;
afterEach(() => c?.stop());

it('a request sent while sixteen big plans opened at once are analysed and pushed is answered before the last of them', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'fengong-push-'));
  // Each plan some 0.3 MB, a few tens of milliseconds of analysis, and each its own text (plans
  // with the same text would share one analysis).
  const texts = Array.from({ length: DOCS }, (_, i) => SAMPLE.repeat(6) + `\n（${i}）`);
  const uris = texts.map((text, i) => {
    const path = join(ws, `p${i}.plan.txt`);
    writeFileSync(path, text);
    return uriOf(path);
  });
  c = new LspClient({ transport: 'stdio', root: ws });
  await c.start();
  for (const [i, uri] of uris.entries()) await c.open(uri, texts[i]);
  // The first is pushed; the others are still to be analysed when the request goes out.
  while (c.pushCount === 0) await new Promise((r) => setTimeout(r, 1));
  const symbols = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uris[0] } });
  const pushedMeanwhile = c.pushCount;
  expect(symbols.length).toBeGreaterThan(0);
  expect(pushedMeanwhile).toBeLessThan(DOCS);
  // And every plan is pushed in the end.
  for (const uri of uris) await c.diagnostics(uri, 1);
}, 60_000);
