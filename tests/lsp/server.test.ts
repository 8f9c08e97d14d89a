// The server with a real LSP client, on the sample and broken copies of it: in-process over an
// in-memory connection, and the bundle over stdio (TRANSPORTS).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, applyEdits, LineIndex } from '../../server/src/engine';
import { ROOT, SAMPLE } from '../helpers';
import { DocumentTextRequest, StatsRequest } from '../../server/src/protocol';
import { LspClient, TRANSPORTS, uriOf } from './client';

type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
type Edit = { range: Range; newText: string };

let dir: string;
const lines = new LineIndex(SAMPLE);
const posOf = (text: string, needle: string, delta = 0): Pos => new LineIndex(text).positionAt(text.indexOf(needle) + delta);

function applyLsp(text: string, edits: Edit[]): string {
  const idx = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ span: { start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end) }, newText: e.newText })));
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'fengong-lsp-'));
  mkdirSync(join(dir, 'plans'));
  writeFileSync(join(dir, 'plans/sample.plan.txt'), SAMPLE);
  writeFileSync(join(dir, 'plans/other.plan.txt'), '《其他》分工方案\n一、任务\n加快建设。(自治区商务厅牵头,自治区财政厅配合)\n');
  // A plan saved as plain .txt (found by its first line), and a .md that is no plan.
  writeFileSync(join(dir, 'plans/notice.txt'), '\ufeff《某规划》任务分工方案\n一、任务\n推进口岸互联。(自治区商务厅牵头)\n');
  writeFileSync(join(dir, 'plans/notes.md'), '# 会议纪要\n推进口岸互联互通。(自治区商务厅牵头)\n');
});

