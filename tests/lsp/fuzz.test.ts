// Random incremental edits and random requests through LSP: the server's text equals the
// client's, every answer is well formed, no edit overlaps another or leaves the document, and
// the server is alive at the end. Seeded and bounded; the seed is printed for reproduction
// (FENGONG_FUZZ_SEED=… FENGONG_FUZZ_STEPS=…).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE } from '../helpers';
import { DocumentTextRequest } from '../../server/src/protocol';
import { LspClient, TRANSPORTS, uriOf } from './client';

type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
type Edit = { range: Range; newText: string };

// CI runs one fixed seed (a red CI must be reproducible); a person gets a fresh one each run.
const SEED = Number(process.env.FENGONG_FUZZ_SEED ?? (process.env.CI ? 20261127 : Date.now() % 1_000_000));
const STEPS = Number(process.env.FENGONG_FUZZ_STEPS ?? 250);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['(', ')', '（', '）', '【', '】', '、', ',', '，', '；', '牵头', '配合', '负责', '等部门', '牵头单位：', '一、', '(三十)', '1.', '\n', '\r\n', '\r', '\u3000', '\ufeff', '😀', '\ud800', '自治区', '商务厅', '交通运输厅', '各盟市人民政府', ''];

function inside(doc: TextDocument, r: Range): boolean {
  const ok = (p: Pos) => p.line >= 0 && p.character >= 0 && p.line < doc.lineCount && doc.offsetAt(p) <= doc.getText().length;
  return ok(r.start) && ok(r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

function checkEdits(doc: TextDocument, edits: Edit[]): void {
  const spans = edits.map((e) => {
    expect(inside(doc, e.range), JSON.stringify(e.range)).toBe(true);
    return [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
  });
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) expect(spans[i][0], 'overlapping edits').toBeGreaterThanOrEqual(spans[i - 1][1]);
}

describe.each(TRANSPORTS)(`LSP fuzz (seed ${SEED}, ${STEPS} steps), %s`, (transport) => {
  let c: LspClient;
  let dir: string;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), 'fengong-fuzz-'));
    c = new LspClient({ pull: true, root: dir, transport });
    await c.start();
  });
  afterAll(() => c.stop());

  it('keeps the server alive, in step with the client, answering well-formed', async () => {
    console.log(`fuzz seed ${SEED} (reproduce with FENGONG_FUZZ_SEED=${SEED})`);
    const random = rng(SEED);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const uri = uriOf(join(dir, 'fuzz.plan.txt'));
    let doc = TextDocument.create(uri, 'fengong', 1, SAMPLE);
    await c.open(uri, SAMPLE);
    const randomPos = (): Pos => {
      // sometimes past the end of a line or the document, sometimes inside a surrogate pair or CRLF
      const line = Math.floor(random() * (doc.lineCount + 2)) - 1;
      const character = Math.floor(random() * 400) - 2;
      return { line, character };
    };
    for (let step = 0; step < STEPS; step++) {
      // an incremental edit
      const a = doc.positionAt(Math.floor(random() * (doc.getText().length + 1)));
      const b = doc.positionAt(doc.offsetAt(a) + Math.floor(random() * 6));
      const text = random() < 0.2 ? '' : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PIECES)).join('');
      const range = random() < 0.1 ? { start: { line: a.line, character: a.character + 1000 }, end: { line: a.line, character: a.character + 1000 } } : { start: a, end: b };
      const version = doc.version + 1;
      if (random() < 0.3) {
        // Two changes in one notification, as an editor sends for multiple cursors: the second
        // is measured on the text the first left.
        const once = TextDocument.create(uri, 'fengong', version, doc.getText());
        TextDocument.update(once, [{ range, text }], version);
        const p = once.positionAt(Math.floor(random() * (once.getText().length + 1)));
        const q = once.positionAt(once.offsetAt(p) + Math.floor(random() * 4));
        const second = { range: { start: p, end: q }, text: pick(PIECES) };
        doc = TextDocument.update(doc, [{ range, text }, second], version);
        await c.editMany(uri, [{ range, text }, second]);
      } else {
        doc = TextDocument.update(doc, [{ range, text }], version);
        await c.edit(uri, range, text);
      }

      // a random request at a random position
      const pos = randomPos();
      const td = { textDocument: { uri } };
      switch (Math.floor(random() * 9)) {
        case 0: {
          const d = await c.diagnostics(uri);
          for (const x of d as unknown as { range: Range }[]) expect(inside(doc, x.range)).toBe(true);
          break;
        }
        case 1: {
          const syms = await c.request<{ range: Range; selectionRange: Range; children?: unknown[] }[]>('textDocument/documentSymbol', td);
          for (const s of syms) expect(inside(doc, s.range) && inside(doc, s.selectionRange)).toBe(true);
          break;
        }
        case 2: {
          const r = await c.request<{ items: { textEdit: Edit }[] } | null>('textDocument/completion', { ...td, position: pos });
          for (const it of r?.items ?? []) expect(inside(doc, it.textEdit.range)).toBe(true);
          break;
        }
        case 3: {
          const h = await c.request<{ range?: Range } | null>('textDocument/hover', { ...td, position: pos });
          if (h?.range) expect(inside(doc, h.range)).toBe(true);
          break;
        }
        case 4: {
          const start = doc.positionAt(Math.floor(random() * doc.getText().length));
          const actions = await c.request<{ edit?: { changes?: Record<string, Edit[]>; documentChanges?: { textDocument: { uri: string }; edits: Edit[] }[] } }[]>('textDocument/codeAction', { ...td, range: { start, end: doc.positionAt(doc.offsetAt(start) + 40) }, context: { diagnostics: [] } });
          for (const act of actions) {
            const mine = act.edit?.changes?.[uri] ?? act.edit?.documentChanges?.find((d) => d.textDocument?.uri === uri)?.edits;
            if (mine) checkEdits(doc, mine);
          }
          break;
        }
        case 5: {
          const p = await c.request<{ range: Range } | null>('textDocument/prepareRename', { ...td, position: pos });
          if (p) {
            expect(inside(doc, p.range)).toBe(true);
            const e = await c.request<{ documentChanges?: { textDocument: { uri: string }; edits: Edit[] }[]; changes?: Record<string, Edit[]> } | null>('textDocument/rename', { ...td, position: p.range.start, newName: '自治区测试厅' });
            const mine = e?.changes?.[uri] ?? e?.documentChanges?.find((d) => d.textDocument.uri === uri)?.edits;
            if (mine) checkEdits(doc, mine);
          }
          break;
        }
        case 6:
          await c.request('textDocument/foldingRange', td);
          break;
        case 7: {
          const t = await c.request<{ data: number[] }>('textDocument/semanticTokens/full', td);
          expect(t.data.length % 5).toBe(0);
          break;
        }
        default: {
          const edits = await c.request<Edit[]>('textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } });
          checkEdits(doc, edits);
        }
      }
      if (step % 25 === 24) expect(await c.send(DocumentTextRequest, { uri })).toBe(doc.getText());
    }
    expect(await c.send(DocumentTextRequest, { uri })).toBe(doc.getText());
    // What the edited document shows is what the same text shows opened fresh.
    const fresh = uriOf(join(dir, 'fresh.plan.txt'));
    await c.open(fresh, doc.getText());
    const shown = async (u: string) => ({
      diagnostics: (await c.diagnostics(u)).map((d) => JSON.stringify(d).replaceAll(u, '')),
      symbols: await c.request('textDocument/documentSymbol', { textDocument: { uri: u } }),
    });
    expect(await shown(uri)).toEqual(await shown(fresh));
    expect(c.alive).toBe(true);
    expect(c.logs.filter((l) => l.includes('failed:'))).toEqual([]);
  }, 120_000);
});
