// The status item's counts follow the plan once typing pauses, and a pause that ends after the
// client has gone is dropped quietly (the connection throws on a send once it is disposed: an
// uncaught error in the server, which CI caught).
import { afterEach, expect, it } from 'vitest';
import { MemoryFileHost } from '../../server/src/host/memory';
import { LspClient, uriOf } from './client';

const PLAN = '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头)\n';
const URI = uriOf('/ws/a.plan.txt');

let c: LspClient | undefined;
afterEach(() => c?.stop());

async function until(ok: () => boolean, ms = 3000): Promise<void> {
  for (const t = Date.now(); !ok() && Date.now() - t < ms; ) await new Promise((r) => setTimeout(r, 10));
}

it('the counts follow an edit once typing pauses; a pause that outlives the client is dropped', async () => {
  c = new LspClient({ transport: 'in-process', host: new MemoryFileHost({}), root: '/ws', pull: true });
  await c.start();
  await c.open(URI, PLAN);
  await c.diagnostics(URI);
  await until(() => c!.status.get(URI) !== undefined);
  expect(c.status.get(URI)).toMatchObject({ tasks: 1, clauses: 1 });
  const end = PLAN.split('\n').length - 1;
  await c.edit(URI, { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, '推进改革。(县乙局牵头)\n');
  await c.diagnostics(URI);
  await until(() => c!.status.get(URI)?.tasks === 2);
  expect(c.status.get(URI)).toMatchObject({ tasks: 2, clauses: 2 });
  // One more task, and the client leaves before the pause is over.
  await c.edit(URI, { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, '深化合作。(县丙局牵头)\n');
  await c.diagnostics(URI);
  await c.stop();
  c = undefined;
  await new Promise((r) => setTimeout(r, 500));
});
