// Scale rows (issue #19, items 8 and 9): a workspace of many plan files on disk, and one 50 MB
// plan. Both run dist/server.js beside the minimal server (or a floor measured in this process).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { collectGarbage, consume, measureAsync, measureSync, medianOf } from './measure.mjs';
import { sleep, startServer } from './lsp.mjs';
import { togglingEdit } from './texts.mjs';

const require = createRequire(import.meta.url);

export const WORKSPACE_SIZES = [2000, 5000];
export const BIG_DOCUMENT_BYTES = 50 * 1000 * 1000;

/** A small plan of its own: a title, two chapters, ten tasks with their clauses (~1 KB). */
function planText(i) {
  const tasks = Array.from({ length: 10 }, (_, k) => `(${'一二三四五六七八九十'[k]})推进第${i}号工程第${k + 1}项建设。(县甲局牵头,县乙局、县丙局配合)`);
  return [`《第${i}号工程》重点任务分工方案`, '', '一、总体要求', ...tasks.slice(0, 5), '', '二、保障措施', ...tasks.slice(5), ''].join('\n');
}

function writeWorkspace(dir, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, 'plans', String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const f = join(sub, `p${String(i).padStart(5, '0')}.plan.txt`);
    writeFileSync(f, planText(i));
    files.push(f);
  }
  return files;
}

/** Floor: read every file once, one after another, in this process (the page cache warm). */
async function readAll(files) {
  let n = 0;
  for (const f of files) n += (await readFile(f)).length;
  return n;
}

/**
 * Per size: how soon a workspace/symbol sent at `initialized` is answered (the scan runs in the
 * background), how long until every file is indexed (fengong/stats), a workspace/symbol for the
 * last file once it is, and RSS then; beside reading the files (floor) and the minimal server's RSS.
 */
export async function measureWorkspaces(fengong, minimal, log) {
  const out = {};
  for (const count of WORKSPACE_SIZES) {
    log(`scale: a workspace of ${count} plan files`);
    const dir = mkdtempSync(join(os.tmpdir(), `fengong-bench-ws${count}-`));
    const row = { count };
    let s;
    let m;
    try {
      const files = writeWorkspace(dir, count);
      row.bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
      await readAll(files);
      const reads = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        consume(await readAll(files));
        reads.push(performance.now() - t);
      }
      row.readFloor = medianOf(reads);

      s = await startServer(fengong, { cwd: os.tmpdir(), root: dir });
      const t0 = performance.now();
      // While it scans: a workspace/symbol every 20 ms, each timed (the scan runs in slices).
      const during = [];
      for (;;) {
        const st = await s.request('fengong/stats', {});
        if (st.indexed >= count && !st.indexing) break;
        if (performance.now() - t0 > 120_000) throw new Error(`index stuck at ${st.indexed} of ${count}`);
        if (st.indexing) {
          const t = performance.now();
          await s.request('workspace/symbol', { query: `推进第${count - 1}号工程第1项建设` });
          during.push(performance.now() - t);
        }
        await sleep(20);
      }
      row.indexed = performance.now() - t0;
      row.during = during.length ? medianOf(during) : undefined;
      row.duringMax = during.length ? Math.max(...during) : undefined;
      const query = { query: `推进第${count - 1}号工程第1项建设` };
      row.symbolsIndexed = await measureAsync(async () => consume((await s.request('workspace/symbol', query))?.length ?? 0), { budgetMs: 500 });
      // The last file's section and task of that name: found in that file and no other.
      const last = pathToFileURL(files[count - 1]).href;
      const found = (await s.request('workspace/symbol', query)) ?? [];
      row.found = found.length > 0 && found.every((x) => x.location.uri === last);
      await sleep(300);
      row.rss = s.rss();
      row.peak = s.rss('VmHWM');
      m = await startServer(minimal, { cwd: os.tmpdir(), root: dir });
      await sleep(300);
      row.minimalRss = m.rss();
    } catch (e) {
      row.failed = String(e?.message ?? e).split('\n')[0];
    } finally {
      await s?.stop();
      await m?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    out[count] = row;
    collectGarbage();
  }
  return out;
}

/**
 * One plan of 50 MB (the sample over and over): didOpen → first diagnostics, a one-character
 * didChange → diagnostics, the outline, RSS; fengong beside the minimal server, and the edit
 * beside floor (c), TextDocument.update on the same text.
 */
export async function measureBigDocument(sample, fengong, minimal, log) {
  const copies = Math.ceil(BIG_DOCUMENT_BYTES / Buffer.byteLength(sample));
  const text = Array(copies).fill(sample).join('\n');
  const out = { chars: text.length, bytes: Buffer.byteLength(text), copies };
  const at = Math.floor(text.length / 2);
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const doc = TextDocument.create('file:///bench/floor.txt', 'fengong', 1, text);
  doc.positionAt(0);
  const floorEdit = togglingEdit(at);
  out.updateFloor = measureSync(() => TextDocument.update(doc, [floorEdit.change((o) => doc.positionAt(o))], doc.version + 1), { budgetMs: 400 });
  collectGarbage();
  for (const [name, script] of [['fengong', fengong], ['minimal', minimal]]) {
    log(`scale: a ${Math.round(out.bytes / 1e6)} MB plan, ${name}`);
    const o = (out[name] = {});
    let s;
    try {
      s = await startServer(script, { cwd: os.tmpdir() });
      const uri = pathToFileURL(join(os.tmpdir(), 'fengong-bench-big.plan.txt')).href;
      const t = performance.now();
      const first = await s.diagnosticsOnOpen(uri, text);
      o.firstDiagnostics = performance.now() - t;
      o.findings = [...new Set((first?.items ?? first?.diagnostics ?? []).map((d) => d.code))];
      const d = s.document(uri);
      const edit = togglingEdit(at);
      o.keystroke = await measureAsync(() => s.diagnosticsAfter(uri, () => s.change(uri, edit.change((p) => d.positionAt(p))).sent), { budgetMs: 1500, warmupRuns: 1, maxSamples: 12 });
      o.outline = await measureAsync(async () => consume((await s.request('textDocument/documentSymbol', { textDocument: { uri } }))?.length ?? 0), { budgetMs: 500, warmupRuns: 1, maxSamples: 12 });
      await sleep(300);
      o.rss = s.rss();
      o.peak = s.rss('VmHWM');
    } catch (e) {
      o.failed = String(e?.message ?? e).split('\n')[0];
    } finally {
      await s?.stop();
    }
    collectGarbage();
  }
  return out;
}
