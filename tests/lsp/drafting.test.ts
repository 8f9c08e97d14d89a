// What a drafter meets (issue #16), where the server decides: completion at a heading's end, at
// a line start and by pinyin, the registry of a new plan's first clause, a rename that applies
// and writes the registry, findings and titles in the display language, outline kinds, actions
// that say what they did. In-process, on an in-memory file host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without types
import { iconPng } from '../../client/icon.mjs';
import { analyze, applyEdits, LineIndex, RULES } from '../../server/src/engine';
import { MemoryFileHost } from '../../server/src/host/memory';
import { ReportCommand, ServerCommands } from '../../server/src/protocol';
import { ROOT, SAMPLE } from '../helpers';
import { LspClient, uriOf } from './client';

type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
type Edit = { range: Range; newText: string; annotationId?: string };
type Item = { label: string; detail?: string; sortText: string; filterText?: string; kind: number; insertTextFormat: number; preselect?: boolean; textEdit: Edit };
type DocChange = { kind?: string; uri?: string; textDocument?: { uri: string }; edits?: Edit[] };

const posOf = (text: string, needle: string, delta = needle.length): Pos => new LineIndex(text).positionAt(text.indexOf(needle) + delta);
const endOf = (text: string): Pos => new LineIndex(text).positionAt(text.length);
function applyLsp(text: string, edits: Edit[]): string {
  const idx = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ span: { start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end) }, newText: e.newText })));
}

const NEW_PLAN = '《测试规划》重点工作分工方案\n\n为贯彻落实《测试规划》，现提出如下分工方案。\n\n';