describe.each(TRANSPORTS)('%s', (transport) => {
  describe.each([
    ['pull', true],
    ['push', false],
  ])('with %s diagnostics', (_mode, pull) => {
    let c: LspClient;
    const uri = () => uriOf(join(dir, 'plans/sample.plan.txt'));
    beforeAll(async () => {
      c = new LspClient({ pull, root: dir, transport });
      const caps = await c.start();
      expect(!!caps.diagnosticProvider).toBe(pull);
      await c.open(uri(), SAMPLE);
    });
    afterAll(() => c.stop());

    it('reports no error or warning on the sample', async () => {
      const d = await c.diagnostics(uri(), 1);
      expect(d.filter((x) => x.severity <= 2)).toEqual([]);
      expect(d.map((x) => x.code)).toEqual(['agency.alias', 'agency.alias']);
    });

    it('reports findings on a broken copy, and none stale after fast typing', async () => {
      const broken = SAMPLE.replace('(自治区商务厅牵头,满洲里海关、', '(满洲里海关、').replace('公安边防总队、贸促会等部门配合)', '公安边防总队、不存在会等部门配合)');
      const u = uriOf(join(dir, 'plans/broken.plan.txt'));
      await c.open(u, SAMPLE);
      // type the breakage one character at a time at the end of line 8's clause, then replace wholesale
      let v = 1;
      for (const ch of 'ABCDE') v = await c.edit(u, { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, ch);
      v = await c.replaceAll(u, broken);
      const d = await c.diagnostics(u, v);
      const codes = d.map((x) => x.code);
      expect(codes).toContain('clause.no-lead');
      expect(codes).toContain('agency.unknown');
      expect(d.find((x) => x.code === 'clause.no-lead')!.range.start.line).toBe(7);
      expect(d.every((x) => x.range.start.line < broken.split('\n').length)).toBe(true);
      // the typed ABCDE are gone: no finding was computed on a stale version
      const unknown = d.filter((x) => x.code === 'agency.unknown').map((x) => x.message);
      expect(unknown.some((m) => m.includes('自治区不存在会'))).toBe(true);
      expect(unknown.some((m) => m.includes('ABCDE'))).toBe(false);
    });

    it.runIf(pull)('answers unchanged when an edit left every finding as it was, and in full when it did not', async () => {
      const u = uriOf(join(dir, 'plans/unchanged.plan.txt'));
      await c.open(u, SAMPLE);
      type Report = { kind: string; resultId: string; items?: { code: string }[] };
      const pullOf = (previousResultId?: string) => c.request<Report>('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId });
      const first = await pullOf();
      expect(first.kind).toBe('full');
      // A line added at the end moves no finding.
      const end = SAMPLE.split('\n').length;
      await c.edit(u, { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, '\n附：说明。');
      const second = await pullOf(first.resultId);
      expect(second).toEqual({ kind: 'unchanged', resultId: first.resultId });
      // A character typed in the preamble moves every finding after it by one offset, and none
      // of their lines or columns: still unchanged (offsets in a diagnostic's data made it full).
      await c.edit(u, { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }, '切实');
      const typed = await pullOf(second.resultId);
      expect(typed).toEqual({ kind: 'unchanged', resultId: first.resultId });
      // A clause that names an unknown agency changes them.
      await c.edit(u, { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, '\n(八)新任务。(自治区不存在局牵头)');
      const third = await pullOf(second.resultId);
      expect(third.kind).toBe('full');
      expect(third.items!.map((x) => x.code)).toContain('agency.unknown');
    });

    it('gives an outline of 7 chapters and 29 sections, tasks with their lead', async () => {
      const symbols = await c.request<{ name: string; detail?: string; children: { name: string; kind: number; children: { name: string; detail?: string }[] }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: uri() } });
      expect(symbols).toHaveLength(7);
      expect(symbols[0].name).toBe('一、推进体制机制改革创新');
      const sections = symbols.flatMap((s) => s.children);
      expect(sections).toHaveLength(29);
      expect(sections[2].children.map((t) => `${t.name}|${t.detail}`)).toContain('拓展国际金融业务|牵头 人民银行呼和浩特中心支行');
    });

    it('folds chapters and sections; selects party → clause → task → section → chapter', async () => {
      const folds = await c.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: uri() } });
      expect(folds).toContainEqual({ startLine: 5, endLine: 25 }); // 一、 from line 6 to line 26
      expect(folds).toContainEqual({ startLine: 11, endLine: 15 }); // (三) with its three tasks
      const pos = posOf(SAMPLE, '交通运输厅、公安边防总队', 1);
      const [sel] = await c.request<{ range: Range; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: { uri: uri() }, positions: [pos] });
      const chain: string[] = [];
      for (let s: { range: Range; parent?: unknown } | undefined = sel; s; s = s.parent as never) chain.push(SAMPLE.slice(lines.offsetAt(s.range.start), lines.offsetAt(s.range.end)));
      expect(chain[0]).toBe('交通运输厅');
      expect(chain[2].startsWith('(自治区商务厅牵头')).toBe(true);
      expect(chain.at(-1)).toBe(SAMPLE);
    });

    it('completes agencies inside a clause, short form after a carried prefix, by Chinese and by pinyin', async () => {
      const text = SAMPLE.replace('(自治区商务厅牵头,满洲里海关、内蒙古出入境检验检疫局,自治区外事办、交通运输厅、', '(自治区商务厅牵头,满洲里海关、内蒙古出入境检验检疫局,自治区外事办、交');
      const u = uriOf(join(dir, 'plans/typing.plan.txt'));
      await c.open(u, text);
      const at = posOf(text, '自治区外事办、交', '自治区外事办、交'.length);
      const r = await c.request<{ items: { label: string; detail: string; textEdit: Edit }[] }>('textDocument/completion', { textDocument: { uri: u }, position: at });
      expect(r.items[0].label).toBe('交通运输厅');
      expect(r.items[0].detail.startsWith('自治区交通运输厅')).toBe(true);
      expect(applyLsp(text, [r.items[0].textEdit])).toContain('自治区外事办、交通运输厅公安边防总队');
      // pinyin initials: swt → 商务厅
      const t2 = text.replace('自治区外事办、交', '自治区外事办、swt');
      await c.replaceAll(u, t2);
      const r2 = await c.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: u }, position: posOf(t2, '、swt', 4) });
      expect(r2.items.map((i) => i.label)).toContain('商务厅');
      // outside a clause, after a task's text: the clause snippet
      const t3 = '《测试》分工方案\n一、任务\n加快口岸建设。优化通关环境。';
      await c.replaceAll(u, t3);
      const r3 = await c.request<{ items: { label: string; insertTextFormat: number; textEdit: Edit }[] }>('textDocument/completion', { textDocument: { uri: u }, position: { line: 2, character: 14 } });
      expect(r3.items[0].insertTextFormat).toBe(2);
      expect(r3.items[0].textEdit.newText).toBe('(${1:牵头单位}牵头,${2:配合单位}等部门配合)');
    });

    it('hovers a party with its registry name, other names and load', async () => {
      const pos = posOf(SAMPLE, '交通运输厅、公安边防总队', 2);
      const h = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri() }, position: pos });
      expect(h.contents.value).toContain('**自治区交通运输厅**');
      expect(h.contents.value).toMatch(/本文档 \(this document\): 牵头 1 项 · 配合 \d+ 项/);
      const h2 = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri() }, position: posOf(SAMPLE, '自治区商务厅牵头', 1) });
      expect(h2.contents.value).toContain('牵头 14 项 · 配合 17 项');
    });

    it('finds references across the workspace under any name, and highlights in the document', async () => {
      const pos = posOf(SAMPLE, '内蒙古民航机场集团等部门', 2);
      const refs = await c.request<{ uri: string; range: Range }[]>('textDocument/references', { textDocument: { uri: uri() }, position: pos, context: { includeDeclaration: true } });
      const here = refs.filter((r) => r.uri === uri());
      expect(here).toHaveLength(3); // 内蒙古民航机场集团 once, 内蒙古民航机场集团公司 twice
      const hl = await c.request<{ kind: number }[]>('textDocument/documentHighlight', { textDocument: { uri: uri() }, position: posOf(SAMPLE, '自治区商务厅牵头', 1) });
      expect(hl.filter((h) => h.kind === 3)).toHaveLength(14); // Write = lead
      const refs2 = await c.request<{ uri: string }[]>('textDocument/references', { textDocument: { uri: uri() }, position: posOf(SAMPLE, '自治区商务厅牵头', 1), context: { includeDeclaration: true } });
      expect(refs2.some((r) => r.uri.endsWith('other.plan.txt'))).toBe(true);
    });

    it('renames 自治区商务厅 in every clause naming it, keeping carried prefixes right', async () => {
      const prep = await c.request<{ placeholder: string; range: Range }>('textDocument/prepareRename', { textDocument: { uri: uri() }, position: posOf(SAMPLE, '自治区商务厅牵头', 1) });
      expect(prep.placeholder).toBe('自治区商务厅');
      const edit = await c.request<{ documentChanges: { textDocument: { uri: string }; edits: Edit[] }[] }>('textDocument/rename', { textDocument: { uri: uri() }, position: posOf(SAMPLE, '自治区商务厅牵头', 1), newName: '自治区商务和口岸厅' });
      const mine = edit.documentChanges.find((d) => d.textDocument.uri === uri())!;
      const renamed = applyLsp(SAMPLE, mine.edits);
      const before = analyze(SAMPLE).model.clauses.flatMap((c) => c.parties).filter((p) => p.agency === '自治区商务厅').length;
      expect(before).toBe(31);
      const after = analyze(renamed).model.clauses.flatMap((c) => c.parties);
      expect(after.filter((p) => p.name === '自治区商务和口岸厅')).toHaveLength(31);
      expect(after.filter((p) => p.name === '自治区商务厅')).toHaveLength(0);
      expect(renamed).toContain('(自治区发展改革委牵头,自治区经济和信息化委、科技厅、工商局、地税局、商务和口岸厅、财政厅');
      expect(edit.documentChanges.some((d) => d.textDocument.uri.endsWith('other.plan.txt'))).toBe(true);
    });

    it('offers quick fixes whose edits, applied, leave the text fixed', async () => {
      const broken = SAMPLE.replace('自治区外事办、交通运输厅', '自治区外事办、交通运输局').replace('(自治区金融办牵头,人民银行呼和浩特中心支行', '（自治区金融办牵头,人民银行呼和浩特中心支行');
      const u = uriOf(join(dir, 'plans/fix.plan.txt'));
      await c.open(u, broken);
      const diags = await c.diagnostics(u, 1);
      const unknown = diags.find((d) => d.code === 'agency.unknown')!;
      const actions = await c.request<{ title: string; edit: { changes?: Record<string, Edit[]>; documentChanges?: unknown[] }; kind: string }[]>('textDocument/codeAction', { textDocument: { uri: u }, range: unknown.range, context: { diagnostics: [unknown] } });
      const replace = actions.find((a) => a.title.includes('自治区交通运输厅'))!;
      const fixed = applyLsp(broken, replace.edit.changes![u]);
      expect(fixed).toContain('自治区外事办、交通运输厅、');
      expect(analyze(fixed).findings.filter((f) => f.code === 'agency.unknown')).toEqual([]);
      expect(actions.some((a) => a.title.includes('加入单位名录'))).toBe(true);
      const mism = diags.find((d) => d.code === 'clause.mismatched-brackets')!;
      const acts2 = await c.request<{ edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', { textDocument: { uri: u }, range: mism.range, context: { diagnostics: [mism], only: ['quickfix'] } });
      const fixed2 = applyLsp(broken, acts2[0].edit.changes[u]);
      expect(analyze(fixed2).findings.map((f) => f.code)).not.toContain('clause.mismatched-brackets');
      const all = await c.request<{ kind: string; edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      expect(all[0].kind).toBe('source.fixAll.fengong');
      const fixedAll = applyLsp(broken, all[0].edit.changes[u]);
      const codes = analyze(fixedAll).findings.map((f) => f.code);
      expect(codes).not.toContain('clause.mismatched-brackets');
      expect(codes).not.toContain('agency.alias');
    });

    it('answers workspace symbols from files that are not open', async () => {
      const syms = await c.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '加快建设' });
      expect(syms.some((s) => s.location.uri.endsWith('other.plan.txt'))).toBe(true);
      const more = await c.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '推进口岸互联' });
      expect(more.map((s) => s.location.uri.split('/').pop())).toEqual(['notice.txt']);
    });

    it('gives semantic tokens for lead, cooperating and unknown agencies', async () => {
      const t = await c.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uri() } });
      const types: number[] = [];
      for (let i = 3; i < t.data.length; i += 5) types.push(t.data[i]);
      expect(types.filter((x) => x === 0)).toHaveLength(78); // 77 clauses, one with two leads (内蒙古国税局、自治区地税局分别牵头)
      expect(types.filter((x) => x === 1).length).toBeGreaterThan(300);
    });

    it('analyses each version once however many requests ask', async () => {
      const before = await c.send(StatsRequest, {});
      for (let i = 0; i < 5; i++) {
        await c.request('textDocument/documentSymbol', { textDocument: { uri: uri() } });
        await c.request('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 7, character: 5 } });
        await c.request('textDocument/foldingRange', { textDocument: { uri: uri() } });
      }
      const after = await c.send(StatsRequest, {});
      expect(after.analyses - before.analyses).toBe(0);
      expect(c.alive).toBe(true);
    });
  });

  describe('the registry file in the workspace', () => {
    let c: LspClient;
    let ws: string;
    beforeAll(async () => {
      ws = mkdtempSync(join(tmpdir(), 'fengong-reg-'));
      writeFileSync(join(ws, 'fengong.registry.json'), '{\n  // 县级单位\n  "agencies": [\n    { "name": "县甲局" }\n  ]\n}\n');
      writeFileSync(join(ws, 'a.plan.txt'), '《甲》分工方案\n一、任务\n加快建设。(县甲局牵头,县乙局配合)\n');
      c = new LspClient({ pull: true, root: ws, transport });
      await c.start();
    });
    afterAll(() => c.stop());

    it('changes findings as the registry is edited, keeps the last good one when it breaks, and locates the break', async () => {
      const plan = uriOf(join(ws, 'a.plan.txt'));
      const reg = uriOf(join(ws, 'fengong.registry.json'));
      await c.open(plan, readFileSync(join(ws, 'a.plan.txt'), 'utf8'));
      let d = await c.diagnostics(plan);
      expect(d.filter((x) => x.code === 'agency.unknown').map((x) => x.message.match(/“(.+?)”/)![1])).toEqual(['县乙局']);
      const regText = readFileSync(join(ws, 'fengong.registry.json'), 'utf8');
      await c.open(reg, regText, 'json');
      const added = regText.replace('{ "name": "县甲局" }', '{ "name": "县甲局" },\n    { "name": "县乙局" }');
      await c.replaceAll(reg, added);
      d = await c.diagnostics(plan);
      expect(d.filter((x) => x.code === 'agency.unknown')).toEqual([]);
      // break it: the plan keeps the last good registry, the registry file gets a located error
      await c.replaceAll(reg, added.replace('"县乙局" }', '"县乙局" '));
      d = await c.diagnostics(plan);
      expect(d.filter((x) => x.code === 'agency.unknown')).toEqual([]);
      const rd = await c.diagnostics(reg);
      expect(rd[0].code).toBe('registry.invalid-json');
      expect(rd[0].range.start.line).toBe(5);
    });

    it('adds an unknown agency to the registry file with a minimal edit that keeps comments', async () => {
      const plan = uriOf(join(ws, 'b.plan.txt'));
      const text = '《乙》分工方案\n一、任务\n加快建设。(县甲局牵头,县丙局配合)\n';
      await c.open(plan, text);
      const reg = uriOf(join(ws, 'fengong.registry.json'));
      await c.replaceAll(reg, readFileSync(join(ws, 'fengong.registry.json'), 'utf8'));
      const d = (await c.diagnostics(plan)).find((x) => x.code === 'agency.unknown')!;
      const actions = await c.request<{ title: string; edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', { textDocument: { uri: plan }, range: d.range, context: { diagnostics: [d] } });
      const add = actions.find((a) => a.title.includes('加入单位名录'))!;
      const original = readFileSync(join(ws, 'fengong.registry.json'), 'utf8');
      const updated = applyLsp(original, add.edit.changes[reg]);
      expect(updated).toContain('// 县级单位');
      expect(updated).toContain('"name": "县丙局"');
      expect(updated.startsWith(original.slice(0, original.indexOf('{ "name": "县甲局" }') + '{ "name": "县甲局" }'.length))).toBe(true);
    });

    it('goes to an agency\'s entry in the registry file', async () => {
      const plan = uriOf(join(ws, 'a.plan.txt'));
      const text = readFileSync(join(ws, 'a.plan.txt'), 'utf8');
      const loc = await c.request<{ uri: string; range: Range }>('textDocument/definition', { textDocument: { uri: plan }, position: posOf(text, '县甲局', 1) });
      expect(loc.uri).toBe(uriOf(join(ws, 'fengong.registry.json')));
      const reg = await c.send(DocumentTextRequest, { uri: loc.uri });
      const line = reg!.split('\n')[loc.range.start.line];
      expect(line.slice(loc.range.start.character, loc.range.end.character)).toBe('"name": "县甲局"');
    });

    it('answers a request that fails inside its handler with an empty result, logs it, and lives on', async () => {
      const before = c.logs.length;
      expect(await c.request('textDocument/hover', { position: { line: 0, character: 0 } })).toBeNull();
      expect(c.logs.slice(before).some((l) => l.includes('hover failed'))).toBe(true);
      expect(await c.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(join(ws, 'a.plan.txt')) } })).toHaveLength(1);
      expect(c.alive).toBe(true);
    });

    it('survives requests at nonsense positions and unknown documents', async () => {
      const plan = uriOf(join(ws, 'a.plan.txt'));
      for (const position of [{ line: -1, character: -1 }, { line: 1e6, character: 1e6 }, { line: 2, character: 1e9 }]) {
        await c.request('textDocument/hover', { textDocument: { uri: plan }, position });
        await c.request('textDocument/completion', { textDocument: { uri: plan }, position });
        await c.request('textDocument/prepareRename', { textDocument: { uri: plan }, position });
      }
      expect(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///no/such.plan.txt' } })).toEqual([]);
      expect(c.alive).toBe(true);
    });
  });

  describe('drafting aids over LSP', () => {
    let c: LspClient;
    beforeAll(async () => {
      c = new LspClient({ pull: true, root: dir, transport });
      await c.start();
    });
    afterAll(() => c.stop());

    it('offers the next section number at the start of a line, after (二十九)', async () => {
      const text = SAMPLE + '\n\n';
      const u = uriOf(join(dir, 'plans/next.plan.txt'));
      await c.open(u, text);
      const line = text.split('\n').length - 1;
      const r = await c.request<{ items: { label: string; textEdit: Edit }[] }>('textDocument/completion', { textDocument: { uri: u }, position: { line, character: 0 } });
      expect(r.items.map((i) => i.label)).toContain('(三十)');
    });

    it('renumbers through a quick fix on numbering.gap, and through the command', async () => {
      const broken = SAMPLE.replace('(七)提高对外贸易水平', '(九)提高对外贸易水平');
      const u = uriOf(join(dir, 'plans/renumber.plan.txt'));
      await c.open(u, broken);
      const d = (await c.diagnostics(u)).find((x) => x.code === 'numbering.gap')!;
      const actions = await c.request<{ title: string; edit: { documentChanges: { edits: Edit[] }[] } }[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
      const fixed = applyLsp(broken, actions[0].edit.documentChanges[0].edits);
      expect(analyze(fixed).findings.filter((f) => f.code.startsWith('numbering.'))).toEqual([]);
    });

    it('formats clause punctuation to the document\'s majority width, idempotently', async () => {
      const text = SAMPLE.replace('(自治区商务厅牵头,满洲里海关、', '（自治区商务厅牵头，满洲里海关、');
      const u = uriOf(join(dir, 'plans/format.plan.txt'));
      await c.open(u, text);
      const edits = await c.request<Edit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
      const formatted = applyLsp(text, edits);
      expect(formatted).toContain('(自治区商务厅牵头,满洲里海关、');
      await c.replaceAll(u, formatted);
      expect(await c.request<Edit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    });
  });
});
