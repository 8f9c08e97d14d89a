// Coverage in the language server: the project file's `source` (relative to it) or the command's
// choice (CompareWithSourceRequest) adds coverage.unassigned / coverage.unsourced to the plan's
// findings, hover on a task lists the source measures it covers, and typing re-scores only the
// task it changed.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { CompareWithSourceRequest } from '../../server/src/protocol';
import { LspClient, uriOf } from './client';

const SOURCE = '一、重点任务\n（一）加快口岸建设。推进满洲里口岸扩能改造，完善查验设施。\n（二）举办中俄蒙旅游节。\n';
const OTHER = '一、重点任务\n（一）全民健身。开展全民健身运动。\n';
const PLAN = '《口岸建设》分工方案\n一、重点任务\n推进满洲里口岸扩能改造，完善口岸查验设施。(县甲局牵头)\n开展全民健身运动。(县甲局牵头)\n';
const INFO = 3;
const HINT = 4;

let client: LspClient | undefined;
afterEach(() => client?.stop());

async function start(project: string): Promise<LspClient> {
  const host = new MemoryFileHost({ '/ws/fengong.json': project, '/ws/上位/规划.txt': SOURCE, '/ws/other.txt': OTHER });
  client = new LspClient({ transport: 'in-process', host, root: '/ws', pull: true });
  await client.start();
  return client;
}

describe('coverage in the language server', () => {
  it('the project file’s source: findings on the plan and the unsourced task, hover lists the measures a task covers', async () => {
    const c = await start('{ "agencies": [{ "name": "县甲局" }], "source": "上位/规划.txt" }');
    const uri = uriOf('/ws/plans/a.plan.txt');
    await c.open(uri, PLAN);
    const ds = await c.diagnostics(uri);
    expect(ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}`)).toEqual([`coverage.unassigned ${INFO} 0`, `coverage.unsourced ${HINT} 3`]);
    expect(ds[0].message).toContain('举办中俄蒙旅游节');
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    expect(hover?.contents.value).toContain('第 2 行 (line 2): 推进满洲里口岸扩能改造，完善查验设施');
    // Typing in the unsourced task's line: the other task's matches are kept, the findings follow.
    await c.replaceAll(uri, PLAN.replace('开展全民健身运动', '举办中俄蒙旅游节'));
    expect((await c.diagnostics(uri)).map((d) => d.code)).toEqual([]);
  });

  it('the command’s choice wins over the project file’s; null goes back to it', async () => {
    const c = await start('{ "agencies": [{ "name": "县甲局" }], "source": "上位/规划.txt" }');
    const uri = uriOf('/ws/plans/a.plan.txt');
    await c.open(uri, PLAN);
    const r = await c.send(CompareWithSourceRequest, { uri, source: '/ws/other.txt' });
    expect(r).toMatchObject({ source: '/ws/other.txt', assigned: 1, total: 1, unsourced: 1, measures: [] });
    expect((await c.diagnostics(uri)).map((d) => `${d.code} ${d.range.start.line}`)).toEqual(['coverage.unsourced 2']);
    const back = await c.send(CompareWithSourceRequest, { uri, source: null });
    // The unassigned measures with their place in the source, for the list the client shows.
    expect(back).toMatchObject({ source: '/ws/上位/规划.txt', total: 2, measures: [{ line: 2, character: 3, text: '举办中俄蒙旅游节' }] });
    const missing = await c.send(CompareWithSourceRequest, { uri, source: '/ws/nowhere.txt' });
    expect(missing?.error).toMatch(/cannot read the source document/);
  });
});