describe('drafting in the editor (issue #16)', () => {
  let host: MemoryFileHost;
  let c: LspClient;
  let n = 0;
  const complete = async (text: string, pos: Pos = endOf(text)) => {
    const uri = uriOf(`/ws/typing-${++n}.plan.txt`);
    await c.open(uri, text);
    return (await c.request<{ items: Item[]; isIncomplete: boolean }>('textDocument/completion', { textDocument: { uri }, position: pos })).items;
  };
  const clauses = (items: Item[]) => items.filter((i) => i.insertTextFormat === 2 && /牵头单位|责任单位/.test(i.textEdit.newText));

  beforeAll(async () => {
    host = new MemoryFileHost({ '/ws/sample.plan.txt': SAMPLE, '/ws/copy.plan.txt': SAMPLE });
    c = new LspClient({ transport: 'in-process', host, root: '/ws', pull: true });
    await c.start();
  });
  afterAll(() => c.stop());

  describe('item 1: no clause at a heading\'s end, in a heading line or while typing', () => {
    it('offers none at the end of a chapter title, nor while it is typed', async () => {
      expect(clauses(await complete(NEW_PLAN + '二、深化口岸通关改革'))).toEqual([]);
      expect(clauses(await complete(NEW_PLAN + '一、深化'))).toEqual([]);
    });

    it('offers none at the end of a section title, in the preamble, or mid-sentence', async () => {
      expect(clauses(await complete(NEW_PLAN + '一、深化口岸通关改革\n\n（一）创新口岸管理服务体系。'))).toEqual([]);
      expect(clauses(await complete('《测试规划》重点工作分工方案\n\n为贯彻落实《测试规划》，现提出如下分工方案。'))).toEqual([]);
      expect(clauses(await complete(NEW_PLAN + '一、深化口岸通关改革\n\n（一）创新口岸管理服务体系。优化口岸通关服务环境'))).toEqual([]);
    });

    it('offers it after a task\'s sentence, last, never preselected', async () => {
      const items = await complete(NEW_PLAN + '一、深化口岸通关改革\n\n（一）创新口岸管理服务体系。优化口岸通关服务环境。');
      const found = clauses(items);
      expect(found.map((i) => i.textEdit.newText)).toEqual(['(${1:牵头单位}牵头,${2:配合单位}等部门配合)', '(${1:责任单位}负责)']);
      expect(found.every((i) => !i.preselect && i.sortText.startsWith('zz'))).toBe(true);
      expect(clauses(await complete(NEW_PLAN + '一、深化口岸通关改革\n\n加快建设口岸。'))).toHaveLength(2);
    });

    it('offers no `clause` skeleton to text being typed', async () => {
      const items = await complete(NEW_PLAN + '一、深化口岸通关改革\n\n（一）创新');
      expect(items.filter((i) => i.label === 'clause')).toEqual([]);
    });
  });

  describe('item 7: at a line start the next heading number comes first', () => {
    const after8 = (typed: string) => {
      const lines = SAMPLE.split('\n');
      lines.splice(8, 0, typed);
      return { text: lines.join('\n'), pos: { line: 8, character: 1 } };
    };
    for (const [what, typed] of [
      ['( typed', '('],
      ['（ typed', '（'],
      ['() auto-closed', '()'],
      ['（） auto-closed', '（）'],
    ]) {
      it(`in the sample, ${what}`, async () => {
        const { text, pos } = after8(typed);
        const items = await complete(text, pos);
        expect(items[0].label).toMatch(/^[(（]二[)）]$/);
        expect(items[0].preselect).toBe(true);
        // Agencies may follow, after it.
        expect(items.slice(1).every((i) => i.sortText > items[0].sortText)).toBe(true);
      });
    }

    it('in a new plan, after its first chapter', async () => {
      const items = await complete(NEW_PLAN + '一、深化口岸通关改革\n（');
      expect(items[0].label).toBe('（一）');
    });
  });

  describe('item 5: filterText keeps the server\'s order under the editor\'s fuzzy ranking', () => {
    const line8 = SAMPLE.split('\n')[7];
    const inClause = (typed: string) => {
      const text = SAMPLE.replace(line8, line8.replace('自治区外事办、交通运输厅', `自治区外事办、${typed}`));
      return complete(text, posOf(text, `自治区外事办、${typed}`));
    };

    it('every match\'s filterText starts with what was typed: pinyin initials, full pinyin, Chinese', async () => {
      for (const typed of ['jtys', 'jt', 'jiaotong', '交通', '运输']) {
        const items = await inClause(typed);
        expect(items.length, typed).toBeGreaterThan(0);
        for (const i of items) expect(i.filterText!.toLowerCase().startsWith(typed), `${typed}: ${i.label} → ${i.filterText}`).toBe(true);
      }
      expect((await inClause('jtys'))[0].label).toBe('交通运输厅');
    });

    it('typing on, the editor filters the list it has: the names the longer pinyin matches lead with it', async () => {
      // The list asked for at `s`, filtered by the editor as `swt` is typed: 商务厅 (swt) must
      // lead with swt (after the `_` of a name the clause has: 商务厅 leads this one), 卫生厅
      // (wst) must not start with an s that would outrank it.
      const items = await inClause('s');
      const sw = items.find((i) => i.label === '商务厅')!;
      const ws = items.find((i) => i.label === '卫生厅')!;
      expect(sw.filterText!.startsWith('_swt')).toBe(true);
      expect(ws.filterText!.startsWith('swt')).toBe(false);
      const jt = (await inClause('j')).find((i) => i.label === '交通运输厅')!;
      expect(jt.filterText!.startsWith('jtys')).toBe(true);
    });

    it('swt lists 商务厅 first in a clause without it, 卫生厅 not at all', async () => {
      const line18 = SAMPLE.split('\n')[17];
      const m = /(自治区[^、,，()（）]+、)([^、,，()（）等]+)/.exec(line18)!;
      const text = SAMPLE.replace(line18, line18.replace(m[0], m[1] + 'swt'));
      const items = await complete(text, posOf(text, m[1] + 'swt'));
      expect(items[0].label).toBe('商务厅');
      expect(items.some((i) => i.label === '卫生厅')).toBe(false);
    });

    it('the clause\'s own names come last: its lead 商务厅 after 、 in its own clause', async () => {
      const items = await inClause('');
      expect(items[0].label).not.toBe('商务厅');
      const lead = items.findIndex((i) => i.label === '商务厅');
      expect(lead).toBeGreaterThan(items.length - 12);
      expect(items[lead].filterText!.startsWith('_')).toBe(true);
      expect(items[lead].detail).toContain('本条款已有');
    });
  });

  it('item 4: a new plan gets the agencies of its place from its first clause on', async () => {
    const uri = uriOf('/ws/new-first-clause.plan.txt');
    const start = NEW_PLAN + '一、深化口岸通关改革\n\n（一）创新口岸管理服务体系。优化口岸通关服务环境。';
    await c.open(uri, start);
    await c.diagnostics(uri);
    // The first clause, and completion asked at once (as the editor does on the keystroke).
    const text = start + '（内蒙古自治区发展改革委牵头，自治区商';
    await c.replaceAll(uri, text);
    const r = await c.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: endOf(text) });
    expect(r.items.map((i) => i.detail?.split(' ')[0])).toContain('自治区商务厅');
  });

  describe('items 2 and 3: a rename applies, and the registry follows', () => {
    it('renames a data agency with no confirmation, creating the workspace registry with the old name as an alias', async () => {
      const uri = uriOf('/ws/sample.plan.txt');
      await c.open(uri, SAMPLE);
      const edit = await c.request<{ changeAnnotations: Record<string, { needsConfirmation: boolean }>; documentChanges: DocChange[] }>('textDocument/rename', {
        textDocument: { uri },
        position: posOf(SAMPLE, '自治区商务厅牵头', 2),
        newName: '自治区商务和口岸厅',
      });
      expect(Object.values(edit.changeAnnotations).every((a) => a.needsConfirmation === false)).toBe(true);
      const registryUri = uriOf('/ws/fengong.registry.json');
      expect(edit.documentChanges.find((d) => d.kind === 'create')?.uri).toBe(registryUri);
      const registryText = applyLsp('', edit.documentChanges.find((d) => d.textDocument?.uri === registryUri)!.edits!);
      expect(JSON.parse(registryText).agencies).toEqual([{ name: '自治区商务和口岸厅', aliases: ['自治区商务厅'] }]);
      expect(edit.documentChanges.some((d) => d.textDocument?.uri === uriOf('/ws/copy.plan.txt'))).toBe(true);

      // Applied as the editor does: no finding for the new name.
      const renamed = applyLsp(SAMPLE, edit.documentChanges.find((d) => d.textDocument?.uri === uri)!.edits!);
      host.write('/ws/fengong.registry.json', registryText);
      await c.replaceAll(uri, renamed);
      const codes = async () => (await c.diagnostics(uri)).map((d) => d.code);
      const deadline = Date.now() + 5000;
      while ((await codes()).includes('agency.unknown') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await codes()).toEqual(['agency.alias', 'agency.alias']);
    });

    it('with a registry file, renaming a data agency appends its entry there', async () => {
      const uri = uriOf('/ws/sample.plan.txt');
      const text = SAMPLE;
      await c.replaceAll(uri, text);
      await c.diagnostics(uri);
      const edit = await c.request<{ documentChanges: DocChange[] }>('textDocument/rename', { textDocument: { uri }, position: posOf(text, '自治区财政厅', 2), newName: '自治区财政和国资厅' });
      const registryUri = uriOf('/ws/fengong.registry.json');
      expect(edit.documentChanges.some((d) => d.kind === 'create')).toBe(false);
      const before = (await host.readText('/ws/fengong.registry.json')).text!;
      const after = applyLsp(before, edit.documentChanges.find((d) => d.textDocument?.uri === registryUri)!.edits!);
      expect(JSON.parse(after).agencies).toEqual([
        { name: '自治区商务和口岸厅', aliases: ['自治区商务厅'] },
        { name: '自治区财政和国资厅', aliases: ['自治区财政厅'] },
      ]);
      host.write('/ws/fengong.registry.json', '{ "agencies": [] }\n');
    });
  });

  describe('item 8: the display language', () => {
    const broken = SAMPLE.replace('自治区金融办牵头', '自治区不存在厅牵头');
    for (const [locale, settings, zh, en] of [
      ['zh-cn', {}, true, false],
      ['en', {}, false, true],
      ['zh-cn', { messages: 'both' }, true, true],
    ] as const) {
      it(`findings with display language ${locale} and ${JSON.stringify(settings)}`, async () => {
        const other = new LspClient({ transport: 'in-process', host, root: '/ws', pull: true, locale, settings });
        await other.start();
        const uri = uriOf('/ws/broken.plan.txt');
        await other.open(uri, broken);
        const d = (await other.diagnostics(uri)).find((x) => x.code === 'agency.unknown')!;
        expect(d.message.includes('不在单位名录中')).toBe(zh);
        expect(d.message.includes('is not in the agency registry')).toBe(en);
        const items = (await other.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: posOf(broken, '自治区外事办、') })).items;
        expect(/本工作区|used/.test(items[0].detail ?? '')).toBe(true);
        expect((items[0].detail ?? '').includes('used')).toBe(en);
        await other.stop();
      });
    }
  });

  it('item 9: chapters and sections as headings (String), tasks as entries (EnumMember)', async () => {
    const symbols = await c.request<{ name: string; kind: number; children: { kind: number; children: { kind: number }[] }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('/ws/copy.plan.txt') } });
    expect(symbols).toHaveLength(7);
    expect(symbols.every((s) => s.kind === 15)).toBe(true); // SymbolKind.String
    expect(symbols[0].children[0].kind).toBe(15);
    expect(symbols[0].children[0].children[0].kind).toBe(22); // SymbolKind.EnumMember
  });

  describe('item 10: actions say what they did; near names by the written characters', () => {
    it('add to registry carries a report of the file and the name; fix all of its fixes', async () => {
      host.remove('/ws/fengong.registry.json');
      const broken = SAMPLE.replace('自治区金融办牵头', '自治区不存在厅牵头').replace('等部门配合)', '等部门配合）');
      const uri = uriOf('/ws/actions.plan.txt');
      await c.open(uri, broken);
      const diags = await c.diagnostics(uri);
      const unknown = diags.find((d) => d.code === 'agency.unknown')!;
      type Action = { title: string; kind: string; command?: { command: string; arguments: unknown[] } };
      const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: unknown.range.start, end: unknown.range.start }, context: { diagnostics: [unknown] } });
      const add = actions.find((a) => a.title.includes('加入单位名录'))!;
      expect(add.command?.command).toBe(ReportCommand);
      expect(add.command?.arguments[0]).toEqual({ kind: 'registry', name: '自治区不存在厅', file: uriOf('/ws/fengong.registry.json'), created: true });
      const all = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      expect(all[0].command?.arguments[0]).toEqual({ kind: 'fixed', fixes: expect.any(Number) });
      expect((all[0].command!.arguments[0] as { fixes: number }).fixes).toBeGreaterThan(0);
    });

    it('Repair plan answers with what each step changed', async () => {
      const uri = uriOf('/ws/repair.plan.txt');
      await c.open(uri, SAMPLE.replace('等部门配合)', '等部门配合）'));
      const r = await c.request<{ changed: number; counts: { fixes: number; format: number; renumber: number } }>('workspace/executeCommand', { command: ServerCommands.repair, arguments: [uri] });
      expect(r.counts.fixes).toBeGreaterThan(0);
      expect(r.changed).toBe(r.counts.fixes + r.counts.format + r.counts.renumber);
      expect(c.applied).toHaveLength(1);
    });

    it('the near names of 自治区商務厅 are its simplified form, not 民委 or 编办', () => {
      const a = analyze(SAMPLE.replace('自治区商务厅牵头', '自治区商務厅牵头'));
      const f = a.findings.find((x) => x.code === 'agency.unknown')!;
      expect(f.message).toContain('自治区商务厅');
      expect(f.message).not.toMatch(/民委|编办/);
    });
  });
});

