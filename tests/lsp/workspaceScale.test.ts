// A workspace of 5,000 plan files on an in-memory file host: the index reads them all in the
// background, in slices, so requests are answered while it scans; workspace symbols,
// references and rename reach every plan, not the first 2,000.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { SettingsState } from '../../server/src/lsp/settings';
import { Analyses } from '../../server/src/lsp/state/analyses';
import { Registries } from '../../server/src/lsp/state/registries';
import { WorkspaceScope } from '../../server/src/lsp/state/workspaceScope';
import { WorkspaceIndex } from '../../server/src/lsp/state/workspaceIndex';
import { StatsRequest } from '../../server/src/protocol';
import { LspClient, uriOf } from './client';

const FILES = 5000;
const pathOf = (i: number) => `/ws/plans/${String(Math.floor(i / 100)).padStart(2, '0')}/p${String(i).padStart(4, '0')}.plan.txt`;
const planText = (i: number) => `《计划${i}》分工方案\n一、重点任务\n推进第${i}号工程建设。(县甲局牵头,县乙局配合)\n`;
const OPEN = uriOf('/ws/open.plan.txt');

describe(`a workspace of ${FILES} plan files`, () => {
  let c: LspClient;
  const latencies: number[] = [];
  let scanMs = 0;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) files[pathOf(i)] = planText(i);
    c = new LspClient({ transport: 'in-process', host: new MemoryFileHost(files), root: '/ws', pull: true });
    const t0 = performance.now();
    await c.start();
    await c.open(OPEN, planText(-1));
    // While the index scans: an outline request and a look at the index every few milliseconds, each pair timed.
    const deadline = Date.now() + 60_000;
    let last = -1;
    let still = Date.now();
    for (;;) {
      const t = performance.now();
      await c.request('textDocument/documentSymbol', { textDocument: { uri: OPEN } });
      const s = await c.send(StatsRequest, {});
      latencies.push(performance.now() - t);
      if ((s.indexed >= FILES && !s.indexing) || Date.now() > deadline) break;
      // An index that stopped short: no use waiting for it.
      if (s.indexed !== last) [last, still] = [s.indexed, Date.now()];
      else if (!s.indexing && Date.now() - still > 3000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    scanMs = performance.now() - t0;
  }, 90_000);
  afterAll(() => c.stop());

  it('indexes every file, answering requests between its slices', async () => {
    expect((await c.send(StatsRequest, {})).indexed).toBe(FILES);
    // Requests were sent while it scanned, and none waited for the whole scan (before, one
    // waited ~2.4 s: the scan held the thread from its first file to its last).
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(scanMs / 3);
  });

  it('workspace symbols reach the last files as well as the first', async () => {
    for (const i of [0, 1999, 2000, 4999]) {
      const found = await c.request<{ location: { uri: string } }[]>('workspace/symbol', { query: `推进第${i}号工程` });
      expect(found.map((s) => s.location.uri), String(i)).toEqual([uriOf(pathOf(i))]);
    }
  });

  it('references and rename cover every plan', async () => {
    const at = { textDocument: { uri: OPEN }, position: { line: 2, character: 14 } };
    const refs = await c.request<{ uri: string }[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
    expect(new Set(refs.map((r) => r.uri)).size).toBe(FILES + 1);
    const edit = await c.request<{ documentChanges: { textDocument?: { uri: string } }[] }>('textDocument/rename', { ...at, newName: '县丙局' });
    const renamed = new Set(edit.documentChanges.map((d) => d.textDocument?.uri).filter((u) => u && u.endsWith('.plan.txt')));
    expect(renamed.size).toBe(FILES + 1);
  });
});

describe('the scan says where it stands', () => {
  it('reports its progress to a client that supports it, and the status carries the index', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[pathOf(i)] = planText(i);
    const c = new LspClient({ transport: 'in-process', host: new MemoryFileHost(files), root: '/ws', pull: true });
    try {
      await c.start();
      await c.open(OPEN, planText(-1));
      await c.diagnostics(OPEN);
      const done = async () => {
        const s = await c.send(StatsRequest, {});
        return s.indexed === 600 && !s.indexing;
      };
      for (let t = Date.now(); !(await done()) && Date.now() - t < 20_000; ) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      const kinds = c.progress.map((p) => p.value.kind);
      expect(kinds[0]).toBe('begin');
      expect(c.progress[0].value.title).toMatch(/索引工作区/);
      expect(kinds).toContain('report');
      expect(kinds.at(-1)).toBe('end');
      expect(c.status.get(OPEN)?.index).toEqual({ files: 600, scanning: false });
    } finally {
      await c.stop();
    }
  });

  it('past its limit the index says so instead of stopping silently', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[pathOf(i)] = planText(i);
    const host = new MemoryFileHost(files);
    const settings = new SettingsState();
    const index = new WorkspaceIndex(host, new Registries(host, settings, () => ['/ws'], () => {}, new WorkspaceScope(host, () => ['/ws'])), new Analyses(settings), () => {}, 10);
    await index.scan(['/ws'], () => false);
    expect(index.state).toEqual({ files: 10, scanning: false, limit: 10 });
    const roomy = new WorkspaceIndex(host, new Registries(host, settings, () => ['/ws'], () => {}, new WorkspaceScope(host, () => ['/ws'])), new Analyses(settings), () => {}, 30);
    await roomy.scan(['/ws'], () => false);
    expect(roomy.state).toEqual({ files: 30, scanning: false, limit: undefined });
  });
});
