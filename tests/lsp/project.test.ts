// The project file in the language server, in-process on an in-memory file host: fengong.json's
// rules and messages apply to the plans under it, the settings override them, an edit of the open
// file applies unsaved, and its own problems are reported in it.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { LspClient, uriOf } from './client';

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局等部门配合)\n推进改革。(县甲局牵头,县乙局配合)\n';
const PROJECT = '{\n  // 项目规则\n  "agencies": [{ "name": "县甲局" }],\n  "rules": { "clause.no-lead": "error", "agency.unknown": "off", },\n  "messages": "en",\n}\n';
const ERROR = 1;
const HINT = 4;

let client: LspClient | undefined;
afterEach(() => client?.stop());

async function start(settings?: unknown): Promise<LspClient> {
  const host = new MemoryFileHost({ '/ws/fengong.json': PROJECT, '/ws/old/fengong.registry.json': '{ "agencies": [{ "name": "县甲局" }] }' });
  client = new LspClient({ transport: 'in-process', host, root: '/ws', pull: true, settings });
  await client.start();
  return client;
}

describe('the project file in the language server', () => {
  it('applies its rules and messages to the plans under it; the old name still works below', async () => {
    const c = await start();
    const uri = uriOf('/ws/plans/a.plan.txt');
    await c.open(uri, PLAN);
    const ds = await c.diagnostics(uri);
    expect(ds.map((d) => `${d.code} ${d.severity}`)).toEqual([`clause.no-lead ${ERROR}`]);
    expect(ds[0].message).toBe('Clause names cooperating parties but no lead');
    const old = uriOf('/ws/old/b.plan.txt');
    await c.open(old, PLAN);
    expect((await c.diagnostics(old)).map((d) => d.code)).toEqual(['clause.no-lead', 'agency.unknown']);
  });

  it('lets VS Code settings override it: fengong.severity by code, fengong.messages when not both', async () => {
    const c = await start({ severity: { 'clause.no-lead': 'hint' }, messages: 'zh-cn' });
    const uri = uriOf('/ws/plans/a.plan.txt');
    await c.open(uri, PLAN);
    const ds = await c.diagnostics(uri);
    expect(ds.map((d) => `${d.code} ${d.severity}`)).toEqual([`clause.no-lead ${HINT}`]);
    expect(ds[0].message).toBe('条款列有配合单位，但没有牵头单位');
  });

  it('an unsaved edit of the open fengong.json applies; a broken one is reported in it, located', async () => {
    const c = await start();
    const plan = uriOf('/ws/plans/a.plan.txt');
    await c.open(plan, PLAN);
    const project = uriOf('/ws/fengong.json');
    await c.open(project, PROJECT, 'jsonc');
    await c.replaceAll(project, PROJECT.replace('"agency.unknown": "off"', '"agency.unknown": "error"'));
    expect((await c.diagnostics(plan)).map((d) => `${d.code} ${d.severity}`)).toEqual([`clause.no-lead ${ERROR}`, `agency.unknown ${ERROR}`]);
    await c.replaceAll(project, PROJECT.replace('"agency.unknown"', '"agency.nope"'));
    const own = await c.diagnostics(project);
    expect(own.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(['registry.unknown-rule 3']);
  });
});