describe('the manifest (items 6, 8, 11)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  it('gives every setting a scope, and lists the rule codes under fengong.severity', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { scope?: string; properties?: Record<string, { enum: string[] }> }>;
    for (const [k, v] of Object.entries(props)) expect(v.scope, k).toMatch(/^(application|machine|machine-overridable|window|resource|language-overridable)$/);
    const listed = Object.keys(props['fengong.severity'].properties!).sort();
    expect(listed).toEqual([...RULES.keys()].filter((c) => c !== 'engine.internal').sort());
    for (const code of listed) expect(nls[`config.severity.${code}`], code).toMatch(/[\u4e00-\u9fff]/);
  });

  it('wraps words and suggests in text for plans, as a prose language', () => {
    const d = pkg.contributes.configurationDefaults['[fengong]'];
    expect(d['editor.wordWrap']).toBe('on');
    expect(d['editor.wordBasedSuggestions']).toBe('off');
    expect(d['editor.quickSuggestions'].other).toBe('on');
  });

  it('puts every command in the category 分工方案, has an icon and no placeholder repository', () => {
    expect(pkg.contributes.commands.every((c: { category: string }) => c.category === '%category%')).toBe(true);
    expect(nls.category).toBe('分工方案');
    expect(pkg.icon).toBe('dist/icon.png');
    expect(JSON.stringify(pkg.repository ?? '')).not.toMatch(/example\.invalid/);
    const png = iconPng();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(256);
  });
});
