// A project file that the loader cannot use (a preset named like an Object property, ten
// thousand levels of nesting) never takes the plans under it down: they keep their outline and
// findings, the last good registry stays in effect, and the file itself says what is wrong.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { LspClient, uriOf } from './client';

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局等部门配合)\n推进改革。(县甲局牵头,县乙局配合)\n';
const GOOD = '{ "agencies": [{ "name": "县甲局" }] }\n';
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

let client: LspClient | undefined;
afterEach(() => client?.stop());

async function start(files: Record<string, string>, settings?: unknown): Promise<LspClient> {
  client = new LspClient({ transport: 'in-process', host: new MemoryFileHost(files), root: '/ws', pull: true, settings });
  await client.start();
  return client;
}

/** What a drafter sees of a plan: its outline, its findings (code and the name they are about), its folding. */
async function seen(c: LspClient, uri: string) {
  const td = { textDocument: { uri } };
  const symbols = await c.request<{ name: string }[]>('textDocument/documentSymbol', td);
  const folding = await c.request<unknown[]>('textDocument/foldingRange', td);
  const ds = await c.diagnostics(uri);
  return { symbols: symbols.map((s) => s.name), folding: folding.length, findings: ds.map((d) => d.code) };
}

const PLAN_URI = uriOf('/ws/plans/a.plan.txt');

describe('a project file the loader cannot use', () => {
  for (const name of ['constructor', '__proto__', 'toString']) {
    it(`{"extends":["${name}"]}: the plan keeps its outline and findings; the file says the preset is unknown`, async () => {
      const text = `{"extends":["${name}"], "agencies": [{ "name": "县甲局" }]}\n`;
      const c = await start({ '/ws/fengong.json': text });
      await c.open(PLAN_URI, PLAN);
      const s = await seen(c, PLAN_URI);
      expect(s.symbols).toEqual(['一、任务']);
      expect(s.folding).toBeGreaterThan(0);
      // 县甲局 is the file's own: known; 县乙局 is not
      expect(s.findings).toEqual(['clause.no-lead', 'agency.unknown']);
      await c.open(uriOf('/ws/fengong.json'), text, 'jsonc');
      expect((await c.diagnostics(uriOf('/ws/fengong.json'))).map((d) => d.code)).toEqual(['registry.unknown-preset']);
    });
  }

  it('nested 10,000 levels on disk: the plan keeps its outline and findings; the file gets registry.invalid-json', async () => {
    const c = await start({ '/ws/fengong.json': DEEP });
    await c.open(PLAN_URI, PLAN);
    const s = await seen(c, PLAN_URI);
    expect(s.symbols).toEqual(['一、任务']);
    expect(s.findings).toContain('clause.no-lead');
    await c.open(uriOf('/ws/fengong.json'), DEEP, 'jsonc');
    const own = await c.diagnostics(uriOf('/ws/fengong.json'));
    expect(own.map((d) => `${d.code} ${d.range.start.character}`)).toEqual(['registry.invalid-json 100']);
    expect(own[0].message).toMatch(/嵌套超过 100 层/);
  });

  it('an unsaved edit that nests 10,000 levels: the last good registry stays in effect, and the file says why', async () => {
    const c = await start({ '/ws/fengong.json': GOOD });
    await c.open(PLAN_URI, PLAN);
    const project = uriOf('/ws/fengong.json');
    await c.open(project, GOOD, 'jsonc');
    expect((await seen(c, PLAN_URI)).findings).toEqual(['clause.no-lead', 'agency.unknown']);
    await c.replaceAll(project, `{ "agencies": [{ "name": "县甲局" }], "x": ${DEEP} }`);
    expect(await seen(c, PLAN_URI)).toEqual({ symbols: ['一、任务'], folding: expect.any(Number), findings: ['clause.no-lead', 'agency.unknown'] });
    expect((await c.diagnostics(project)).map((d) => d.code)).toEqual(['registry.invalid-json']);
    expect(c.logs.filter((l) => /RangeError|Maximum call stack/.test(l))).toEqual([]);
  });

  it('an unsaved edit past the 4 MiB project limit is not parsed: the file says so, the last good registry stays', async () => {
    const c = await start({ '/ws/fengong.json': GOOD });
    await c.open(PLAN_URI, PLAN);
    const project = uriOf('/ws/fengong.json');
    await c.open(project, GOOD, 'jsonc');
    // 1.5 million characters, 4.5 MB as UTF-8: under the limit in characters, over it in bytes.
    const huge = `{ /* ${'备'.repeat(1_500_000)} */ "agencies": [{ "name": "县甲局" }, { "name": "县乙局" }] }`;
    await c.replaceAll(project, huge);
    expect((await seen(c, PLAN_URI)).findings).toEqual(['clause.no-lead', 'agency.unknown']);
    const own = await c.diagnostics(project);
    expect(own.map((d) => d.code)).toEqual(['registry.unreadable']);
    expect(own[0].message).toMatch(/^项目文件无法读取，未生效：文件过大（超过 4 MiB）/);
    // Back under the limit, the edit takes effect.
    await c.replaceAll(project, '{ "agencies": [{ "name": "县甲局" }, { "name": "县乙局" }] }');
    expect((await seen(c, PLAN_URI)).findings).toEqual(['clause.no-lead']);
    expect(await c.diagnostics(project)).toEqual([]);
  });

  it('the setting fengong.registry.presets: ["constructor"] leaves the plan its outline and findings', async () => {
    const c = await start({}, { registry: { presets: ['constructor', '__proto__'] } });
    await c.open(PLAN_URI, PLAN);
    const s = await seen(c, PLAN_URI);
    expect(s.symbols).toEqual(['一、任务']);
    expect(s.findings).toContain('clause.no-lead');
  });
});
