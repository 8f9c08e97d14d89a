// The server in-process on an in-memory file host: the workspace index and registry files with
// no disk at all, changes reported by the host's watch, and one the editor never reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../server/src/cli/fix';
import { MemoryFileHost } from '../../server/src/host/memory';
import { StatsRequest } from '../../server/src/protocol';
import { LspClient, uriOf } from './client';

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头,县乙局配合)\n';
const REGISTRY = '{ "agencies": [{ "name": "县甲局" }] }\n';

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('in-process, on an in-memory file host', () => {
  let host: MemoryFileHost;
  let c: LspClient;
  type Sym = { name: string; location: { uri: string } };
  const symbols = (query: string) => c.request<Sym[]>('workspace/symbol', { query });
  const unknowns = async (uri: string) => (await c.diagnostics(uri)).filter((d) => d.code === 'agency.unknown').map((d) => d.message.match(/“(.+?)”/)![1]);

  beforeAll(async () => {
    host = new MemoryFileHost({
      '/ws/plans/a.plan.txt': PLAN,
      '/ws/notice.txt': '\ufeff《某规划》任务分工方案\n一、任务\n推进口岸互联。(县甲局牵头)\n',
      '/ws/notes.md': '# 会议纪要\n推进口岸互联。(县甲局牵头)\n',
      '/ws/gbk.txt': encodeGb18030('《乙》任务分工方案\n一、任务\n推进边贸发展。(县甲局牵头)\n')!,
      '/ws/node_modules/dep/x.plan.txt': PLAN,
      '/ws/fengong.registry.json': REGISTRY,
    });
    c = new LspClient({ transport: 'in-process', host, root: '/ws', pull: true });
    await c.start();
    await until('the index', async () => (await c.send(StatsRequest, {})).indexed === 3);
  });
  afterAll(() => c.stop());

  it('indexes plans by name, plain text by its first line in any encoding, and skips node_modules', async () => {
    expect((await symbols('推进口岸互联')).map((s) => s.location.uri)).toEqual([uriOf('/ws/notice.txt')]);
    expect((await symbols('推进边贸发展')).map((s) => s.location.uri)).toEqual([uriOf('/ws/gbk.txt')]);
    expect((await symbols('加快建设')).map((s) => s.location.uri)).toEqual([uriOf('/ws/plans/a.plan.txt')]);
  });

  it('reads a .txt or .md whole only when its first line names a plan', () => {
    const times = (path: string) => host.reads.filter((p) => p === path).length;
    expect(times('/ws/notes.md')).toBe(1); // its head
    expect(times('/ws/notice.txt')).toBe(2); // its head, then all of it
    expect(times('/ws/plans/a.plan.txt')).toBe(1); // a plan by its name: all of it at once
  });

  it('finds a plan\'s registry file on the host', async () => {
    const uri = uriOf('/ws/plans/open.plan.txt');
    await c.open(uri, PLAN);
    expect(await unknowns(uri)).toEqual(['县乙局']);
  });

  it('follows the host\'s watch: plans written and removed, the registry edited', async () => {
    host.write('/ws/plans/new.plan.txt', '《丙》分工方案\n一、任务\n推进物流建设。(县甲局牵头)\n');
    await until('the new plan in the index', async () => (await symbols('推进物流建设')).length === 1);
    host.remove('/ws/plans/new.plan.txt');
    await until('the removed plan gone', async () => (await symbols('推进物流建设')).length === 0);

    const uri = uriOf('/ws/plans/open.plan.txt');
    host.write('/ws/fengong.registry.json', '{ "agencies": [{ "name": "县甲局" }, { "name": "县乙局" }] }\n');
    await until('县乙局 known', async () => (await unknowns(uri)).length === 0);
  });

  it('notices a registry file changed behind the editor\'s back', async () => {
    const uri = uriOf('/ws/plans/open.plan.txt');
    host.write('/ws/fengong.registry.json', REGISTRY, { silent: true });
    await until('县乙局 unknown again', async () => (await unknowns(uri)).includes('县乙局'), 5000);
  });
});
