// The agency registry: presets, the workspace file, and broken files that must not break anything.
import { describe, expect, it } from 'vitest';
import { loadRegistryFile, PresetSchema, PRESETS, presetRegistry, registryJsonSchema } from '../../server/src/engine';
import { codes, taskPlan } from '../helpers';

describe('presets', () => {
  it('are valid against the preset schema (they are not re-validated at start-up)', () => {
    for (const [name, preset] of Object.entries(PRESETS)) expect(PresetSchema.safeParse(preset).success, name).toBe(true);
    expect(PRESETS['inner-mongolia'].agencies.length).toBeGreaterThan(150);
    expect(PRESETS['state-council'].agencies.length).toBeGreaterThan(100);
  });
  it('have unique names within each preset', () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
      const all = preset.agencies.flatMap((a) => [a.name, ...(a.aliases ?? [])]);
      expect(new Set(all).size, name).toBe(all.length);
    }
  });
  it('know one agency under its full and short forms', () => {
    const r = presetRegistry(['inner-mongolia']);
    expect(r.lookup('自治区发展和改革委员会')?.name).toBe('自治区发展改革委');
    expect(r.lookup('内蒙古民航机场集团公司')?.name).toBe('内蒙古民航机场集团');
    const sc = presetRegistry(['state-council']);
    expect(sc.lookup('发展改革委')?.name).toBe('国家发展改革委');
    expect(sc.lookup('人力资源社会保障部')).toBeDefined();
    expect(sc.lookup('工业和信息化部')).toBeDefined();
  });
  it('suggests near names for a misspelt one', () => {
    expect(presetRegistry(['inner-mongolia']).nearest('自治区商务局')).toContain('自治区商务厅');
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

  it('extends presets, adds its agencies with their place in the file, honours ignore', () => {
    const { registry, findings } = loadRegistryFile(good, '/w/fengong.registry.json');
    expect(findings).toEqual([]);
    const a = registry!.lookup('满洲里市政府办')!;
    expect(a.name).toBe('满洲里市人民政府办公室');
    expect(good.slice(a.nameSpan!.start, a.nameSpan!.end)).toBe('"name": "满洲里市人民政府办公室"');
    expect(registry!.lookup('自治区商务厅')).toBeDefined();
    expect(registry!.isIgnored('试验区管委会')).toBe(true);
    expect(codes(taskPlan('加快建设。(满洲里市政府办牵头,试验区管委会配合)'), { registry })).not.toContain('agency.unknown');
  });

  it('reports invalid JSON where it is, and gives no registry', () => {
    const text = '{ "extends": ["inner-mongolia"\n  "agencies": [] }';
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

  it('reports an unknown preset and a name given to two agencies, yet keeps working', () => {
    const text = '{ "extends": ["inner-mongolia", "guangdong"], "agencies": [ { "name": "甲局" }, { "name": "乙局", "aliases": ["甲局"] } ] }';
    const { registry, findings } = loadRegistryFile(text, 'r.json');
    expect(findings.map((f) => f.code)).toEqual(['registry.unknown-preset', 'registry.duplicate-name']);
    expect(text.slice(findings[0].span.start, findings[0].span.end)).toBe('"guangdong"');
    expect(registry!.lookup('自治区商务厅')).toBeDefined();
  });

  it('has a JSON Schema generated from the same zod schema', () => {
    const schema = registryJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'extends', 'agencies', 'ignore']);
  });
});
