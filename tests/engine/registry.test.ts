// The agency registry: the data files (every entry sourced and dated), the registry a plan gets
// from its place and date, and the workspace file over it — broken files must not break anything.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, schemas, loadRegistryFile, presetRegistry, ProjectRegistry, projectJsonSchema, provinces, standingAt, type DataFile } from '../../server/src/engine';
import { DATA_TEXT, PROVINCE_TEXT } from '../../server/src/engine/registry/data';
import { codes, plan, taskPlan } from '../helpers';

const files: [string, DataFile][] = [
  ...Object.entries(DATA_TEXT).map(([n, t]) => [n, JSON.parse(t)] as [string, DataFile]),
  ...Object.entries(PROVINCE_TEXT).map(([n, t]) => [`province ${n}`, JSON.parse(t)] as [string, DataFile]),
];

describe('the agency data', () => {
  it('is valid against the data schema, and every entry names a source the file lists', () => {
    for (const [name, f] of files) {
      const r = schemas().DataFileSchema.safeParse(f);
      expect(r.success, `${name}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 2))}`).toBe(true);
      for (const e of f.agencies) expect(Object.hasOwn(f.sources, e.source) || /^https?:/.test(e.source), `${name} ${e.id} cites ${e.source}`).toBe(true);
    }
  });

  it('has unique ids, and every parent and successor resolves within its file (or the template)', () => {
    const template = new Set(JSON.parse(DATA_TEXT['province-template']).agencies.map((e: { id: string }) => e.id));
    for (const [name, f] of files) {
      const ids = new Set(f.agencies.map((e) => e.id));
      expect(ids.size, name).toBe(f.agencies.length);
      for (const e of f.agencies) {
        if (e.parent) expect(ids.has(e.parent) || template.has(e.parent), `${name} ${e.id} parent ${e.parent}`).toBe(true);
        for (const s of e.successors ?? []) expect(ids.has(s.id) || template.has(s.id), `${name} ${e.id} successor ${s.id}`).toBe(true);
        if (e.template) expect(template.has(e.template), `${name} ${e.id} template ${e.template}`).toBe(true);
      }
    }
  });

  it('counts the State Council’s bodies after the 2023 reform as published', () => {
    const national = JSON.parse(DATA_TEXT.national) as DataFile & { published: Record<string, number | string> };
    const now = { year: 2024 };
    for (const [kind, count] of Object.entries(national.published)) {
      if (kind === 'source') continue;
      const current = national.agencies.filter((e) => e.kind === kind && standingAt({ ...e, aliases: [], successors: [], source: { kind: 'preset', name: '' } }, now) === 'current');
      expect(current.length, kind).toBe(count);
    }
  });

  it('never has a name current for two bodies at one date', () => {
    const national = JSON.parse(DATA_TEXT.national) as DataFile;
    for (const year of [2008, 2013, 2016, 2019, 2024]) {
      const seen = new Map<string, string>();
      for (const e of national.agencies) {
        const a = { ...e, aliases: e.aliases ?? [], successors: [], source: { kind: 'preset' as const, name: '' } };
        if (standingAt(a, { year }) !== 'current') continue;
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          expect(seen.get(n) === undefined || seen.get(n) === e.id, `${year}: ${n} is ${seen.get(n)} and ${e.id}`).toBe(true);
          seen.set(n, e.id);
        }
      }
    }
  });

  it('knows all 31 provincial-level governments by name, level word and short name', () => {
    const ps = provinces();
    expect(ps).toHaveLength(31);
    expect(ps.find((p) => p.code === '44')).toMatchObject({ name: '广东省', level: '省', short: '广东' });
    expect(ps.find((p) => p.code === '45')).toMatchObject({ name: '广西壮族自治区', level: '自治区', short: '广西' });
    expect(ps.find((p) => p.code === '11')).toMatchObject({ name: '北京市', level: '市', short: '北京' });
  });
});

