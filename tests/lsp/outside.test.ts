// Nothing outside the workspace folders is read (lsp/state/workspaceScope.ts): a link to a
// file elsewhere is not indexed, a document from outside is forgotten once closed, a request
// naming a path outside gets no content, and a project file above the folder applies only when
// `fengong.registry.searchAboveWorkspace` says so. On Node's file host, with real links.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportDocxRequest } from '../../server/src/protocol';
import { LspClient, uriOf } from './client';

const plan = (title: string, task: string, lead: string) => `《${title}》分工方案\n一、任务\n${task}。(${lead}牵头)\n`;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let top: string;
let ws: string;
let outside: string;

beforeAll(() => {
  // top/fengong.registry.json (above the workspace folder) knows 县甲局; the folder is top/ws.
  top = mkdtempSync(join(tmpdir(), 'fengong-top-'));
  ws = join(top, 'ws');
  mkdirSync(ws);
  writeFileSync(join(top, 'fengong.registry.json'), '{ "agencies": [{ "name": "县甲局" }] }\n');
  writeFileSync(join(ws, 'a.plan.txt'), plan('甲', '加快建设', '县甲局'));
  outside = mkdtempSync(join(tmpdir(), 'fengong-outside-'));
  writeFileSync(join(outside, 'secret.plan.txt'), plan('秘', '推进秘密工程', '县甲局'));
  writeFileSync(join(outside, 'opened.plan.txt'), plan('外', '推进外部工程', '县甲局'));
  symlinkSync(join(outside, 'secret.plan.txt'), join(ws, 'link.plan.txt'));
});

describe('in-process, on Node\'s file host, a workspace folder with a project file above it', () => {
  let c: LspClient;
  type Sym = { name: string; location: { uri: string } };
  const symbols = (query: string) => c.request<Sym[]>('workspace/symbol', { query });
  const unknowns = async (uri: string) => (await c.diagnostics(uri)).filter((d) => d.code === 'agency.unknown').map((d) => d.message.match(/“(.+?)”/)![1]);

  beforeAll(async () => {
    c = new LspClient({ transport: 'in-process', root: ws, pull: true });
    await c.start();
    await until('the scan', async () => (await symbols('加快建设')).length === 1);
  });
  afterAll(() => c.stop());

  it('does not index a link to a file outside the workspace, nor a file outside named by a file event', async () => {
    writeFileSync(join(ws, 'new.plan.txt'), plan('新', '推进新的工程', '县甲局'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [uriOf(join(ws, 'link.plan.txt')), uriOf(join(outside, 'secret.plan.txt')), uriOf(join(ws, 'new.plan.txt'))].map((uri) => ({ uri, type: 1 })),
    });
    // The file inside is indexed (the event was handled); the one outside is not, by either name.
    await until('the new plan in the index', async () => (await symbols('推进新的工程')).length === 1);
    expect(await symbols('推进秘密工程')).toEqual([]);
  });

  it('forgets a document from outside the workspace once it is closed', async () => {
    const inside = uriOf(join(ws, 'a.plan.txt'));
    const out = uriOf(join(outside, 'opened.plan.txt'));
    await c.open(out, plan('外', '推进外部工程', '县甲局'));
    expect((await symbols('推进外部工程')).length).toBe(1);
    await c.open(inside, plan('甲', '加快建设', '县甲局'));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: out } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: inside } });
    await until('the closed plan inside indexed again', async () => (await symbols('加快建设')).length === 1);
    expect(await symbols('推进外部工程')).toEqual([]);
  });

  it('exports to Word a plan inside the workspace that is not open, but reads none outside it', async () => {
    const ok = await c.send(ExportDocxRequest, { uri: uriOf(join(ws, 'a.plan.txt')) });
    expect(ok.base64.length).toBeGreaterThan(100);
    await expect(c.send(ExportDocxRequest, { uri: uriOf(join(outside, 'secret.plan.txt')) })).rejects.toThrow(/outside the workspace/);
    await expect(c.send(ExportDocxRequest, { uri: uriOf(join(ws, 'link.plan.txt')) })).rejects.toThrow(/outside the workspace/);
  });

  it('does not use the project file above the folder, and adds a name to a new one inside it', async () => {
    const uri = uriOf(join(ws, 'a.plan.txt'));
    await c.open(uri, plan('甲', '加快建设', '县甲局'));
    expect(await unknowns(uri)).toEqual(['县甲局']);
    const d = (await c.diagnostics(uri)).find((x) => x.code === 'agency.unknown')!;
    const actions = await c.request<{ title: string; edit: { documentChanges?: { kind?: string; uri?: string; textDocument?: { uri: string } }[]; changes?: Record<string, unknown> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const add = actions.find((a) => a.title.includes('加入单位名录'))!;
    expect(add.edit.changes).toBeUndefined();
    expect(add.edit.documentChanges![0]).toMatchObject({ kind: 'create', uri: uriOf(join(ws, 'fengong.registry.json')) });
  });
});

describe('with fengong.registry.searchAboveWorkspace', () => {
  it('uses the project file above the folder', async () => {
    const c = new LspClient({ transport: 'in-process', root: ws, pull: true, settings: { registry: { searchAboveWorkspace: true } } });
    await c.start();
    const uri = uriOf(join(ws, 'a.plan.txt'));
    await c.open(uri, plan('甲', '加快建设', '县甲局'));
    expect((await c.diagnostics(uri)).filter((d) => d.code === 'agency.unknown')).toEqual([]);
    await c.stop();
  });
});

describe('a project file inside the folder that links to one outside', () => {
  it('is not used unless the setting says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-linkreg-'));
    const reg = mkdtempSync(join(tmpdir(), 'fengong-reg-'));
    writeFileSync(join(reg, 'shared.json'), '{ "agencies": [{ "name": "县甲局" }] }\n');
    symlinkSync(join(reg, 'shared.json'), join(dir, 'fengong.json'));
    const c = new LspClient({ transport: 'in-process', root: dir, pull: true });
    await c.start();
    const uri = uriOf(join(dir, 'a.plan.txt'));
    await c.open(uri, plan('甲', '加快建设', '县甲局'));
    expect((await c.diagnostics(uri)).filter((d) => d.code === 'agency.unknown').length).toBe(1);
    await c.stop();
  });
});
