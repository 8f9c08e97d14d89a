// Editor features computed by the engine: completion, hover, rename, fixes, tokens, folding.
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import {
  addAgencyEdits,
  analyze,
  applyEdits,
  completeAt,
  safeFixes,
  fixesFor,
  hoverAt,
  loadRegistryFile,
  presetFor,
  Registry,
  renameAgencyEdits,
  renameEdits,
  semanticTokens,
  TOKEN_TYPES,
} from '../../server/src/engine';
import { SAMPLE, taskPlan } from '../helpers';

const registry = presetFor('inner-mongolia');
const py = (s: string) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
const labels = (text: string, at: string, extra = {}) =>
  completeAt(text, text.indexOf(at) + at.length, { registry, pinyin: py, ...extra }).items.map((i) => i.label);

describe('completion', () => {
  const text = taskPlan('加快口岸建设。(自治区商务厅牵头,自治区外事办、交');
  it('offers the short form after a carried prefix, by Chinese substring', () => {
    expect(labels(text, '外事办、交')[0]).toBe('交通运输厅');
    expect(labels(taskPlan('加快口岸建设。(自治区商务厅牵头,运输'), '牵头,运输')).toContain('自治区交通运输厅');
  });
  it('matches pinyin initials and full pinyin', () => {
    expect(labels(taskPlan('加快建设。(自治区商务厅牵头,自治区外事办、swt'), '、swt')).toContain('商务厅');
    expect(labels(taskPlan('加快建设。(自治区商务厅牵头,自治区外事办、jiaotong'), '、jiaotong')).toContain('交通运输厅');
  });
  it('ranks names used in the workspace first', () => {
    const t = taskPlan('加快建设。(自治区商务厅牵头,自治区外事办、厅');
    const used = labels(t, '、厅', { usage: (n: string) => (n === '自治区水利厅' ? 5 : 0) });
    expect(used[0]).toBe('水利厅');
  });
  it('completes a first name while the clause has no role word yet', () => {
    expect(labels(taskPlan('加快口岸建设。(自治区商'), '(自治区商')).toContain('自治区商务厅');
  });
  it('does not grow with the document: it reads one line, with a registry of 5,000', () => {
    const big = new Registry(['test']);
    for (const a of registry.agencies) big.add(a);
    for (let i = 0; i < 5000; i++) big.add({ id: `test:${i}`, name: `自治区测试局${String(i).padStart(4, '0')}`, aliases: [], successors: [], source: { kind: 'preset', name: 'test' } });
    const doc = Array(100).fill(SAMPLE).join('\n') + '\n加快建设。(自治区商务厅牵头,自治区外事办、交';
    const r = completeAt(doc, doc.length, { registry: big, pinyin: py });
    expect(r.items[0].label).toBe('交通运输厅');
  });
});

describe('hover', () => {
  it('shows the registry name, aliases, level and load', () => {
    const { model } = analyze(SAMPLE, { registry });
    const h = hoverAt(model, SAMPLE.indexOf('自治区发展改革委牵头') + 2, registry)!;
    expect(h.markdown).toContain('**自治区发展改革委**');
    expect(h.markdown).toContain('自治区发展和改革委员会');
    expect(h.markdown).toContain('省级');
  });
});

describe('rename', () => {
  it('expands names that relied on a renamed first name\'s prefix', () => {
    const text = taskPlan('加快建设。(自治区商务厅牵头,自治区外事办、交通运输厅配合)');
    const { model } = analyze(text, { registry });
    const renamed = applyEdits(text, renameEdits(model, '自治区外事办', '外交办'));
    expect(renamed).toContain('外交办、自治区交通运输厅配合');
    expect(analyze(renamed, { registry }).model.clauses[0].parties.map((p) => p.name)).toEqual(['自治区商务厅', '外交办', '自治区交通运输厅']);
  });
  it('renames a registry entry and keeps the old name as an alias, touching nothing else', () => {
    const file = '{\n  // 单位\n  "agencies": [\n    { "name": "县甲局", "aliases": ["甲局"] }\n  ]\n}\n';
    const out = applyEdits(file, renameAgencyEdits(file, 0, '县甲局', '县乙局')!);
    expect(out).toContain('// 单位');
    const reg = loadRegistryFile(out, 'r.json').registry!;
    expect(reg.lookup('县甲局')?.name).toBe('县乙局');
    expect(reg.lookup('甲局')?.name).toBe('县乙局');
  });
});