describe('the registry a plan gets, with no set-up', () => {
  const text = (title: string, clause: string) => plan(title, '一、重点任务', `(一)加快建设。(${clause})`);

  it('a province of any name: its template under its level word and its full name', () => {
    for (const [title, clause] of [
      ['广东省2024年重点工作任务分工方案', '省发展改革委牵头,广东省财政厅、省科技厅配合'],
      ['四川省人民政府2023年重点工作分工方案', '省发展改革委牵头,省财政厅、省教育厅配合'],
      ['安徽省2022年重点工作及责任分解', '省发展改革委牵头,省经济和信息化厅配合'],
      ['广西壮族自治区2024年重点工作分工方案', '自治区发展改革委牵头,自治区财政厅配合'],
    ]) {
      const a = analyze(text(title, clause));
      expect(a.findings.filter((f) => f.code.startsWith('agency.')), title).toEqual([]);
    }
  });

  it('a city, a district of a municipality and the State Council', () => {
    expect(codes(text('武汉市2024年重点工作分工方案', '市发展改革委牵头,市财政局、市教育局配合'))).not.toContain('agency.unknown');
    expect(codes(text('北京市大兴区2024年重点工作分工方案', '区财政局牵头,区教育局、市发展改革委配合'))).not.toContain('agency.unknown');
    expect(codes(text('国务院2024年重点工作分工的意见', '国家发展改革委牵头,财政部、中国人民银行、中国证监会配合'))).not.toContain('agency.unknown');
  });

  it('names a province’s department in a national plan as a provincial one, not as a ministry', () => {
    const a = analyze(text('重点工作分工方案', '自然资源部牵头,省自然资源厅配合'));
    expect(a.model.clauses[0].parties.map((p) => p.agency)).toEqual(['自然资源部', '省自然资源厅']);
  });

  it('knows the 2024 names and flags the abolished ones in a 2024 plan, not in a 2016 one', () => {
    const p2024 = text('内蒙古自治区2024年重点工作分工方案', '自治区政务服务与数据管理局牵头,自治区国防动员办公室、自治区国土资源厅配合');
    const unknown = analyze(p2024).findings.filter((f) => f.code === 'agency.unknown').map((f) => f.args.name);
    expect(unknown).not.toContain('自治区国防动员办公室');
    expect(codes(p2024)).toContain('agency.superseded');
    expect(codes(text('内蒙古自治区2016年重点工作分工方案', '自治区国土资源厅牵头,自治区财政厅配合'))).not.toContain('agency.superseded');
  });

  it('suggests a simplified or one-character-away name first', () => {
    const a = analyze(text('内蒙古自治区2024年重点工作分工方案', '自治区商務厅牵头,自治区财政厅配合'));
    const f = a.findings.find((x) => x.code === 'agency.unknown')!;
    expect(f.data?.suggestions?.[0]).toBe('自治区商务厅');
    const b = analyze(text('内蒙古自治区2024年重点工作分工方案', '自治区商务局牵头,自治区财政厅配合'));
    expect(b.findings.find((x) => x.code === 'agency.unknown')!.data?.suggestions?.[0]).toBe('自治区商务厅');
  });

  it('reads a short form of a listed name as that body (区卫健局, 自治区外事办)', () => {
    const a = analyze(text('武汉市蔡甸区2023年重点工作分工方案', '区卫健局牵头,区发展和改革局配合'));
    expect(a.model.clauses[0].parties[0]).toMatchObject({ shortForm: true, agency: '区卫生健康局' });
  });

  it('keeps canonical names as current documents write them', () => {
    const r = presetRegistry(['national']);
    expect(r.lookup('证监会')?.name).toBe('中国证监会');
    expect(r.lookup('中科院')?.name).toBe('中国科学院');
    expect(r.lookup('发展改革委')?.name).toBe('国家发展改革委');
  });
});

