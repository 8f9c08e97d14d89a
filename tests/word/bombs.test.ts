// Word import has a memory bound (issue #19, item 3): a zip bomb, junk parts, size headers that
// lie and files that are no zip are refused quickly with a reason, in Chinese and English, and
// through the language server's fengong/importDocx the server stays up.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportDocxRequest } from '../../server/src/protocol';
import { DocxTooLargeError, importDocx, NotDocxError } from '../../server/src/word/docxImport';
import { importDocxInWorker } from '../../server/src/word/importInWorker';
import { loadWordLib } from '../../server/src/word/lib';
import { LIMITS, openPackage } from '../../server/src/word/package';
import { ROOT } from '../helpers';
import { LspClient, TRANSPORTS, uriOf } from '../lsp/client';
import { DOCUMENT_HEAD, deflatedRepeat, entriesOf, zipOf, type RawEntry } from './fixtures/bombs';
import { makeDocx, NUMBERED_PLAN_TEXT, numberedPlan, p, r } from './fixtures/build';

const MiB = 1024 * 1024;
const BOMB_MESSAGE = /压缩比超过 100:1，疑为压缩炸弹[\s\S]*a possible zip bomb/;
const WORKER = join(ROOT, 'dist/importWorker.js');

/** A part whose stored bytes are `data`, the headers claiming `size`. */
const part = (name: string, data: Uint8Array, size: number): RawEntry => ({ name, data, method: 8, size });
/** The numbered plan with its document.xml replaced by 200 MiB of paragraphs (about 620 KB deflated; the attack's was 723 KB). */
const bombWith = (claimed: number) => zipOf(entriesOf(numberedPlan(), { 'word/document.xml': part('word/document.xml', deflatedRepeat(200 * MiB, DOCUMENT_HEAD), claimed) }));

/** Text that deflates about 2:1 (a pseudo-random hex stream), as a body of paragraphs. */
function plainBody(bytes: number): string {
  let x = 12345;
  const out: string[] = [];
  for (let n = 0; n < bytes; n += 80) {
    let s = '';
    for (let i = 0; i < 16; i++) s += ((x = (x * 1103515245 + 12345) >>> 0) >>> 8).toString(16).slice(0, 3);
    out.push(p(r(s)));
  }
  return out.join('');
}

let dir: string;
let bomb: Uint8Array;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'fengong-bombs-'));
  bomb = bombWith(200 * MiB);
});

describe('a document.xml that inflates to 200 MiB (a 620 KB .docx)', () => {
  it('is refused within 3 s as a possible zip bomb, with memory bounded', async () => {
    expect(bomb.length).toBeLessThan(1_000_000);
    const rss = process.memoryUsage().rss;
    const start = Date.now();
    const error = await importDocx(bomb).catch((e: unknown) => e);
    expect(Date.now() - start).toBeLessThan(3000);
    expect(error).toBeInstanceOf(DocxTooLargeError);
    expect((error as Error).message).toMatch(BOMB_MESSAGE);
    expect((error as Error).message).toContain('word/document.xml');
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MiB);
  });

  it('stops inflating as soon as the part passes 100:1, a slice past its first MiB', async () => {
    const pkg = openPackage(await loadWordLib(), bomb);
    expect(() => pkg.part('word/document.xml')).toThrow(BOMB_MESSAGE);
    expect(pkg.inflated).toBeGreaterThan(LIMITS.ratioAfter);
    expect(pkg.inflated).toBeLessThan(LIMITS.ratioAfter + 10 * MiB);
  });
});

