// Versions that go backwards (6 → 2 → 6): an editor or a client that restarts its count, or
// replays. What the server shows must follow the text it holds, never the version number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { LspClient, uriOf } from './client';

const REGISTRY = '{ "agencies": [{ "name": "县甲局" }] }\n';
const plan = (lead: string) => `《甲》分工方案\n一、任务\n加快建设。(${lead}牵头)\n`;

describe('versions that go backwards', () => {
  let c: LspClient;
  const uri = uriOf('/ws/a.plan.txt');
  const unknowns = async () => (await c.diagnostics(uri)).filter((d) => d.code === 'agency.unknown').map((d) => d.message.match(/“(.+?)”/)![1]);
  const change = (version: number, contentChanges: unknown[]) => c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  const symbols = () => c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });

  beforeAll(async () => {
    c = new LspClient({ transport: 'in-process', host: new MemoryFileHost({ '/ws/fengong.registry.json': REGISTRY }), root: '/ws', pull: true });
    await c.start();
  });
  afterAll(() => c.stop());

  it('finds what the text says after 6 → 2 → 6 with whole texts', async () => {
    await c.open(uri, plan('县丙局'));
    expect(await unknowns()).toEqual(['县丙局']);
    await change(6, [{ text: plan('县丁局') }]);
    expect(await unknowns()).toEqual(['县丁局']);
    // Version 2 (乙), not looked at; then version 6 again with another text than the first 6.
    await change(2, [{ text: plan('县戊局') }]);
    await change(6, [{ text: plan('县己局') }]);
    expect(await unknowns()).toEqual(['县己局']);
    // And 2 looked at, then 6 with the text 6 had before.
    await change(2, [{ text: plan('县戊局') }]);
    expect(await unknowns()).toEqual(['县戊局']);
    await change(6, [{ text: plan('县己局') }]);
    expect(await unknowns()).toEqual(['县己局']);
  });

  it('finds what the text says after 6 → 2 → 6 with incremental edits', async () => {
    await change(7, [{ text: plan('县丙局') }]);
    expect(await unknowns()).toEqual(['县丙局']);
    // 县丙局 → 县庚局, then → 县辛局: each change on the text the one before left.
    const at = { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } };
    await change(2, [{ range: at, text: '庚' }]);
    await change(7, [{ range: at, text: '辛' }]);
    expect(await unknowns()).toEqual(['县辛局']);
    // A line added above: the tasks move, and the window of an edit lands where it should.
    await change(3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '二、其他\n推进工作。(县壬局牵头)\n' }]);
    await change(7, [{ range: { start: { line: 4, character: 7 }, end: { line: 4, character: 8 } }, text: '癸' }]);
    expect(await unknowns()).toEqual(['县壬局', '县癸局']);
    expect(JSON.stringify(await symbols())).toMatch(/推进工作[\s\S]*加快建设/);
  });
});