describe('the workspace registry file', () => {
  const good = `{
  // 本工作区单位
  "extends": ["inner-mongolia"],
  "agencies": [
    { "name": "满洲里市人民政府办公室", "aliases": ["满洲里市政府办"], "level": "county" },
  ],
  "ignore": ["试验区管委会"]
}`;

  it('extends named registries, adds its agencies with their place in the file, honours ignore', () => {
    const { registry, findings } = loadRegistryFile(good, '/w/fengong.registry.json');
    expect(findings).toEqual([]);
    const a = registry!.lookup('满洲里市政府办')!;
    expect(a.name).toBe('满洲里市人民政府办公室');
    expect(good.slice(a.nameSpan!.start, a.nameSpan!.end)).toBe('"name": "满洲里市人民政府办公室"');
    expect(registry!.isIgnored('试验区管委会')).toBe(true);
    const analysis = analyze(taskPlan('加快建设。(满洲里市政府办牵头,试验区管委会、自治区商务厅配合)'), { registry });
    expect(analysis.findings.map((f) => f.code)).not.toContain('agency.unknown');
  });

  it('overrides a data entry and retires one; the place and date can be forced', () => {
    const text = '{ "place": "广东省", "date": "2024", "agencies": [ { "name": "省发展改革委", "aliases": ["省发改"] } ], "retire": ["省财政厅"] }';
    const { registry, findings } = loadRegistryFile(text, 'r.json');
    expect(findings).toEqual([]);
    const a = analyze(plan('重点工作分工方案', '一、任务', '(一)加快建设。(省发改牵头,省财政厅、省国土资源厅配合)'), { registry });
    expect(a.place?.province?.name).toBe('广东省');
    const found = a.findings.map((f) => `${f.code}:${f.args.name ?? ''}`);
    expect(found).toContain('agency.unknown:省财政厅');
    expect(found).toContain('agency.superseded:省国土资源厅');
    expect(found).not.toContain('agency.unknown:省发改');
  });

  it('reports invalid JSON where it is, and gives no registry', () => {
    const text = '{ "extends": ["inner-mongolia"]\n  "agencies": [] }';
    const { registry, findings } = loadRegistryFile(text, 'r.json');
    expect(registry).toBeUndefined();
    expect(findings[0].code).toBe('registry.invalid-json');
    expect(findings[0].span.start).toBe(text.indexOf('"agencies"'));
  });

  it('reports a wrong shape at the offending entry', () => {
    const text = '{ "agencies": [ { "name": "甲" }, { "nam": "乙" } ] }';
    const { registry, findings } = loadRegistryFile(text, 'r.json');
    expect(registry).toBeUndefined();
    expect(findings.every((f) => f.code === 'registry.invalid')).toBe(true);
    expect(findings[0].span.start).toBeGreaterThanOrEqual(text.indexOf('{ "nam"'));
    expect(findings[0].span.end).toBeLessThanOrEqual(text.indexOf(' ] }') + 1);
  });

  it('reports an unknown registry name and a name given to two agencies, yet keeps working', () => {
    const text = '{ "extends": ["inner-mongolia", "guangdongsheng"], "agencies": [ { "name": "甲局" }, { "name": "乙局", "aliases": ["甲局"] } ] }';
    const { registry, findings } = loadRegistryFile(text, 'r.json');
    expect(findings.map((f) => f.code)).toEqual(['registry.unknown-preset', 'registry.duplicate-name']);
    expect(text.slice(findings[0].span.start, findings[0].span.end)).toBe('"guangdongsheng"');
    expect(registry).toBeDefined();
  });

  it('has a JSON Schema generated from the same zod schema', () => {
    const schema = projectJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'extends', 'place', 'date', 'agencies', 'retire', 'ignore', 'rules', 'messages', 'source']);
    expect(JSON.parse(readFileSync(new URL('../../server/data/agencies/national.json', import.meta.url), 'utf8')).agencies.length).toBeGreaterThan(150);
  });
  it('reads the source document the plans carry out (coverage), as written: a path relative to the file', () => {
    const loaded = loadRegistryFile('{ "source": " 上位/政府工作报告.txt " }', '/ws/fengong.json');
    expect(loaded.findings).toEqual([]);
    expect((loaded.registry as ProjectRegistry).source).toBe('上位/政府工作报告.txt');
    expect((loadRegistryFile('{}', '/ws/fengong.json').registry as ProjectRegistry).source).toBeUndefined();
    expect(loadRegistryFile('{ "source": 3 }', '/ws/fengong.json').findings.map((f) => f.code)).toEqual(['registry.invalid']);
  });
});
