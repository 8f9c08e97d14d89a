// A FIFO or a device as the project file: the server reads regular files only (node/host.ts),
// answers at once, and the plan says why its project file is not in effect (registry.unreadable).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkfifoSync } from '../cli/fifo';
import { ROOT } from '../helpers';
import { LspClient, TRANSPORTS, uriOf } from './client';

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头)\n';

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
});

/** A promise, or a failure after `ms`: a hung server fails the test instead of stalling it. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe.skipIf(process.platform === 'win32' || !mkfifoSync).each(TRANSPORTS)('%s, on Node\'s file host', (transport) => {
  let c: LspClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  async function firstFindings(ws: string, settings: unknown) {
    writeFileSync(join(ws, 'a.plan.txt'), PLAN);
    c = new LspClient({ transport, root: ws, pull: true, settings, locale: 'en' });
    await c.start();
    const uri = uriOf(join(ws, 'a.plan.txt'));
    await c.open(uri, PLAN);
    const t0 = Date.now();
    const d = await within(1000, c.diagnostics(uri));
    return { d, ms: Date.now() - t0, client: c };
  }

  it.each([
    ['a FIFO', (ws: string) => (mkfifoSync!(join(ws, 'pipe.json')), 'pipe.json')],
    ['/dev/zero', () => '/dev/zero'],
  ])('answers at once with %s as fengong.registry.file, and says why', async (_what, make) => {
    const ws = mkdtempSync(join(tmpdir(), 'fengong-dev-'));
    const file = make(ws);
    const { d, client } = await firstFindings(ws, { registry: { file } });
    const path = file.startsWith('/') ? file : join(ws, file);
    expect(d[0]).toMatchObject({ code: 'registry.unreadable', severity: 1, range: { start: { line: 0, character: 0 } } });
    expect(d[0].message).toBe(`The project file cannot be read and is not in effect: not a regular file (pipes and devices are not read) (${path})`);
    // The server lives on and answers other requests.
    const symbols = await within(1000, client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(join(ws, 'a.plan.txt')) } }));
    expect(symbols.length).toBeGreaterThan(0);
  });

  it('says so of a FIFO named fengong.registry.json in the workspace', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'fengong-dev-'));
    mkfifoSync!(join(ws, 'fengong.registry.json'));
    const { d } = await firstFindings(ws, {});
    expect(d.map((x) => x.code)).toContain('registry.unreadable');
  });
});