describe('eight junk parts of 250 MiB each beside a real plan', () => {
  const JUNK = ['word/settings.xml', 'word/theme/theme1.xml', 'word/fontTable.xml', 'word/webSettings.xml', 'docProps/core.xml', 'docProps/app.xml', 'customXml/item1.xml', 'word/glossary/document.xml'];
  const junk = () =>
    zipOf(entriesOf(numberedPlan(), Object.fromEntries(JUNK.map((name) => [name, part(name, deflatedRepeat(200 * MiB, DOCUMENT_HEAD), 250 * MiB)]))));

  it('are never inflated: the plan imports as it does without them, quickly', async () => {
    const start = Date.now();
    const { text } = await importDocx(junk());
    expect(text).toBe(NUMBERED_PLAN_TEXT + '\n');
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('inflates only the parts the importer reads: a few KiB', async () => {
    const pkg = openPackage(await loadWordLib(), junk());
    for (const path of [pkg.mainPath, ...['/styles', '/numbering', '/comments', '/header', '/footer'].flatMap((s) => pkg.related(s))]) pkg.part(path);
    expect(pkg.inflated).toBeLessThan(64 * 1024);
  });
});

describe('size headers that lie', () => {
  it('an under-stated document.xml is refused as the honest one is: the count is the inflater’s, not the header’s', async () => {
    const start = Date.now();
    await expect(importDocx(bombWith(1000))).rejects.toThrow(BOMB_MESSAGE);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('the total budget stops an under-stated part that compresses like text', async () => {
    const body = plainBody(3 * MiB);
    const docx = zipOf(entriesOf(makeDocx({ body }), { 'word/document.xml': part('word/document.xml', deflateSync(new TextEncoder().encode(DOCUMENT_HEAD + body + '</w:body></w:document>')), 1000) }));
    const pkg = openPackage(await loadWordLib(), docx, { ...LIMITS, totalBytes: 1 * MiB });
    expect(() => pkg.part('word/document.xml')).toThrow(/Word 文档展开后超过 1 MiB，未导入 \(the Word document expands to more than 1 MiB: not imported\)/);
    expect(pkg.inflated).toBeLessThan(1 * MiB + 256 * 1024);
  });

  it('an over-stated size (4 GiB claimed for a few KiB) does not hide the document', async () => {
    const doc = new TextEncoder().encode(DOCUMENT_HEAD + p(r('一、推进改革')) + '</w:body></w:document>');
    const docx = zipOf(entriesOf(numberedPlan(), { 'word/document.xml': part('word/document.xml', deflateSync(doc), 0xfffffff0) }));
    expect((await importDocx(docx)).text).toBe('一、推进改革\n');
  });
});

describe('files that are no Word document', () => {
  it('a text file, a picture, an empty file: not a zip package', async () => {
    for (const bytes of [new TextEncoder().encode('一、推进改革'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(40)]), new Uint8Array(0)]) {
      const error = await importDocx(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotDocxError);
      expect((error as Error).message).toBe('不是 Word 文档（.docx）：不是 zip 压缩包 (not a Word document (.docx): not a zip package)');
    }
  });

  it('a zip without word/document.xml, and one cut short: not a Word document', async () => {
    await expect(importDocx(zipOf([part('a.xml', deflateSync(new Uint8Array(10)), 10)]))).rejects.toThrow(
      '不是 Word 文档（.docx）：找不到正文 word/document.xml (not a Word document (.docx): no main document part)',
    );
    const plan = numberedPlan();
    for (const cut of [plan.length - 10, Math.floor(plan.length / 2), 100]) {
      const error = await importDocx(plan.subarray(0, cut)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotDocxError);
      expect((error as Error).message).toMatch(/^不是 Word 文档（\.docx）[\s\S]*\(not a Word document \(\.docx\)/);
    }
  });
});

describe('a damaged .docx (bytes changed anywhere, its zip fields pointing anywhere)', () => {
  it('imports, or is refused as no Word document: never another error', async () => {
    const plan = numberedPlan();
    const flips = fc.array(fc.tuple(fc.nat(plan.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(flips, async (changes) => {
        const bytes = plan.slice();
        for (const [at, value] of changes) bytes[at] = value;
        await importDocx(bytes).catch((e: unknown) => {
          if (!(e instanceof NotDocxError)) throw e;
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('fengong import', () => {
  it('exits 2 with one line saying why, quickly', () => {
    const file = join(dir, '炸弹.docx');
    writeFileSync(file, bomb);
    const start = Date.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'import', file, '-o', '-'], { encoding: 'utf8', timeout: 60_000 });
    expect(Date.now() - start).toBeLessThan(5000);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(BOMB_MESSAGE);
  });
});

describe('the import worker (dist/importWorker.js)', () => {
  it('imports a plan, and says why it refuses a file that is no .docx', async () => {
    expect((await importDocxInWorker(WORKER, numberedPlan())).text).toBe(NUMBERED_PLAN_TEXT + '\n');
    await expect(importDocxInWorker(WORKER, new TextEncoder().encode('一、推进改革'))).rejects.toThrow(NotDocxError);
    await expect(importDocxInWorker(WORKER, bomb)).rejects.toThrow(BOMB_MESSAGE);
  });

  it('a document that needs more heap than the worker has fails in the worker, with a reason', async () => {
    const heavy = makeDocx({ body: plainBody(2 * MiB) });
    const error = await importDocxInWorker(WORKER, heavy, { heapMb: 16, timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxTooLargeError);
    expect((error as Error).message).toBe('导入所需内存超过 16 MiB，未导入 (importing needs more than 16 MiB of memory: not imported)');
  });

  it('a document that takes longer than the timeout is stopped', async () => {
    const error = await importDocxInWorker(WORKER, numberedPlan(), { heapMb: 512, timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxTooLargeError);
    expect((error as Error).message).toBe('导入超过 0 秒，已停止 (the import took longer than 0 s: stopped)');
  });

  it('is bundled on its own, loads the Word libraries from word.js, and ships in the .vsix', () => {
    const js = readFileSync(WORKER, 'utf8');
    expect(js).not.toContain('fast-xml-parser');
    expect(js).toMatch(/["']\.\/word\.js["']/);
    expect(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n')).toContain('!dist/importWorker.js');
  });
});

describe.each(TRANSPORTS)('fengong/importDocx over LSP, %s', (transport) => {
  let c: LspClient;
  const uri = () => uriOf(join(dir, 'a.plan.txt'));
  beforeAll(async () => {
    c = new LspClient({ root: dir, transport });
    await c.start();
    await c.open(uri(), '《测试规划》重点工作分工方案\n一、推进改革\n(一)创新体制。(自治区商务厅牵头)\n');
  });
  afterAll(() => c.stop());

  it('answers a bomb with the reason, and the server still answers', async () => {
    const error = await c.send(ImportDocxRequest, { base64: Buffer.from(bomb).toString('base64') }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(BOMB_MESSAGE);
    const symbols = await c.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: uri() } });
    expect(symbols.map((s) => s.name)).toContain('一、推进改革');
    expect((await c.send(ImportDocxRequest, { base64: Buffer.from(numberedPlan()).toString('base64') })).text).toBe(NUMBERED_PLAN_TEXT + '\n');
  });
});