describe('fixes', () => {
  const fixed = (text: string, code: string) => {
    const a = analyze(text, { registry });
    const f = a.findings.find((x) => x.code === code)!;
    const fix = fixesFor(a.model, f, registry)[0];
    return applyEdits(text, fix.edits);
  };
  it('removes a duplicate with its separator', () => {
    const out = fixed(taskPlan('加快建设。(自治区商务厅牵头,自治区财政厅、财政厅、公安厅配合)'), 'agency.duplicate');
    expect(out).toContain('(自治区商务厅牵头,自治区财政厅、公安厅配合)');
  });
  it('closes an unclosed clause', () => {
    const out = fixed(taskPlan('加快建设。（自治区商务厅牵头,自治区财政厅配合'), 'clause.unclosed');
    expect(out.endsWith('（自治区商务厅牵头,自治区财政厅配合）')).toBe(true);
    expect(analyze(out, { registry }).findings).toEqual([]);
  });
  it('writes one agency under one name throughout, short where the prefix carries', () => {
    const out = fixed(taskPlan('加快建设。(自治区商务厅牵头,自治区发展和改革委员会配合)\n推进物流。(自治区发展改革委牵头)'), 'agency.alias');
    expect(out).toContain('(自治区商务厅牵头,自治区发展改革委配合)');
  });
  it('renames a superseded name only where it was renamed one to one', () => {
    const text = (name: string) => ['2024年重点工作分工方案', '一、重点任务', `(一)加快建设。(自治区商务厅牵头,自治区${name}配合)`].join('\n');
    const out = fixed(text('环保厅'), 'agency.superseded');
    expect(out).toContain('自治区生态环境厅配合');
    const a = analyze(text('国土资源厅'));
    const f = a.findings.find((x) => x.code === 'agency.superseded')!;
    expect(f.message).toContain('自治区自然资源厅');
    expect(fixesFor(a.model, f, a.registry)).toEqual([]);
  });
  it('fix-all applies only safe, non-overlapping fixes', () => {
    const text = taskPlan('加快建设。（自治区商务厅牵头,自治区发展和改革委员会、财政厅、财政厅配合)\n推进物流。(自治区发展改革委牵头)');
    const a = analyze(text, { registry });
    const out = applyEdits(text, safeFixes(a.model, a.findings, registry));
    expect(analyze(out, { registry }).findings.map((f) => f.code)).toEqual([]);
  });
  it('adds an agency to a registry without one, or with an empty list', () => {
    for (const file of ['{}', '{ "agencies": [] }', '{\n\t"extends": ["inner-mongolia"]\n}']) {
      const out = applyEdits(file, addAgencyEdits(file, '县丙局')!);
      expect(loadRegistryFile(out, 'r.json').registry!.lookup('县丙局')).toBeDefined();
    }
    expect(addAgencyEdits('{ "agencies": 3 }', 'x')).toBeUndefined();
    expect(addAgencyEdits('{ broken', 'x')).toBeUndefined();
  });
});

describe('semantic tokens', () => {
  it('tell lead, cooperating and unknown apart', () => {
    const text = taskPlan('加快建设。(自治区商务厅牵头,自治区不存在局配合)');
    const { model } = analyze(text, { registry });
    const toks = semanticTokens(model, true).map((t) => `${TOKEN_TYPES[t.type]}${t.modifiers & 1 ? '!' : ''}:${text.slice(t.span.start, t.span.end)}`);
    expect(toks).toEqual(['agencyLead:自治区商务厅', 'roleWord:牵头', 'agencyCooperating!:自治区不存在局', 'roleWord:配合']);
  });
});

describe('hover on names from a project file', () => {
  it('shows every name literally: no image, link or emphasis can come from a registry entry', async () => {
    const MarkdownIt = (await import('markdown-it')).default;
    const evil = '**![t](https://evil.example/t.png)**';
    const file = JSON.stringify({
      agencies: [
        { name: '县甲局', fullName: evil, aliases: ['![a](https://evil.example/a.png)', '<img src=x>', '&#33;[e](https://evil.example)'], kind: undefined, until: '2000', successor: '[x](https://evil.example/x)' },
        { name: '[x](https://evil.example/x)' },
      ],
    });
    const reg = loadRegistryFile(file, '/ws/fengong.json').registry!;
    const text = taskPlan('加快口岸建设。(县甲局牵头)');
    const { model } = analyze(text, { registry: reg });
    const h = hoverAt(model, text.indexOf('县甲局') + 1, reg)!;
    const html = new MarkdownIt({ linkify: true }).render(h.markdown);
    expect(html).not.toMatch(/<img|<a |<em>/);
    // The one bold is the agency's own name; the names read as written.
    expect(html.match(/<strong>/g)).toHaveLength(1);
    expect(html).toContain('**![t](https://evil.example/t.png)**');
    expect(html).toContain('![a](https://evil.example/a.png)');
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).toContain('&amp;#33;[e](https://evil.example)');
    expect(html).toContain('[x](https://evil.example/x)');
  });
});
